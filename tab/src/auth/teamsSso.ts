/**
 * Teams single sign-on: `authentication.getAuthToken()` from teams-js gives
 * an Entra access token for Polku's own API, which the API validates (issuer,
 * audience, signature, tenant, scope). Teams caches the token and renews it,
 * so this is called on start and again when the API says the token ended.
 * Called only after app.initialize() succeeded (see teams/hostContext.ts).
 */

export type TeamsSignIn =
  | { readonly status: 'signed-in'; readonly token: string }
  /** The person (or their admin) has not consented to Polku using their account. */
  | { readonly status: 'consent-required' }
  /** teams-js is not connected to a host: not framed by Teams. */
  | { readonly status: 'not-in-teams' }
  | { readonly status: 'failed' };

/** Teams may show a consent prompt first; past this long, nothing is coming. */
const TOKEN_TIMEOUT_MS = 30000;

export async function acquireTeamsToken(timeoutMs = TOKEN_TIMEOUT_MS): Promise<TeamsSignIn> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { app, authentication } = await import('@microsoft/teams-js');
    if (!app.isInitialized()) return { status: 'not-in-teams' };
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('getAuthToken timed out')), timeoutMs);
    });
    const token = await Promise.race([authentication.getAuthToken(), timeout]);
    return token ? { status: 'signed-in', token } : { status: 'failed' };
  } catch (err) {
    return { status: failureOf(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** teams-js rejects with Entra's or its own reason as text (or an { errorCode } object). */
function failureOf(err: unknown): 'consent-required' | 'not-in-teams' | 'failed' {
  const reason =
    err instanceof Error
      ? err.message
      : typeof err === 'object' && err !== null
        ? JSON.stringify(err)
        : String(err);
  if (/consent|AADSTS65001|invalid_grant|interaction_required/i.test(reason)) return 'consent-required';
  if (/not yet been initiali[sz]ed/i.test(reason)) return 'not-in-teams';
  return 'failed';
}
