/**
 * The HTTP side of the Graph emulator (node:http only): every answer says
 * `x-polku-graph-emulator: true`, Graph requests need a bearer token, faults
 * are applied before (or, for dropAfterProcessing, after) the request is
 * handled, and every Graph request is kept in a short log for tests.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { preferredZone } from './dateTimeTimeZone';
import { type DebugContext, handleDebug, type RequestLogEntry } from './debug';
import type { ActiveFault, Faults } from './faults';
import { GraphHttpError, graphErrorBody } from './graphErrors';
import { route } from './routes';
import type { ZoneNames } from './schedule';
import type { EmulatorState } from './state';

export const EMULATOR_HEADER = 'x-polku-graph-emulator';
const JSON_TYPE =
  'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const LOG_SIZE = 500;

export interface ServerDeps {
  readonly state: EmulatorState;
  readonly faults: Faults;
  readonly now: () => Date;
  readonly zoneNames: ZoneNames;
  readonly log?: (line: string) => void;
  /** Back to seeded calendars, no faults, empty request log. */
  readonly reset: () => void;
  readonly requests: RequestLogEntry[];
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) reject(new BodyTooLarge());
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  if (!raw.trim()) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new GraphHttpError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

function send(
  res: http.ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': JSON_TYPE }),
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function faultResponse(fault: ActiveFault): GraphHttpError {
  if (fault.kind === 'throttle') {
    return new GraphHttpError(
      429,
      'TooManyRequests',
      'Too many requests. Please retry after the Retry-After interval.',
      {
        'retry-after': String(fault.retryAfterSeconds ?? 1),
      },
    );
  }
  return new GraphHttpError(
    503,
    'ServiceNotAvailable',
    'The service is temporarily unavailable. Please retry later.',
    fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) },
  );
}

function segmentsOf(path: string): string[] {
  try {
    // Split before decoding, so an encoded '/' inside an event id stays inside its segment.
    return path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new GraphHttpError(400, 'BadRequest', 'The request URL is not correctly percent-encoded.');
  }
}

export function createEmulatorServer(deps: ServerDeps, baseUrl: () => string): http.Server {
  const record = (entry: RequestLogEntry) => {
    deps.requests.push(entry);
    if (deps.requests.length > LOG_SIZE) deps.requests.shift();
    const tail = entry.fault ? `  [fault: ${entry.fault}]` : '';
    deps.log?.(`${entry.method} ${entry.path} -> ${entry.status} ${entry.ms} ms${tail}`);
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const requestId = randomUUID();
    const clientRequestId = req.headers['client-request-id'];
    const clientId = typeof clientRequestId === 'string' ? clientRequestId : undefined;
    res.setHeader(EMULATOR_HEADER, 'true');
    res.setHeader('request-id', requestId);
    if (clientId) res.setHeader('client-request-id', clientId);
    const fail = (err: GraphHttpError) =>
      send(
        res,
        err.status,
        graphErrorBody(err.code, err.message, requestId, deps.now(), clientId),
        err.headers,
      );

    let raw: string;
    try {
      raw = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge)
        fail(new GraphHttpError(413, 'RequestEntityTooLarge', 'The request is too large.'));
      else req.socket.destroy();
      return;
    }

    if (url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/')) {
      let body: unknown;
      try {
        body = parseJson(raw);
      } catch (err) {
        fail(err as GraphHttpError);
        return;
      }
      const ctx: DebugContext = { ...deps, baseUrl: baseUrl() };
      const answer = handleDebug(ctx, method, url, body);
      send(res, answer.status, answer.body);
      return;
    }
    if (url.pathname === '/') {
      send(res, 200, {
        emulator:
          'Polku Graph emulator: a development stand-in for the few Microsoft Graph calendar endpoints Polku uses. Not Microsoft Graph.',
        baseUrl: baseUrl(),
      });
      return;
    }

    let status: number | 'dropped' = 500;
    let faultName: string | undefined;
    try {
      if (!url.pathname.startsWith('/v1.0/')) {
        throw new GraphHttpError(400, 'BadRequest', `Invalid version: ${url.pathname.split('/')[1] ?? ''}`);
      }
      const auth = req.headers.authorization;
      if (!auth || !/^Bearer\s+\S+/i.test(auth)) {
        throw new GraphHttpError(
          401,
          'InvalidAuthenticationToken',
          auth
            ? 'Access token validation failure. The Authorization header is not "Bearer <token>".'
            : 'Access token is empty.',
          {
            'www-authenticate':
              'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
          },
        );
      }
      const path = url.pathname.slice('/v1.0'.length);
      const { delayMs, fault } = deps.faults.take(method, path);
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      faultName =
        [delayMs > 0 ? `delay ${delayMs} ms` : '', fault?.kind ?? ''].filter(Boolean).join(' + ') ||
        undefined;
      if (fault?.kind === 'drop') {
        status = 'dropped';
        req.socket.destroy();
        return;
      }
      if (fault && fault.kind !== 'dropAfterProcessing') throw faultResponse(fault);

      const out = preferredZone(headerValue(req.headers.prefer));
      const body = method === 'GET' ? undefined : parseJson(raw);
      const answer = route(
        { state: deps.state, nowMs: deps.now().getTime(), baseUrl: baseUrl(), zoneNames: deps.zoneNames },
        { method, segments: segmentsOf(path), body, out, query: url.searchParams },
      );
      if (fault?.kind === 'dropAfterProcessing') {
        // The change is made; the client only never hears of it.
        status = 'dropped';
        req.socket.destroy();
        return;
      }
      status = answer.status;
      send(
        res,
        answer.status,
        answer.body,
        out.name !== 'UTC' ? { 'preference-applied': `outlook.timezone="${out.name}"` } : {},
      );
    } catch (err) {
      if (err instanceof GraphHttpError) {
        status = err.status;
        fail(err);
      } else {
        status = 500;
        deps.log?.(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        fail(new GraphHttpError(500, 'InternalServerError', 'The Graph emulator failed; see its output.'));
      }
    } finally {
      record({
        at: deps.now().toISOString(),
        method,
        path: url.pathname + url.search,
        status,
        ...(faultName ? { fault: faultName } : {}),
        ms: Math.round(performance.now() - started),
      });
    }
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      deps.log?.(`request failed: ${String(err)}`);
      if (!res.headersSent) send(res, 500, undefined);
    });
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Listens on loopback only; the emulator is never meant to be reachable from elsewhere. */
export function listen(server: http.Server, port: number, host: '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
