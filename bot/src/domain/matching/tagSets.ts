/**
 * Tag lists (topics, languages) as packed bit sets, so that the millions of
 * pair comparisons a large programme needs are a few word ANDs and popcounts
 * instead of string set look-ups. The strings are kept for the reasons, which
 * are only built for the pairs actually suggested.
 */

/** Gives each distinct tag a bit; shared by both sides so the bits line up. */
class TagSpace {
  private readonly bits = new Map<string, number>();

  bitOf(tag: string): number {
    let bit = this.bits.get(tag);
    if (bit === undefined) {
      bit = this.bits.size;
      this.bits.set(tag, bit);
    }
    return bit;
  }

  get size(): number {
    return this.bits.size;
  }
}

/** One bit set per person, `words` 32-bit words each, back to back. */
export interface TagSets {
  readonly words: number;
  readonly bits: Uint32Array;
  /** How many distinct tags each person listed (0 = none). */
  readonly counts: Int32Array;
}

/**
 * Encodes several groups of lists (e.g. what mentors offer and what aktoris
 * want) over one shared tag space, so that their bits and word counts line up.
 */
export function encodeTagGroups(groups: readonly (readonly (readonly string[])[])[]): TagSets[] {
  const space = new TagSpace();
  for (const lists of groups) for (const list of lists) for (const tag of list) space.bitOf(tag);
  const words = Math.max(1, Math.ceil(space.size / 32));
  return groups.map((lists) => encode(space, words, lists));
}

function encode(space: TagSpace, words: number, lists: readonly (readonly string[])[]): TagSets {
  const bits = new Uint32Array(lists.length * words);
  const counts = new Int32Array(lists.length);
  lists.forEach((list, person) => {
    for (const tag of list) {
      const bit = space.bitOf(tag);
      const at = person * words + (bit >>> 5);
      const mask = 1 << (bit & 31);
      if (((bits[at] ?? 0) & mask) === 0) {
        bits[at] = (bits[at] ?? 0) | mask;
        counts[person] = (counts[person] ?? 0) + 1;
      }
    }
  });
  return { words, bits, counts };
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** How many tags person `i` of `a` and person `j` of `b` have in common (same TagSpace). */
export function overlap(a: TagSets, i: number, b: TagSets, j: number): number {
  const words = a.words;
  let n = 0;
  for (let w = 0; w < words; w++) n += popcount((a.bits[i * words + w] ?? 0) & (b.bits[j * words + w] ?? 0));
  return n;
}

/** The common tags as strings, sorted, without duplicates: for reasons. */
export function commonTags(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b);
  return [...new Set(a.filter((tag) => inB.has(tag)))].sort();
}
