/**
 * The one way the tab talks HTTP to /api/v1. Every failure becomes an
 * ApiError whose `code` is the server's own error code (or one of ours for
 * failures that never reached it), so pages decide what to say by cause.
 */

/** Codes the server sends, plus ours for failures that never got an answer from it. */
export type ApiErrorCode =
  | 'unauthenticated'
  | 'dev_sign_in_disabled'
  | 'unknown_user'
  | 'network_error'
  | 'bad_response'
  | (string & {});

/** Which input rule the server says was broken (see bot/src/domain/validate.ts). */
export interface Violation {
  readonly field: string;
  readonly rule: string;
  readonly limit?: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** For a 400: the field and rule, when the server named them. */
    readonly violation?: Violation,
  ) {
    super(message);
  }
}

/** What the person should be told, by cause; the page picks the words. */
export type Problem =
  | 'network'
  | 'unauthenticated'
  | 'busy'
  | 'forbidden'
  | 'notFound'
  | 'changed'
  | 'server';

export function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return 'server';
  // 502/504 come from a proxy or gateway that could not reach Polku: for the person, that is "can't reach".
  if (error.code === 'network_error' || error.status === 502 || error.status === 504) return 'network';
  if (error.status === 401) return 'unauthenticated';
  if (error.status === 429 || error.status === 503) return 'busy';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 412) return 'changed';
  return 'server';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type Call = (
  method: HttpMethod,
  path: string,
  body?: unknown,
  headers?: Readonly<Record<string, string>>,
) => Promise<unknown>;

export interface HttpOptions {
  readonly baseUrl?: string;
  readonly getToken?: () => string | undefined;
  /**
   * Inside Teams: gets a fresh token after a 401 (true when it did); the request is then sent once more.
   * A 401 means the server did nothing, so sending again is safe for every method.
   */
  readonly refreshToken?: () => Promise<boolean>;
  readonly timeoutMs?: number;
}

export function createCall(options: HttpOptions = {}): Call {
  return withTokenRefresh(sendOnce(options), options.refreshToken);
}

/** A file from the API (the CSV export): its bytes and the name the server gave it. */
export type Download = (path: string) => Promise<{ readonly blob: Blob; readonly fileName: string }>;

export function createDownload(options: HttpOptions = {}): Download {
  return withTokenRefresh(async (path: string) => {
    const res = await fetchApi(options, 'GET', path, { Accept: 'text/csv, application/json' });
    if (!res.ok) throw failure(res, await res.json().catch(() => undefined));
    const disposition = res.headers.get('content-disposition') ?? '';
    const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
    return { blob: await res.blob(), fileName: utf8 ? decodeURIComponent(utf8) : (plain ?? 'polku.csv') };
  }, options.refreshToken);
}

/** A 401 means the server did nothing, so after Teams renews the token the same request is sent once more. */
function withTokenRefresh<A extends unknown[], R>(
  send: (...args: A) => Promise<R>,
  refreshToken: (() => Promise<boolean>) | undefined,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await send(...args);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401 && refreshToken && (await refreshToken())))
        throw err;
      return send(...args);
    }
  };
}

function sendOnce(options: HttpOptions): Call {
  return async (method, path, body, extra = {}) => {
    const res = await fetchApi(options, method, path, { Accept: 'application/json', ...extra }, body);
    const payload: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw failure(res, payload);
    if (payload === undefined) throw badResponse(path, 'not JSON');
    return payload;
  };
}

async function fetchApi(
  options: HttpOptions,
  method: HttpMethod,
  path: string,
  extra: Readonly<Record<string, string>>,
  body?: unknown,
): Promise<Response> {
  const { baseUrl = '', getToken = () => undefined, timeoutMs = 15000 } = options;
  const headers: Record<string, string> = { ...extra };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
    });
  } catch (err) {
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : String(err));
  }
}

/** The server's error answer as an ApiError, by its code. */
function failure(res: Response, payload: unknown): ApiError {
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : {};
  const code = typeof error.code === 'string' ? error.code : `http_${res.status}`;
  const message = typeof error.message === 'string' ? error.message : res.statusText;
  return new ApiError(
    res.status,
    code,
    message,
    res.status === 400 ? violationOf(error, message) : undefined,
  );
}

const RULES: readonly [RegExp, string][] = [
  [/^([\w.]+) is required$/, 'required'],
  [/^([\w.]+) is longer than (\d+) characters$/, 'too-long'],
  [/^([\w.]+) has more than (\d+) items$/, 'too-many'],
  [/^([\w.]+) has a value that is not allowed$/, 'not-allowed'],
  [/^([\w.]+) is not in the expected format$/, 'format'],
  [/^([\w.]+) is out of range \((.+)\)$/, 'range'],
  [/^([\w.]+) is in the past$/, 'in-past'],
  [/^([\w.]+) must come after ([\w.]+)$/, 'order'],
];

/**
 * The server names the field and rule in the message ("mode.endDate must come
 * after mode.startDate"); structured fields win when it sends them.
 */
export function violationOf(error: Record<string, unknown>, message: string): Violation | undefined {
  if (typeof error.field === 'string' && typeof error.rule === 'string') {
    const limit = error.limit === undefined ? undefined : String(error.limit);
    return { field: error.field, rule: error.rule, ...(limit === undefined ? {} : { limit }) };
  }
  for (const [pattern, rule] of RULES) {
    const m = pattern.exec(message.trim());
    if (m?.[1]) return { field: m[1], rule, ...(m[2] ? { limit: m[2] } : {}) };
  }
  return undefined;
}

export function badResponse(path: string, what: string): ApiError {
  return new ApiError(200, 'bad_response', `Unexpected response from ${path} (${what})`);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}
