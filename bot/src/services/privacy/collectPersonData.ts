/**
 * Finds every row Polku holds about one person, through the keys the tables
 * are designed for: point reads and single-partition queries, never a table
 * scan.
 *
 * The programmes to look in come from several places at once — the
 * person's access rows and memberships, and the tenant's programme list
 * (one partition) for owners, coordinators and sign-ups whose access row was
 * never written (a crash between the two writes). That way a person is
 * found even when one index row is missing, and a delete that stopped half
 * way is finished by running it again.
 *
 * A table added later that holds people's data must be added here and in
 * scripts/persondata/erase.ts, or requests will miss it. The `due` table is
 * left out on purpose: its rows are transient (deleted once sent) and hold
 * ids only; after an erasure they find no member to send to and are dropped.
 *
 * It reads the tables through TableRepository rather than the domain's
 * stores on purpose: a data subject's export is the rows as stored, columns
 * the domain no longer reads included. The person-data command (operators)
 * and the person's own "my data" (bot and tab API) share it.
 */
import { odata } from '@azure/data-tables';
import { accessPartition } from '../../store/accessStore';
import { encodeKeyPart } from '../../store/keys';
import { toStoreError } from '../../store/storeErrors';
import { type EntityData, type Stored, TableRepository } from '../../store/tableRepository';
import type { Tables } from '../../store/tables';

export interface Person {
  readonly tenantId: string;
  readonly userId: string;
}

export type Row = Stored<EntityData>;

export type ManagerRole = 'owner' | 'coordinator';

export interface ManagedProgramme {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly ManagerRole[];
}

export interface PersonData {
  /** The person's own (personal chat) reference. */
  readonly conversations: readonly Row[];
  /** Channel and group chat references whose stored sender (`reference.user`) is the person. */
  readonly sharedConversations: readonly Row[];
  readonly access: readonly Row[];
  readonly memberships: readonly Row[];
  readonly participants: readonly Row[];
  readonly pairs: readonly Row[];
  /** The agreements of those pairs: each pair's partition, the live row and its versions. */
  readonly agreements: readonly Row[];
  /** The meetings of those pairs (times, the person's check-ins and working hours as their mailbox told). */
  readonly meetings: readonly Row[];
  /** Learnings of those pairs (proposed, approved or withdrawn: the pair's own, shared only when all approved). */
  readonly learnings: readonly Row[];
  /** The person's own evaluation answers, one per pair. */
  readonly evaluations: readonly Row[];
  /** Programmes the person owns or coordinates (the rows themselves belong to the organisation). */
  readonly programmes: readonly ManagedProgramme[];
}

/** How many partition reads run at once: enough to be quick, few enough not to be throttled. */
const PARALLEL = 8;

