/**
 * Turns what a person typed into a command. People type in their own
 * language, with or without a leading slash, and in channels after an
 * @mention (removed before this is called).
 */
export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'programme' }
  | { readonly name: 'agreement' }
  | { readonly name: 'unknown' };

const PROGRAMME_WORDS = new Set([
  'programme',
  'program',
  'ohjelma',
  'ohjelmat',
  'mentorointiohjelma',
  'programmet',
]);
const AGREEMENT_WORDS = new Set(['agreement', 'sopimus', 'avtal', 'avtalet', 'sopimukset']);
const HELP_WORDS = new Set([
  'help',
  'apua',
  'ohje',
  'ohjeet',
  'hjälp',
  'hjalp',
  '?',
  'hi',
  'hello',
  'hei',
  'moi',
  'hej',
]);

export function parseCommand(text: string | undefined): Command {
  const normalised = (text ?? '')
    // A channel message starts with the bot's @mention: "<at>Polku</at> apua".
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^\/+/, '')
    .replace(/[!.]+$/, '');
  const first = normalised.split(/\s+/)[0] ?? '';
  if (HELP_WORDS.has(first)) return { name: 'help' };
  if (PROGRAMME_WORDS.has(first)) return { name: 'programme' };
  if (AGREEMENT_WORDS.has(first)) return { name: 'agreement' };
  return { name: 'unknown' };
}
