import assert from 'node:assert/strict';
import { buildDashboard, type DashboardInput } from '../../../bot/src/domain/dashboard/buildDashboard';
import { FUNNEL_STAGES } from '../../../bot/src/domain/dashboard/funnel';
import type { Meeting } from '../../../bot/src/domain/meetings/meeting';
import type { Pair } from '../../../bot/src/domain/programme/pair';
import { DEFAULT_AGREEMENT } from '../../../bot/src/domain/programme/programme';
import type { Volunteer } from '../../../bot/src/domain/programme/volunteer';
import type { Evaluation } from '../../../bot/src/domain/rhythm/evaluation';
import type { Learning } from '../../../bot/src/domain/rhythm/learning';
import { prng, shuffle } from '../slots/support';
import { DAY, evaluation, inForce, learning, meeting, NOW, pair } from './fixtures';

const programme: DashboardInput['programme'] = {
  form: 'pair',
  mode: { kind: 'cohort', startDate: '2026-01-15', endDate: '2026-12-15', coachingSessions: [] },
  signUpDeadline: '2026-01-10',
  timeZone: 'Europe/Helsinki',
  defaults: DEFAULT_AGREEMENT,
};

function volunteersOf(pairs: readonly Pair[], extra = 0): Volunteer[] {
  const ids = pairs.flatMap((p) => [p.mentorId, ...p.aktoriIds]);
  for (let i = 0; i < extra; i++) ids.push(`free-${i}`);
  return ids.map((userId, i) => ({
    programmeId: 'prog',
    userId,
    name: userId,
    role: userId.endsWith('-m') || i % 2 === 0 ? 'mentor' : 'aktori',
    offers: [],
    wants: [],
    unit: 'IT',
    languages: ['fi'],
    capacity: 1,
    note: '',
    status: userId.startsWith('free') ? 'active' : 'paired',
    pairIds: [],
    signedUpAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }));
}

const input = (over: Partial<DashboardInput>): DashboardInput => ({
  programme,
  volunteers: [],
  pairs: [],
  meetings: [],
  learnings: [],
  evaluations: [],
  ...over,
});

