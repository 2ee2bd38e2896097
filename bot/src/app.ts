/**
 * Composition root: builds the adapters from the configuration and wires
 * them into the bot, the API and the HTTP server. Nothing here holds state;
 * everything durable lives in Azure Tables.
 */

import { DevSessionAuthenticator, NoSignInAuthenticator } from './api/devSessions';
import { EntraSigningKeys } from './api/entraKeys';
import { EntraTokenAuthenticator } from './api/entraTokens';
import type { Authenticator } from './api/principal';
import { RateLimitedAuthenticator } from './api/rateLimit';
import { GraphCalendar } from './calendar/graphCalendar';
import { createGraphClient } from './calendar/graphClient';
import { type Config, isLoopbackHost } from './config';
import { DEMO_USERS } from './devsupport/demoOrganisation';
import { ThrottledError, UnavailableError } from './domain/errors';
import { errorForLog, type Logger } from './logging';
import { createServer, type HttpServer } from './server';
import { AgreementService } from './services/agreements/agreementService';
import { BookingService } from './services/meetings/bookingService';
import { PairingService } from './services/programmes/pairingService';
import { ProgrammeService } from './services/programmes/programmeService';
import { SignUpService } from './services/programmes/signUpService';
import { TableAccessStore } from './store/accessStore';
import { TableAgreementStore } from './store/agreementStore';
import { TableConversationStore } from './store/conversationStore';
import { TableMeetingStore } from './store/meetingStore';
import { TableMembershipStore, TablePairStore } from './store/pairStore';
import { TableProgrammeStore } from './store/programmeStore';
import { createTableClientFactory } from './store/tableClients';
import { checkStorage, ensureTables, openTables } from './store/tables';
import { TableVolunteerStore } from './store/volunteerStore';
import { createAdapter } from './teams/adapter';
import { scopeKeyFor } from './teams/conversationReferences';
import { messagesEndpoint } from './teams/messagesEndpoint';
import { PolkuBot } from './teams/polkuBot';
import { ProactiveNotifier } from './teams/proactiveNotifier';

export interface App {
  readonly http: HttpServer;
}

export async function createApp(
  config: Config,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<App> {
  const factory = createTableClientFactory(config.tables);
  const tables = openTables(factory, config.tablePrefix);
  const healthProbe = factory(tables.conversations.tableName, { maxRetries: 0 });
  try {
    await ensureTables(tables);
  } catch (err) {
    // Storage down at start-up is not fatal: the server comes up unhealthy and the
    // health check creates the tables once storage answers. A refusal (bad credentials) is fatal.
    if (!(err instanceof UnavailableError || err instanceof ThrottledError)) throw err;
    logger.warn(
      { err: errorForLog(err) },
      'storage unavailable at start-up; serving unhealthy until it answers',
    );
  }

  const conversations = new TableConversationStore(tables.conversations);
  const access = new TableAccessStore(tables.access);
  const programmeStore = new TableProgrammeStore(tables.programmes);
  const volunteers = new TableVolunteerStore(tables.participants);
  const adapter = createAdapter(config.bot, logger);
  const notifier = new ProactiveNotifier({
    adapter,
    botAppId: config.bot?.appId ?? '',
    conversations,
    now,
    logger,
  });
  // A sign-up or a pair is saved before anyone is told; a failed message is logged, never undone.
  const onNotifyError = (err: unknown, what: string) =>
    logger.warn({ err: errorForLog(err), what }, 'notification failed');
  const programmes = new ProgrammeService({
    programmes: programmeStore,
    volunteers,
    access,
    notifier,
    now,
    onNotifyError,
  });
  const signUps = new SignUpService({
    programmes: programmeStore,
    volunteers,
    access,
    notifier,
    programmeService: programmes,
    now,
    onNotifyError,
  });
  const pairStore = new TablePairStore(tables.pairs);
  const memberships = new TableMembershipStore(tables.memberships);
  const agreements = new AgreementService({
    memberships,
    agreements: new TableAgreementStore(tables.agreements),
    pairs: pairStore,
    programmes: programmeStore,
    notifier,
    now,
    onNotifyError,
  });
  const booking = new BookingService({
    agreements,
    meetings: new TableMeetingStore(tables.meetings),
    calendar: new GraphCalendar(
      createGraphClient({
        mode: config.mode,
        graph: config.graph,
        ...(config.tables.kind === 'endpoint' && config.tables.managedIdentityClientId
          ? { managedIdentityClientId: config.tables.managedIdentityClientId }
          : {}),
      }),
    ),
    now,
  });
  const pairing = new PairingService({
    programmeService: programmes,
    volunteers,
    pairs: pairStore,
    onPairFormed: (pair, programme) => agreements.start(pair, programme),
    memberships,
    notifier,
    now,
    onNotifyError,
  });
  const bot = new PolkuBot({
    conversations,
    cardActions: {
      programmes,
      signUps,
      pairing,
      agreements,
      booking,
      logger,
      sendPersonal: (p, userId, build) => notifier.sendPersonal(p, userId, build),
      now,
    },
    now,
    logger,
    localTenantId: config.mode === 'local' ? config.localTenantId : undefined,
  });

  const devSignInAllowed =
    config.mode === 'local' && isLoopbackHost(config.host) && config.devSessionKey !== undefined;
  const signIn: Authenticator = config.entra
    ? new EntraTokenAuthenticator({
        ...config.entra,
        now,
        keys: new EntraSigningKeys({ ...config.entra, now, logger }),
      })
    : devSignInAllowed && config.devSessionKey
      ? new DevSessionAuthenticator(config.devSessionKey, now)
      : new NoSignInAuthenticator();
  const authenticator: Authenticator = new RateLimitedAuthenticator(signIn, config.apiRateLimit, now);

  const http = createServer({
    messages: messagesEndpoint(adapter, bot, logger),
    logger,
    tabDistDir: config.tabDistDir,
    maxBodyBytes: config.maxBodyBytes,
    checkStorage: () => checkStorage(tables, healthProbe),
    api: {
      authenticator,
      access,
      now,
      logger,
      mode: config.mode,
      agreements,
      booking,
      programmes: {
        programmes,
        pairing,
        listChannels: (tenantId) => conversations.listChannels(tenantId),
        findChannel: async (tenantId, channelId) => {
          const stored = await conversations.get(tenantId, scopeKeyFor('channel', channelId));
          if (!stored?.teamId) return undefined;
          return {
            teamId: stored.teamId,
            channelId: stored.conversationId.split(';')[0] ?? channelId,
            ...(stored.teamName ? { teamName: stored.teamName } : {}),
            ...(stored.channelName ? { channelName: stored.channelName } : {}),
          };
        },
      },
      ...(devSignInAllowed && config.devSessionKey
        ? { devSignIn: { key: config.devSessionKey, tenantId: config.localTenantId, users: DEMO_USERS } }
        : {}),
    },
  });
  return { http };
}
