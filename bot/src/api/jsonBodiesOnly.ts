/**
 * Request bodies are JSON or nothing. restify's body parser also reads
 * form-encoded and multipart bodies into the same `req.body`, so without
 * this an HTML form post would reach a handler as if it were the tab's JSON.
 * Refused with 415 before any body is read.
 */
import type { Next, Request, Response } from 'restify';
import { sendJson } from './httpErrors';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function jsonBodiesOnly(req: Request, res: Response, next: Next): void {
  const hasBody =
    (req.header('content-length') !== undefined && req.header('content-length') !== '0') ||
    req.header('transfer-encoding') !== undefined;
  if (!WITH_BODY.has(req.method ?? '') || !hasBody || req.is('json')) {
    next();
    return;
  }
  sendJson(res, 415, {
    error: {
      code: 'unsupported_media_type',
      message: 'Send the body as JSON (Content-Type: application/json)',
      correlationId: String(req.id()),
    },
  });
  next(false);
}
