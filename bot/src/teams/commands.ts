/**
 * Turns what a person typed into a command. People type in their own
 * language, with or without a leading slash, and in channels after an
 * @mention (removed before this is called).
 */
export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'programme' }
  | { readonly name: 'agreement' }
  | { readonly name: 'meetings' }
  | { readonly name: 'myData' }
  /** "learning <text>": the text as typed (case and punctuation kept); empty when none was given. */
  | { readonly name: 'learning'; readonly text: string }
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
const MEETINGS_WORDS = new Set(['meetings', 'meeting', 'tapaamiset', 'tapaaminen', 'möten', 'möte', 'moten']);
/** "my data" in three languages; the first two words, so "my" alone stays unknown. */
const MY_DATA_PHRASES = new Set([
  'my data',
  'mydata',
  'omat tiedot',
  'omat tietoni',
  'tietoni',
  'mina uppgifter',
  'mina data',
]);
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

const LEARNING_WORDS = new Set(['learning', 'oppi', 'lärdom', 'lardom']);

export function parseCommand(text: string | undefined): Command {
  const cleaned = (text ?? '')
    // A channel message starts with the bot's @mention: "<at>Polku</at> apua".
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim()
    .replace(/^\/+/, '');
  const normalised = cleaned.toLowerCase().replace(/[!.]+$/, '');
  const words = normalised.split(/\s+/);
  const first = words[0] ?? '';
  if (MY_DATA_PHRASES.has(first) || MY_DATA_PHRASES.has(words.slice(0, 2).join(' ')))
    return { name: 'myData' };
  if (HELP_WORDS.has(first)) return { name: 'help' };
  if (PROGRAMME_WORDS.has(first)) return { name: 'programme' };
  if (AGREEMENT_WORDS.has(first)) return { name: 'agreement' };
  if (MEETINGS_WORDS.has(first)) return { name: 'meetings' };
  if (LEARNING_WORDS.has(first)) return { name: 'learning', text: cleaned.replace(/^\S+\s*/, '') };
  return { name: 'unknown' };
}
