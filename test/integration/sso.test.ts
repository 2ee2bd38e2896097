/**
 * Teams SSO end to end on the server side: the real server in azure mode
 * validates Entra access tokens against a loopback stand-in for the tenant's
 * signing keys, and answers the tab API only for valid ones.
 */
import assert from 'node:assert/strict';
import { TableClient } from '@azure/data-tables';
import { mintDevSession } from '../../bot/src/api/devSessions';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import {
  azureModeEnv,
  BOT_ID,
  type JwksServer,
  OTHER_TENANT,
  type SigningKey,
  signingKey,
  ssoToken,
  startJwksServer,
  TENANT,
  USER_OID,
} from '../support/entraStandIn';
import { type ServerHandle, startServer } from '../support/serverProcess';

describe('Teams SSO (azure mode)', function () {
  this.timeout(60000);
  let azurite: AzuriteHandle;
  let jwks: JwksServer;
  let server: ServerHandle;
  let key: SigningKey;
  const prefix = `s${Math.random().toString(36).slice(2, 8)}`;

  const get = (path: string, token?: string) =>
    fetch(`${server.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  before(async () => {
    key = signingKey('sso-key-1');
    [azurite, jwks] = await Promise.all([startAzurite(), startJwksServer(TENANT, [key])]);
    server = await startServer(
      azureModeEnv({
        connectionString: azurite.connectionString,
        tablePrefix: prefix,
        entraAuthorityUrl: jwks.authorityUrl,
      }),
    );
  });
  after(async () => {
    await server?.stop();
    await jwks?.close();
    await azurite?.stop();
  });

  it('answers /me and /programmes for a valid Teams token', async () => {
    const token = await ssoToken({ key, now: new Date() });
    const me = await get('/api/v1/me', token);
    assert.equal(me.status, 200);
    assert.deepEqual(await me.json(), { id: USER_OID, tenantId: TENANT, name: 'Sanna Virtanen' });

    const access = TableClient.fromConnectionString(azurite.connectionString, `${prefix}access`, {
      allowInsecureConnection: true,
    });
    await access.createEntity({
      partitionKey: `${TENANT}|${USER_OID}`,
      rowKey: 'prog-sso',
      name: 'Asiakaspalvelun mentorointi 2027',
      role: 'coordinator',
    });
    const programmes = await get('/api/v1/programmes', token);
    assert.equal(programmes.status, 200);
    assert.deepEqual(await programmes.json(), {
      items: [{ id: 'prog-sso', name: 'Asiakaspalvelun mentorointi 2027', role: 'coordinator' }],
    });
    assert.equal(jwks.fetches(), 1, 'the keys are fetched once and cached');
  });

  it('refuses expired, wrong-audience, other-tenant and forged tokens with 401, logging why but not the token', async () => {
    const now = new Date();
    const t = Math.floor(now.getTime() / 1000);
    const cases: Array<[string, string]> = [
      ['token expired', await ssoToken({ key, now, claims: { exp: t - 600 } })],
      ['token is for another audience', await ssoToken({ key, now, claims: { aud: BOT_ID } })],
      [
        'token is from another tenant',
        await ssoToken({
          key,
          now,
          claims: { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` },
        }),
      ],
      ['bad token signature', await ssoToken({ key: signingKey('attacker'), now, kid: key.kid })],
    ];
    for (const [reason, token] of cases) {
      for (const path of ['/api/v1/me', '/api/v1/programmes']) {
        const res = await get(path, token);
        assert.equal(res.status, 401, `${reason} on ${path}`);
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'unauthenticated');
        assert.equal(body.error.message, 'Sign in again.', 'the caller is not told why');
      }
      assert.ok(server.logs().includes(reason), `the log says "${reason}"`);
      assert.ok(!server.logs().includes(token), 'the token never reaches the log');
    }
  });

  it('refuses dev sign-in tokens and requests without a token', async () => {
    const dev = mintDevSession(
      'polku-local-dev-sessions',
      { tenantId: TENANT, userId: USER_OID, name: 'Sanna Virtanen' },
      new Date(),
    );
    for (const path of ['/api/v1/me', '/api/v1/programmes']) {
      assert.equal((await get(path, dev.token)).status, 401);
      assert.equal((await get(path)).status, 401);
    }
    const signIn = await fetch(`${server.baseUrl}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: USER_OID }),
    });
    assert.equal(signIn.status, 403);
  });
});
