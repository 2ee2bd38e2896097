import assert from 'node:assert/strict';
import type { MatchInput } from '../../../bot/src/domain/matching/matchTypes';
import { suggestPairs } from '../../../bot/src/domain/matching/suggestPairs';
import { PROGRAMME_FORMS } from '../../../bot/src/domain/programme/vocabulary';
import { assertValidResult } from './invariants';
import { int, prng, randomInput, randomPeers, shuffle } from './support';

describe('suggestPairs never breaks a rule', () => {
  for (const form of PROGRAMME_FORMS) {
    it(`${form}: self, previous pairs, supervisors, languages, capacity and group size on 300 random inputs`, () => {
      const rng = prng(100 + PROGRAMME_FORMS.indexOf(form));
      for (let run = 0; run < 300; run++) {
        const input: MatchInput =
          form === 'peer'
            ? randomPeers(rng, int(rng, 0, 40))
            : randomInput(rng, {
                form,
                mentors: int(rng, 0, 25),
                aktoris: int(rng, 0, 40),
                maxCapacity: 5,
                // A small id pool puts many people in both roles.
                idPool: int(rng, 5, 60),
                ...(form === 'group' && rng() < 0.7 ? { maxGroupSize: int(rng, 1, 4) } : {}),
              });
        assertValidResult(input, suggestPairs(input));
      }
    });
  }
});

describe('suggestPairs is deterministic', () => {
  it('gives the same result for the same volunteers in any order (pair, group and peer)', () => {
    const rng = prng(200);
    for (let run = 0; run < 150; run++) {
      const form = run % 3 === 0 ? 'peer' : run % 3 === 1 ? 'pair' : 'group';
      const input: MatchInput =
        form === 'peer'
          ? randomPeers(rng, int(rng, 0, 30))
          : randomInput(rng, { form, mentors: int(rng, 0, 15), aktoris: int(rng, 0, 25), maxCapacity: 3 });
      const first = suggestPairs(input);
      assert.deepEqual(suggestPairs(input), first, 'same input, same output');
      const shuffled: MatchInput = {
        ...input,
        mentors: shuffle(rng, input.mentors),
        aktoris: shuffle(rng, input.aktoris),
        ...(input.peers === undefined ? {} : { peers: shuffle(rng, input.peers) }),
        previousPairs: shuffle(rng, input.previousPairs).map(([a, b]) => (rng() < 0.5 ? [a, b] : [b, a])),
      };
      assert.deepEqual(suggestPairs(shuffled), first, `run ${run}: order changed the result`);
    }
  });

  it('lists suggestions by mentor id then aktori id, and unmatched by id', () => {
    const rng = prng(201);
    const input = randomInput(rng, { mentors: 30, aktoris: 50, maxCapacity: 3 });
    const result = suggestPairs(input);
    const keys = result.suggestions.map((s) => `${s.mentorId}/${s.aktoriIds.join(',')}`);
    assert.deepEqual(keys, [...keys].sort());
    const ids = result.unmatched.map((u) => u.id);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('does not modify its input', () => {
    const rng = prng(202);
    const input = randomInput(rng, { mentors: 10, aktoris: 12, maxCapacity: 2 });
    const copy = structuredClone(input);
    suggestPairs(input);
    assert.deepEqual(input, copy);
  });
});
