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
import { readAllPages } from './services/dashboard/dashboardPorts';
import { DashboardService } from './services/dashboard/dashboardService';
import { BookingService } from './services/meetings/bookingService';
import { collectPersonData } from './services/privacy/collectPersonData';
import { PersonDataService } from './services/privacy/personDataService';
import { PairingService } from './services/programmes/pairingService';
import { ProgrammeLifecycleService } from './services/programmes/programmeLifecycleService';
import { ProgrammeService } from './services/programmes/programmeService';
import { SignUpService } from './services/programmes/signUpService';
import { CheckInService } from './services/rhythm/checkInService';
import { CheckpointService } from './services/rhythm/checkpointService';
import { dueHandler } from './services/rhythm/dueHandlers';
import { EvaluationService } from './services/rhythm/evaluationService';
import { LearningService } from './services/rhythm/learningService';
import { RhythmPlanner } from './services/rhythm/rhythmPlanner';
import { Scheduler } from './services/rhythm/scheduler';
import { TableAccessStore } from './store/accessStore';
import { TableAgreementStore } from './store/agreementStore';
import { TableConversationStore } from './store/conversationStore';
import { type OpenDueItem, TableDueStore } from './store/dueStore';
import { TableEvaluationStore } from './store/evaluationStore';
import { TableLearningStore } from './store/learningStore';
import { TableMeetingStore } from './store/meetingStore';
import { TableMembershipStore, TablePairStore } from './store/pairStore';
import { TableProgrammePurge } from './store/programmePurge';
import { TableProgrammeStore } from './store/programmeStore';
import { createTableClientFactory } from './store/tableClients';
import { checkStorage, ensureTables, openTables } from './store/tables';
import { TableVolunteerStore } from './store/volunteerStore';
import { createAdapter } from './teams/adapter';
import { scopeKeyFor } from './teams/conversationReferences';
import { teamsMeetingNotices } from './teams/meetingNotices';
import { MeetingNudges } from './teams/meetingNudges';
import { messagesEndpoint } from './teams/messagesEndpoint';
import { PolkuBot } from './teams/polkuBot';
import { ProactiveNotifier } from './teams/proactiveNotifier';
import { TeamsRhythmPrompts } from './teams/rhythmPrompts';
import { SendPacer, TEAMS_LIMITS } from './teams/sendPacer';
import { SignUpForms } from './teams/signUpForms';
import { WeeklyDigests } from './teams/weeklyDigests';

