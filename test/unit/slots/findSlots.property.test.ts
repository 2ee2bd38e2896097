/**
 * Hundreds of seeded random calendars, zones with DST changes in the window,
 * half-hour and 45-minute offsets, odd working hours, overlapping and
 * zero-length busy items. Every returned slot is checked against the oracle
 * in support.ts; on smaller cases the whole set of feasible starts is
 * compared with one found by brute force.
 */
import assert from 'node:assert/strict';
import { commonFreeTime, findSlots } from '../../../bot/src/domain/slots/findSlots';
import type { Interval, MemberCalendar, SlotQuery, Weekday } from '../../../bot/src/domain/slots/slotTypes';
import { WEEKDAYS } from '../../../bot/src/domain/slots/slotTypes';
import { DAY, dateIn, int, MIN, pick, prng, type Rng, wall, whyNot } from './support';

const ZONES = [
  'Europe/Helsinki',
  'Europe/Stockholm',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
];
/** Members of a group mostly live near each other, as colleagues do; sometimes not at all. */
const NEIGHBOURS = [
  ['Europe/Helsinki', 'Europe/Stockholm', 'Europe/London', 'UTC'],
  ['America/New_York', 'America/St_Johns', 'Europe/London'],
  ['Asia/Kolkata', 'Asia/Kathmandu'],
  ['Australia/Lord_Howe', 'Pacific/Chatham'],
];
/** Around DST changes: EU March/October 2027, US March 2027, Lord Howe and Chatham April/October 2027. */
const ANCHORS = [
  '2027-03-26',
  '2027-10-29',
  '2027-03-12',
  '2027-04-02',
  '2027-10-01',
  '2027-09-24',
  '2027-06-15',
];

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function randomMember(rng: Rng, id: string, window: Interval, near: readonly string[]): MemberCalendar {
  const zone = rng() < 0.85 ? pick(rng, near) : pick(rng, ZONES);
  // Mostly office-like days; one in five anywhere in the day, some ending at odd minutes.
  const start = rng() < 0.8 ? int(rng, 6 * 4, 10 * 4) * 15 : int(rng, 0, 14 * 4) * 15;
  const end = Math.min(
    23 * 60 + 59,
    start + int(rng, 4 * 4, 10 * 4) * 15 + (rng() < 0.1 ? int(rng, 1, 14) : 0),
  );
  const days = WEEKDAYS.filter(() => rng() < 0.8) as Weekday[];
  const busy: Interval[] = [];
  const span = window.end - window.start + 2 * DAY;
  const items = int(rng, 0, Math.ceil((6 * span) / DAY));
  for (let i = 0; i < items; i++) {
    const s = window.start - DAY + Math.floor((rng() * span) / MIN) * MIN;
    const len = rng() < 0.05 ? 0 : rng() < 0.02 ? int(rng, 1, 2) * DAY : int(rng, 1, 12) * 15 * MIN;
    busy.push({ start: s, end: s + len });
  }
  return {
    memberId: id,
    timeZone: zone,
    workingHours: {
      daysOfWeek: days,
      startTime: clock(start),
      endTime: clock(end),
      timeZone: rng() < 0.85 ? zone : pick(rng, ZONES),
    },
    busy,
  };
}

function randomQuery(rng: Rng, maxDays: number): SlotQuery {
  const anchor = Date.parse(`${pick(rng, ANCHORS)}T00:00:00Z`);
  const start = anchor + int(rng, -3 * 24, 3 * 24) * 60 * MIN + (rng() < 0.3 ? int(rng, 0, 59) * MIN : 0);
  const window = { start, end: start + int(rng, 18, maxDays * 24) * 60 * MIN };
  const near = pick(rng, NEIGHBOURS);
  const members = Array.from({ length: rng() < 0.8 ? 2 : int(rng, 3, 4) }, (_, i) =>
    randomMember(rng, `m${i}`, window, near),
  );
  const lunchStart = int(rng, 10 * 4, 13 * 4) * 15;
  return {
    members,
    durationMinutes: rng() < 0.5 ? 45 : 60,
    window,
    now: window.start + int(rng, -4 * 24, 1 * 24) * 60 * MIN,
    ...(rng() < 0.7 ? { minLeadMinutes: int(rng, 0, 48) * 30 } : {}),
    ...(rng() < 0.5 ? { target: window.start + Math.floor(rng() * (window.end - window.start)) } : {}),
    ...(rng() < 0.3
      ? { avoidLunch: false as const }
      : rng() < 0.3
        ? { avoidLunch: { start: clock(lunchStart), end: clock(lunchStart + 60) } }
        : {}),
    ...(rng() < 0.5 ? { stepMinutes: pick(rng, [5, 10, 15, 20, 30, 60]) } : {}),
    ...(rng() < 0.7 ? { count: int(rng, 1, 6) } : {}),
    ...(rng() < 0.5 ? { spreadDays: rng() < 0.5 } : {}),
    ...(rng() < 0.2 ? { dayTimeZone: pick(rng, ZONES) } : {}),
  };
}

