/** POST /api/messages: validate the activity's shape, then hand it to the adapter (which authenticates it). */
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import { sendError } from '../api/httpErrors';
import type { Logger } from '../logging';
import { assertIncomingActivity } from './incomingActivity';
import { withPlainSdkErrors } from './sdkErrorAnswers';

export function messagesEndpoint(adapter: CloudAdapter, bot: ActivityHandler, logger: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      assertIncomingActivity(req.body);
    } catch (err) {
      const correlationId = String(req.id());
      sendError(res, err, logger.child({ correlationId, route: '/api/messages' }), correlationId);
      return;
    }
    await adapter.process(req, withPlainSdkErrors(req, res, logger), (context) => bot.run(context));
  };
}
