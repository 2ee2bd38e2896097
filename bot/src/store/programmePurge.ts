/**
 * Deletes every row Polku holds for one programme, through the tables'
 * keys: the programme's own partitions (participants, pairs, meetings,
 * learnings, evaluations, its `sent|` marks), each pair's agreement
 * partition, and in each person's partitions the access row and the
 * memberships of this programme (a RowKey range).
 *
 * The people come from the programme's volunteers, its pairs and its
 * owners, coordinators and creator; the pairs from its pairs partition. So
 * those rows go last, after everything found through them: a run that stops
 * half way leaves what leads to the rest, and running it again finishes.
 * The programme row itself is deleted by the caller after this.
 *
 * Due items sit in minute buckets, with the programme only in the RowKey's
 * middle, so no key range finds them. They are found with one filtered
 * query over the buckets (`PartitionKey lt 'sent|'`): done items are
 * deleted, so that reads only what is still open, across programmes —
 * acceptable for a rare operation, and it also finds items held back after
 * failures in buckets already past. Any item planned while the purge runs
 * (a booking in flight) finds no pair or programme when it falls due, and
 * the scheduler drops it.
 *
 * A table added later that holds a programme's rows must be added here.
 */
import { odata } from '@azure/data-tables';
import type { Programme } from '../domain/programme/programme';
import type { ProgrammeDataEraser, PurgeCounts } from '../services/programmes/programmeLifecycleService';
import { accessPartition } from './accessStore';
import { toStoreError } from './storeErrors';
import { type EntityData, type Stored, TableRepository } from './tableRepository';
import type { Tables } from './tables';

/** How many deletes run at once: quick, and well under a partition's 2,000 operations per second. */
const PARALLEL = 16;
/** Due buckets ("2026-…") sort before the marks' partitions ("sent|…"). */
const FIRST_MARK_PARTITION = 'sent|';

type Row = Stored<EntityData>;

export class TableProgrammePurge implements ProgrammeDataEraser {
  constructor(private readonly tables: Tables) {}

  async eraseRows(programme: Programme): Promise<PurgeCounts> {
    const id = programme.id;
    const repo = (key: keyof Tables, what: string) => new TableRepository<EntityData>(this.tables[key], what);
    const participantsRepo = repo('participants', 'Volunteer');
    const pairsRepo = repo('pairs', 'Pair');
    const participants = await all(participantsRepo.listAll(id));
    const pairs = await all(pairsRepo.listAll(id));

    const people = new Set<string>([
      ...programme.owners,
      ...programme.coordinators,
      programme.createdBy,
      ...participants.map((r) => r.rowKey),
      ...pairs.flatMap((r) => [String(r.data.mentorId ?? ''), ...aktoriIdsOf(r)]),
    ]);
    people.delete('');

    const counts: Record<string, number> = {};
    const remove = async (key: keyof Tables, what: string, rows: readonly Row[]) => {
      const target = repo(key, what);
      await mapLimit(rows, (r) => target.delete(r.partitionKey, r.rowKey));
      counts[key] = (counts[key] ?? 0) + rows.length;
    };

    // Work that would otherwise fall due for the programme, and its once-only marks.
    await remove('due', 'Due item', await this.openDueItems(programme));
    await remove(
      'due',
      'Due item',
      await all(repo('due', 'Due item').listAll(`${FIRST_MARK_PARTITION}${id}`)),
    );

    const agreementsRepo = repo('agreements', 'Agreement');
    const agreements = (await mapLimit(pairs, (p) => all(agreementsRepo.listAll(p.rowKey)))).flat();
    await remove('agreements', 'Agreement', agreements);
    await remove('meetings', 'Meeting', await all(repo('meetings', 'Meeting').listAll(id)));
    await remove('learnings', 'Learning', await all(repo('learnings', 'Learning').listAll(id)));
    await remove('evaluations', 'Evaluation', await all(repo('evaluations', 'Evaluation').listAll(id)));

    // Each person's index rows of this programme; the people are still found through the rows below.
    const accessRepo = repo('access', 'Programme access');
    const membershipsRepo = repo('memberships', 'Membership');
    const personal = await mapLimit([...people], async (userId) => {
      const partition = accessPartition(programme.tenantId, userId);
      const [access, memberships] = await Promise.all([
        accessRepo.find(partition, id),
        all(membershipsRepo.listRange(partition, `${id}|`, `${id}}`)),
      ]);
      return { access: access ? [access] : [], memberships };
    });
    await remove(
      'memberships',
      'Membership',
      personal.flatMap((p) => p.memberships),
    );
    await remove(
      'access',
      'Programme access',
      personal.flatMap((p) => p.access),
    );

    await remove('participants', 'Volunteer', participants);
    await remove('pairs', 'Pair', pairs);
    return counts;
  }

  async deleteProgramme(tenantId: string, programmeId: string): Promise<void> {
    await new TableRepository<EntityData>(this.tables.programmes, 'Programme').delete(tenantId, programmeId);
  }

  /** The programme's items still open in the due buckets (see the file comment for why a filtered query). */
  private async openDueItems(programme: Programme): Promise<Row[]> {
    const filter = odata`PartitionKey lt ${FIRST_MARK_PARTITION} and programmeId eq ${programme.id} and tenantId eq ${programme.tenantId}`;
    const rows: Row[] = [];
    try {
      for await (const e of this.tables.due.listEntities<EntityData>({ queryOptions: { filter } })) {
        rows.push({ partitionKey: e.partitionKey ?? '', rowKey: e.rowKey ?? '', etag: e.etag, data: {} });
      }
    } catch (err) {
      throw toStoreError(err, 'Due item');
    }
    return rows;
  }
}

/** A pair's aktoris (a JSON list); a malformed one stops the run rather than missing someone's rows. */
function aktoriIdsOf(pair: Row): string[] {
  const raw = pair.data.aktoriIds;
  if (raw === undefined || raw === null || raw === '') return [];
  const parsed: unknown = JSON.parse(String(raw));
  if (!Array.isArray(parsed))
    throw new Error(`aktoriIds of pair ${pair.partitionKey}/${pair.rowKey} is not a list`);
  return parsed.filter((id): id is string => typeof id === 'string');
}

async function all(rows: AsyncIterable<Row>): Promise<Row[]> {
  const out: Row[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function mapLimit<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) {
    out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(fn))));
  }
  return out;
}
