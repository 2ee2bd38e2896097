/**
 * The HTTP surface: POST /api/messages (Teams), /api/v1/* (the tab's API),
 * /tab/* (the built tab) and GET /healthz. Bodies are size-limited and parsed
 * strictly; a malformed body is a 4xx, never a crash.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import { type ApiDeps, registerApiRoutes } from './api/apiRoutes';
import { sendJson } from './api/httpErrors';
import { jsonBodiesOnly } from './api/jsonBodiesOnly';
import { errorForLog, type Logger } from './logging';
import { tabHandler } from './serveTab';

export interface ServerDeps {
  /** The Teams endpoint, built in teams/ (the only folder that knows botbuilder). */
  readonly messages: (req: Request, res: Response) => Promise<void>;
  readonly api: ApiDeps;
  readonly logger: Logger;
  readonly tabDistDir: string;
  readonly maxBodyBytes: number;
  /** Resolves when storage answers; rejects with the cause otherwise. */
  readonly checkStorage: () => Promise<void>;
}

export interface HttpServer {
  readonly server: Server;
  /** Requests being handled right now (graceful shutdown waits for them). */
  inFlight(): number;
}

export function createServer(deps: ServerDeps): HttpServer {
  const server = restify.createServer({ name: 'polku', handleUncaughtExceptions: false });
  let inFlight = 0;

  server.pre((req: Request, res: Response, next) => {
    inFlight++;
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
    res.setHeader('x-correlation-id', String(req.id()));
    // JSON answers (and errors) must never be sniffed into HTML; /tab/* adds its CSP in serveTab.ts.
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(jsonBodiesOnly);
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: deps.maxBodyBytes,
      mapParams: false,
      mapFiles: false,
      rejectUnknown: true,
    }),
  );

  server.on(
    'restifyError',
    (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      const status = err.statusCode ?? 500;
      const log = deps.logger.child({ correlationId: String(req.id()) });
      if (status >= 500) log.error({ err: errorForLog(err), status }, 'request error');
      else log.info({ status, error: err.name }, 'request rejected');
      // Same error shape as the API's own answers; SDK messages are not for callers.
      const code = status === 413 ? 'too_large' : status < 500 ? 'invalid' : 'internal';
      const message =
        status === 413
          ? 'The request body is too large'
          : status < 500
            ? 'The request is malformed'
            : 'Something went wrong';
      (err as Error & { toJSON: () => unknown }).toJSON = () => ({
        error: { code, message, correlationId: String(req.id()) },
      });
      callback();
    },
  );

  server.post('/api/messages', deps.messages);

  server.get('/healthz', async (_req: Request, res: Response) => {
    try {
      await deps.checkStorage();
      sendJson(res, 200, { status: 'ok', storage: 'reachable' });
    } catch (err) {
      deps.logger.warn({ err: errorForLog(err) }, 'health check: storage unreachable');
      sendJson(res, 503, { status: 'unhealthy', storage: 'unreachable' });
    }
  });

  registerApiRoutes(server, deps.api);

  const serveTab = tabHandler(deps.tabDistDir);
  server.get('/tab', async (_req: Request, res: Response) => {
    res.header('location', '/tab/');
    res.send(301);
  });
  server.get('/tab/*', serveTab);
  server.head('/tab/*', serveTab);

  return { server, inFlight: () => inFlight };
}
