/** The tab's HTTP edge inside Teams: an API 401 gets one fresh Teams token and one more try, no more. */
import assert from 'node:assert/strict';
import { ApiError, createCall } from '../../../tab/src/api/http';

describe('tab API calls after a 401', () => {
  const realFetch = globalThis.fetch;
  let seen: Array<string | null>;
  let accept: string;

  beforeEach(() => {
    seen = [];
    accept = 'fresh';
    globalThis.fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization');
      seen.push(auth);
      return auth === `Bearer ${accept}`
        ? Response.json({ ok: true })
        : Response.json({ error: { code: 'unauthenticated', message: 'Sign in again.' } }, { status: 401 });
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('renews the token once and sends the request again', async () => {
    let token = 'stale';
    let renewals = 0;
    const call = createCall({
      getToken: () => token,
      refreshToken: async () => {
        renewals += 1;
        token = 'fresh';
        return true;
      },
    });
    assert.deepEqual(await call('GET', '/me'), { ok: true });
    assert.deepEqual(seen, ['Bearer stale', 'Bearer fresh']);
    assert.equal(renewals, 1);
  });

  it('gives up after one renewal, or when Teams gives no token', async () => {
    accept = 'never';
    let renewals = 0;
    const renewing = createCall({ getToken: () => 'stale', refreshToken: async () => ++renewals > 0 });
    await assert.rejects(renewing('GET', '/me'), (e) => e instanceof ApiError && e.status === 401);
    assert.equal(renewals, 1);
    assert.equal(seen.length, 2);

    seen = [];
    const noToken = createCall({ getToken: () => 'stale', refreshToken: async () => false });
    await assert.rejects(noToken('GET', '/me'), (e) => e instanceof ApiError && e.status === 401);
    assert.equal(seen.length, 1);
  });

  it('outside Teams (no renewal) a 401 is final', async () => {
    const call = createCall({ getToken: () => 'stale' });
    await assert.rejects(call('GET', '/me'), (e) => e instanceof ApiError && e.code === 'unauthenticated');
    assert.equal(seen.length, 1);
  });
});