export async function collectPersonData(tables: Tables, person: Person): Promise<PersonData> {
  const repo = (key: keyof Tables, what: string) => new TableRepository<EntityData>(tables[key], what);
  const conversationsRepo = repo('conversations', 'Conversation reference');
  const programmesRepo = repo('programmes', 'Programme');
  const participantsRepo = repo('participants', 'Volunteer');
  const pairsRepo = repo('pairs', 'Pair');
  const ownPartition = accessPartition(person.tenantId, person.userId);

  const personal = await conversationsRepo.find(person.tenantId, encodeKeyPart(`user:${person.userId}`));
  const sharedConversations = await sharedReferencesOf(tables, person);
  const access = await listAll(repo('access', 'Programme access'), ownPartition);
  const memberships = await listAll(repo('memberships', 'Membership'), ownPartition);

  const programmes: ManagedProgramme[] = [];
  const programmeIds = new Set<string>();
  for await (const row of programmesRepo.listAll(person.tenantId)) {
    programmeIds.add(row.rowKey);
    const roles: ManagerRole[] = [];
    if (idList(row, 'owners').includes(person.userId)) roles.push('owner');
    if (idList(row, 'coordinators').includes(person.userId)) roles.push('coordinator');
    if (roles.length > 0) {
      programmes.push({ id: row.rowKey, name: String(row.data.name ?? ''), roles });
    }
  }
  // Rows may outlive their programme row; their programme ids still lead to the person's data.
  for (const row of access) programmeIds.add(row.rowKey);
  for (const row of memberships) programmeIds.add(String(row.data.programmeId ?? row.rowKey.split('|')[0]));

  const participants = (
    await mapLimit([...programmeIds], (programmeId) => participantsRepo.find(programmeId, person.userId))
  ).filter((row): row is Row => row !== undefined);

  // Pairs are looked for only where the person took part, so the pairs table is never read whole.
  const tookPart = new Set([
    ...access.map((r) => r.rowKey),
    ...memberships.map((r) => String(r.data.programmeId ?? '')),
    ...participants.map((r) => r.partitionKey),
  ]);
  tookPart.delete('');
  const pairs = (
    await mapLimit([...tookPart], async (programmeId) => {
      const found: Row[] = [];
      for await (const row of pairsRepo.listAll(programmeId)) {
        if (isMember(row, person.userId)) found.push(row);
      }
      return found;
    })
  ).flat();

  const agreementsRepo = repo('agreements', 'Agreement');
  const pairIds = new Set([
    ...pairs.map((r) => r.rowKey),
    ...memberships.map((r) => String(r.data.pairId ?? '')).filter((id) => id !== ''),
  ]);
  const agreements = (await mapLimit([...pairIds], (pairId) => listAll(agreementsRepo, pairId))).flat();
  // Meetings sit in their programme's partition, one RowKey range per pair: '|' sorts before '}'.
  const meetingsRepo = repo('meetings', 'Meeting');
  const meetings = (
    await mapLimit(pairs, async (pair) => {
      const found: Row[] = [];
      for await (const row of meetingsRepo.listRange(pair.partitionKey, `${pair.rowKey}|`, `${pair.rowKey}}`))
        found.push(row);
      return found;
    })
  ).flat();

  // Learnings are kept per programme: one partition read where the person took part, filtered to their pairs.
  const learningsRepo = repo('learnings', 'Learning');
  const learnings = (
    await mapLimit([...tookPart], async (programmeId) => {
      const found: Row[] = [];
      for await (const row of learningsRepo.listAll(programmeId)) {
        if (pairIds.has(String(row.data.pairId ?? ''))) found.push(row);
      }
      return found;
    })
  ).flat();
  const evaluationsRepo = repo('evaluations', 'Evaluation');
  const evaluations = (
    await mapLimit(pairs, (pair) =>
      evaluationsRepo.find(pair.partitionKey, `${pair.rowKey}|${person.userId}`),
    )
  ).filter((row): row is Row => row !== undefined);

  return {
    conversations: personal ? [personal] : [],
    sharedConversations,
    access,
    memberships,
    participants,
    pairs,
    agreements,
    meetings,
    learnings,
    evaluations,
    programmes,
  };
}

export function isMember(pair: Row, userId: string): boolean {
  return pair.data.mentorId === userId || idList(pair, 'aktoriIds').includes(userId);
}

/** A JSON list of ids in a string column; a malformed one stops the run rather than being read as empty. */
export function idList(row: Row, column: string): string[] {
  const raw = row.data[column];
  if (raw === undefined || raw === null || raw === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw));
  } catch (err) {
    throw new Error(`${column} of row ${row.partitionKey}/${row.rowKey} is not JSON`, { cause: err });
  }
  if (!Array.isArray(parsed))
    throw new Error(`${column} of row ${row.partitionKey}/${row.rowKey} is not a list`);
  return parsed.filter((id): id is string => typeof id === 'string');
}

/**
 * A channel's or group chat's reference is saved from the last message
 * there, so it holds that sender's id and name. One partition (the
 * tenant's), filtered by the service, as the bot does to list channels.
 */
async function sharedReferencesOf(tables: Tables, person: Person): Promise<Row[]> {
  const found: Row[] = [];
  try {
    const entities = tables.conversations.listEntities<EntityData>({
      queryOptions: { filter: odata`PartitionKey eq ${person.tenantId} and kind ne 'personal'` },
    });
    for await (const e of entities) {
      const { partitionKey, rowKey, etag, timestamp: _t, ...data } = e;
      const row: Row = { partitionKey: partitionKey ?? '', rowKey: rowKey ?? '', etag, data };
      if (referenceSender(row)?.aadObjectId === person.userId) found.push(row);
    }
  } catch (err) {
    throw toStoreError(err, 'Conversation reference');
  }
  return found;
}

/** The `user` of a stored conversation reference (a JSON column), if it names one. */
export function referenceSender(row: Row): { aadObjectId?: unknown; name?: unknown } | undefined {
  const raw = row.data.reference;
  if (typeof raw !== 'string' || raw === '') return undefined;
  let user: unknown;
  try {
    user = (JSON.parse(raw) as { user?: unknown }).user;
  } catch (err) {
    throw new Error(`reference of row ${row.partitionKey}/${row.rowKey} is not JSON`, { cause: err });
  }
  return typeof user === 'object' && user !== null ? user : undefined;
}

async function listAll(repo: TableRepository<EntityData>, partitionKey: string): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of repo.listAll(partitionKey)) rows.push(row);
  return rows;
}

async function mapLimit<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) {
    out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(fn))));
  }
  return out;
}
