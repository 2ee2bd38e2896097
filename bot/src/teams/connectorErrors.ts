/**
 * What a failed send to the Bot Framework connector means for Polku: 429 is
 * a passing throttle (with the connector's Retry-After), 403 means the person
 * blocked Polku or it was removed (sending again will not help), 5xx and
 * network failures are passing outages. Anything else is left as it is.
 */
import { PolkuError, ThrottledError, UnavailableError } from '../domain/errors';

export const RECIPIENT_GONE = 'recipient_gone';

export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const v of [e.statusCode, e.status, e.response?.status]) if (typeof v === 'number') return v;
  return undefined;
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: unknown } }).response?.headers as
    | { get?: (name: string) => string | undefined | null }
    | Record<string, string>
    | undefined;
  const raw =
    typeof headers?.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 300) * 1000 : undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function toSendError(err: unknown): unknown {
  if (err instanceof PolkuError) return err;
  const status = statusOf(err);
  if (status === 429) {
    const wait = retryAfterMs(err);
    return new ThrottledError('Teams', { cause: err, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (status === 403) {
    return new PolkuError('forbidden', 'The person has blocked Polku or removed it', {
      cause: err,
      code: RECIPIENT_GONE,
    });
  }
  const code = (err as { code?: unknown } | null)?.code;
  if ((status !== undefined && status >= 500) || (typeof code === 'string' && NETWORK_CODES.has(code))) {
    return new UnavailableError('Teams', { cause: err });
  }
  return err;
}
