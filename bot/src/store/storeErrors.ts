/** Translates @azure/data-tables failures into Polku's errors by cause. */
import { RestError } from '@azure/data-tables';
import {
  ChangedError,
  ConflictError,
  NotFoundError,
  PolkuError,
  ThrottledError,
  UnavailableError,
} from '../domain/errors';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

export function toStoreError(err: unknown, what: string): Error {
  if (err instanceof PolkuError) return err;
  const status = statusOf(err);
  if (status === 404) return new NotFoundError(what, { cause: err });
  if (status === 409) return new ConflictError(what, { cause: err });
  if (status === 412) return new ChangedError(what, { cause: err });
  if (status === 429 || status === 503) {
    return new ThrottledError(what, { cause: err, retryAfterMs: retryAfterMs(err) });
  }
  if (status === undefined && isNetworkError(err)) return new UnavailableError('Storage', { cause: err });
  return err instanceof Error ? err : new Error(String(err));
}

function statusOf(err: unknown): number | undefined {
  if (err instanceof RestError) return err.statusCode;
  const s = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

function isNetworkError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && NETWORK_CODES.has(code)) || err instanceof RestError;
}

function retryAfterMs(err: unknown): number | undefined {
  const header = err instanceof RestError ? err.response?.headers.get('retry-after') : undefined;
  const seconds = header === undefined ? Number.NaN : Number(header);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}
