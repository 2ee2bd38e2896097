/**
 * Ending a programme from the tab: close it (POST …/close, idempotent) and,
 * once closed, delete everything Polku holds for it (DELETE with
 * {confirmName}). Owners only; the service refuses everyone else before
 * anything changes.
 */
import type { Server } from 'restify';
import type { Logger } from '../logging';
import type { ProgrammeLifecycleService } from '../services/programmes/programmeLifecycleService';
import { authenticatedRoute } from './authenticatedRoute';
import { sendJson } from './httpErrors';
import type { Authenticator } from './principal';
import { programmeIdOf, programmeJson } from './programmeRoutes';

export interface ProgrammeLifecycleRouteDeps {
  readonly authenticator: Authenticator;
  readonly lifecycle: ProgrammeLifecycleService;
  readonly logger: Logger;
}

export function registerProgrammeLifecycleRoutes(server: Server, deps: ProgrammeLifecycleRouteDeps): void {
  const route = authenticatedRoute(deps);

  server.post(
    '/api/v1/programmes/:programmeId/close',
    route(async (req, res, me) => {
      const closed = await deps.lifecycle.close(me, programmeIdOf(req));
      res.setHeader('etag', closed.etag);
      sendJson(res, 200, { programme: programmeJson(closed.value), etag: closed.etag });
    }),
  );

  server.del(
    '/api/v1/programmes/:programmeId',
    route(async (req, res, me, log) => {
      const programmeId = programmeIdOf(req);
      const deleted = await deps.lifecycle.purge(me, programmeId, req.body);
      // Who deleted what, by id and count: the audit trail of an irreversible act, no names.
      log.info({ programmeId, by: me.userId, deleted }, 'programme data deleted');
      sendJson(res, 200, { deleted, calendarEventsKept: true });
    }),
  );
}
