/**
 * Typed client for the server's /api/v1 (HTTP and errors: ./http.ts).
 * Responses are checked at this edge: a server that answers something else
 * than the contract gives a clear error here, not a crash deep in a page.
 */
import { type AgreementApi, agreementApi } from './agreementApi';
import { type DashboardApi, dashboardApi } from './dashboardApi';
import { badResponse, createCall, createDownload, isRecord } from './http';
import { type LifecycleApi, lifecycleApi } from './lifecycleApi';
import { type MeetingApi, meetingApi } from './meetingApi';
import { type ProgrammeApi, programmeApi } from './programmeApi';

export { ApiError, type ApiErrorCode, type Problem, problemOf } from './http';

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

export interface ApiClientOptions {
  /** Where the API lives; the tab is served by the same server, so normally ''. */
  readonly baseUrl?: string;
  /** The current bearer token, read on every call so a new sign-in needs no new client. */
  readonly getToken?: () => string | undefined;
  /** Inside Teams: renews the token after a 401 (see ./http.ts). */
  readonly refreshToken?: () => Promise<boolean>;
  readonly timeoutMs?: number;
}

export interface ApiClient extends ProgrammeApi, AgreementApi, DashboardApi, MeetingApi, LifecycleApi {
  sessionOptions(): Promise<SessionOptions>;
  devSignIn(userId: string): Promise<DevSignInResult>;
  me(): Promise<Me>;
  programmes(): Promise<readonly ProgrammeSummary[]>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const call = createCall(options);
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
    ...programmeApi(call),
    ...agreementApi(call),
    ...dashboardApi(call, createDownload(options)),
    ...meetingApi(call),
    ...lifecycleApi(call),
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
