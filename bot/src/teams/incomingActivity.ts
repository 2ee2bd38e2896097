/**
 * Edge check for POST /api/messages: the body must look like a Bot Framework
 * activity before the SDK sees it, so garbage gets a 400 instead of an SDK
 * exception (500), and oversized fields never reach a handler.
 */
import { ValidationError } from '../domain/errors';

const MAX_TEXT = 28_000; // Teams caps messages at about 28 KB of text.
const MAX_ID = 1024;

export function assertIncomingActivity(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('The body must be a Bot Framework activity (a JSON object)');
  }
  const a = body as Record<string, unknown>;
  shortString(a.type, 'type', 64, true);
  shortString(a.channelId, 'channelId', 64, true);
  shortString(a.serviceUrl, 'serviceUrl', 2048, true);
  shortString(a.id, 'id', MAX_ID, false);
  shortString(a.locale, 'locale', 32, false);
  if (a.text !== undefined && (typeof a.text !== 'string' || a.text.length > MAX_TEXT)) {
    throw new ValidationError(`text must be a string of at most ${MAX_TEXT} characters`);
  }
  const conversation = a.conversation as Record<string, unknown> | undefined;
  if (typeof conversation !== 'object' || conversation === null)
    throw new ValidationError('conversation is required');
  shortString(conversation.id, 'conversation.id', MAX_ID, true);
  try {
    const url = new URL(a.serviceUrl as string);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(url.protocol);
  } catch {
    throw new ValidationError('serviceUrl must be an http(s) URL');
  }
}

function shortString(value: unknown, field: string, max: number, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new ValidationError(`${field} must be a string of 1 to ${max} characters`);
  }
}
