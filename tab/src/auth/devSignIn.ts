/**
 * Dev sign-in: outside Teams, in local mode only, the person picks one of the
 * demo organisation's users. The server refuses it in azure mode and off
 * loopback, so this path cannot become a back door in production.
 */
import type { ApiClient } from '../api/client';
import { type Session, saveSession } from './session';

export async function signInAsDemoUser(api: ApiClient, userId: string): Promise<Session> {
  const result = await api.devSignIn(userId);
  const session: Session = { token: result.token, expiresAt: result.expiresAt, user: result.user };
  saveSession(session);
  return session;
}
