import assert from 'node:assert/strict';
import { ValidationError } from '../../../bot/src/domain/errors';
import type {
  AktoriCandidate,
  MatchInput,
  MentorCandidate,
  PeerCandidate,
} from '../../../bot/src/domain/matching/matchTypes';
import { DIFFERENT_UNITS_BONUS, TOPIC_WEIGHT } from '../../../bot/src/domain/matching/scorePair';
import { suggestPairs } from '../../../bot/src/domain/matching/suggestPairs';

const mentor = (id: string, o: Partial<MentorCandidate> = {}): MentorCandidate => ({
  id,
  name: id.toUpperCase(),
  unit: 'Finance',
  languages: [],
  offers: [],
  capacity: 1,
  ...o,
});
const aktori = (id: string, o: Partial<AktoriCandidate> = {}): AktoriCandidate => ({
  id,
  name: id.toUpperCase(),
  unit: 'Finance',
  languages: [],
  wants: [],
  ...o,
});
const peer = (id: string, o: Partial<PeerCandidate> = {}): PeerCandidate => ({
  id,
  name: id.toUpperCase(),
  unit: 'Finance',
  languages: [],
  offers: [],
  wants: [],
  ...o,
});
const input = (o: Partial<MatchInput>): MatchInput => ({
  form: 'pair',
  mentors: [],
  aktoris: [],
  previousPairs: [],
  ...o,
});

describe('suggestPairs: reasons', () => {
  it('says which topics fit, that the units differ and which language is shared', () => {
    const result = suggestPairs(
      input({
        mentors: [
          mentor('aino', {
            name: 'Aino',
            unit: 'HR',
            languages: ['fi', 'sv'],
            offers: ['change', 'career', 'x'],
          }),
        ],
        aktoris: [
          aktori('ville', {
            name: 'Ville',
            unit: 'IT',
            languages: ['FI', 'en'],
            wants: ['career', 'change'],
          }),
        ],
      }),
    );
    assert.deepEqual(result.suggestions, [
      {
        mentorId: 'aino',
        aktoriIds: ['ville'],
        score: 2 * TOPIC_WEIGHT + DIFFERENT_UNITS_BONUS,
        reasons: [
          { code: 'fit', mentor: 'Aino', aktori: 'Ville', topics: ['career', 'change'] },
          { code: 'different-units', mentor: 'Aino', aktori: 'Ville' },
          { code: 'shared-language', languages: ['fi'] },
        ],
      },
    ]);
    assert.equal(result.totalScore, 2 * TOPIC_WEIGHT + DIFFERENT_UNITS_BONUS);
  });

  it('still pairs people with no topic in common, saying so, and compares units ignoring case and spaces', () => {
    const result = suggestPairs(
      input({
        mentors: [mentor('m', { unit: 'Customer  Service', offers: ['a'] })],
        aktoris: [aktori('a', { unit: ' customer service', wants: ['b'] })],
      }),
    );
    assert.deepEqual(result.suggestions[0]?.reasons, [
      { code: 'no-topic-overlap', mentor: 'M', aktori: 'A' },
      { code: 'same-unit', mentor: 'M', aktori: 'A' },
    ]);
    assert.equal(result.suggestions[0]?.score, 0);
  });

  it('says nothing about units when one is blank, nor about languages when one has no preference', () => {
    const result = suggestPairs(
      input({
        mentors: [mentor('m', { unit: ' ', languages: ['sv'] })],
        aktoris: [aktori('a', { languages: [] })],
      }),
    );
    assert.deepEqual(result.suggestions[0]?.reasons, [
      { code: 'no-topic-overlap', mentor: 'M', aktori: 'A' },
    ]);
  });

  it('prefers the mentor who offers more of what the aktori wants, then one from another unit', () => {
    const result = suggestPairs(
      input({
        mentors: [
          mentor('m1', { offers: ['x'], unit: 'Other' }),
          mentor('m2', { offers: ['x', 'y'] }),
          mentor('m3', { offers: ['x'] }),
        ],
        aktoris: [aktori('a', { wants: ['x', 'y'] }), aktori('b', { wants: ['x'] })],
      }),
    );
    assert.deepEqual(
      result.suggestions.map((s) => [s.mentorId, s.aktoriIds[0]]),
      [
        ['m1', 'b'],
        ['m2', 'a'],
      ],
    );
    assert.deepEqual(result.unmatched, [{ id: 'm3', why: 'no-capacity' }]);
  });

  it('peer pairs say what each offers the other', () => {
    const result = suggestPairs(
      input({
        form: 'peer',
        mentors: [mentor('ignored')],
        peers: [
          peer('p2', { name: 'Pia', offers: ['sales'], wants: ['data'], unit: 'Sales' }),
          peer('p1', { name: 'Olli', offers: ['data', 'ux'], wants: ['sales'], languages: ['fi'] }),
        ],
      }),
    );
    assert.deepEqual(result.suggestions, [
      {
        mentorId: 'p1',
        aktoriIds: ['p2'],
        score: 2 * TOPIC_WEIGHT + DIFFERENT_UNITS_BONUS,
        reasons: [
          { code: 'mutual-fit', a: 'Olli', b: 'Pia', aToB: ['data'], bToA: ['sales'] },
          { code: 'different-units', mentor: 'Olli', aktori: 'Pia' },
        ],
      },
    ]);
    assert.deepEqual(result.unmatched, []);
  });
});

