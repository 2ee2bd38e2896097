/**
 * GET /api/v1/me/data: everything Polku holds about the signed-in person, as
 * a JSON download. Only ever the caller's own data; there is no id to tamper with.
 */
import type { Server } from 'restify';
import type { Logger } from '../logging';
import type { PersonDataService } from '../services/privacy/personDataService';
import { authenticatedRoute } from './authenticatedRoute';
import { sendJson } from './httpErrors';
import type { Authenticator } from './principal';

export interface PersonDataRouteDeps {
  readonly authenticator: Authenticator;
  readonly personData: PersonDataService;
  readonly logger: Logger;
}

export function registerPersonDataRoutes(server: Server, deps: PersonDataRouteDeps): void {
  const route = authenticatedRoute(deps);

  server.get(
    '/api/v1/me/data',
    route(async (_req, res, me, log) => {
      const { document, summary } = await deps.personData.mine(me);
      // Counts only: what the rows hold is the person's business, not the log's.
      log.info({ summary }, 'person data exported');
      res.setHeader('content-disposition', 'attachment; filename="polku-my-data.json"');
      sendJson(res, 200, document);
    }),
  );
}
