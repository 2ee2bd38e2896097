import assert from 'node:assert/strict';
import { PolkuError, ThrottledError, UnavailableError } from '../../../bot/src/domain/errors';
import type { DueItem } from '../../../bot/src/domain/rhythm/dueItem';
import { createLogger } from '../../../bot/src/logging';
import { type DueRepository, type OpenItem, Scheduler } from '../../../bot/src/services/rhythm/scheduler';

/** Storage with ETags, as Azure Tables behaves: a claim or delete with a stale ETag fails. */
class FakeDue implements DueRepository<OpenItem & { key: string; etag: number }> {
  rows = new Map<string, { item: DueItem; attempts: number; notBefore: number; etag: number }>();
  reads = 0;
  add(key: string, item: DueItem): void {
    this.rows.set(key, { item, attempts: 0, notBefore: 0, etag: 1 });
  }
  async *open(now: number) {
    for (const [key, r] of [...this.rows.entries()].sort((a, b) => a[1].item.dueAt - b[1].item.dueAt)) {
      if (r.item.dueAt - (r.item.dueAt % 60_000) > now) continue;
      this.reads++;
      yield { ...r, key };
    }
  }
  async claim(open: OpenItem & { key: string; etag: number }, _by: string, until: number) {
    const r = this.rows.get(open.key);
    if (!r || r.etag !== open.etag) return undefined;
    r.etag++;
    r.attempts++;
    r.notBefore = until;
    return { ...r, key: open.key };
  }
  async complete(c: OpenItem & { key: string; etag: number }) {
    if (this.rows.get(c.key)?.etag === c.etag) this.rows.delete(c.key);
  }
  async release(c: OpenItem & { key: string; etag: number }, notBefore: number) {
    const r = this.rows.get(c.key);
    if (r?.etag === c.etag) {
      r.etag++;
      r.notBefore = notBefore;
    }
  }
}

const T0 = Date.parse('2026-12-01T08:00:00Z');
const item = (n: number, dueAt = T0): DueItem => ({
  kind: 'nudge.mentor',
  dueAt,
  tenantId: 't',
  programmeId: 'p',
  pairId: `pair${n}`,
  recipientId: `u${n}`,
});
const logger = createLogger('silent');

