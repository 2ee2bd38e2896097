import assert from 'node:assert/strict';
import {
  bearer,
  DEV_SESSION_TTL_MS,
  DevSessionAuthenticator,
  mintDevSession,
} from '../../../bot/src/api/devSessions';
import { PolkuError } from '../../../bot/src/domain/errors';

const principal = { tenantId: 't-1', userId: 'u-1', name: 'Sanna Virtanen' };
const now = new Date('2026-11-22T10:00:00Z');
const isUnauthenticated = (e: unknown) => e instanceof PolkuError && e.kind === 'unauthenticated';

describe('dev sign-in sessions', () => {
  it('round-trips a principal until the session expires', async () => {
    const { token, expiresAt } = mintDevSession('k', principal, now);
    assert.equal(expiresAt.getTime() - now.getTime(), DEV_SESSION_TTL_MS);
    const auth = new DevSessionAuthenticator('k', () => now);
    assert.deepEqual(await auth.authenticate(`Bearer ${token}`), principal);
    const later = new DevSessionAuthenticator('k', () => new Date(expiresAt.getTime() + 1));
    await assert.rejects(later.authenticate(`Bearer ${token}`), isUnauthenticated);
  });

  it('refuses tokens signed with another key, tampered payloads and malformed headers', async () => {
    const { token } = mintDevSession('k', principal, now);
    const auth = new DevSessionAuthenticator('k', () => now);
    await assert.rejects(
      new DevSessionAuthenticator('other', () => now).authenticate(`Bearer ${token}`),
      isUnauthenticated,
    );
    const [prefix, body, sig] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...principal, tid: 't-1', oid: 'someone-else', exp: Date.now() * 2 }),
    ).toString('base64url');
    for (const header of [
      `Bearer ${prefix}.${forged}.${sig}`,
      `Bearer ${prefix}.${body}.`,
      `Bearer ${prefix}.${body}`,
      `Bearer ${body}.${sig}`,
      `Basic ${token}`,
      'Bearer',
      '',
      undefined,
      `Bearer ${'a'.repeat(9000)}`,
    ]) {
      await assert.rejects(auth.authenticate(header), isUnauthenticated, String(header).slice(0, 40));
    }
  });

  it('reads a bearer token case-insensitively', () => {
    assert.equal(bearer('bearer abc'), 'abc');
  });
});
