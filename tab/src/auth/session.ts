/**
 * The signed-in session of the tab. Outside Teams it is the dev sign-in's
 * token, kept in sessionStorage: it survives a reload but not the browser
 * tab, and never reaches other tabs or disk-backed storage for long.
 */
import type { SessionUser } from '../api/client';

export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: SessionUser;
}

/** Exported for the browser tests, which plant a stale token here. */
export const SESSION_STORAGE_KEY = 'polku.devSession';

export function loadSession(now: Date = new Date()): Session | undefined {
  const raw = storage()?.getItem(SESSION_STORAGE_KEY);
  if (!raw) return undefined;
  const parsed = parse(raw);
  if (!parsed || Date.parse(parsed.expiresAt) <= now.getTime()) {
    clearSession();
    return undefined;
  }
  return parsed;
}

export function saveSession(session: Session): void {
  storage()?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  storage()?.removeItem(SESSION_STORAGE_KEY);
}

function parse(raw: string): Session | undefined {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    // Corrupt entry (hand-edited or from an older build): the person signs in again.
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as Partial<Session>;
  const u = s.user;
  if (typeof s.token !== 'string' || typeof s.expiresAt !== 'string' || typeof u !== 'object' || u === null) {
    return undefined;
  }
  if (typeof u.id !== 'string' || typeof u.name !== 'string' || typeof u.tenantId !== 'string')
    return undefined;
  return { token: s.token, expiresAt: s.expiresAt, user: { id: u.id, name: u.name, tenantId: u.tenantId } };
}

/**
 * Browsers that block storage for embedded pages throw on access; then the
 * session simply lasts as long as the page (sign-in again after a reload).
 */
function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
