import assert from 'node:assert/strict';
import type { Authenticator, Principal } from '../../../bot/src/api/principal';
import { RateLimitedAuthenticator, TokenBuckets } from '../../../bot/src/api/rateLimit';
import { PolkuError } from '../../../bot/src/domain/errors';

describe('tab API rate limit (token bucket per person)', () => {
  it('allows the burst at once, then the sustained rate, and says how long to wait', () => {
    const buckets = new TokenBuckets({ perSecond: 20, burst: 60 });
    const t0 = 1_000_000;
    for (let i = 0; i < 60; i++) assert.equal(buckets.take('a', t0), 0, `request ${i + 1} of the burst`);
    assert.equal(buckets.take('a', t0), 50, 'one token comes back after 1/20 s');
    assert.ok(buckets.take('a', t0 + 49) > 0, 'not yet');
    assert.equal(buckets.take('a', t0 + 50), 0);
    // A second later 20 more are allowed, and no more.
    let allowed = 0;
    for (let i = 0; i < 40; i++) if (buckets.take('a', t0 + 1050) === 0) allowed++;
    assert.equal(allowed, 20);
  });

  it('keeps people apart and never refills beyond the burst', () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 2 });
    assert.equal(buckets.take('a', 0), 0);
    assert.equal(buckets.take('a', 0), 0);
    assert.ok(buckets.take('a', 0) > 0);
    assert.equal(buckets.take('b', 0), 0, 'another person has their own bucket');
    // An hour idle still gives only the burst.
    assert.equal(buckets.take('a', 3_600_000), 0);
    assert.equal(buckets.take('a', 3_600_000), 0);
    assert.ok(buckets.take('a', 3_600_000) > 0);
  });

  it('mints nothing when the clock steps back, and forgets the least recently used people first', () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, 3);
    assert.equal(buckets.take('a', 10_000), 0);
    assert.ok(buckets.take('a', 5_000) > 0, 'a clock step back refills nothing');
    for (const key of ['b', 'c', 'd']) buckets.take(key, 10_000);
    assert.equal(buckets.size(), 3);
    // 'a' was the least recently used and was forgotten: it starts with a full bucket again.
    assert.equal(buckets.take('a', 10_000), 0);
    assert.equal(buckets.size(), 3);
  });

  it('refuses nonsense settings', () => {
    assert.throws(() => new TokenBuckets({ perSecond: 0, burst: 10 }), RangeError);
    assert.throws(() => new TokenBuckets({ perSecond: 5, burst: 0 }), RangeError);
  });

  it('limits by the authenticated person and answers throttled with a retry time', async () => {
    const people: Record<string, Principal> = {
      'Bearer a': { tenantId: 't', userId: 'a', name: 'A' },
      'Bearer b': { tenantId: 't', userId: 'b', name: 'B' },
    };
    const inner: Authenticator = {
      authenticate: async (header) => {
        const p = header ? people[header] : undefined;
        if (!p) throw new PolkuError('unauthenticated', 'no');
        return p;
      },
    };
    const now = new Date(0);
    const auth = new RateLimitedAuthenticator(inner, { perSecond: 2, burst: 2 }, () => now);
    await auth.authenticate('Bearer a');
    await auth.authenticate('Bearer a');
    await assert.rejects(
      auth.authenticate('Bearer a'),
      (e: unknown) =>
        e instanceof PolkuError &&
        e.kind === 'throttled' &&
        e.code === 'rate_limited' &&
        e.retryAfterMs === 500,
    );
    assert.equal((await auth.authenticate('Bearer b')).userId, 'b');
    // A refused token is not charged to anyone and stays a 401.
    await assert.rejects(
      auth.authenticate('Bearer nobody'),
      (e: unknown) => e instanceof PolkuError && e.kind === 'unauthenticated',
    );
  });
});
