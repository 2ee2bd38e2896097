/** Teams SSO tokens: what the tab API accepts from Entra, and everything it refuses. */
import assert from 'node:assert/strict';
import { EntraSigningKeys } from '../../../bot/src/api/entraKeys';
import { EntraTokenAuthenticator } from '../../../bot/src/api/entraTokens';
import { ConfigError, loadConfig } from '../../../bot/src/config';
import { PolkuError } from '../../../bot/src/domain/errors';
import {
  APP_ID_URI,
  CLIENT_ID,
  claimsAt,
  hs256WithPublicKey,
  type JwksServer,
  OTHER_TENANT,
  type SigningKey,
  signingKey,
  ssoToken,
  startJwksServer,
  TENANT,
  USER_OID,
  unsignedToken,
} from '../../support/entraStandIn';

const START = new Date('2026-11-22T10:00:00Z');
const principal = { tenantId: TENANT, userId: USER_OID, name: 'Sanna Virtanen' };

function refusedFor(reason: RegExp, token?: string) {
  return (e: unknown) => {
    assert.ok(e instanceof PolkuError, String(e));
    assert.equal(e.kind, 'unauthenticated');
    assert.match(e.message, reason);
    if (token) assert.ok(!e.message.includes(token), 'the reason never contains the token');
    return true;
  };
}