function checkSlots(q: SlotQuery, seed: number): ReturnType<typeof findSlots> {
  const slots = findSlots(q);
  const dayZone = q.dayTimeZone ?? q.members[0]?.timeZone ?? 'UTC';
  const step = q.stepMinutes ?? 15;
  assert.ok(slots.length <= (q.count ?? 3), `seed ${seed}: too many`);
  for (const s of slots) {
    assert.equal(whyNot(q, s), undefined, `seed ${seed}: ${new Date(s.start).toISOString()}`);
    assert.equal(wall(dayZone, s.start).minute % step, 0, `seed ${seed}: off the grid`);
  }
  for (let i = 1; i < slots.length; i++) {
    const a = slots[i - 1] as (typeof slots)[number];
    const b = slots[i] as (typeof slots)[number];
    assert.ok(a.score > b.score || (a.score === b.score && a.start < b.start), `seed ${seed}: order`);
  }
  if (q.spreadDays ?? true) {
    const dates = slots.map((s) => dateIn(dayZone, s.start));
    assert.equal(new Set(dates).size, dates.length, `seed ${seed}: two on one day`);
  } else {
    for (const a of slots)
      for (const b of slots)
        assert.ok(a === b || a.end <= b.start || b.end <= a.start, `seed ${seed}: overlap`);
  }
  return slots;
}

/** Every start on the step grid of the day zone's clock that the oracle allows. */
function bruteForceStarts(q: SlotQuery): number[] {
  const dayZone = q.dayTimeZone ?? q.members[0]?.timeZone ?? 'UTC';
  const step = q.stepMinutes ?? 15;
  const dur = q.durationMinutes * MIN;
  const out: number[] = [];
  const five = 5 * MIN;
  for (let t = Math.ceil(q.window.start / five) * five; t + dur <= q.window.end; t += five) {
    if (wall(dayZone, t).minute % step !== 0) continue;
    if (whyNot(q, { start: t, end: t + dur }) === undefined) out.push(t);
  }
  return out;
}

/** The same set from the finder's free time. */
function finderStarts(q: SlotQuery): number[] {
  const dayZone = q.dayTimeZone ?? q.members[0]?.timeZone ?? 'UTC';
  const step = q.stepMinutes ?? 15;
  const dur = q.durationMinutes * MIN;
  const out: number[] = [];
  for (const f of commonFreeTime(q)) {
    for (let t = Math.ceil(f.start / (5 * MIN)) * 5 * MIN; t + dur <= f.end; t += 5 * MIN)
      if (wall(dayZone, t).minute % step === 0) out.push(t);
  }
  return out;
}

describe('findSlots: properties over random calendars', () => {
  it('returns only allowed slots, on the grid, ordered, spread or non-overlapping (600 calendars)', function () {
    this.timeout(60_000);
    let nonEmpty = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const q = randomQuery(prng(seed), 14);
      if (checkSlots(q, seed).length > 0) nonEmpty++;
    }
    assert.ok(nonEmpty > 200, `only ${nonEmpty} calendars had any slot: the generator is too harsh`);
  });

  it('finds exactly the feasible starts a brute-force scan finds (150 calendars)', function () {
    this.timeout(120_000);
    let compared = 0;
    for (let seed = 10_001; seed <= 10_150; seed++) {
      const drawn = randomQuery(prng(seed), 7);
      // Mostly searched from well before the window, so there is plenty to compare; a third keep their "now".
      const q = seed % 3 === 0 ? drawn : { ...drawn, now: drawn.window.start - 3 * DAY };
      const expected = bruteForceStarts(q);
      assert.deepEqual(finderStarts(q), expected, `seed ${seed}`);
      compared += expected.length;
      // Nothing feasible is missed by the ranking either: with spreadDays, a short answer means no other day had room.
      const slots = checkSlots({ ...q, count: 20, spreadDays: true }, seed);
      const dayZone = q.dayTimeZone ?? q.members[0]?.timeZone ?? 'UTC';
      assert.equal(slots.length, new Set(expected.map((t) => dateIn(dayZone, t))).size, `seed ${seed}: days`);
    }
    if (process.env.SLOTS_STATS) console.log(`compared ${compared} feasible starts`);
    assert.ok(compared > 1000, `only ${compared} feasible starts compared`);
  });
});
