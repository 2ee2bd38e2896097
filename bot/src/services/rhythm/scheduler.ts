/**
 * Runs due work. Each tick scans the buckets up to now, claims each due item
 * with an ETag-conditional lease (so of several instances exactly one gets
 * it), hands it to its handler, and deletes it when done. A handler that
 * fails for a passing reason (throttled, storage or Teams unavailable) gets
 * the item back later with backoff and jitter; an instance that crashes
 * mid-item leaves a lease that runs out, and another instance takes over.
 * Time is injected, so tests drive the clock.
 */
import { randomUUID } from 'node:crypto';
import { isPolkuError } from '../../domain/errors';
import { type DueItem, retryDelayMs } from '../../domain/rhythm/dueItem';
import { errorForLog, type Logger } from '../../logging';

export interface OpenItem {
  readonly item: DueItem;
  readonly attempts: number;
  readonly notBefore: number;
}

/** What the scheduler needs from storage (bot/src/store/dueStore.ts). */
export interface DueRepository<T extends OpenItem> {
  open(now: number): AsyncIterable<T>;
  claim(open: T, instanceId: string, until: number): Promise<T | undefined>;
  complete(claimed: T): Promise<void>;
  release(claimed: T, notBefore: number): Promise<void>;
}

/**
 * 'done': finished, or nothing left to do (the meeting was cancelled, the
 * prompt was answered). A thrown error is retried if it is passing, dropped
 * if not.
 */
export type DueHandler = (item: DueItem, now: Date) => Promise<'done'>;

export interface SchedulerDeps<T extends OpenItem> {
  readonly due: DueRepository<T>;
  readonly handle: DueHandler;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly instanceId?: string;
  /** How long a claim holds before another instance may take the item over. */
  readonly leaseMs?: number;
  /** Attempts before an item is given up (and logged). */
  readonly maxAttempts?: number;
  /** Items handled at once per tick; the sender's rate limit is what really paces them. */
  readonly concurrency?: number;
  readonly random?: () => number;
}

export interface TickResult {
  readonly read: number;
  readonly handled: number;
  readonly retried: number;
  readonly dropped: number;
}

export class Scheduler<T extends OpenItem> {
  private readonly instanceId: string;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickResult> | undefined;
  private stopped = false;
  private started = false;
  /** A wake came while a tick ran: that tick may have scanned before the new item was stored. */
  private wokenDuring = false;
  private wakeTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: SchedulerDeps<T>) {
    this.instanceId = deps.instanceId ?? randomUUID();
  }

  /** Ticks every `intervalMs` until stop(); a tick never overlaps the previous one. */
  start(intervalMs: number): void {
    this.stopped = false;
    this.started = true;
    const loop = async () => {
      if (this.stopped) return;
      try {
        await this.tick();
      } catch (err) {
        this.deps.logger.warn({ err: errorForLog(err) }, 'scheduler tick failed; trying again next tick');
      }
      if (!this.stopped) this.timer = setTimeout(loop, intervalMs);
    };
    this.timer = setTimeout(loop, 0);
  }

  /** Stops ticking and waits for the tick in flight (its claims end cleanly). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over what is due; `at` stands in for the clock (local mode's "run what is due at…"). */
  tick(at?: Date): Promise<TickResult> {
    if (this.running) return this.running;
    this.running = this.runTick(at ?? this.deps.now()).finally(() => {
      this.running = undefined;
      if (this.wokenDuring) {
        this.wokenDuring = false;
        this.wake();
      }
    });
    return this.running;
  }

  /**
   * Work was just stored due now (a form a click could not send at once):
   * a tick soon instead of at the next interval. Wakes in the same moment
   * make one tick; a wake during a tick makes one more after it. Only a
   * started scheduler wakes: an instance that runs no scheduler leaves the
   * item to one that does.
   */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.running) {
      this.wokenDuring = true;
      return;
    }
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.tick().catch((err: unknown) =>
        this.deps.logger.warn({ err: errorForLog(err) }, 'scheduler tick failed; trying again next tick'),
      );
    }, 0);
  }

  private async runTick(at: Date): Promise<TickResult> {
    const now = at.getTime();
    let read = 0;
    let handled = 0;
    let retried = 0;
    let dropped = 0;
    const inFlight = new Set<Promise<void>>();
    const limit = this.deps.concurrency ?? 16;
    for await (const open of this.deps.due.open(now)) {
      read++;
      if (this.stopped) break;
      if (open.item.dueAt > now || open.notBefore > now) continue;
      const job = this.run(open, at).then((outcome) => {
        if (outcome === 'handled') handled++;
        else if (outcome === 'retried') retried++;
        else if (outcome === 'dropped') dropped++;
      });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return { read, handled, retried, dropped };
  }

  private async run(open: T, now: Date): Promise<'handled' | 'retried' | 'dropped' | 'skipped'> {
    const claimed = await this.deps.due.claim(
      open,
      this.instanceId,
      now.getTime() + (this.deps.leaseMs ?? 120_000),
    );
    if (!claimed) return 'skipped';
    const log = { kind: open.item.kind, pairId: open.item.pairId, attempt: claimed.attempts };
    try {
      await this.deps.handle(claimed.item, now);
      await this.deps.due.complete(claimed);
      return 'handled';
    } catch (err) {
      const passing = isPassing(err);
      if (passing && claimed.attempts < (this.deps.maxAttempts ?? 8)) {
        const wait = Math.max(
          retryDelayMs(claimed.attempts, this.deps.random),
          isPolkuError(err) ? (err.retryAfterMs ?? 0) : 0,
        );
        await this.deps.due.release(claimed, now.getTime() + wait);
        this.deps.logger.info({ ...log, err: errorForLog(err), retryInMs: wait }, 'due item will be retried');
        return 'retried';
      }
      await this.deps.due.complete(claimed);
      this.deps.logger.warn({ ...log, err: errorForLog(err) }, 'due item given up');
      return 'dropped';
    }
  }
}

/** Throttling and unavailability pass; anything else (not found, refused, invalid) will not get better by waiting. */
function isPassing(err: unknown): boolean {
  if (!isPolkuError(err)) return true;
  return err.kind === 'throttled' || err.kind === 'unavailable' || err.kind === 'changed';
}
