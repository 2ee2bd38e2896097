/**
 * Every entity of one test stack's tables (by prefix), as plain JSON with
 * ETags, for "nothing changed" assertions and for scanning what is stored.
 */
import { TableClient, TableServiceClient } from '@azure/data-tables';

export type TableDump = Record<string, Array<Record<string, unknown>>>;

export async function dumpTables(connectionString: string, prefix: string): Promise<TableDump> {
  const service = TableServiceClient.fromConnectionString(connectionString, {
    allowInsecureConnection: true,
  });
  const dump: TableDump = {};
  for await (const table of service.listTables()) {
    const name = table.name ?? '';
    if (!name.startsWith(prefix)) continue;
    const client = TableClient.fromConnectionString(connectionString, name, {
      allowInsecureConnection: true,
    });
    const rows: Array<Record<string, unknown>> = [];
    for await (const e of client.listEntities()) rows.push({ ...e });
    rows.sort((a, b) =>
      `${a.partitionKey}\u0000${a.rowKey}`.localeCompare(`${b.partitionKey}\u0000${b.rowKey}`),
    );
    dump[name.slice(prefix.length)] = rows;
  }
  return dump;
}

/** The dump with the named tables reduced to their keys (rows that change legitimately on every message). */
export function keysOnly(dump: TableDump, tables: readonly string[]): TableDump {
  return Object.fromEntries(
    Object.entries(dump).map(([name, rows]) => [
      name,
      tables.includes(name) ? rows.map((r) => ({ partitionKey: r.partitionKey, rowKey: r.rowKey })) : rows,
    ]),
  );
}
