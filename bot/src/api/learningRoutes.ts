/**
 * Learnings in the tab: a member proposes one for their pair and sees their
 * pair's learnings in every status; owners and coordinators see the
 * programme's approved learnings and may post one to the programme's channel.
 */
import type { Request, Server } from 'restify';
import { ValidationError } from '../domain/errors';
import type { Learning } from '../domain/rhythm/learning';
import { approvedAt } from '../domain/rhythm/learningDecisions';
import { field, object } from '../domain/validate';
import type { Logger } from '../logging';
import type { LearningService } from '../services/rhythm/learningService';
import { authenticatedRoute } from './authenticatedRoute';
import { sendJson } from './httpErrors';
import type { Authenticator } from './principal';

export interface LearningRouteDeps {
  readonly authenticator: Authenticator;
  readonly learnings: LearningService;
  readonly logger: Logger;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerLearningRoutes(server: Server, deps: LearningRouteDeps): void {
  const route = authenticatedRoute(deps);

  server.get(
    '/api/v1/pairs/:pairId/learnings',
    route(async (req, res, me) => {
      const items = await deps.learnings.listForPair(me, param(req, 'pairId', /^p[0-9a-f]{16}$/));
      sendJson(res, 200, { items: items.map(pairLearningJson) });
    }),
  );

  server.post(
    '/api/v1/pairs/:pairId/learnings',
    route(async (req, res, me) => {
      const pairId = param(req, 'pairId', /^p[0-9a-f]{16}$/);
      const programmeId = await deps.learnings.programmeOfPair(me, pairId);
      const proposed = await deps.learnings.propose(me, programmeId, pairId, field(object(req.body), 'text'));
      sendJson(res, proposed.result === 'proposed' ? 201 : 200, {
        learning: pairLearningJson(proposed.learning),
      });
    }),
  );

  server.get(
    '/api/v1/programmes/:programmeId/learnings',
    route(async (req, res, me) => {
      const items = await deps.learnings.listForProgramme(me, param(req, 'programmeId', GUID));
      sendJson(res, 200, { items: items.map(feedJson) });
    }),
  );

  server.post(
    '/api/v1/programmes/:programmeId/learnings/:learningId/share',
    route(async (req, res, me) => {
      const shared = await deps.learnings.share(
        me,
        param(req, 'programmeId', GUID),
        param(req, 'learningId', /^l[0-9a-f]{24}$/),
      );
      sendJson(res, 200, { posted: shared.result === 'posted', learning: feedJson(shared.learning) });
    }),
  );
}

function param(req: Request, name: string, shape: RegExp): string {
  const value = (req.params as Record<string, unknown>)[name];
  if (typeof value !== 'string' || !shape.test(value))
    throw new ValidationError(`${name} is not in the expected format`, { field: name, rule: 'format' });
  return value;
}

/** For the pair's own members: who proposed and who approved, by id. */
function pairLearningJson(l: Learning): Record<string, unknown> {
  return {
    id: l.id,
    programmeId: l.programmeId,
    pairId: l.pairId,
    text: l.text,
    status: l.status,
    proposedBy: l.proposedBy,
    proposedAt: l.proposedAt,
    approvedBy: Object.keys(l.approvals),
    approvedAt: approvedAt(l) ?? null,
    sharedToChannelAt: l.sharedToChannelAt ?? null,
  };
}

/** For supervisors: the learning, not the pair it came from (the pair agreed to share the idea, not themselves). */
function feedJson(l: Learning): Record<string, unknown> {
  return {
    id: l.id,
    text: l.text,
    approvedAt: approvedAt(l) ?? null,
    sharedToChannelAt: l.sharedToChannelAt ?? null,
  };
}
