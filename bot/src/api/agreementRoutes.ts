/**
 * A member's own pairs and agreements for the tab ("My mentoring"). Only the
 * pair's members get an agreement; everyone else gets the same refusal.
 */
import type { Server } from 'restify';
import { agreementStatus, membersOf } from '../domain/agreement/agreementTypes';
import { ValidationError } from '../domain/errors';
import type { Logger } from '../logging';
import type { AgreementService } from '../services/agreements/agreementService';
import { authenticatedRoute } from './authenticatedRoute';
import { sendJson } from './httpErrors';
import type { Authenticator } from './principal';

export interface AgreementRouteDeps {
  readonly authenticator: Authenticator;
  readonly agreements: AgreementService;
  readonly logger: Logger;
}

export function registerAgreementRoutes(server: Server, deps: AgreementRouteDeps): void {
  const route = authenticatedRoute(deps);

  server.get(
    '/api/v1/me/pairs',
    route(async (_req, res, me) => {
      sendJson(res, 200, { items: await deps.agreements.mine(me) });
    }),
  );

  server.get(
    '/api/v1/pairs/:pairId/agreement',
    route(async (req, res, me) => {
      const pairId = (req.params as Record<string, unknown>).pairId;
      if (typeof pairId !== 'string' || !/^p[0-9a-f]{16}$/.test(pairId)) {
        throw new ValidationError('pairId is not a pair id', { field: 'pairId', rule: 'format' });
      }
      const { agreement, programme, pair } = await deps.agreements.view(me, pairId);
      sendJson(res, 200, {
        pairId,
        programme: { id: programme.id, name: programme.name, form: programme.form },
        members: membersOf(agreement).map((id) => ({
          id,
          name: pair.names[id] ?? '',
          role: id === agreement.mentorId ? 'mentor' : 'aktori',
          acceptedVersion: agreement.acceptances[id]?.version ?? null,
        })),
        status: agreementStatus(agreement),
        version: agreement.version,
        terms: agreement.terms,
        inForce: agreement.inForce ?? null,
        history: await deps.agreements.versions(me, pairId),
      });
    }),
  );
}
