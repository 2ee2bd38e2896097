/**
 * Deletes one person's rows and takes their name out of what stays.
 *
 * Pairs and their agreements stay (the partner's history, the programme's
 * counts) but no longer name the person, nor do channel references they
 * wrote to last; programmes stay, without the person among owners and
 * coordinators. Shared rows are changed with ETag-conditional writes and
 * re-read on 412, so a concurrent edit by the server is neither lost nor
 * overwritten. Index rows (access, memberships) go last: if a run stops half
 * way, the next run still finds everything through them.
 */
import { ChangedError, NotFoundError } from '../../bot/src/domain/errors';
import type { Programme } from '../../bot/src/domain/programme/programme';
import {
  type ManagedProgramme,
  type Person,
  type PersonData,
  type Row,
  referenceSender,
} from '../../bot/src/services/privacy/collectPersonData';
import { TableProgrammeStore } from '../../bot/src/store/programmeStore';
import { type EntityData, TableRepository } from '../../bot/src/store/tableRepository';
import type { Tables } from '../../bot/src/store/tables';

/** What a pair shows instead of the person's name. */
export const REMOVED_NAME = '(removed)';
const ATTEMPTS = 5;

export interface EraseSummary {
  readonly conversations: number;
  /** Channel and chat references that no longer hold the person's name as their last sender. */
  readonly referencesPseudonymised: number;
  readonly access: number;
  readonly memberships: number;
  readonly participants: number;
  /** Pairs whose `names` no longer hold the person's name. */
  readonly pairsPseudonymised: number;
  /** Agreements whose last change no longer names the person. */
  readonly agreementsPseudonymised: number;
  /** Meetings that no longer hold the person's check-in answer or working hours. */
  readonly meetingsCleared: number;
  /** The person's evaluation answers, deleted. */
  readonly evaluations: number;
  /** Programmes the person was removed from as owner or coordinator. */
  readonly programmesUpdated: number;
  readonly warnings: readonly string[];
}

export async function erasePersonData(
  tables: Tables,
  person: Person,
  data: PersonData,
  now: () => Date = () => new Date(),
): Promise<EraseSummary> {
  const warnings: string[] = [];
  let referencesPseudonymised = 0;
  for (const row of data.sharedConversations) {
    if (await pseudonymiseReference(tables, row, person.userId)) referencesPseudonymised++;
  }
  let pairsPseudonymised = 0;
  for (const pair of data.pairs) {
    if (await pseudonymisePair(tables, pair, person.userId)) pairsPseudonymised++;
  }
  let agreementsPseudonymised = 0;
  for (const row of data.agreements) {
    if (await pseudonymiseAgreement(tables, row, person.userId)) agreementsPseudonymised++;
  }
  let meetingsCleared = 0;
  for (const row of data.meetings) {
    if (await clearMeetingEntries(tables, row, person.userId)) meetingsCleared++;
  }
  let programmesUpdated = 0;
  const programmes = new TableProgrammeStore(tables.programmes);
  for (const managed of data.programmes) {
    const left = await leaveProgramme(programmes, person, managed.id, now);
    if (!left) continue;
    programmesUpdated++;
    if (left.owners.length === 0) warnings.push(noOwnerWarning(managed, left));
  }

  const remove = async (key: keyof Tables, what: string, rows: readonly Row[]) => {
    const repo = new TableRepository<EntityData>(tables[key], what);
    for (const row of rows) await repo.delete(row.partitionKey, row.rowKey);
    return rows.length;
  };
  const evaluations = await remove('evaluations', 'Evaluation', data.evaluations);
  const participants = await remove('participants', 'Volunteer', data.participants);
  const memberships = await remove('memberships', 'Membership', data.memberships);
  const access = await remove('access', 'Programme access', data.access);
  const conversations = await remove('conversations', 'Conversation reference', data.conversations);
  return {
    conversations,
    referencesPseudonymised,
    access,
    memberships,
    participants,
    pairsPseudonymised,
    agreementsPseudonymised,
    meetingsCleared,
    evaluations,
    programmesUpdated,
    warnings,
  };
}

