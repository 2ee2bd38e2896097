/**
 * Every tab API handler runs the same way: a logger with the request's
 * correlation id, the caller authenticated first, and any failure answered
 * in the one error shape (httpErrors.ts).
 */
import type { Request, Response } from 'restify';
import type { Logger } from '../logging';
import { sendError } from './httpErrors';
import type { Authenticator, Principal } from './principal';

export type AuthenticatedHandler = (req: Request, res: Response, me: Principal, log: Logger) => Promise<void>;

export function authenticatedRoute(deps: { readonly authenticator: Authenticator; readonly logger: Logger }) {
  return (handler: AuthenticatedHandler) =>
    async (req: Request, res: Response): Promise<void> => {
      const correlationId = String(req.id());
      const log = deps.logger.child({ correlationId, route: req.getRoute()?.path });
      try {
        await handler(req, res, await deps.authenticator.authenticate(req.header('authorization')), log);
      } catch (err) {
        sendError(res, err, log, correlationId);
      }
    };
}
