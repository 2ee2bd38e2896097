/**
 * Azure mode refuses strangers at both doors, against the real server:
 * /api/messages without a valid Bot Framework token (nothing is processed,
 * nothing stored, nobody messaged), and every authenticated tab API route
 * with a missing, expired, forged, wrong-audience, other-tenant or
 * scope-less token. sso.test.ts proves valid Teams tokens work; this file is
 * the refusals, route by route, and the one acceptance sso.test.ts cannot
 * show: a Bot Framework token signed as the channel signs it, verified
 * against a loopback stand-in for its OpenID keys (BOT_OPENID_METADATA_URL).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { DEMO_USERS } from '../../bot/src/devsupport/demoOrganisation';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type ConnectorStandIn, startConnectorStandIn } from '../support/connectorStandIn';
import {
  azureModeEnv,
  BOT_ID,
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
  unsignedToken,
} from '../support/entraStandIn';
import { type ServerHandle, startServer } from '../support/serverProcess';
import { DEV_ONLY_ROUTES, fillRoute, PUBLIC_ROUTES, registeredApiRoutes } from '../support/tabApiRoutes';
import { dumpTables } from '../support/tableDump';
import { installationUpdate, message } from '../support/teamsActivities';

const PAIR = 'p0123456789abcdef';
const PROGRAMME = '0a1b2c3d-4e5f-4061-8273-948596a7b8c9';

describe('azure mode: no valid token, no entry', function () {
  this.timeout(90000);
  let azurite: AzuriteHandle;
  let jwks: JwksServer;
  let connector: ConnectorStandIn;
  let server: ServerHandle;
  let key: SigningKey;
  const prefix = `az${Math.random().toString(36).slice(2, 8)}`;

  before(async () => {
    key = signingKey('azure-auth-key');
    [azurite, jwks, connector] = await Promise.all([
      startAzurite(),
      startJwksServer(TENANT, [key]),
      startConnectorStandIn(),
    ]);
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
    await connector?.close();
    await jwks?.close();
    await azurite?.stop();
  });

  it('answers /api/messages 401 without a valid Bot Framework token, and does nothing', async () => {
    const now = new Date();
    const activity = message({ serviceUrl: connector.serviceUrl, user: DEMO_USERS[0]! }, 'apua');
    const t = Math.floor(now.getTime() / 1000);
    const botClaims = {
      iss: 'https://api.botframework.com',
      aud: BOT_ID,
      serviceurl: connector.serviceUrl,
      nbf: t - 60,
      exp: t + 3600,
    };
    const headers: Array<[string, Record<string, string>]> = [
      ['no Authorization', {}],
      ['an empty bearer', { authorization: 'Bearer ' }],
      ['garbage', { authorization: 'Bearer garbage' }],
      [
        'Basic credentials',
        { authorization: `Basic ${Buffer.from(`${BOT_ID}:not-a-real-secret`).toString('base64')}` },
      ],
      ['an unsigned token', { authorization: `Bearer ${unsignedToken(botClaims)}` }],
      ['HS256 keyed with a public key', { authorization: `Bearer ${hs256WithPublicKey(key, botClaims)}` }],
      ['the tab’s Teams SSO token', { authorization: `Bearer ${await ssoToken({ key, now })}` }],
    ];
    for (const [what, auth] of headers) {
      const res = await fetch(`${server.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(activity),
      });
      // A well-formed token is checked against the Bot Framework's published keys, which this offline test
      // cannot reach: that is 503 (Teams retries), never 200, and never the SDK's own error text.
      const expected = /unsigned|HS256|SSO/.test(what) ? [401, 503] : [401];
      assert.ok(expected.includes(res.status), `${what}: ${res.status}`);
      const body = (await res.json()) as { error: { code: string; message: string; correlationId: string } };
      assert.ok(['unauthenticated', 'unavailable'].includes(body.error.code), what);
      assert.ok(
        !/botframework|ENOTFOUND|Unauthorized Access|Error/i.test(body.error.message),
        body.error.message,
      );
    }
    assert.equal(connector.sent.length, 0, 'nobody was messaged');
    const stored = await dumpTables(azurite.connectionString, prefix);
    assert.deepEqual(
      Object.entries(stored).filter(([, rows]) => rows.length > 0),
      [],
      'nothing was stored (not even a conversation reference)',
    );
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);
  });

  it('refuses every authenticated tab API route with a bad token, with 401 and one message', async () => {
    const now = new Date();
    const t = Math.floor(now.getTime() / 1000);
    const tokens: Array<[string, string | undefined]> = [
      ['missing', undefined],
      ['expired', await ssoToken({ key, now, claims: { exp: t - 600, nbf: t - 4000, iat: t - 4000 } })],
      ['not yet valid', await ssoToken({ key, now, claims: { nbf: t + 3600 } })],
      ['wrong audience', await ssoToken({ key, now, claims: { aud: BOT_ID } })],
      [
        'other tenant',
        await ssoToken({
          key,
          now,
          claims: { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` },
        }),
      ],
      ['other tenant, our issuer', await ssoToken({ key, now, claims: { tid: OTHER_TENANT } })],
      ['forged signature', await ssoToken({ key: signingKey('attacker'), now, kid: key.kid })],
      ['unknown key', await ssoToken({ key: signingKey('attacker-2'), now })],
      ['unsigned', unsignedToken(claimsAt(now))],
      ['HS256 keyed with the public key', hs256WithPublicKey(key, claimsAt(now))],
      ['without the scope', await ssoToken({ key, now, claims: { scp: 'User.Read' } })],
      ['without oid', await ssoToken({ key, now, claims: { oid: undefined } })],
      ['truncated', (await ssoToken({ key, now })).slice(0, -10)],
    ];
    const open = [...PUBLIC_ROUTES, ...DEV_ONLY_ROUTES] as readonly string[];
    const routes = registeredApiRoutes().filter((r) => !open.includes(r));
    assert.ok(routes.length >= 15, `routes found: ${routes.length}`);
    let requests = 0;
    for (const route of routes) {
      const [method, template] = route.split(' ') as [string, string];
      const url = `${server.baseUrl}${fillRoute(template, { programmeId: PROGRAMME, pairId: PAIR })}`;
      for (const [what, token] of tokens) {
        const res = await fetch(url, {
          method,
          headers: {
            'content-type': 'application/json',
            'if-match': '*',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(method === 'GET' ? {} : { body: '{}' }),
        });
        requests++;
        assert.equal(res.status, 401, `${route} with a ${what} token`);
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.deepEqual([body.error.code, body.error.message], ['unauthenticated', 'Sign in again.']);
      }
    }
    assert.ok(requests >= 15 * tokens.length);
    for (const route of DEV_ONLY_ROUTES) {
      const [method, template] = route.split(' ') as [string, string];
      const res = await fetch(`${server.baseUrl}${template}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(res.status, 403, `${route} is refused in azure mode`);
    }
    for (const [, token] of tokens)
      if (token) assert.ok(!server.logs().includes(token), 'no token in the log');
  });
});

/** A loopback stand-in for the Bot Framework channel's OpenID metadata and signing keys. */
async function startBotFrameworkKeys(keys: readonly SigningKey[]): Promise<{
  metadataUrl: string;
  fetches(): number;
  close(): Promise<void>;
}> {
  let count = 0;
  const server = http.createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    if (req.url === '/v1/.well-known/openidconfiguration') {
      const metadata = {
        issuer: 'https://api.botframework.com',
        jwks_uri: `http://127.0.0.1:${port}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(metadata));
      return;
    }
    if (req.url === '/v1/.well-known/keys') {
      count += 1;
      // As the Bot Framework publishes them: each key endorsed for the channels it may sign for.
      const body = {
        keys: keys.map((k) => ({
          ...k.publicKey.export({ format: 'jwk' }),
          kid: k.kid,
          kty: 'RSA',
          use: 'sig',
          endorsements: ['msteams'],
        })),
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    fetches: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('azure mode: a valid Bot Framework token is let in', function () {
  this.timeout(90000);
  let azurite: AzuriteHandle;
  let jwks: JwksServer;
  let channelKeys: Awaited<ReturnType<typeof startBotFrameworkKeys>>;
  let connector: ConnectorStandIn;
  let server: ServerHandle;
  let key: SigningKey;
  const prefix = `ok${Math.random().toString(36).slice(2, 8)}`;

  before(async () => {
    key = signingKey('bot-framework-key');
    [azurite, jwks, channelKeys, connector] = await Promise.all([
      startAzurite(),
      startJwksServer(TENANT, [signingKey('entra-key')]),
      startBotFrameworkKeys([key]),
      startConnectorStandIn(),
    ]);
    server = await startServer(
      azureModeEnv({
        connectionString: azurite.connectionString,
        tablePrefix: prefix,
        entraAuthorityUrl: jwks.authorityUrl,
        more: { BOT_OPENID_METADATA_URL: channelKeys.metadataUrl },
      }),
    );
  });
  after(async () => {
    await server?.stop();
    await connector?.close();
    await channelKeys?.close();
    await jwks?.close();
    await azurite?.stop();
  });

  function channelToken(
    claims: Record<string, unknown> = {},
    signWith = key,
    kid = key.kid,
  ): Promise<string> {
    const t = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      iss: 'https://api.botframework.com',
      aud: BOT_ID,
      serviceurl: connector.serviceUrl,
      nbf: t - 60,
      iat: t - 60,
      exp: t + 3600,
    };
    for (const [name, value] of Object.entries(claims)) {
      if (value === undefined) delete payload[name];
      else payload[name] = value;
    }
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .sign(signWith.privateKey);
  }

  // An installation without a locale: the bot stores the conversation reference and sends nothing, so the
  // turn runs to the end without the outbound token (MSAL accepts only an https authority, no stand-in here).
  function install(): Record<string, unknown> {
    const activity = installationUpdate({ serviceUrl: connector.serviceUrl, user: DEMO_USERS[0]! }, 'add');
    delete activity.locale;
    return activity;
  }

  async function post(activity: Record<string, unknown>, token: string): Promise<Response> {
    return fetch(`${server.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
  }

  async function storedRows(): Promise<number> {
    const stored = await dumpTables(azurite.connectionString, prefix);
    return Object.values(stored).reduce((n, rows) => n + rows.length, 0);
  }

  it('refuses tokens the channel did not sign for this bot and this serviceUrl, with the keys in reach', async () => {
    const refusals: Array<[string, string]> = [
      ['another audience', await channelToken({ aud: CLIENT_ID })],
      ['another issuer', await channelToken({ iss: 'https://sts.windows.net/attacker/' })],
      ['another serviceUrl', await channelToken({ serviceurl: 'https://smba.attacker.example/' })],
      ['expired', await channelToken({ exp: Math.floor(Date.now() / 1000) - 3600 })],
      ['an unknown key', await channelToken({}, signingKey('attacker'), 'attacker')],
      ['a forged signature', await channelToken({}, signingKey('attacker-2'))],
    ];
    for (const [what, token] of refusals) {
      const res = await post(install(), token);
      assert.equal(res.status, 401, what);
      const body = (await res.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'unauthenticated', what);
    }
    assert.ok(channelKeys.fetches() >= 1, 'the keys were fetched from the stand-in');
    assert.equal(await storedRows(), 0, 'nothing was stored');
  });

  it('answers 200 to an activity with a valid token, and runs the turn', async () => {
    const activity = install();
    const res = await post(activity, await channelToken());
    assert.equal(res.status, 200, server.logs().slice(-2000));
    // The handler ran: the conversation reference is stored; nothing was sent.
    const stored = await dumpTables(azurite.connectionString, prefix);
    const conversationId = (activity.conversation as { id: string }).id;
    assert.ok(
      Object.values(stored).some((rows) => JSON.stringify(rows).includes(conversationId)),
      JSON.stringify(stored),
    );
    assert.equal(connector.sent.length, 0);
  });
});
