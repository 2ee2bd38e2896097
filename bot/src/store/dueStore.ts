/**
 * Due items in Azure Tables: PK the minute bucket of dueAt ("2026-11-23T08:05"),
 * RK dueAt|kind|programme|pair|meeting|recipient. Done items are deleted, so
 * a tick's range scan over the buckets up to now reads what is due and still
 * open, never the items ahead. A claim is an ETag-conditional write of a
 * lease: two instances reading the same item cannot both win it.
 */
import type { TableClient } from '@azure/data-tables';
import { ChangedError, ConflictError, NotFoundError } from '../domain/errors';
import { bucketOf, type DueItem, type DueKind, dueKeys } from '../domain/rhythm/dueItem';
import { type EntityData, type Stored, TableRepository } from './tableRepository';

interface DueEntity extends EntityData {
  kind: string;
  dueAt: number;
  tenantId: string;
  programmeId: string;
  pairId: string | undefined;
  meetingNumber: number | undefined;
  meetingStart: number | undefined;
  recipientId: string | undefined;
  role: string | undefined;
  attempts: number;
  /** Epoch ms: until then the item is leased to an instance, or held back after a failure. */
  notBefore: number;
  claimedBy: string | undefined;
}

export interface OpenDueItem {
  readonly item: DueItem;
  readonly attempts: number;
  readonly notBefore: number;
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly etag: string;
}

export class TableDueStore {
  private readonly repo: TableRepository<DueEntity>;
  /** Entities read by scans since start: the benchmark and tests read it to prove a tick reads only what is due. */
  entitiesRead = 0;

  constructor(client: TableClient) {
    this.repo = new TableRepository<DueEntity>(client, 'Due item');
  }

  /** Adds the items; one already scheduled under the same key stays as it is (its attempts and lease kept). */
  async schedule(items: readonly DueItem[]): Promise<void> {
    await Promise.all(
      items.map(async (item) => {
        const { partitionKey, rowKey } = dueKeys(item);
        try {
          await this.repo.insert(partitionKey, rowKey, toEntity(item));
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err;
        }
      }),
    );
  }

  /** Removes the items (gone already is fine). */
  async unschedule(items: readonly DueItem[]): Promise<void> {
    await Promise.all(
      items.map((item) => {
        const { partitionKey, rowKey } = dueKeys(item);
        return this.repo.delete(partitionKey, rowKey);
      }),
    );
  }

  /** Whether a once-only prompt (dueAt and meeting zeroed by the caller) already went out. */
  async wasSent(item: DueItem): Promise<boolean> {
    const { partitionKey, rowKey } = sentKeys(item);
    return (await this.repo.find(partitionKey, rowKey)) !== undefined;
  }

  async markSent(item: DueItem, at: number): Promise<void> {
    const { partitionKey, rowKey } = sentKeys(item);
    await this.repo.upsert(partitionKey, rowKey, { ...toEntity(item), notBefore: at });
  }

  /** Every open item in the buckets up to `now` (including ones not quite due in the current minute). */
  async *open(now: number): AsyncGenerator<OpenDueItem> {
    for await (const s of this.repo.listUpToPartition(bucketOf(now))) {
      this.entitiesRead++;
      yield fromStored(s);
    }
  }

  /**
   * Leases the item to `instanceId` until `until`; undefined when another
   * instance changed it first (it has the item) or it is gone (done).
   */
  async claim(open: OpenDueItem, instanceId: string, until: number): Promise<OpenDueItem | undefined> {
    const data = {
      ...toEntity(open.item),
      attempts: open.attempts + 1,
      notBefore: until,
      claimedBy: instanceId,
    };
    try {
      const etag = await this.repo.replace(open.partitionKey, open.rowKey, data, open.etag);
      return { ...open, attempts: data.attempts, notBefore: until, etag };
    } catch (err) {
      if (err instanceof ChangedError || err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /** Done: deleted, only if still ours (a lease that ran out and was taken over is the other instance's now). */
  async complete(claimed: OpenDueItem): Promise<void> {
    try {
      await this.repo.delete(claimed.partitionKey, claimed.rowKey, claimed.etag);
    } catch (err) {
      if (!(err instanceof ChangedError)) throw err;
    }
  }

  /** Not now: held back until `notBefore`, keeping the attempt count. */
  async release(claimed: OpenDueItem, notBefore: number): Promise<void> {
    const data = { ...toEntity(claimed.item), attempts: claimed.attempts, notBefore, claimedBy: undefined };
    try {
      await this.repo.replace(claimed.partitionKey, claimed.rowKey, data, claimed.etag);
    } catch (err) {
      if (!(err instanceof ChangedError || err instanceof NotFoundError)) throw err;
    }
  }
}

/** "sent|…" sorts after every time bucket ("2026-…"), so marks are never read by a tick's scan. */
function sentKeys(item: DueItem): { partitionKey: string; rowKey: string } {
  return {
    partitionKey: `sent|${item.programmeId}`,
    rowKey: [item.kind, item.pairId ?? '-', item.recipientId ?? '-'].join('|'),
  };
}

function toEntity(item: DueItem): DueEntity {
  return {
    kind: item.kind,
    dueAt: item.dueAt,
    tenantId: item.tenantId,
    programmeId: item.programmeId,
    pairId: item.pairId,
    meetingNumber: item.meetingNumber,
    meetingStart: item.meetingStart,
    recipientId: item.recipientId,
    role: item.role,
    attempts: 0,
    notBefore: 0,
    claimedBy: undefined,
  };
}

function fromStored(s: Stored<DueEntity>): OpenDueItem {
  const e = s.data;
  return {
    partitionKey: s.partitionKey,
    rowKey: s.rowKey,
    etag: s.etag,
    attempts: e.attempts ?? 0,
    notBefore: e.notBefore ?? 0,
    item: {
      kind: e.kind as DueKind,
      dueAt: e.dueAt,
      tenantId: e.tenantId,
      programmeId: e.programmeId,
      ...(e.pairId ? { pairId: e.pairId } : {}),
      ...(e.meetingNumber !== undefined && e.meetingNumber !== null
        ? { meetingNumber: e.meetingNumber }
        : {}),
      ...(e.meetingStart !== undefined && e.meetingStart !== null ? { meetingStart: e.meetingStart } : {}),
      ...(e.recipientId ? { recipientId: e.recipientId } : {}),
      // Stored by Polku, but read as untrusted as everything else: only a known role is carried on.
      ...(e.role === 'mentor' || e.role === 'aktori' ? { role: e.role } : {}),
    },
  };
}
