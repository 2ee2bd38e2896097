/**
 * Errors sorted by cause. Adapters translate SDK failures into these so that
 * the bot and the API decide what to tell a person from the cause alone,
 * never from an SDK's message.
 */
export type ErrorCause =
  | 'not_found'
  | 'conflict'
  | 'changed'
  | 'throttled'
  | 'unavailable'
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden';

export class PolkuError extends Error {
  constructor(
    /** Why it failed, which decides what the caller is told. */
    readonly kind: ErrorCause,
    message: string,
    options?: { readonly cause?: unknown; readonly retryAfterMs?: number; readonly code?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PolkuError';
    this.retryAfterMs = options?.retryAfterMs;
    this.code = options?.code ?? kind;
  }
  readonly retryAfterMs: number | undefined;
  /** A stable, more specific code for API callers ("dev_sign_in_disabled"); defaults to the cause. */
  readonly code: string;
}

export class NotFoundError extends PolkuError {
  constructor(what: string, options?: { cause?: unknown }) {
    super('not_found', `${what} was not found`, options);
    this.name = 'NotFoundError';
  }
}

/** The thing already exists (an insert of an existing key). */
export class ConflictError extends PolkuError {
  constructor(what: string, options?: { cause?: unknown }) {
    super('conflict', `${what} already exists`, options);
    this.name = 'ConflictError';
  }
}

/** Someone else changed it since it was read (ETag mismatch, HTTP 412). */
export class ChangedError extends PolkuError {
  constructor(what: string, options?: { cause?: unknown }) {
    super('changed', `${what} was changed by someone else`, options);
    this.name = 'ChangedError';
  }
}

export class ThrottledError extends PolkuError {
  constructor(what: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super('throttled', `${what} is busy; try again shortly`, options);
    this.name = 'ThrottledError';
  }
}

export class UnavailableError extends PolkuError {
  constructor(what: string, options?: { cause?: unknown }) {
    super('unavailable', `${what} is unavailable`, options);
    this.name = 'UnavailableError';
  }
}

/** Which rule an input broke, so the bot and the tab can say it in the person's language. */
export interface Violation {
  readonly field: string;
  readonly rule:
    | 'required'
    | 'too-long'
    | 'too-many'
    | 'not-allowed'
    | 'format'
    | 'range'
    | 'in-past'
    | 'order';
  readonly limit?: number | string;
}

/** Input that breaks a rule; the message is safe to show (it names the rule, never echoes the input). */
export class ValidationError extends PolkuError {
  constructor(
    message: string,
    readonly violation?: Violation,
  ) {
    super('invalid', message);
    this.name = 'ValidationError';
  }
}

export function isPolkuError(err: unknown): err is PolkuError {
  return err instanceof PolkuError;
}