describe('the scheduler', () => {
  it('handles what is due, deletes it, and leaves what is not yet due', async () => {
    const due = new FakeDue();
    for (let i = 0; i < 5; i++) due.add(`a${i}`, item(i));
    due.add('later', item(9, T0 + 3_600_000));
    const handled: string[] = [];
    const s = new Scheduler({
      due,
      now: () => new Date(T0),
      logger,
      handle: async (i) => {
        handled.push(i.recipientId ?? '');
        return 'done';
      },
    });
    const result = await s.tick();
    assert.deepEqual(result, { read: 5, handled: 5, retried: 0, dropped: 0 });
    assert.deepEqual(handled.sort(), ['u0', 'u1', 'u2', 'u3', 'u4']);
    assert.deepEqual([...due.rows.keys()], ['later']);
  });

  it('hands each item to exactly one of several instances ticking at once', async () => {
    const due = new FakeDue();
    for (let i = 0; i < 200; i++) due.add(`k${i}`, item(i));
    const sent = new Map<string, number>();
    const make = (id: string) =>
      new Scheduler({
        due,
        instanceId: id,
        now: () => new Date(T0),
        logger,
        handle: async (i) => {
          await new Promise((r) => setImmediate(r));
          sent.set(i.recipientId ?? '', (sent.get(i.recipientId ?? '') ?? 0) + 1);
          return 'done';
        },
      });
    await Promise.all([make('a').tick(), make('b').tick(), make('c').tick()]);
    assert.equal(sent.size, 200);
    assert.ok(
      [...sent.values()].every((n) => n === 1),
      'nobody twice',
    );
    assert.equal(due.rows.size, 0);
  });

  it('gives a throttled item back with the Retry-After, and sends it on a later tick', async () => {
    const due = new FakeDue();
    due.add('x', item(1));
    let now = T0;
    let calls = 0;
    const s = new Scheduler({
      due,
      now: () => new Date(now),
      logger,
      random: () => 0.5,
      handle: async () => {
        calls++;
        if (calls === 1) throw new ThrottledError('Teams', { retryAfterMs: 90_000 });
        return 'done';
      },
    });
    assert.equal((await s.tick()).retried, 1);
    assert.equal(
      due.rows.get('x')?.notBefore,
      T0 + 90_000,
      'the longer of backoff (30 s) and Retry-After (90 s)',
    );
    now = T0 + 60_000;
    assert.equal((await s.tick()).handled, 0, 'not before the Retry-After');
    now = T0 + 91_000;
    assert.equal((await s.tick()).handled, 1);
    assert.equal(due.rows.size, 0);
  });

  it('drops an item whose failure waiting will not fix, and one that kept failing', async () => {
    const due = new FakeDue();
    due.add('gone', item(1));
    due.add('flaky', item(2));
    let now = T0;
    const s = new Scheduler({
      due,
      now: () => new Date(now),
      logger,
      maxAttempts: 3,
      handle: async (i) => {
        if (i.recipientId === 'u1') throw new PolkuError('forbidden', 'blocked', { code: 'recipient_gone' });
        throw new UnavailableError('Teams');
      },
    });
    const first = await s.tick();
    assert.equal(first.dropped, 1);
    assert.equal(first.retried, 1);
    for (let i = 0; i < 3; i++) {
      now += 3_600_000 * 2;
      await s.tick();
    }
    assert.equal(due.rows.size, 0, 'given up after three attempts');
  });

  it('lets another instance take over an item whose claim ran out (a crashed instance)', async () => {
    const due = new FakeDue();
    due.add('x', item(1));
    // An instance claimed it and died: the lease is all that is left.
    const [open] = await collect(due.open(T0));
    await due.claim(open!, 'dead', T0 + 120_000);
    let sends = 0;
    const alive = (at: number) =>
      new Scheduler({
        due,
        now: () => new Date(at),
        logger,
        handle: async () => {
          sends++;
          return 'done';
        },
      });
    assert.equal((await alive(T0 + 60_000).tick()).handled, 0, 'still leased');
    assert.equal((await alive(T0 + 121_000).tick()).handled, 1);
    assert.equal(sends, 1);
  });
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('waking the scheduler for work stored due now', () => {
  /** Counts the scans: every tick opens the due items once. */
  class CountingDue extends FakeDue {
    scans = 0;
    override async *open(now: number) {
      this.scans++;
      yield* super.open(now);
    }
  }
  const settle = () => new Promise((r) => setTimeout(r, 20));
  const started = (due: FakeDue, handle: (i: DueItem) => Promise<'done'>) => {
    const s = new Scheduler({ due, now: () => new Date(T0), logger, handle });
    // A long interval: only the first tick and the wakes run during a test.
    s.start(3_600_000);
    return s;
  };

  it('makes one tick of several wakes in the same moment, and sends what they stored', async () => {
    const due = new CountingDue();
    const handled: string[] = [];
    const s = started(due, async (i) => {
      handled.push(i.recipientId ?? '');
      return 'done';
    });
    await settle();
    const before = due.scans;
    for (let i = 0; i < 5; i++) {
      due.add(`w${i}`, item(i));
      s.wake();
    }
    await settle();
    await s.stop();
    assert.equal(due.scans - before, 1);
    assert.deepEqual(handled.sort(), ['u0', 'u1', 'u2', 'u3', 'u4']);
    assert.equal(due.rows.size, 0);
  });

  it('ticks once more after a tick during which a wake came (that tick may have scanned too early)', async () => {
    const due = new CountingDue();
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const handled: string[] = [];
    due.add('first', item(1));
    const s = started(due, async (i) => {
      handled.push(i.recipientId ?? '');
      if (i.recipientId === 'u1') await held;
      return 'done';
    });
    await settle();
    // The first tick is inside its scan; this item and wake arrive meanwhile.
    due.add('second', item(2));
    s.wake();
    s.wake();
    release();
    await settle();
    await s.stop();
    assert.deepEqual(handled.sort(), ['u1', 'u2']);
    assert.equal(due.scans, 2);
  });

  it('does nothing in an instance whose scheduler is not running (another instance sends)', async () => {
    const due = new CountingDue();
    due.add('x', item(1));
    const s = new Scheduler({ due, now: () => new Date(T0), logger, handle: async () => 'done' });
    s.wake();
    await settle();
    assert.equal(due.scans, 0);
    assert.equal(due.rows.size, 1);
  });
});