describe('suggestPairs: groups', () => {
  it('puts each mentor with their aktoris in one group, bounded by maxGroupSize', () => {
    const result = suggestPairs(
      input({
        form: 'group',
        maxGroupSize: 2,
        mentors: [mentor('m', { capacity: 5, offers: ['x'], languages: ['fi', 'sv'] })],
        aktoris: ['a', 'b', 'c'].map((id) =>
          aktori(id, { wants: id === 'c' ? [] : ['x'], languages: ['fi'] }),
        ),
      }),
    );
    assert.equal(result.suggestions.length, 1);
    assert.deepEqual(result.suggestions[0]?.aktoriIds, ['a', 'b']);
    assert.equal(result.suggestions[0]?.score, 2 * TOPIC_WEIGHT);
    assert.deepEqual(result.suggestions[0]?.reasons.at(-1), { code: 'shared-language', languages: ['fi'] });
    assert.deepEqual(result.unmatched, [{ id: 'c', why: 'no-capacity' }]);
  });

  it('without maxGroupSize a group holds up to the mentor’s capacity', () => {
    const result = suggestPairs(
      input({
        form: 'group',
        mentors: [mentor('m', { capacity: 3 }), mentor('n', { capacity: 1 })],
        aktoris: ['a', 'b', 'c', 'd', 'e'].map((id) => aktori(id)),
      }),
    );
    assert.deepEqual(
      result.suggestions.map((s) => s.aktoriIds.length),
      [3, 1],
    );
    assert.equal(result.unmatched.length, 1);
  });
});

describe('suggestPairs: who is left out and why', () => {
  it('names the rule that excluded everyone: supervisor, previous pair, self, language', () => {
    const result = suggestPairs(
      input({
        mentors: [mentor('boss', { languages: ['fi'] }), mentor('both', { languages: ['fi'] })],
        aktoris: [
          aktori('report', { supervisorId: 'boss', languages: [] }),
          aktori('both', { languages: [] }),
          aktori('swede', { languages: ['sv'] }),
        ],
        previousPairs: [
          ['both', 'report'],
          ['boss', 'both'],
        ],
      }),
    );
    assert.deepEqual(result.suggestions, []);
    assert.deepEqual(result.unmatched, [
      // Only language kept the boss from the Swedish speaker: the most useful thing to say.
      { id: 'boss', why: 'no-shared-language' },
      // In both roles: told as an aktori (self, previous pair).
      { id: 'both', why: 'no-allowed-partner' },
      { id: 'report', why: 'no-allowed-partner' },
      { id: 'swede', why: 'no-shared-language' },
    ]);
  });

  it('a mentor who supervises the aktori is excluded too, whichever way the line runs', () => {
    const result = suggestPairs(
      input({ mentors: [mentor('m', { supervisorId: 'a' })], aktoris: [aktori('a')] }),
    );
    assert.deepEqual(result.unmatched, [
      { id: 'a', why: 'no-allowed-partner' },
      { id: 'm', why: 'no-allowed-partner' },
    ]);
  });

  it('someone in both roles is paired both ways but never with themselves, and listed once if alone', () => {
    const result = suggestPairs(
      input({ mentors: [mentor('x'), mentor('y')], aktoris: [aktori('x'), aktori('z')] }),
    );
    assert.equal(result.suggestions.length, 2);
    for (const s of result.suggestions) assert.notEqual(s.mentorId, s.aktoriIds[0]);
    const alone = suggestPairs(input({ mentors: [mentor('x')], aktoris: [aktori('x')] }));
    assert.deepEqual(alone.unmatched, [{ id: 'x', why: 'no-allowed-partner' }]);
  });

  it('more aktoris than places: the rest wait for capacity', () => {
    const result = suggestPairs(
      input({ mentors: [mentor('m')], aktoris: [aktori('a'), aktori('b', { wants: [] })] }),
    );
    assert.equal(result.suggestions.length, 1);
    assert.deepEqual(
      result.unmatched.map((u) => u.why),
      ['no-capacity'],
    );
  });

  it('handles empty sides', () => {
    assert.deepEqual(suggestPairs(input({})), { suggestions: [], unmatched: [], totalScore: 0 });
    assert.deepEqual(suggestPairs(input({ aktoris: [aktori('a')] })).unmatched, [
      { id: 'a', why: 'no-capacity' },
    ]);
    assert.deepEqual(suggestPairs(input({ mentors: [mentor('m')] })).unmatched, [
      { id: 'm', why: 'no-capacity' },
    ]);
    assert.deepEqual(suggestPairs(input({ form: 'peer' })), {
      suggestions: [],
      unmatched: [],
      totalScore: 0,
    });
    assert.deepEqual(suggestPairs(input({ form: 'peer', peers: [peer('p')] })).unmatched, [
      { id: 'p', why: 'no-capacity' },
    ]);
  });
});

describe('suggestPairs: input it refuses', () => {
  const refuses = (bad: MatchInput, field: string): void => {
    assert.throws(
      () => suggestPairs(bad),
      (err: unknown) => err instanceof ValidationError && err.violation?.field === field,
    );
  };

  it('capacity outside 1–5 or not a whole number', () => {
    for (const capacity of [0, -1, 6, 1.5, Number.NaN]) {
      refuses(input({ mentors: [mentor('m', { capacity })], aktoris: [aktori('a')] }), 'mentors.capacity');
    }
  });

  it('the same person twice on one side, or without an id', () => {
    refuses(input({ aktoris: [aktori('a'), aktori('a')] }), 'aktoris.id');
    refuses(input({ mentors: [mentor('')] }), 'mentors.id');
    refuses(input({ form: 'peer', peers: [peer('p'), peer('p')] }), 'peers.id');
  });

  it('a group size below 1, or an unknown form', () => {
    refuses(input({ form: 'group', maxGroupSize: 0 }), 'maxGroupSize');
    refuses(input({ form: 'mob' as MatchInput['form'] }), 'form');
  });
});
