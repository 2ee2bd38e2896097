/**
 * Composition root: builds the adapters from the configuration and wires
 * them into the bot, the API and the HTTP server. Nothing here holds state;
 * everything durable lives in Azure Tables.
 */

import { DevSessionAuthenticator, NoSignInAuthenticator } from './api/devSessions';
import type { Authenticator } from './api/principal';
import { type Config, isLoopbackHost } from './config';
import { DEMO_USERS } from './devsupport/demoOrganisation';
import { ThrottledError, UnavailableError } from './domain/errors';
import { errorForLog, type Logger } from './logging';
import { createServer, type HttpServer } from './server';
import { TableAccessStore } from './store/accessStore';
import { TableConversationStore } from './store/conversationStore';
import { createTableClientFactory } from './store/tableClients';
import { checkStorage, ensureTables, openTables } from './store/tables';
import { createAdapter } from './teams/adapter';
import { messagesEndpoint } from './teams/messagesEndpoint';
import { PolkuBot } from './teams/polkuBot';

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
  const bot = new PolkuBot({ conversations, now, logger });
  const adapter = createAdapter(config.bot, logger);

  const devSignInAllowed =
    config.mode === 'local' && isLoopbackHost(config.host) && config.devSessionKey !== undefined;
  const authenticator: Authenticator =
    devSignInAllowed && config.devSessionKey
      ? new DevSessionAuthenticator(config.devSessionKey, now)
      : new NoSignInAuthenticator();

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
      ...(devSignInAllowed && config.devSessionKey
        ? { devSignIn: { key: config.devSessionKey, tenantId: config.localTenantId, users: DEMO_USERS } }
        : {}),
    },
  });
  return { http };
}