/**
 * A meeting stays (the partner's record, the programme's counts) without the
 * person's own entries: their check-in answer and their working hours. The
 * partner's answer still says whether the meeting was held.
 */
function clearMeetingEntries(tables: Tables, found: Row, userId: string): Promise<boolean> {
  return rewrite(new TableRepository<EntityData>(tables.meetings, 'Meeting'), found, (data) => {
    let changed = false;
    const next: EntityData = { ...data };
    for (const column of ['checkIns', 'memberTimes']) {
      const raw = data[column];
      if (typeof raw !== 'string' || raw === '') continue;
      const entries = JSON.parse(raw) as Record<string, unknown>;
      if (!Object.hasOwn(entries, userId)) continue;
      delete entries[userId];
      next[column] = JSON.stringify(entries);
      changed = true;
    }
    return changed ? next : undefined;
  });
}

/** Replaces the person's name in the pair; false when there was nothing to replace (already done, or gone). */
function pseudonymisePair(tables: Tables, found: Row, userId: string): Promise<boolean> {
  return rewrite(new TableRepository<EntityData>(tables.pairs, 'Pair'), found, (data) => {
    const names = parseNames(found.partitionKey, found.rowKey, data.names);
    if (!(userId in names) || names[userId] === REMOVED_NAME) return undefined;
    return { ...data, names: JSON.stringify({ ...names, [userId]: REMOVED_NAME }) };
  });
}

/**
 * Replaces the sender's name in a channel or chat reference. Ids stay, so
 * proactive posts to the channel work as before; a newer sender means the
 * row is no longer about the person.
 */
function pseudonymiseReference(tables: Tables, found: Row, userId: string): Promise<boolean> {
  const repo = new TableRepository<EntityData>(tables.conversations, 'Conversation reference');
  return rewrite(repo, found, (data) => {
    const sender = referenceSender({ ...found, data });
    if (sender?.aadObjectId !== userId || sender.name === REMOVED_NAME) return undefined;
    const reference = JSON.parse(String(data.reference)) as Record<string, unknown>;
    return { ...data, reference: JSON.stringify({ ...reference, user: { ...sender, name: REMOVED_NAME } }) };
  });
}

/**
 * The live agreement names whoever changed it last (`lastChange.byName`);
 * version rows hold ids only. The agreement itself stays with the pair.
 */
function pseudonymiseAgreement(tables: Tables, found: Row, userId: string): Promise<boolean> {
  if (found.data.kind !== 'current') return Promise.resolve(false);
  return rewrite(new TableRepository<EntityData>(tables.agreements, 'Agreement'), found, (data) => {
    const state = JSON.parse(String(data.state ?? '{}')) as {
      lastChange?: { by?: unknown; byName?: unknown };
    };
    const last = state.lastChange;
    if (!last || last.by !== userId || last.byName === REMOVED_NAME) return undefined;
    return { ...data, state: JSON.stringify({ ...state, lastChange: { ...last, byName: REMOVED_NAME } }) };
  });
}

/**
 * ETag-conditional read-modify-write: on 412 the row is read again and the
 * change re-applied to what is there now. `change` answers undefined when
 * there is nothing (left) to do.
 */
async function rewrite(
  repo: TableRepository<EntityData>,
  found: Row,
  change: (data: EntityData) => EntityData | undefined,
): Promise<boolean> {
  let current: Row | undefined = found;
  for (let attempt = 0; attempt < ATTEMPTS && current; attempt++) {
    const next = change(current.data);
    if (!next) return false;
    try {
      await repo.replace(current.partitionKey, current.rowKey, next, current.etag);
      return true;
    } catch (err) {
      if (!(err instanceof ChangedError)) throw err;
      current = await repo.find(found.partitionKey, found.rowKey);
    }
  }
  if (!current) return false;
  throw new Error(
    `${repo.tableName} row ${found.partitionKey}/${found.rowKey} kept changing; run delete again`,
  );
}

