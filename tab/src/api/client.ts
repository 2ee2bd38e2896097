/**
 * Typed client for the server's /api/v1. Every failure becomes an ApiError
 * whose `code` is the server's own error code (or one of ours for failures
 * that never reached it), so pages decide what to tell the person by cause.
 * Responses are checked at this edge: a server that answers something else
 * than the contract gives a clear error here, not a crash deep in a page.
 */

export type ServerMode = 'local' | 'azure';
export type DemoRole = 'supervisor' | 'coordinator' | 'mentor' | 'aktori';
export type ProgrammeRole = 'owner' | 'coordinator' | 'participant';

export interface DemoUserOption {
  readonly id: string;
  readonly name: string;
  readonly role: DemoRole;
}

export interface SessionOptions {
  readonly mode: ServerMode;
  readonly devSignIn: boolean;
  readonly users: readonly DemoUserOption[];
}

export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly tenantId: string;
}

export interface DevSignInResult {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: SessionUser;
}

export type Me = SessionUser;

export interface ProgrammeSummary {
  readonly id: string;
  readonly name: string;
  readonly role: ProgrammeRole;
}

/** Codes the server sends, plus ours for failures that never got an answer from it. */
export type ApiErrorCode =
  | 'unauthenticated'
  | 'dev_sign_in_disabled'
  | 'unknown_user'
  | 'network_error'
  | 'bad_response'
  | (string & {});

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What the person should be told, by cause; the page picks the words. */
export type Problem = 'network' | 'unauthenticated' | 'busy' | 'server';

export function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return 'server';
  // 502/504 come from a proxy or gateway that could not reach Polku: for the person, that is "can't reach".
  if (error.code === 'network_error' || error.status === 502 || error.status === 504) return 'network';
  if (error.status === 401) return 'unauthenticated';
  if (error.status === 429 || error.status === 503) return 'busy';
  return 'server';
}

export interface ApiClientOptions {
  /** Where the API lives; the tab is served by the same server, so normally ''. */
  readonly baseUrl?: string;
  /** The current bearer token, read on every call so a new sign-in needs no new client. */
  readonly getToken?: () => string | undefined;
  readonly timeoutMs?: number;
}

export interface ApiClient {
  sessionOptions(): Promise<SessionOptions>;
  devSignIn(userId: string): Promise<DevSignInResult>;
  me(): Promise<Me>;
  programmes(): Promise<readonly ProgrammeSummary[]>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const { baseUrl = '', getToken = () => undefined, timeoutMs = 15000 } = options;

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
      });
    } catch (err) {
      throw new ApiError(0, 'network_error', err instanceof Error ? err.message : String(err));
    }
    const payload: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const error = isRecord(payload) && isRecord(payload.error) ? payload.error : {};
      const code = typeof error.code === 'string' ? error.code : `http_${res.status}`;
      const message = typeof error.message === 'string' ? error.message : res.statusText;
      throw new ApiError(res.status, code, message);
    }
    if (payload === undefined) throw badResponse(path, 'not JSON');
    return payload;
  }

  return {
    async sessionOptions() {
      const p = await call('GET', '/session/options');
      if (!isRecord(p) || (p.mode !== 'local' && p.mode !== 'azure') || typeof p.devSignIn !== 'boolean') {
        throw badResponse('/session/options', 'mode/devSignIn');
      }
      const users = Array.isArray(p.users) ? p.users : [];
      return { mode: p.mode, devSignIn: p.devSignIn, users: users.map(demoUser) };
    },
    async devSignIn(userId) {
      const p = await call('POST', '/dev/sign-in', { userId });
      if (!isRecord(p) || typeof p.token !== 'string' || typeof p.expiresAt !== 'string') {
        throw badResponse('/dev/sign-in', 'token/expiresAt');
      }
      return { token: p.token, expiresAt: p.expiresAt, user: sessionUser(p.user, '/dev/sign-in') };
    },
    async me() {
      return sessionUser(await call('GET', '/me'), '/me');
    },
    async programmes() {
      const p = await call('GET', '/programmes');
      if (!isRecord(p) || !Array.isArray(p.items)) throw badResponse('/programmes', 'items');
      return p.items.map(programme);
    },
  };
}

const DEMO_ROLES: readonly string[] = ['supervisor', 'coordinator', 'mentor', 'aktori'];
const PROGRAMME_ROLES: readonly string[] = ['owner', 'coordinator', 'participant'];

function demoUser(u: unknown): DemoUserOption {
  if (
    !isRecord(u) ||
    typeof u.id !== 'string' ||
    typeof u.name !== 'string' ||
    !DEMO_ROLES.includes(String(u.role))
  ) {
    throw badResponse('/session/options', 'users[]');
  }
  return { id: u.id, name: u.name, role: u.role as DemoRole };
}

function sessionUser(u: unknown, path: string): SessionUser {
  if (
    !isRecord(u) ||
    typeof u.id !== 'string' ||
    typeof u.name !== 'string' ||
    typeof u.tenantId !== 'string'
  ) {
    throw badResponse(path, 'user');
  }
  return { id: u.id, name: u.name, tenantId: u.tenantId };
}

function programme(p: unknown): ProgrammeSummary {
  if (
    !isRecord(p) ||
    typeof p.id !== 'string' ||
    typeof p.name !== 'string' ||
    !PROGRAMME_ROLES.includes(String(p.role))
  ) {
    throw badResponse('/programmes', 'items[]');
  }
  return { id: p.id, name: p.name, role: p.role as ProgrammeRole };
}

function badResponse(path: string, what: string): ApiError {
  return new ApiError(200, 'bad_response', `Unexpected response from ${path} (${what})`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
