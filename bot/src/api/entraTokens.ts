/**
 * Teams single sign-on for the tab API: the bearer token is the Entra access
 * token Teams issued to the tab (authentication.getAuthToken), for this app's
 * own API. It is accepted only when signed (RS256) by a key the tenant
 * publishes, issued by Entra for the configured tenant, meant for this app,
 * current, and carrying the access_as_user scope. The person is the token's
 * tenant and object id, as Teams activities name them (aadObjectId).
 * Every refusal is PolkuError('unauthenticated') whose message is the reason
 * for the log; the token itself never reaches an error or a log.
 */
import { errors, type JWTPayload, jwtVerify } from 'jose';
import { PolkuError } from '../domain/errors';
import { bearer } from './devSessions';
import type { SigningKeySource } from './entraKeys';
import type { Authenticator, Principal } from './principal';

export const SSO_SCOPE = 'access_as_user';

export interface EntraTokenOptions {
  readonly tenantId: string;
  /** The tab's Entra app (client) id: the audience of v2 tokens. */
  readonly clientId: string;
  /** api://…/{clientId}: the audience v1 tokens may carry instead. */
  readonly appIdUri: string;
  readonly keys: SigningKeySource;
  readonly now: () => Date;
  readonly clockSkewSeconds?: number;
}

export class EntraTokenAuthenticator implements Authenticator {
  private readonly tenantId: string;
  private readonly issuers: readonly string[];
  private readonly audiences: readonly string[];

  constructor(private readonly options: EntraTokenOptions) {
    this.tenantId = options.tenantId.toLowerCase();
    // v2 tokens name the v2 endpoint; v1 tokens (an app registration that leaves the version unset) the old STS.
    this.issuers = [
      `https://login.microsoftonline.com/${this.tenantId}/v2.0`,
      `https://sts.windows.net/${this.tenantId}/`,
    ];
    this.audiences = [options.clientId, options.appIdUri];
  }

  async authenticate(header: string | undefined): Promise<Principal> {
    const token = bearer(header);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(
        token,
        async (protectedHeader) => {
          if (typeof protectedHeader.kid !== 'string' || protectedHeader.kid === '') {
            throw refused('token names no signing key');
          }
          return this.options.keys.keyFor(protectedHeader.kid);
        },
        {
          algorithms: ['RS256'],
          issuer: [...this.issuers],
          audience: [...this.audiences],
          requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
          currentDate: this.options.now(),
          clockTolerance: this.options.clockSkewSeconds ?? 60,
        },
      ));
    } catch (err) {
      throw this.reasonFor(err);
    }
    if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== this.tenantId) {
      throw refused('token is from another tenant');
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(SSO_SCOPE)) throw refused(`token lacks the ${SSO_SCOPE} scope`);
    if (typeof payload.oid !== 'string' || payload.oid === '') throw refused('token names no person (oid)');
    return {
      tenantId: payload.tid.toLowerCase(),
      userId: payload.oid.toLowerCase(),
      name: typeof payload.name === 'string' ? payload.name : '',
    };
  }

  /**
   * jose's errors, sorted into reasons for the log. They carry the token's claims, so they are not kept
   * as the cause; only an unexpected failure (a bug, not a bad token) is.
   */
  private reasonFor(err: unknown): PolkuError {
    if (err instanceof PolkuError) return err;
    if (err instanceof errors.JWTExpired) return refused('token expired');
    if (err instanceof errors.JWTClaimValidationFailed) {
      const tid = err.payload.tid;
      if (err.claim === 'iss' && typeof tid === 'string' && tid.toLowerCase() !== this.tenantId) {
        return refused('token is from another tenant');
      }
      if (err.reason === 'missing') return refused(`token lacks the ${err.claim} claim`);
      if (err.claim === 'nbf') return refused('token not yet valid');
      if (err.claim === 'aud') return refused('token is for another audience');
      if (err.claim === 'iss') return refused('token from an unexpected issuer');
      return refused(`token ${err.claim} claim is invalid`);
    }
    if (err instanceof errors.JOSEAlgNotAllowed) return refused('token algorithm not allowed');
    if (err instanceof errors.JWSSignatureVerificationFailed) return refused('bad token signature');
    if (err instanceof errors.JOSEError) return refused(`malformed token (${err.code})`);
    return refused('token could not be verified', err);
  }
}

function refused(reason: string, cause?: unknown): PolkuError {
  return new PolkuError('unauthenticated', reason, cause === undefined ? undefined : { cause });
}
