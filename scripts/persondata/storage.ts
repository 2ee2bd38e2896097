/**
 * Opens the tables the way the server does (same configuration, same
 * client factory, same prefix), and says which storage that is without
 * printing anything secret.
 */
import { type Config, loadConfig, type TablesConfig } from '../../bot/src/config';
import { NotFoundError } from '../../bot/src/domain/errors';
import { createTableClientFactory } from '../../bot/src/store/tableClients';
import { TableRepository } from '../../bot/src/store/tableRepository';
import { openTables, type Tables } from '../../bot/src/store/tables';

export interface OpenedStorage {
  readonly tables: Tables;
  /** For the operator: endpoint and how it is reached; never a key or SAS. */
  readonly description: string;
}

/** Opens without a request yet, so the operator can be told where it points before anything can fail. */
export function openStorage(env: NodeJS.ProcessEnv = process.env): OpenedStorage {
  const config: Config = loadConfig(env);
  const tables = openTables(createTableClientFactory(config.tables), config.tablePrefix);
  const prefix = config.tablePrefix ? `, table prefix "${config.tablePrefix}"` : ', no table prefix';
  return { tables, description: `${describeTables(config.tables)}${prefix}` };
}

/**
 * A missing table means the wrong account or TABLE_PREFIX, not "no data":
 * say so instead of exporting nothing (or creating empty tables, as the
 * server would).
 */
export async function assertTablesExist(tables: Tables): Promise<void> {
  const missing: string[] = [];
  for (const client of Object.values(tables)) {
    try {
      await new TableRepository(client, `Table ${client.tableName}`).listPage('probe', { pageSize: 1 });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      missing.push(client.tableName);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `table(s) ${missing.join(', ')} not found: check TABLES_ENDPOINT / TABLES_CONNECTION_STRING and TABLE_PREFIX`,
    );
  }
}

export function describeTables(tables: TablesConfig): string {
  if (tables.kind === 'endpoint') return `${withoutQuery(tables.endpoint)} (Entra ID)`;
  const cs = tables.connectionString;
  if (/UseDevelopmentStorage=true/i.test(cs)) return 'local Azurite (development storage)';
  const endpoint = /TableEndpoint=([^;]+)/i.exec(cs)?.[1];
  if (endpoint) return `${withoutQuery(endpoint)} (connection string)`;
  const account = /AccountName=([^;]+)/i.exec(cs)?.[1];
  return `storage account ${account ?? '(unnamed)'} (connection string)`;
}

function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    // loadConfig has already refused a malformed endpoint; this only keeps a query string out of the output.
    return '(endpoint)';
  }
}
