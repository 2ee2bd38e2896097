/**
 * The tables Polku uses, created at start-up. Each aggregate's store names
 * its table here so the list is complete in one place.
 */
import type { TableClient } from '@azure/data-tables';
import { NotFoundError } from '../domain/errors';
import { toStoreError } from './storeErrors';
import type { TableClientFactory } from './tableClients';

export const TABLE_NAMES = {
  /** Proactive messaging references: PK tenantId, RK scope key. */
  conversations: 'conversations',
  /** Programmes a person may see, with their role: PK tenantId|userId, RK programmeId. */
  access: 'access',
  /** PK tenantId, RK programmeId. */
  programmes: 'programmes',
  /** Volunteers: PK programmeId, RK userId. */
  participants: 'participants',
  /** PK programmeId, RK pairId. */
  pairs: 'pairs',
  /** A person's pairs: PK tenantId|userId, RK programmeId|pairId. */
  memberships: 'memberships',
  /** A pair's agreement: PK pairId, RK "current" and one row per version. */
  agreements: 'agreements',
  /** Meetings: PK programmeId, RK pairId|m0001… (a pair is a RowKey range, a programme one partition). */
  meetings: 'meetings',
  /** Work that falls due (nudges, check-ins, prompts): PK time bucket, RK dueAt|kind|subject. */
  due: 'due',
  /** Learnings a pair proposed or shared: PK programmeId, RK learningId. */
  learnings: 'learnings',
  /** Evaluation answers: PK programmeId, RK pairId|userId. */
  evaluations: 'evaluations',
} as const;

export type TableKey = keyof typeof TABLE_NAMES;
export type Tables = Record<TableKey, TableClient>;

export function openTables(factory: TableClientFactory, prefix: string): Tables {
  const entries = Object.entries(TABLE_NAMES).map(
    ([key, name]) => [key, factory(`${prefix}${name}`)] as const,
  );
  return Object.fromEntries(entries) as Tables;
}

/** Creates any missing table; existing ones are left as they are. */
export async function ensureTables(tables: Tables): Promise<void> {
  await Promise.all(
    Object.values(tables).map(async (client) => {
      try {
        await client.createTable();
      } catch (err) {
        throw toStoreError(err, `Table ${client.tableName}`);
      }
    }),
  );
}

/**
 * Storage is healthy when one cheap query answers. A missing table (storage
 * was reset or restored) is recreated here, so service resumes without a
 * restart.
 */
export async function checkStorage(tables: Tables, probeClient: TableClient): Promise<void> {
  const probe = async () => {
    try {
      await probeClient
        .listEntities({ queryOptions: { filter: "PartitionKey eq 'healthz'" } })
        .byPage({ maxPageSize: 1 })
        .next();
    } catch (err) {
      throw toStoreError(err, 'Storage');
    }
  };
  try {
    await probe();
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    await ensureTables(tables);
    await probe();
  }
}
