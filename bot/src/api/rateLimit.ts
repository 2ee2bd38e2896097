/**
 * Per-person rate limiting for the tab API: a token bucket per principal
 * (tenant and user), refilled continuously. A tab polling in a loop or a
 * script with a stolen token gets 429 with Retry-After instead of holding
 * storage and Graph for everyone.
 *
 * The buckets live in this process's memory, so the limit is per instance:
 * with N instances a person may reach N times the rate. That is deliberate:
 * a shared counter in Tables would cost a storage write per request, which is
 * what the limit protects. The buckets hold no data about anyone beyond a
 * count, and losing them on restart only forgives a burst.
 */
import { PolkuError } from '../domain/errors';
import type { Authenticator, Principal } from './principal';

export interface RateLimitSettings {
  /** Sustained requests per second per person. */
  readonly perSecond: number;
  /** Requests a person may make at once before the sustained rate applies. */
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** How many people's buckets are kept at most; beyond it the least recently used go (they were full anyway). */
const MAX_BUCKETS = 50_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly maxBuckets = MAX_BUCKETS,
  ) {
    if (!(settings.perSecond > 0) || !(settings.burst >= 1)) {
      throw new RangeError('rate limit needs perSecond > 0 and burst >= 1');
    }
  }

  /** Takes one token for `key` at time `nowMs`: 0 when allowed, else how many ms until one is free. */
  take(key: string, nowMs: number): number {
    const { perSecond, burst } = this.settings;
    const found = this.buckets.get(key);
    const bucket = found ?? { tokens: burst, updatedAt: nowMs };
    // A clock that steps back refills nothing rather than minting tokens.
    const elapsed = Math.max(0, nowMs - bucket.updatedAt);
    bucket.tokens = Math.min(burst, bucket.tokens + (elapsed * perSecond) / 1000);
    bucket.updatedAt = Math.max(bucket.updatedAt, nowMs);
    // Map order is insertion order: re-inserting keeps the most recently used last.
    if (found) this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.evict();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 1000) / perSecond);
  }

  size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    while (this.buckets.size > this.maxBuckets) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}

/**
 * Authenticates as before, then charges the person's bucket. Sitting in the
 * authenticator means every authenticated route is limited, including ones
 * added later, and the key is who the token proves, never what the client claims.
 */
export class RateLimitedAuthenticator implements Authenticator {
  private readonly buckets: TokenBuckets;

  constructor(
    private readonly inner: Authenticator,
    settings: RateLimitSettings,
    private readonly now: () => Date,
  ) {
    this.buckets = new TokenBuckets(settings);
  }

  async authenticate(authorizationHeader: string | undefined): Promise<Principal> {
    const principal = await this.inner.authenticate(authorizationHeader);
    const waitMs = this.buckets.take(`${principal.tenantId}|${principal.userId}`, this.now().getTime());
    if (waitMs > 0) {
      throw new PolkuError('throttled', 'Too many requests. Wait a moment and try again.', {
        code: 'rate_limited',
        retryAfterMs: waitMs,
      });
    }
    return principal;
  }
}
