/**
 * Azure Tables forbids / \ # ? and control characters in PartitionKey and
 * RowKey, and caps each at 1 KiB. Azurite checks none of it (it answers 500
 * for a "/"), so keys are checked here before any request is made.
 */
import { ValidationError } from '../domain/errors';

// biome-ignore lint/suspicious/noControlCharactersInRegex: Azure Tables forbids control characters in keys.
const FORBIDDEN = /[/\\#?\u0000-\u001f\u007f-\u009f]/;
const MAX_KEY_CHARS = 512; // 1 KiB of UTF-16

export function assertValidKey(key: string, what: string): string {
  if (typeof key !== 'string' || key.length === 0) throw new ValidationError(`${what} must not be empty`);
  if (key.length > MAX_KEY_CHARS)
    throw new ValidationError(`${what} is longer than ${MAX_KEY_CHARS} characters`);
  if (FORBIDDEN.test(key))
    throw new ValidationError(`${what} contains a character Azure Tables forbids in keys`);
  return key;
}

/**
 * Makes any string (a Teams conversation id, say) usable as a key part by
 * escaping the forbidden characters and "~" itself as ~XXXX. Reversible, and
 * ids that need no escaping stay readable.
 */
export function encodeKeyPart(value: string): string {
  return value.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to escape.
    /[~/\\#?\u0000-\u001f\u007f-\u009f]/g,
    (c) => `~${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function decodeKeyPart(value: string): string {
  return value.replace(/~([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
