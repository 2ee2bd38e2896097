import assert from 'node:assert/strict';
import { suggestPairs } from '../../../bot/src/domain/matching/suggestPairs';
import { assertValidResult } from './invariants';
import { bruteForceMentors, bruteForcePeers, int, prng, randomInput, randomPeers, slotsFor } from './support';

describe('suggestPairs is optimal (against brute force)', () => {
  it('pairs: most aktoris paired, then the highest total score, on 300 small random inputs', () => {
    const rng = prng(1);
    let agreed = 0;
    for (let run = 0; run < 300; run++) {
      const input = randomInput(rng, {
        mentors: int(rng, 0, 5),
        aktoris: int(rng, 0, 7),
        maxCapacity: 3,
        idPool: int(rng, 4, 12),
      });
      // Keep the search space near 7 aktoris × 7 slots.
      const slots = input.mentors.reduce((n, m) => n + m.capacity, 0);
      if (slots > 8) continue;
      const result = suggestPairs(input);
      assertValidResult(input, result);
      const best = bruteForceMentors(input, slotsFor(input));
      assert.deepEqual({ pairs: result.suggestions.length, score: result.totalScore }, best, `run ${run}`);
      agreed++;
    }
    assert.ok(agreed > 150, `only ${agreed} inputs were small enough`);
  });

  it('groups: same objective, counted per aktori, with group sizes bounded', () => {
    const rng = prng(2);
    for (let run = 0; run < 200; run++) {
      const input = randomInput(rng, {
        form: 'group',
        mentors: int(rng, 1, 3),
        aktoris: int(rng, 0, 7),
        maxCapacity: 5,
        maxGroupSize: int(rng, 1, 3),
      });
      const result = suggestPairs(input);
      assertValidResult(input, result);
      const best = bruteForceMentors(input, slotsFor(input));
      const paired = result.suggestions.reduce((n, s) => n + s.aktoriIds.length, 0);
      assert.deepEqual({ pairs: paired, score: result.totalScore }, best, `run ${run}`);
    }
  });

  it('peer: most pairs, then the highest total score, for pools of up to 10', () => {
    const rng = prng(3);
    for (let run = 0; run < 300; run++) {
      const input = randomPeers(rng, int(rng, 0, 10));
      const result = suggestPairs(input);
      assertValidResult(input, result);
      assert.deepEqual(
        { pairs: result.suggestions.length, score: result.totalScore },
        bruteForcePeers(input),
        `run ${run}`,
      );
    }
  });

  it('prefers one more pair to a higher score', () => {
    // m1 fits a1 perfectly, but a2 can only have m1; m2 can only take a1.
    const result = suggestPairs({
      form: 'pair',
      mentors: [
        { id: 'm1', name: 'M1', unit: 'A', languages: [], offers: ['x', 'y'], capacity: 1 },
        { id: 'm2', name: 'M2', unit: 'A', languages: [], offers: [], capacity: 1 },
      ],
      aktoris: [
        { id: 'a1', name: 'A1', unit: 'A', languages: [], wants: ['x', 'y'] },
        { id: 'a2', name: 'A2', unit: 'A', languages: [], wants: [] },
      ],
      previousPairs: [['m2', 'a2']],
    });
    assert.deepEqual(
      result.suggestions.map((s) => [s.mentorId, ...s.aktoriIds]),
      [
        ['m1', 'a2'],
        ['m2', 'a1'],
      ],
    );
    assert.deepEqual(result.unmatched, []);
  });
});
