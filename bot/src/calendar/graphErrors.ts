/** Graph failures by cause, so booking can tell a pair plainly what happened. */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { PolkuError, ThrottledError, UnavailableError } from '../domain/errors';

const NO_MAILBOX = new Set([
  'MailboxNotEnabledForRESTAPI',
  'ErrorItemNotFound',
  'ResourceNotFound',
  'ErrorInvalidUser',
]);

export function toCalendarError(err: unknown, what: string): Error {
  if (err instanceof PolkuError) return err;
  if (isNetworkError(err)) return new UnavailableError('Calendar', { cause: err });
  if (err instanceof GraphError) {
    const status = err.statusCode;
    if (status === 404 || (err.code && NO_MAILBOX.has(err.code))) {
      return new PolkuError('not_found', `${what}: no such mailbox or event`, {
        cause: err,
        code: 'no_mailbox',
      });
    }
    if (status === 429) return new ThrottledError('Calendar', { cause: err });
    if (status === 503 || status === 504 || status === 502)
      return new UnavailableError('Calendar', { cause: err });
    if (status === 401 || status === 403) {
      return new PolkuError('forbidden', 'Polku may not use this calendar', {
        cause: err,
        code: 'calendar_denied',
      });
    }
    if (status === 400)
      return new PolkuError('invalid', `${what}: the calendar refused the request`, {
        cause: err,
        code: 'calendar_invalid',
      });
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** A dropped or refused connection: the request may or may not have been processed. */
export function isNetworkError(err: unknown): boolean {
  // The Graph SDK wraps a failed fetch as a GraphError with statusCode -1.
  if (err instanceof GraphError && err.statusCode === -1) return true;
  const e = err as { code?: unknown; cause?: { code?: unknown }; name?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : '';
  return (
    ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code) ||
    (e?.name === 'TypeError' && e?.message === 'fetch failed')
  );
}
