/**
 * Local mode only, from this machine: run the scheduler now, optionally as
 * if it were a later time. The rhythm's cards (nudge, check-in, checkpoint)
 * can then be seen in the Agents Playground without waiting a day, and the
 * end-to-end tests drive the clock the same way. Refused in azure mode.
 */
import type { Request, Response, Server } from 'restify';
import { isLoopbackHost } from '../config';
import { PolkuError } from '../domain/errors';
import type { Logger } from '../logging';
import type { TickResult } from '../services/rhythm/scheduler';
import { sendError, sendJson } from './httpErrors';
import { jsonObject } from './requestInput';

export interface DevSchedulerDeps {
  /** Present only in local mode on a loopback host (with dev sign-in). */
  readonly scheduler: { tick(at?: Date): Promise<TickResult> } | undefined;
  readonly logger: Logger;
}

/** A year either way: enough to walk a whole programme, not enough to make nonsense dates. */
const MAX_SHIFT_MS = 366 * 86_400_000;

export function registerDevSchedulerRoute(server: Server, deps: DevSchedulerDeps): void {
  server.post('/api/v1/dev/scheduler/tick', async (req: Request, res: Response) => {
    const log = deps.logger.child({ correlationId: String(req.id()), route: 'dev/scheduler/tick' });
    try {
      const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
      if (!deps.scheduler || !isLoopbackHost(address)) {
        throw new PolkuError(
          'forbidden',
          'The scheduler can be run by hand only in local mode on this machine',
          {
            code: 'dev_scheduler_disabled',
          },
        );
      }
      const at = jsonObject(req.body ?? {}).at;
      let when: Date | undefined;
      if (at !== undefined) {
        when = typeof at === 'string' ? new Date(at) : new Date(Number.NaN);
        if (Number.isNaN(when.getTime()) || Math.abs(when.getTime() - Date.now()) > MAX_SHIFT_MS) {
          throw new PolkuError('invalid', 'at must be an ISO time within a year of now', {
            code: 'invalid_time',
          });
        }
      }
      sendJson(res, 200, await deps.scheduler.tick(when));
    } catch (err) {
      sendError(res, err, log, String(req.id()));
    }
  });
}
