/**
 * Everything that must hold for any result, whatever the input: the hard
 * rules, capacities, scores and reasons that match a plain re-computation,
 * and an unmatched list that is exactly everyone left out.
 */
import assert from 'node:assert/strict';
import type { MatchInput, MatchResult, Reason } from '../../../bot/src/domain/matching/matchTypes';
import { allowed, common, oraclePeerScore, oracleScore, oracleWhy, slotsFor, unitsDiffer } from './support';

export function assertValidResult(input: MatchInput, result: MatchResult): void {
  const included = new Set<string>();
  let total = 0;
  if (input.form === 'peer') {
    const peers = new Map((input.peers ?? []).map((p) => [p.id, p]));
    for (const s of result.suggestions) {
      assert.equal(s.aktoriIds.length, 1);
      const a = peers.get(s.mentorId);
      const b = peers.get(s.aktoriIds[0] ?? '');
      assert.ok(a && b, 'peer suggestions name peers');
      assert.ok(a.id < b.id, 'first peer by id is named first');
      assert.ok(allowed(input, a, b), `rules broken by ${a.id}–${b.id}`);
      for (const id of [a.id, b.id]) {
        assert.ok(!included.has(id), `${id} is in two peer pairs`);
        included.add(id);
      }
      assert.equal(s.score, oraclePeerScore(a, b));
      const fit = s.reasons[0];
      const aToB = common(b.wants, a.offers);
      const bToA = common(a.wants, b.offers);
      if (aToB.length + bToA.length > 0)
        assert.deepEqual(fit, { code: 'mutual-fit', a: a.name, b: b.name, aToB, bToA });
      else assert.equal(fit?.code, 'no-topic-overlap');
      total += s.score;
    }
    assertUnmatched(
      result,
      (input.peers ?? []).map((p) => p.id),
      included,
    );
    const peerList = input.peers ?? [];
    for (const u of result.unmatched) {
      const p = peers.get(u.id);
      assert.ok(p);
      assert.equal(
        u.why,
        oracleWhy(
          input,
          p,
          peerList.filter((q) => q !== p),
        ),
        `why ${u.id}`,
      );
    }
    assert.equal(result.totalScore, total);
    return;
  }

  const mentors = new Map(input.mentors.map((m) => [m.id, m]));
  const aktoris = new Map(input.aktoris.map((a) => [a.id, a]));
  const taken = new Map<string, number>();
  const pairedAktoris = new Set<string>();
  const slots = slotsFor(input);
  for (const s of result.suggestions) {
    const m = mentors.get(s.mentorId);
    assert.ok(m, 'mentorId names a mentor');
    if (input.form === 'group') assert.ok(s.aktoriIds.length >= 1);
    else assert.equal(s.aktoriIds.length, 1, 'a pair has one aktori');
    taken.set(m.id, (taken.get(m.id) ?? 0) + s.aktoriIds.length);
    assert.ok((taken.get(m.id) ?? 0) <= slots(m), `${m.id} over capacity or group size`);
    included.add(m.id);
    let score = 0;
    for (const id of s.aktoriIds) {
      const a = aktoris.get(id);
      assert.ok(a, 'aktoriIds name aktoris');
      assert.ok(!pairedAktoris.has(id), `${id} suggested twice as aktori`);
      pairedAktoris.add(id);
      included.add(id);
      assert.ok(allowed(input, m, a), `rules broken by ${m.id}–${a.id}`);
      score += oracleScore(m, a);
      const topics = common(a.wants, m.offers);
      const fit: Reason | undefined = s.reasons.find(
        (r) =>
          (r.code === 'fit' || r.code === 'no-topic-overlap') && r.aktori === a.name && r.mentor === m.name,
      );
      if (topics.length > 0) assert.deepEqual(fit, { code: 'fit', mentor: m.name, aktori: a.name, topics });
      else assert.equal(fit?.code, 'no-topic-overlap');
      const unit: Reason | undefined = s.reasons.find(
        (r) => (r.code === 'different-units' || r.code === 'same-unit') && r.aktori === a.name,
      );
      if (unitsDiffer(m, a)) assert.equal(unit?.code, 'different-units');
      else if (unit !== undefined) assert.equal(unit.code, 'same-unit');
    }
    assert.equal(s.score, score);
    total += s.score;
  }
  if (input.form === 'group') {
    const ids = result.suggestions.map((s) => s.mentorId);
    assert.equal(new Set(ids).size, ids.length, 'one group per mentor');
  }
  assertUnmatched(result, [...mentors.keys(), ...aktoris.keys()], included);
  for (const u of result.unmatched) {
    // As an aktori first: for someone in both roles that is what they wait for.
    const a = aktoris.get(u.id);
    const m = mentors.get(u.id);
    const why = a ? oracleWhy(input, a, input.mentors) : m ? oracleWhy(input, m, input.aktoris) : 'unknown';
    assert.equal(u.why, why, `why ${u.id}`);
  }
  assert.equal(result.totalScore, total);
}

function assertUnmatched(
  result: MatchResult,
  everyone: readonly string[],
  included: ReadonlySet<string>,
): void {
  const expected = [...new Set(everyone)].filter((id) => !included.has(id)).sort();
  assert.deepEqual(
    result.unmatched.map((u) => u.id),
    expected,
  );
}