export interface App {
  readonly http: HttpServer;
  /** Due work (nudges, check-ins, prompts, digests); index.ts starts and stops it with the server. */
  readonly scheduler: Scheduler<OpenDueItem>;
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
    pacer: new SendPacer({ ...TEAMS_LIMITS, perTenantPerSecond: config.teamsSendPerSecond }),
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
    // The planner is built below; this runs only once a sign-up is saved.
    refreshAnnouncementLater: (programme) => planner.planAnnouncementRefresh(programme),
  });
  const programmeLifecycle = new ProgrammeLifecycleService({
    programmes: programmeStore,
    eraser: new TableProgrammePurge(tables),
    notifier,
    counts: (programmeId) => programmes.counts(programmeId),
    now,
    onNotifyError,
  });
  const pairStore = new TablePairStore(tables.pairs);
  const memberships = new TableMembershipStore(tables.memberships);
  const agreementStore = new TableAgreementStore(tables.agreements);
  const dueStore = new TableDueStore(tables.due);
  const planner = new RhythmPlanner({
    due: dueStore,
    programmes: programmeStore,
    pairs: pairStore,
    meetings: new TableMeetingStore(tables.meetings),
    agreements: agreementStore,
    now,
  });
  const agreements = new AgreementService({
    memberships,
    agreements: agreementStore,
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
    schedule: planner,
    pairs: pairStore,
    programmes: programmeStore,
    // Moves and cancellations reach the other member whether they came from a card or the tab.
    notices: teamsMeetingNotices((p, userId, build) => notifier.sendPersonal(p, userId, build), logger),
    onAfterChangeError: (err, what) => logger.warn({ err: errorForLog(err), what }, 'after a meeting change'),
  });
  const pairing = new PairingService({
    programmeService: programmes,
    volunteers,
    pairs: pairStore,
    onPairFormed: async (pair, programme) => {
      await agreements.start(pair, programme);
      // The weekly digest starts with the programme's first pair; planning it again changes nothing.
      await planner.planDigest(programme);
    },
    memberships,
    notifier,
    now,
    onNotifyError,
  });
  const meetingStore = new TableMeetingStore(tables.meetings);
  const learningStore = new TableLearningStore(tables.learnings);
  const evaluationStore = new TableEvaluationStore(tables.evaluations);
  const dashboard = new DashboardService({
    programmes,
    sources: {
      // Only the columns the dashboard shows: a 5,000-pair programme's rows are half the size without the rest.
      volunteers: (id) => readAllPages((token) => volunteers.listDashboardPage(id, token)),
      pairs: (id) => readAllPages((token) => pairStore.listDashboardPage(id, token)),
      meetings: (id) => readAllPages((token) => meetingStore.listProgrammeDashboardPage(id, token)),
      learnings: async (id) =>
        (await readAllPages((token) => learningStore.listProgrammePage(id, token))).map((l) => l.value),
      evaluations: (id) => readAllPages((token) => evaluationStore.listProgrammePage(id, token)),
    },
    now,
  });
  const personData = new PersonDataService({ collect: (person) => collectPersonData(tables, person), now });
  const rhythmPrompts = new TeamsRhythmPrompts(notifier);
  const rhythm = {
    agreements,
    checkIns: new CheckInService({
      pairs: pairStore,
      programmes: programmeStore,
      meetings: meetingStore,
      now,
    }),
    checkpoints: new CheckpointService({
      pairs: pairStore,
      programmes: programmeStore,
      agreements,
      notices: rhythmPrompts,
      prompts: rhythmPrompts,
      now,
      onFollowUpError: onNotifyError,
    }),
    evaluations: new EvaluationService({
      pairs: pairStore,
      programmes: programmeStore,
      managers: programmes,
      evaluations: evaluationStore,
      now,
    }),
    learnings: new LearningService({
      pairs: pairStore,
      programmes: programmeStore,
      managers: programmes,
      memberships,
      learnings: learningStore,
      notices: rhythmPrompts,
      now,
      onNotifyError,
    }),
  };
  // The scheduler is built below; a form is left to it only once a Join finds Teams' pace full.
  const signUpForms = new SignUpForms({
    programmes: programmeStore,
    volunteers,
    notifier,
    due: dueStore,
    wake: () => scheduler.wake(),
    now,
  });
  const bot = new PolkuBot({
    conversations,
    personData,
    cardActions: {
      programmes,
      signUps,
      pairing,
      agreements,
      booking,
      rhythm,
      logger,
      sendPersonal: (p, userId, build) => notifier.sendPersonal(p, userId, build),
      signUpForms,
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

  const scheduler = new Scheduler<OpenDueItem>({
    due: dueStore,
    now,
    logger,
    handle: dueHandler({
      programmes: programmeStore,
      pairs: pairStore,
      meetings: meetingStore,
      agreements: agreementStore,
      evaluations: evaluationStore,
      due: dueStore,
      marks: dueStore,
      prompts: rhythmPrompts,
      nudges: new MeetingNudges(notifier),
      digests: new WeeklyDigests(dashboard, notifier),
      sendSignUpForm: (item) => signUpForms.deliver(item),
      refreshAnnouncement: async (tenantId, programmeId) => {
        const { value: programme } = await programmeStore.get(tenantId, programmeId);
        if (programme.announcement)
          await notifier.updateAnnouncement(programme, await programmes.counts(programmeId));
      },
      reconcile: async (programmeId, pairId, number, bookedAt) => {
        await booking.reconcile(programmeId, pairId, number, bookedAt);
      },
    }),
  });
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
      personData,
      dashboard,
      learnings: rhythm.learnings,
      evaluations: rhythm.evaluations,
      programmeLifecycle,
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
        ? {
            devSignIn: { key: config.devSessionKey, tenantId: config.localTenantId, users: DEMO_USERS },
            devScheduler: scheduler,
          }
        : {}),
    },
  });
  return { http, scheduler };
}