describe('Entra SSO tokens (EntraTokenAuthenticator)', function () {
  this.timeout(20000);
  let key: SigningKey;
  let otherKey: SigningKey;
  let jwks: JwksServer;
  let clock: Date;
  let warnings: string[];

  const authenticator = (overrides: { authorityUrl?: string; timeoutMs?: number } = {}) =>
    new EntraTokenAuthenticator({
      tenantId: TENANT,
      clientId: CLIENT_ID,
      appIdUri: APP_ID_URI,
      now: () => clock,
      keys: new EntraSigningKeys({
        authorityUrl: overrides.authorityUrl ?? jwks.authorityUrl,
        tenantId: TENANT,
        now: () => clock,
        timeoutMs: overrides.timeoutMs ?? 2000,
        logger: { warn: (_details, message) => warnings.push(message) },
      }),
    });
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  before(async () => {
    key = signingKey('key-1');
    otherKey = signingKey('key-2');
  });
  beforeEach(async () => {
    clock = START;
    warnings = [];
    jwks = await startJwksServer(TENANT, [key]);
  });
  afterEach(async () => {
    await jwks.close();
  });

  it('accepts a valid v2 token and names the person by tenant and object id', async () => {
    const token = await ssoToken({ key, now: clock });
    assert.deepEqual(await authenticator().authenticate(`Bearer ${token}`), principal);
  });

  it('accepts a v1 token (sts.windows.net issuer, Application ID URI audience)', async () => {
    const token = await ssoToken({
      key,
      now: clock,
      claims: { iss: `https://sts.windows.net/${TENANT}/`, aud: APP_ID_URI, ver: '1.0' },
    });
    assert.deepEqual(await authenticator().authenticate(`Bearer ${token}`), principal);
  });

  it('refuses a missing or malformed bearer token', async () => {
    const auth = authenticator();
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Basic abc',
      'Bearer not-a-jwt',
      'Bearer a.b',
      'Bearer a.b.c',
    ]) {
      await assert.rejects(auth.authenticate(header), refusedFor(/missing bearer token|malformed token/));
    }
    // A dev sign-in token is not an Entra token.
    await assert.rejects(auth.authenticate('Bearer polku-dev.e30.x'), refusedFor(/malformed token/));
  });

  it('refuses an expired token, allowing a small clock skew', async () => {
    const t = Math.floor(clock.getTime() / 1000);
    const expired = await ssoToken({ key, now: clock, claims: { exp: t - 120 } });
    await assert.rejects(authenticator().authenticate(`Bearer ${expired}`), refusedFor(/expired/, expired));
    const justExpired = await ssoToken({ key, now: clock, claims: { exp: t - 30 } });
    assert.deepEqual(await authenticator().authenticate(`Bearer ${justExpired}`), principal);
    const noExp = await ssoToken({ key, now: clock, claims: { exp: undefined } });
    await assert.rejects(authenticator().authenticate(`Bearer ${noExp}`), refusedFor(/lacks the exp claim/));
  });

  it('refuses a token that is not yet valid', async () => {
    const t = Math.floor(clock.getTime() / 1000);
    const early = await ssoToken({ key, now: clock, claims: { nbf: t + 600 } });
    await assert.rejects(authenticator().authenticate(`Bearer ${early}`), refusedFor(/not yet valid/));
  });

  it('refuses a token for another audience', async () => {
    for (const aud of ['00000003-0000-0000-c000-000000000000', 'api://polku.example.net/other', '']) {
      const token = await ssoToken({ key, now: clock, claims: { aud } });
      await assert.rejects(authenticator().authenticate(`Bearer ${token}`), refusedFor(/another audience/));
    }
  });

  it('refuses a token from an unexpected issuer', async () => {
    for (const iss of [
      `https://login.microsoftonline.com/${TENANT}/`,
      `https://login.microsoftonline.com/common/v2.0`,
      `https://evil.example.com/${TENANT}/v2.0`,
    ]) {
      const token = await ssoToken({ key, now: clock, claims: { iss } });
      await assert.rejects(authenticator().authenticate(`Bearer ${token}`), refusedFor(/unexpected issuer/));
    }
  });

  it('refuses tokens from another tenant', async () => {
    const other = await ssoToken({
      key,
      now: clock,
      claims: { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` },
    });
    await assert.rejects(authenticator().authenticate(`Bearer ${other}`), refusedFor(/another tenant/));
    // Our issuer but another tid: never issued by Entra, refused all the same.
    const mixed = await ssoToken({ key, now: clock, claims: { tid: OTHER_TENANT } });
    await assert.rejects(authenticator().authenticate(`Bearer ${mixed}`), refusedFor(/another tenant/));
  });

  it('refuses a token without the access_as_user scope or without a person', async () => {
    for (const scp of [undefined, 'User.Read', 'access_as_user_x', '']) {
      const token = await ssoToken({ key, now: clock, claims: { scp } });
      await assert.rejects(
        authenticator().authenticate(`Bearer ${token}`),
        refusedFor(/access_as_user scope/),
      );
    }
    const extraScopes = await ssoToken({ key, now: clock, claims: { scp: 'User.Read access_as_user' } });
    assert.deepEqual(await authenticator().authenticate(`Bearer ${extraScopes}`), principal);
    const noOid = await ssoToken({ key, now: clock, claims: { oid: undefined } });
    await assert.rejects(authenticator().authenticate(`Bearer ${noOid}`), refusedFor(/lacks the oid claim/));
  });

  it('refuses a forged signature: another key under a published key id, or a tampered payload', async () => {
    const forged = await ssoToken({ key: otherKey, now: clock, kid: key.kid });
    await assert.rejects(authenticator().authenticate(`Bearer ${forged}`), refusedFor(/bad token signature/));
    const [header, , signature] = (await ssoToken({ key, now: clock })).split('.');
    const body = Buffer.from(JSON.stringify({ ...claimsAt(clock), oid: 'someone-else' })).toString(
      'base64url',
    );
    await assert.rejects(
      authenticator().authenticate(`Bearer ${header}.${body}.${signature}`),
      refusedFor(/bad token signature/),
    );
  });

  it('refuses alg none and HS256 keyed with the public key', async () => {
    const auth = authenticator();
    await assert.rejects(
      auth.authenticate(`Bearer ${unsignedToken(claimsAt(clock))}`),
      refusedFor(/algorithm not allowed|malformed/),
    );
    await assert.rejects(
      auth.authenticate(`Bearer ${hs256WithPublicKey(key, claimsAt(clock))}`),
      refusedFor(/algorithm not allowed/),
    );
  });

  it('refetches the keys once for an unknown key id, at most once per interval, then refuses', async () => {
    const auth = authenticator();
    await auth.authenticate(`Bearer ${await ssoToken({ key, now: clock })}`);
    assert.equal(jwks.fetches(), 1);
    const unknown = await ssoToken({ key: otherKey, now: clock });
    // Keys fetched a moment ago: no new fetch for a made-up key id.
    await assert.rejects(auth.authenticate(`Bearer ${unknown}`), refusedFor(/unknown key/));
    assert.equal(jwks.fetches(), 1);
    later(31_000);
    const attempts = Array.from({ length: 5 }, () => auth.authenticate(`Bearer ${unknown}`));
    for (const attempt of attempts) await assert.rejects(attempt, refusedFor(/unknown key/));
    assert.equal(jwks.fetches(), 2, 'one refetch, shared by concurrent requests');
    await assert.rejects(auth.authenticate(`Bearer ${unknown}`), refusedFor(/unknown key/));
    assert.equal(jwks.fetches(), 2, 'no refetch storm');
    // Entra rotates: the new key is published, and tokens signed with it are accepted after one refetch.
    jwks.publish([key, otherKey]);
    later(31_000);
    assert.deepEqual(
      await auth.authenticate(`Bearer ${await ssoToken({ key: otherKey, now: clock })}`),
      principal,
    );
    assert.equal(jwks.fetches(), 3);
  });

  it('caches the keys for hours and shares one fetch among concurrent requests', async () => {
    const auth = authenticator();
    const token = await ssoToken({ key, now: clock });
    const all = await Promise.all(Array.from({ length: 8 }, () => auth.authenticate(`Bearer ${token}`)));
    assert.equal(all.length, 8);
    assert.equal(jwks.fetches(), 1);
    later(60 * 60 * 1000);
    await auth.authenticate(`Bearer ${await ssoToken({ key, now: clock })}`);
    assert.equal(jwks.fetches(), 1, 'still cached after an hour');
    later(6 * 60 * 60 * 1000);
    await auth.authenticate(`Bearer ${await ssoToken({ key, now: clock })}`);
    assert.equal(jwks.fetches(), 2, 'refetched after the TTL');
  });

  it('refuses, with an "unavailable" reason in the log, when the keys cannot be fetched', async () => {
    const token = await ssoToken({ key, now: clock });
    await jwks.close();
    const unreachable = authenticator();
    await assert.rejects(
      unreachable.authenticate(`Bearer ${token}`),
      refusedFor(/signing keys unavailable/, token),
    );
    assert.deepEqual(warnings, ['could not fetch Entra signing keys']);

    jwks = await startJwksServer(TENANT, [key]);
    jwks.behave('error');
    await assert.rejects(authenticator().authenticate(`Bearer ${token}`), refusedFor(/unavailable.*500/));

    jwks.behave('hang');
    await assert.rejects(
      authenticator({ timeoutMs: 200 }).authenticate(`Bearer ${token}`),
      refusedFor(/unavailable \(timed out\)/),
    );
  });

  it('keeps using the keys it has while Entra cannot be reached after the TTL', async () => {
    const auth = authenticator();
    await auth.authenticate(`Bearer ${await ssoToken({ key, now: clock })}`);
    jwks.behave('error');
    later(7 * 60 * 60 * 1000);
    assert.deepEqual(await auth.authenticate(`Bearer ${await ssoToken({ key, now: clock })}`), principal);
    assert.equal(jwks.fetches(), 2);
    assert.equal(warnings.length, 1);
    later(2 * 24 * 60 * 60 * 1000);
    await assert.rejects(
      auth.authenticate(`Bearer ${await ssoToken({ key, now: clock })}`),
      refusedFor(/signing keys unavailable/),
    );
  });
});

describe('Entra SSO configuration', () => {
  const GUID = '11111111-2222-3333-4444-555555555555';
  const AZURE = {
    POLKU_MODE: 'azure',
    MICROSOFT_APP_ID: GUID,
    MICROSOFT_APP_TENANT_ID: TENANT,
    MICROSOFT_APP_PASSWORD: 'secret',
    TABLES_ENDPOINT: 'https://polku.table.core.windows.net',
    GRAPH_TENANT_ID: TENANT,
    GRAPH_CLIENT_ID: CLIENT_ID,
    GRAPH_CLIENT_SECRET: 'graph-secret',
    AAD_APP_CLIENT_ID: CLIENT_ID,
    AAD_APP_ID_URI: APP_ID_URI,
  };
  const problemsOf = (env: Record<string, string>): string => {
    try {
      loadConfig(env, '/srv');
    } catch (err) {
      assert.ok(err instanceof ConfigError, String(err));
      return err.problems.join('\n');
    }
    return '';
  };

  it('reads the tab app and tenant in azure mode, with the public Entra authority by default', () => {
    assert.deepEqual(loadConfig(AZURE).entra, {
      tenantId: TENANT,
      clientId: CLIENT_ID,
      appIdUri: APP_ID_URI,
      authorityUrl: 'https://login.microsoftonline.com',
    });
    assert.equal(loadConfig({}).entra, undefined, 'local mode keeps dev sign-in');
  });

  it('requires the tab app id and Application ID URI in azure mode, well-formed', () => {
    const { AAD_APP_CLIENT_ID: _, AAD_APP_ID_URI: __, ...without } = AZURE;
    const missing = problemsOf(without);
    assert.match(missing, /AAD_APP_CLIENT_ID is required/);
    assert.match(missing, /AAD_APP_ID_URI is required/);
    assert.match(problemsOf({ ...AZURE, AAD_APP_CLIENT_ID: 'polku' }), /AAD_APP_CLIENT_ID must be a GUID/);
    for (const uri of [CLIENT_ID, 'https://polku.example.net', 'api://', 'api://a b'])
      assert.match(
        problemsOf({ ...AZURE, AAD_APP_ID_URI: uri }),
        /AAD_APP_ID_URI must be an api:\/\/ URI/,
        uri,
      );
  });

  it('takes signing keys over https only, except from a loopback stand-in', () => {
    assert.match(
      problemsOf({ ...AZURE, ENTRA_AUTHORITY_URL: 'http://login.example.com' }),
      /ENTRA_AUTHORITY_URL must use https/,
    );
    assert.match(
      problemsOf({ ...AZURE, ENTRA_AUTHORITY_URL: 'not a url' }),
      /ENTRA_AUTHORITY_URL is not a URL/,
    );
    assert.match(
      problemsOf({ ...AZURE, ENTRA_AUTHORITY_URL: 'https://login.example.com/?x=1' }),
      /plain base URL/,
    );
    assert.equal(
      loadConfig({ ...AZURE, ENTRA_AUTHORITY_URL: 'http://127.0.0.1:4321/' }).entra?.authorityUrl,
      'http://127.0.0.1:4321',
    );
    assert.equal(
      loadConfig({ ...AZURE, ENTRA_AUTHORITY_URL: 'https://login.microsoftonline.us' }).entra?.authorityUrl,
      'https://login.microsoftonline.us',
    );
  });
});
