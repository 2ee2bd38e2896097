/** Ids shaped like Exchange's, so a client that forgets to URL-encode them fails here, not only in production. */
import { createHash, randomBytes } from 'node:crypto';

const ID_PREFIX = 'AAMkAGVtdWxhdG9y'; // "AAMkAG" like Exchange ids, then base64 of "emulator".

/** Base64 with '-' and '_' and a padding '='; derived from `seed` when given (seeded blocks keep their ids). */
export function newEventId(seed?: string): string {
  const bytes = seed ? createHash('sha256').update(seed).digest().subarray(0, 24) : randomBytes(24);
  return `${ID_PREFIX}${bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}AAA=`;
}

/** The iCalendar UID Exchange gives every meeting (hex, fixed prefix). */
export function newICalUId(id: string): string {
  const hex = createHash('sha256').update(id).digest('hex').toUpperCase().slice(0, 56);
  return `040000008200E00074C5B7101A82E008${hex}`;
}
