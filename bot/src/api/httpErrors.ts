/**
 * One JSON error shape for every API answer: { error: { code, message,
 * correlationId } }. The status comes from the error's cause; an unexpected
 * error is logged and the caller gets a reference, never the details.
 */
import type { Response } from 'restify';
import { type ErrorCause, isPolkuError, ValidationError } from '../domain/errors';
import { errorForLog, type Logger } from '../logging';

const STATUS: Readonly<Record<ErrorCause, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  changed: 412,
  throttled: 429,
  unavailable: 503,
};

const PUBLIC_MESSAGE: Readonly<Record<ErrorCause, string | undefined>> = {
  invalid: undefined,
  unauthenticated: 'Sign in again.',
  forbidden: 'You do not have access to this.',
  not_found: undefined,
  conflict: undefined,
  changed: 'Someone else changed this meanwhile. Reload and try again.',
  throttled: 'Busy right now. Try again in a few seconds.',
  unavailable: 'Storage is unavailable right now. Try again in a minute.',
};

export function sendJson(res: Response, status: number, body: unknown): void {
  res.setHeader('cache-control', 'no-store');
  res.send(status, body);
}

export function sendError(res: Response, err: unknown, log: Logger, correlationId: string): void {
  if (isPolkuError(err)) {
    const status = STATUS[err.kind];
    if (status >= 500) log.warn({ err: errorForLog(err), cause: err.kind }, 'request failed');
    else log.info({ cause: err.kind, reason: err.message }, 'request refused');
    if (err.retryAfterMs !== undefined)
      res.setHeader('retry-after', String(Math.ceil(err.retryAfterMs / 1000)));
    // Unauthenticated reasons help an attacker probe tokens; the log has them, the caller does not.
    const message = err.code !== err.kind ? err.message : (PUBLIC_MESSAGE[err.kind] ?? err.message);
    // Validation names the field and rule, so the tab can put the message next to the field in any language.
    const violation = err instanceof ValidationError && err.violation ? err.violation : undefined;
    sendJson(res, status, { error: { code: err.code, message, correlationId, ...(violation ?? {}) } });
    return;
  }
  log.error({ err: errorForLog(err) }, 'request failed unexpectedly');
  sendJson(res, 500, {
    error: { code: 'internal', message: 'Something went wrong. Try again.', correlationId },
  });
}
