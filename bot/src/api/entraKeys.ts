/**
 * The tenant's published token-signing keys (JWKS), fetched from Entra and
 * cached. Entra rotates keys without notice, so an unknown key id triggers
 * one refetch; the refetch is rate-limited so that tokens with made-up key
 * ids cannot turn this server into a flood of requests to Entra. A refresh
 * that fails keeps serving the previous keys for a while: a blip at
 * login.microsoftonline.com must not sign everyone out.
 */
import { type CryptoKey, importJWK, type JWK } from 'jose';
import { PolkuError } from '../domain/errors';
import { errorForLog } from '../logging';

export const DEFAULT_ENTRA_AUTHORITY = 'https://login.microsoftonline.com';

/** Where a token's signing key comes from; throws PolkuError('unauthenticated') when it cannot be had. */
export interface SigningKeySource {
  keyFor(kid: string): Promise<CryptoKey>;
}

export interface EntraSigningKeysOptions {
  /** e.g. https://login.microsoftonline.com (tests: a loopback JWKS server). */
  readonly authorityUrl: string;
  readonly tenantId: string;
  readonly now: () => Date;
  readonly logger?: { warn(details: object, message: string): void };
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** How long fetched keys are used before they are fetched again. */
  readonly ttlMs?: number;
  /** At most one fetch per this interval once keys are known (unknown kid, failed refresh). */
  readonly refetchIntervalMs?: number;
  /** How long keys past their TTL are still used while Entra cannot be reached. */
  readonly maxStaleMs?: number;
}

const MAX_JWKS_CHARS = 256 * 1024;
const MAX_KEYS = 64;

export class EntraSigningKeys implements SigningKeySource {
  private readonly url: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly ttlMs: number;
  private readonly refetchIntervalMs: number;
  private readonly maxStaleMs: number;
  private keys: ReadonlyMap<string, CryptoKey> | undefined;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private lastError: unknown;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly options: EntraSigningKeysOptions) {
    const base = options.authorityUrl.replace(/\/+$/, '');
    this.url = `${base}/${encodeURIComponent(options.tenantId)}/discovery/v2.0/keys`;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.ttlMs = options.ttlMs ?? 6 * 60 * 60 * 1000;
    this.refetchIntervalMs = options.refetchIntervalMs ?? 30 * 1000;
    this.maxStaleMs = options.maxStaleMs ?? 24 * 60 * 60 * 1000;
  }

  async keyFor(kid: string): Promise<CryptoKey> {
    const now = this.options.now().getTime();
    // A fetch under way is joined, whatever started it.
    if (this.inFlight || (now - this.fetchedAt >= this.ttlMs && this.mayFetch(now))) await this.refresh();
    if (!this.keys || now - this.fetchedAt >= this.ttlMs + this.maxStaleMs) {
      throw new PolkuError('unauthenticated', `signing keys unavailable (${describe(this.lastError)})`, {
        cause: this.lastError,
      });
    }
    const known = this.keys.get(kid);
    if (known) return known;
    if (this.inFlight || this.mayFetch(now)) {
      await this.refresh();
      const fresh = this.keys?.get(kid);
      if (fresh) return fresh;
    }
    throw new PolkuError('unauthenticated', 'token signed with an unknown key');
  }

  /** One fetch per interval; a shorter one while there are no keys at all (start-up, Entra down). */
  private mayFetch(now: number): boolean {
    const interval = this.keys ? this.refetchIntervalMs : Math.min(this.refetchIntervalMs, 5000);
    return now - this.attemptedAt >= interval;
  }

  /** Concurrent callers share one fetch; a failure is remembered, never thrown from here. */
  private refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    this.attemptedAt = this.options.now().getTime();
    try {
      this.keys = await this.download();
      this.fetchedAt = this.attemptedAt;
      this.lastError = undefined;
    } catch (err) {
      this.lastError = err;
      this.options.logger?.warn(
        { err: errorForLog(err), reason: describe(err), url: this.url, haveKeys: this.keys !== undefined },
        'could not fetch Entra signing keys',
      );
    }
  }

  private async download(): Promise<ReadonlyMap<string, CryptoKey>> {
    const res = await this.fetchImpl(this.url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`JWKS endpoint answered ${res.status}`);
    const text = await res.text();
    if (text.length > MAX_JWKS_CHARS) throw new Error('JWKS document is too large');
    const body = JSON.parse(text) as unknown;
    const list = typeof body === 'object' && body !== null ? (body as { keys?: unknown }).keys : undefined;
    if (!Array.isArray(list)) throw new Error('JWKS document has no keys array');
    const keys = new Map<string, CryptoKey>();
    for (const jwk of list.slice(0, MAX_KEYS)) {
      if (!isRsaSigningKey(jwk)) continue;
      try {
        keys.set(jwk.kid, (await importJWK({ kty: 'RSA', n: jwk.n, e: jwk.e }, 'RS256')) as CryptoKey);
      } catch {
        // One malformed or too-short key must not make the tenant's other keys unusable; tokens naming it are refused.
      }
    }
    if (keys.size === 0) throw new Error('JWKS document has no usable RSA signing keys');
    return keys;
  }
}

function isRsaSigningKey(v: unknown): v is JWK & { kid: string; n: string; e: string } {
  if (typeof v !== 'object' || v === null) return false;
  const k = v as JWK;
  return (
    k.kty === 'RSA' &&
    typeof k.kid === 'string' &&
    typeof k.n === 'string' &&
    typeof k.e === 'string' &&
    (k.use === undefined || k.use === 'sig') &&
    (k.alg === undefined || k.alg === 'RS256')
  );
}

function describe(err: unknown): string {
  if (err === undefined) return 'not fetched yet';
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return 'timed out';
  // fetch() says only "fetch failed"; the cause names the network error (ECONNREFUSED, ENOTFOUND).
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${err.message}: ${code}` : err.message;
}
