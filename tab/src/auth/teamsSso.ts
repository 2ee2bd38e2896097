/**
 * Teams single sign-on. This is the one function the SSO issue fills in:
 * `authentication.getAuthToken()` from teams-js, handing the token to the API
 * (which validates issuer, audience and signature). Until then it reports that
 * sign-in inside Teams is not configured, and the tab says so plainly rather
 * than pretending to be signed in.
 */

export type TeamsSignIn =
  | { readonly status: 'signed-in'; readonly token: string }
  | { readonly status: 'not-configured' };

export async function acquireTeamsToken(): Promise<TeamsSignIn> {
  return { status: 'not-configured' };
}
