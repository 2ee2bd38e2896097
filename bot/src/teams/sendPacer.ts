/**
 * Keeps proactive sends inside Teams' limits: about 7 messages per second
 * to one conversation and 50 per second per app in a tenant. Sliding
 * windows, in process: with several instances, give each its share of the tenant
 * rate (TEAMS_SEND_PER_SECOND); a 429 that still comes back is retried by
 * the scheduler with backoff.
 */
export interface PacerLimits {
  readonly perTenantPerSecond: number;
  readonly perConversationPerSecond: number;
}

export const TEAMS_LIMITS: PacerLimits = { perTenantPerSecond: 50, perConversationPerSecond: 7 };

/**
 * Teams counts a send when it arrives, some ms after we let it go, and not
 * the same ms each time: a window exactly one second long lets two sends a
 * second apart here arrive less than a second apart there (bench/scheduler:
 * hundreds of 429s at exactly 50/s). This much slack absorbs that jitter,
 * for 5 % of the rate.
 */
const WINDOW_MS = 1050;

/**
 * A sliding window: at most `perSecond` sends in any WINDOW_MS, spread
 * evenly. (A token bucket would let a full bucket and its refill through in
 * the same second, twice the limit, which is what earns a 429; a window that
 * lets its sends through as a burst repeats that burst every window, and
 * bursts are where arrival jitter is largest.)
 */
class SlidingWindow {
  private readonly sent: number[] = [];
  /** When the next send is due: one interval after the previous one was due, so timer lateness does not slow the pace. */
  private nextAt = Number.NEGATIVE_INFINITY;
  private readonly interval: number;
  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {
    this.interval = WINDOW_MS / perSecond;
  }

  /** Ms to wait before a send is allowed; records the send when 0. */
  take(): number {
    const t = this.now();
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= t - WINDOW_MS) this.sent.shift();
    const full = this.sent.length >= this.perSecond ? (this.sent[0] ?? t) + WINDOW_MS - t : 0;
    const wait = Math.max(full, this.nextAt - t);
    if (wait > 0) return Math.ceil(wait);
    this.sent.push(t);
    // Lateness up to half an interval is made up on the next send; sends are never closer than half an interval.
    this.nextAt = Math.max(this.nextAt, t - this.interval / 2) + this.interval;
    return 0;
  }

  /** Whether take() would let a send through now, without taking it. */
  hasRoom(): boolean {
    const t = this.now();
    const recent = this.sent.filter((at) => at > t - WINDOW_MS).length;
    return recent < this.perSecond && this.nextAt - t <= 0;
  }

  /** Nothing sent in the last second: the window can be forgotten. */
  idle(): boolean {
    const last = this.sent.at(-1);
    return last === undefined || last <= this.now() - WINDOW_MS;
  }
}

export class SendPacer {
  private readonly tenants = new Map<string, SlidingWindow>();
  private readonly conversations = new Map<string, SlidingWindow>();

  constructor(
    private readonly limits: PacerLimits = TEAMS_LIMITS,
    private readonly now: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Resolves when one more message may go to `conversationId` in `tenantId`. */
  async acquire(tenantId: string, conversationId: string): Promise<void> {
    const tenant = this.window(this.tenants, tenantId, this.limits.perTenantPerSecond);
    const conversation = this.window(
      this.conversations,
      conversationId,
      this.limits.perConversationPerSecond,
    );
    for (;;) {
      const wait = conversation.take();
      if (wait > 0) {
        await this.sleep(wait);
        continue;
      }
      // The conversation's slot is taken; now wait for the tenant's.
      for (;;) {
        const waitTenant = tenant.take();
        if (waitTenant === 0) return;
        await this.sleep(waitTenant);
      }
    }
  }

  /**
   * Takes a slot only if one is free now, for sends that can be left to
   * later instead of waited for (a refresh that the scheduler can do).
   */
  tryAcquire(tenantId: string, conversationId: string): boolean {
    const conversation = this.window(
      this.conversations,
      conversationId,
      this.limits.perConversationPerSecond,
    );
    if (!conversation.hasRoom()) return false;
    const tenant = this.window(this.tenants, tenantId, this.limits.perTenantPerSecond);
    if (!tenant.hasRoom()) return false;
    return conversation.take() === 0 && tenant.take() === 0;
  }

  private window(map: Map<string, SlidingWindow>, key: string, perSecond: number): SlidingWindow {
    let w = map.get(key);
    if (!w) {
      // Keeps memory flat over many conversations: only windows used in the last second matter.
      if (map.size > 10_000) for (const [k, v] of map) if (v.idle()) map.delete(k);
      w = new SlidingWindow(perSecond, this.now);
      map.set(key, w);
    }
    return w;
  }
}
