/**
 * Evaluation totals for a programme's owners and coordinators. Below three
 * answers only the count is given: smaller totals could single someone out.
 */
import type { Server } from 'restify';
import { ValidationError } from '../domain/errors';
import type { Logger } from '../logging';
import type { EvaluationService } from '../services/rhythm/evaluationService';
import { authenticatedRoute } from './authenticatedRoute';
import { sendJson } from './httpErrors';
import type { Authenticator } from './principal';

export interface EvaluationRouteDeps {
  readonly authenticator: Authenticator;
  readonly evaluations: EvaluationService;
  readonly logger: Logger;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerEvaluationRoutes(server: Server, deps: EvaluationRouteDeps): void {
  const route = authenticatedRoute(deps);

  server.get(
    '/api/v1/programmes/:programmeId/evaluations/summary',
    route(async (req, res, me) => {
      const programmeId = (req.params as Record<string, unknown>).programmeId;
      if (typeof programmeId !== 'string' || !GUID.test(programmeId))
        throw new ValidationError('programmeId is not a programme id', {
          field: 'programmeId',
          rule: 'format',
        });
      const { answers, summary } = await deps.evaluations.summary(me, programmeId);
      sendJson(res, 200, summary ? { ...summary, answers } : { answers });
    }),
  );
}