describe('the programme dashboard (domain)', () => {
  it('computes figures, rows, months, funnel, evaluations and shared learnings for a small programme', () => {
    const agreeing = pair('p1', { formedAt: new Date(NOW - 20 * DAY).toISOString() });
    const active = pair('p2', { agreement: inForce(['Johtaa muutosta', 'Verkostoitua']), status: 'active' });
    const continued = pair('p3', {
      agreement: inForce(),
      checkpoint: { choices: { 'p3-m': 'continue', 'p3-a': 'continue' }, outcome: 'continued' },
    });
    const concluded = pair('p4', {
      agreement: inForce(),
      status: 'concluded',
      checkpoint: {
        choices: { 'p4-a': 'conclude' },
        outcome: 'concluded',
        decidedAt: new Date(NOW - DAY).toISOString(),
      },
    });
    const pairs = [agreeing, active, continued, concluded];
    const meetings = [
      meeting('p2', 1, Date.parse('2026-02-10T10:00:00Z'), { met: true }),
      meeting('p2', 2, Date.parse('2026-03-10T10:00:00Z')), // past, nobody checked in
      meeting('p2', 3, Date.parse('2026-04-07T10:00:00Z')), // upcoming
      meeting('p3', 1, Date.parse('2026-02-28T22:30:00Z'), { met: true }), // 1 March in Helsinki
      meeting('p3', 2, Date.parse('2026-03-20T10:00:00Z'), { status: 'cancelled' }),
    ];
    const evaluations = [
      evaluation('p4', 'p4-m', 'mentor'),
      evaluation('p4', 'p4-a', 'aktori'),
      evaluation('p3', 'p3-a', 'aktori'),
    ];
    const learnings = [
      learning('l1', 'p2', 'approved', NOW - 5 * DAY),
      learning('l2', 'p2', 'proposed', NOW - DAY),
      learning('l3', 'p3', 'approved', NOW - 2 * DAY),
      learning('l4', 'p1', 'proposed', NOW - 3 * DAY),
    ];
    const d = buildDashboard(
      input({ volunteers: volunteersOf(pairs, 2), pairs, meetings, evaluations, learnings }),
      new Date(NOW),
    );
    assert.equal(d.phase, 'running');
    assert.deepEqual(d.figures, {
      volunteers: { mentors: 5, aktoris: 5 },
      pairs: { total: 4, active: 3, concluded: 1 },
      agreementsInForce: 3,
      meetings: { held: 2, booked: 4, upcoming: 1 },
      checkpoints: { continued: 1, concluded: 1, waiting: 0 },
      needAttention: 1,
    });
    const row = (id: string) => d.pairs.find((r) => r.id === id);
    assert.deepEqual(row('p1')?.attention, ['no-agreement']);
    assert.equal(row('p1')?.stage, 'agreeing');
    assert.deepEqual(row('p2')?.goals, ['Johtaa muutosta', 'Verkostoitua']);
    assert.deepEqual(row('p2')?.members, [
      { id: 'p2-m', name: 'Mentor p2', role: 'mentor' },
      { id: 'p2-a', name: 'Aktori p2', role: 'aktori' },
    ]);
    assert.equal(row('p2')?.nextMeeting, Date.parse('2026-04-07T10:00:00Z'));
    assert.equal(row('p1')?.lastActivity, NOW - 3 * DAY, 'the latest learning proposal, even unapproved');
    assert.equal(row('p3')?.stage, 'continued');
    assert.equal(row('p4')?.stage, 'concluded');
    assert.equal(row('p4')?.checkpoint, 'concluded');
    assert.deepEqual(d.meetingsPerMonth, [
      { month: '2026-02', held: 1, unconfirmed: 0, upcoming: 0 },
      { month: '2026-03', held: 1, unconfirmed: 1, upcoming: 0 },
      { month: '2026-04', held: 0, unconfirmed: 0, upcoming: 1 },
    ]);
    assert.deepEqual(
      d.funnel.map((f) => f.people),
      [10, 8, 6, 2],
    );
    assert.equal(d.evaluations.all?.answers, 3);
    assert.equal(d.evaluations.mentors, undefined, 'one mentor answer is never shown');
    assert.equal(d.evaluations.aktoris, undefined, 'two aktori answers are never shown');
    assert.deepEqual(
      d.learnings.map((l) => l.id),
      ['l3', 'l1'],
      'only approved learnings, newest first',
    );
  });

  it('names the phase from the programme’s dates in its own time zone', () => {
    const at = (iso: string) => buildDashboard(input({}), new Date(iso)).phase;
    assert.equal(at('2026-01-10T21:00:00Z'), 'sign-up', '23:00 on the deadline day in Helsinki');
    assert.equal(at('2026-01-10T22:30:00Z'), 'starting');
    assert.equal(at('2026-06-01T12:00:00Z'), 'running');
    assert.equal(at('2026-12-15T21:59:00Z'), 'running');
    assert.equal(at('2026-12-15T22:01:00Z'), 'ended');
    assert.equal(
      buildDashboard(input({ programme: { ...programme, mode: { kind: 'nonstop' } } }), new Date(NOW)).phase,
      'ongoing',
    );
  });

  describe('properties over random programmes', () => {
    function randomProgramme(seed: number) {
      const rng = prng(seed);
      const n = 1 + Math.floor(rng() * 40);
      const pairs: Pair[] = [];
      const meetings: Meeting[] = [];
      const evaluations: Evaluation[] = [];
      const learnings: Learning[] = [];
      for (let i = 0; i < n; i++) {
        const id = `p${seed}x${i}`;
        const r = rng();
        const outcome = rng() < 0.3 ? (rng() < 0.5 ? 'continued' : 'concluded') : undefined;
        pairs.push(
          pair(id, {
            formedAt: new Date(NOW - Math.floor(rng() * 200) * DAY).toISOString(),
            ...(r < 0.3
              ? {}
              : r < 0.4
                ? { agreement: { status: 'drafting', goals: [], version: 0 } }
                : { agreement: inForce([`goal ${i}`]) }),
            ...(outcome && r >= 0.4 ? { checkpoint: { choices: {}, outcome } } : {}),
          }),
        );
        const count = Math.floor(rng() * 6);
        for (let k = 1; k <= count; k++) {
          const start = NOW + Math.floor((rng() - 0.7) * 300) * DAY;
          const status = rng() < 0.15 ? 'cancelled' : 'booked';
          meetings.push(meeting(id, k, start, { status, met: start < NOW && rng() < 0.7 }));
        }
        if (rng() < 0.3) evaluations.push(evaluation(id, `${id}-m`, 'mentor'));
        if (rng() < 0.3) evaluations.push(evaluation(id, `${id}-a`, 'aktori'));
        if (rng() < 0.3)
          learnings.push(
            learning(`l${i}`, id, rng() < 0.5 ? 'approved' : 'proposed', NOW - rng() * 50 * DAY),
          );
      }
      return {
        rng,
        pairs,
        meetings,
        evaluations,
        learnings,
        volunteers: volunteersOf(pairs, Math.floor(rng() * 5)),
      };
    }

    it('keeps every count consistent with the rows, the months and the funnel (300 programmes)', () => {
      for (let seed = 1; seed <= 300; seed++) {
        const g = randomProgramme(seed);
        const d = buildDashboard(input(g), new Date(NOW));
        const sum = (f: (r: (typeof d.pairs)[number]) => number) => d.pairs.reduce((s, r) => s + f(r), 0);
        assert.equal(d.pairs.length, g.pairs.length);
        assert.equal(d.figures.pairs.active + d.figures.pairs.concluded, d.figures.pairs.total);
        assert.equal(
          d.figures.meetings.held,
          sum((r) => r.meetingsHeld),
        );
        assert.equal(
          d.figures.meetings.booked,
          sum((r) => r.meetingsBooked),
        );
        const monthly = d.meetingsPerMonth.reduce((s, m) => s + m.held + m.unconfirmed + m.upcoming, 0);
        assert.equal(monthly, d.figures.meetings.booked, `seed ${seed}: months hold every booked meeting`);
        assert.equal(
          d.meetingsPerMonth.reduce((s, m) => s + m.held, 0),
          d.figures.meetings.held,
        );
        const months = d.meetingsPerMonth.map((m) => m.month);
        assert.deepEqual(months, [...months].sort(), 'months in order');
        assert.deepEqual(
          d.funnel.map((f) => f.stage),
          [...FUNNEL_STAGES],
        );
        for (let i = 1; i < d.funnel.length; i++)
          assert.ok(
            (d.funnel[i]?.people ?? 0) <= (d.funnel[i - 1]?.people ?? 0),
            `seed ${seed}: funnel narrows`,
          );
        assert.equal(d.figures.needAttention, d.pairs.filter((r) => r.attention.length > 0).length);
        for (const r of d.pairs) {
          assert.ok(r.meetingsHeld <= r.meetingsBooked && r.meetingsUpcoming <= r.meetingsBooked);
          if (r.stage === 'concluded') assert.deepEqual(r.attention, []);
          if (r.nextMeeting !== undefined) assert.ok(r.nextMeeting > NOW - 3_600_000);
        }
        const groups = {
          all: g.evaluations,
          mentors: g.evaluations.filter((e) => e.role === 'mentor'),
          aktoris: g.evaluations.filter((e) => e.role === 'aktori'),
        };
        // A role's totals also stay hidden while the other role has one or two answers (all minus it).
        const few = (n: number) => n > 0 && n < 3;
        const byRole = !few(groups.mentors.length) && !few(groups.aktoris.length);
        for (const [k, answers] of Object.entries(groups)) {
          const summary = d.evaluations[k as keyof typeof d.evaluations];
          assert.equal(
            summary === undefined,
            answers.length < 3 || (k !== 'all' && !byRole),
            `seed ${seed}: ${k} shown only from 3 answers`,
          );
          if (summary && k !== 'all' && d.evaluations.all) {
            const rest = d.evaluations.all.answers - summary.answers;
            assert.ok(!few(rest), `seed ${seed}: all minus ${k} leaves ${rest} answers`);
          }
        }
        assert.ok(d.learnings.every((l) => g.learnings.find((x) => x.id === l.id)?.status === 'approved'));
      }
    });

    it('does not depend on the order the partitions are read in', () => {
      for (let seed = 1; seed <= 50; seed++) {
        const g = randomProgramme(seed);
        const a = buildDashboard(input(g), new Date(NOW));
        const b = buildDashboard(
          input({
            ...g,
            meetings: shuffle(g.rng, g.meetings),
            volunteers: shuffle(g.rng, g.volunteers),
            learnings: shuffle(g.rng, g.learnings),
          }),
          new Date(NOW),
        );
        assert.deepEqual(b, a);
      }
    });
  });
});
