/**
 * Dev sign-in sessions for the tab outside Teams, local mode only: an
 * HMAC-signed token naming a demo user. The server refuses to mint them in
 * azure mode or off loopback (see devSignInRoutes), and the authenticator
 * that accepts them is only built in local mode.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PolkuError } from '../domain/errors';
import type { Authenticator, Principal } from './principal';

const PREFIX = 'polku-dev.';
export const DEV_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

interface Payload {
  readonly tid: string;
  readonly oid: string;
  readonly name: string;
  readonly exp: number;
}

export function mintDevSession(
  key: string,
  principal: Principal,
  now: Date,
): { token: string; expiresAt: Date } {
  const exp = now.getTime() + DEV_SESSION_TTL_MS;
  const payload: Payload = { tid: principal.tenantId, oid: principal.userId, name: principal.name, exp };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { token: `${PREFIX}${body}.${sign(key, body)}`, expiresAt: new Date(exp) };
}

export class DevSessionAuthenticator implements Authenticator {
  constructor(
    private readonly key: string,
    private readonly now: () => Date,
  ) {}

  async authenticate(header: string | undefined): Promise<Principal> {
    const token = bearer(header);
    if (!token.startsWith(PREFIX)) throw unauthenticated('not a dev session token');
    const [body, signature] = token.slice(PREFIX.length).split('.');
    if (!body || !signature) throw unauthenticated('malformed token');
    const expected = Buffer.from(sign(this.key, body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw unauthenticated('bad signature');
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    } catch (err) {
      throw new PolkuError('unauthenticated', 'malformed token payload', { cause: err });
    }
    if (typeof payload.exp !== 'number' || payload.exp <= this.now().getTime())
      throw unauthenticated('session expired');
    if (
      typeof payload.tid !== 'string' ||
      typeof payload.oid !== 'string' ||
      typeof payload.name !== 'string'
    ) {
      throw unauthenticated('malformed token payload');
    }
    return { tenantId: payload.tid, userId: payload.oid, name: payload.name };
  }
}

/** Azure mode until Teams SSO validation is configured: every token is refused, plainly. */
export class NoSignInAuthenticator implements Authenticator {
  async authenticate(): Promise<Principal> {
    throw unauthenticated('Teams sign-in is not configured on this server');
  }
}

export function bearer(header: string | undefined): string {
  const match = /^Bearer\s+(\S{1,8192})$/i.exec(header ?? '');
  if (!match?.[1]) throw unauthenticated('missing bearer token');
  return match[1];
}

function sign(key: string, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

function unauthenticated(reason: string): PolkuError {
  return new PolkuError('unauthenticated', reason);
}
