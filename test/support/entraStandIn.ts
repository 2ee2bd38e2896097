/**
 * A stand-in for Entra in tests: RSA key pairs, a loopback JWKS server that
 * publishes some of them at /{tenant}/discovery/v2.0/keys, and Teams SSO
 * access tokens signed with them. Nothing here talks to the real Entra.
 */
import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';

export const TENANT = '8a5c2c5e-5a0e-4c52-9d0b-3a2f8f1c0d11';
export const OTHER_TENANT = '0f0e0d0c-0b0a-4909-8807-060504030201';
export const CLIENT_ID = '2b1c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
export const APP_ID_URI = `api://polku.example.net/${CLIENT_ID}`;
export const USER_OID = '6f1e0c2a-1b7d-4e8f-a0c3-5d2b9e7f4a10';
/** The bot's app id in azure-mode tests. */
export const BOT_ID = '11111111-2222-3333-4444-555555555555';

/**
 * Everything a server needs to start in azure mode against local stand-ins:
 * Azurite for storage, the Entra key stand-in for the tab's tokens, test
 * secrets that are never used to reach anything.
 */
export function azureModeEnv(o: {
  readonly connectionString: string;
  readonly tablePrefix: string;
  readonly entraAuthorityUrl: string;
  readonly more?: Readonly<Record<string, string>>;
}): Record<string, string> {
  return {
    POLKU_MODE: 'azure',
    HOST: '127.0.0.1',
    MICROSOFT_APP_ID: BOT_ID,
    MICROSOFT_APP_TENANT_ID: TENANT,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    TABLES_CONNECTION_STRING: o.connectionString,
    TABLE_PREFIX: o.tablePrefix,
    GRAPH_TENANT_ID: TENANT,
    GRAPH_CLIENT_ID: CLIENT_ID,
    GRAPH_CLIENT_SECRET: 'not-a-real-secret',
    AAD_APP_CLIENT_ID: CLIENT_ID,
    AAD_APP_ID_URI: APP_ID_URI,
    ENTRA_AUTHORITY_URL: o.entraAuthorityUrl,
    ...o.more,
  };
}

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

export interface JwksServer {
  readonly authorityUrl: string;
  /** How many times the keys were asked for. */
  fetches(): number;
  publish(keys: readonly SigningKey[]): void;
  /** 'ok' serves the keys; 'error' answers 500; 'hang' never answers. */
  behave(mode: 'ok' | 'error' | 'hang'): void;
  close(): Promise<void>;
}

export async function startJwksServer(tenantId: string, keys: readonly SigningKey[]): Promise<JwksServer> {
  let published = keys;
  let mode: 'ok' | 'error' | 'hang' = 'ok';
  let count = 0;
  const server = http.createServer((req, res) => {
    if (req.url !== `/${tenantId}/discovery/v2.0/keys`) {
      res.writeHead(404).end();
      return;
    }
    count += 1;
    if (mode === 'hang') return;
    if (mode === 'error') {
      res.writeHead(500).end('{}');
      return;
    }
    const body = {
      keys: published.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig' })),
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    authorityUrl: `http://127.0.0.1:${port}`,
    fetches: () => count,
    publish: (next) => {
      published = next;
    },
    behave: (next) => {
      mode = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TokenOptions {
  readonly key: SigningKey;
  readonly now: Date;
  /** Claims to add, replace, or (with undefined) leave out. */
  readonly claims?: Readonly<Record<string, unknown>>;
  readonly kid?: string;
}

/** A v2 Teams SSO access token as Entra issues it for the tab's own API. */
export function ssoToken({ key, now, claims = {}, kid = key.kid }: TokenOptions): Promise<string> {
  const t = Math.floor(now.getTime() / 1000);
  const payload: Record<string, unknown> = {
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: t - 60,
    nbf: t - 60,
    exp: t + 3600,
    tid: TENANT,
    oid: USER_OID,
    name: 'Sanna Virtanen',
    scp: 'access_as_user',
    azp: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    ver: '2.0',
  };
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined) delete payload[name];
    else payload[name] = value;
  }
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key.privateKey);
}

/** Forgeries no verifier may accept: an unsigned token, and HS256 keyed with the public key. */
export function unsignedToken(payload: object): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
}

export function hs256WithPublicKey(key: SigningKey, payload: object): string {
  const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${b64(payload)}`;
  const secret = key.publicKey.export({ format: 'pem', type: 'spki' });
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/** The claims of a valid token, for building forgeries by hand. */
export function claimsAt(now: Date): Record<string, unknown> {
  const t = Math.floor(now.getTime() / 1000);
  return {
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    nbf: t - 60,
    exp: t + 3600,
    tid: TENANT,
    oid: USER_OID,
    name: 'Mallory',
    scp: 'access_as_user',
  };
}

function b64(v: object): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}
