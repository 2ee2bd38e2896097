/**
 * The Bot Framework SDK answers a request it could not authenticate with its
 * own error text as the body, and a failure to fetch the Bot Framework's
 * signing keys (network, DNS) as 500 with that failure's message. Callers
 * are strangers until proven otherwise: they get the API's one error shape
 * and a correlation id, and the log gets the status. A key-fetch failure
 * is a 503, so Teams retries instead of dropping the activity. A token the
 * SDK's JWT library rejects (a bad signature on a known key, say) also comes
 * out as 500 with that library's message: that is a refusal, answered 401.
 */
import type { Request, Response } from 'restify';
import { sendJson } from '../api/httpErrors';
import type { Logger } from '../logging';

// jsonwebtoken's verify messages for a token that fails on its own content, not on the server's keys.
const JWT_REJECTION =
  /^(jwt (malformed|signature is required|not active|expired|audience invalid|issuer invalid)|invalid (token|algorithm|signature|nbf value|exp value))\b/;

/** A response for CloudAdapter.process whose error answers are replaced with Polku's own. */
export function withPlainSdkErrors(req: Request, res: Response, logger: Logger): Response {
  let status = 200;
  let answered = false;
  const correlationId = String(req.id());
  const answerError = () => {
    answered = true;
    const [code, message, sent] =
      status === 401 || status === 403
        ? ['unauthenticated', 'The request is not authorised', status]
        : status >= 500
          ? ['unavailable', 'Try again shortly', 503]
          : ['invalid', 'The request is malformed', status];
    logger.warn({ correlationId, route: '/api/messages', status, answered: sent }, 'bot request refused');
    sendJson(res, sent, { error: { code, message, correlationId } });
  };
  const guarded = Object.create(res) as Response;
  Object.assign(guarded, {
    status(code: number) {
      status = code;
      if (code < 400) res.status(code);
      return guarded;
    },
    send(body?: unknown) {
      if (status === 500 && typeof body === 'string' && JWT_REJECTION.test(body)) status = 401;
      if (status >= 400) {
        if (!answered) answerError();
        return guarded;
      }
      res.send(status, body);
      answered = true;
      return guarded;
    },
    end() {
      if (answered) return guarded;
      if (status >= 400) answerError();
      else {
        answered = true;
        res.status(status);
        res.end();
      }
      return guarded;
    },
  });
  return guarded;
}