/** Removes the person from owners and coordinators; the saved programme, or undefined if no change was needed. */
async function leaveProgramme(
  store: TableProgrammeStore,
  person: Person,
  programmeId: string,
  now: () => Date,
): Promise<Programme | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await store.get(person.tenantId, programmeId).catch((err: unknown) => {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    });
    if (!current) return undefined;
    const p = current.value;
    if (!p.owners.includes(person.userId) && !p.coordinators.includes(person.userId)) return undefined;
    const next: Programme = {
      ...p,
      owners: p.owners.filter((id) => id !== person.userId),
      coordinators: p.coordinators.filter((id) => id !== person.userId),
      updatedAt: now().toISOString(),
    };
    try {
      return (await store.replace(next, current.etag)).value;
    } catch (err) {
      if (!(err instanceof ChangedError)) throw err;
    }
  }
  throw new Error(`programme ${programmeId} kept changing; run delete again`);
}

function noOwnerWarning(managed: ManagedProgramme, p: Programme): string {
  const who =
    p.coordinators.length > 0
      ? `its ${p.coordinators.length} coordinator(s) can still manage it`
      : 'nobody can manage it in Teams now';
  return `programme ${managed.id} "${managed.name}" has no owner left: ${who}`;
}

function parseNames(pk: string, rk: string, raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null || raw === '') return {};
  const parsed: unknown = JSON.parse(String(raw));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`names of pair ${pk}/${rk} is not an object`);
  }
  return parsed as Record<string, string>;
}

/** What `delete` without --yes shows: every row by table and key, nothing else. */
export function describePlan(person: Person, data: PersonData): string {
  const keys = (rows: readonly Row[]) => rows.map((r) => `    ${r.partitionKey} / ${r.rowKey}`);
  const liveAgreements = data.agreements.filter((r) => r.data.kind === 'current');
  const lines = [
    `Would change for user ${person.userId} in tenant ${person.tenantId}:`,
    `  delete ${data.conversations.length} conversation reference(s)`,
    ...keys(data.conversations),
    `  replace their name with "${REMOVED_NAME}" in ${data.sharedConversations.length} channel/chat reference(s)`,
    ...keys(data.sharedConversations),
    `  delete ${data.access.length} access row(s)`,
    ...keys(data.access),
    `  delete ${data.memberships.length} membership(s)`,
    ...keys(data.memberships),
    `  delete ${data.participants.length} volunteer row(s)`,
    ...keys(data.participants),
    `  replace their name with "${REMOVED_NAME}" in ${data.pairs.length} pair(s) (the pairs stay)`,
    ...keys(data.pairs),
    `  in the ${liveAgreements.length} agreement(s) of those pairs, replace their name where it marks the last change`,
    ...keys(liveAgreements),
    `  remove their check-in answers and working hours from ${data.meetings.length} meeting(s) (the meetings stay)`,
    ...keys(data.meetings),
    `  delete ${data.evaluations.length} evaluation answer(s)`,
    ...keys(data.evaluations),
    `  keep ${data.learnings.length} learning(s) of their pairs (the pair's, by id only; exported, not erased)`,
    `  remove them as owner/coordinator of ${data.programmes.length} programme(s) (the programmes stay)`,
    ...data.programmes.map((p) => `    ${p.id} "${p.name}" (${p.roles.join(', ')})`),
    'Nothing was changed. Run again with --yes to do it.',
  ];
  return lines.join('\n');
}

export function describeSummary(person: Person, s: EraseSummary): string {
  return [
    `Deleted for user ${person.userId} in tenant ${person.tenantId}:`,
    `  conversation references deleted: ${s.conversations}`,
    `  channel/chat references with the name replaced: ${s.referencesPseudonymised}`,
    `  access rows deleted: ${s.access}`,
    `  memberships deleted: ${s.memberships}`,
    `  volunteer rows deleted: ${s.participants}`,
    `  pairs with the name replaced: ${s.pairsPseudonymised}`,
    `  agreements with the name replaced: ${s.agreementsPseudonymised}`,
    `  meetings cleared of their answers and hours: ${s.meetingsCleared}`,
    `  evaluation answers deleted: ${s.evaluations}`,
    `  programmes left as owner/coordinator: ${s.programmesUpdated}`,
    ...s.warnings.map((w) => `Warning: ${w}`),
  ].join('\n');
}
