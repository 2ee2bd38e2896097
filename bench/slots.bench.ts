/**
 * How fast the slot finder is on the product's benchmark case — two
 * calendars of 90 days with 500 busy items each, find 3 slots (goal: under
 * 5 ms) — and on a few larger ones: `npx tsx bench/slots.bench.ts`. Prints a
 * table; `runSlotsBench()` returns the same figures for an aggregate bench.
 *
 * The baseline is what a hand-rolled finder usually does: a minute-by-minute
 * bitmap of the window, each minute's wall clock asked of Intl for every
 * member, busy items painted minute by minute, then every grid start checked
 * minute by minute. It only finds the feasible starts (no ranking), so the
 * ratio flatters it. Before timing, its feasible starts are compared with the
 * finder's, so the two are known to answer the same question.
 */
import { commonFreeTime, findSlots } from '../bot/src/domain/slots/findSlots';
import { firstPhaseSlots } from '../bot/src/domain/slots/firstPhaseSlots';
import type { Interval, MemberCalendar, SlotQuery, Weekday } from '../bot/src/domain/slots/slotTypes';
import { clearTimeZoneCache } from '../bot/src/domain/slots/timeZones';
import { prng } from '../test/support/prng';

const RUNS = 21;
/** Enough calls for V8 to optimise the hot loops; the first call is reported separately. */
const WARMUP = 50;
const BASELINE_RUNS = 5;
const MIN = 60_000;
const DAY = 86_400_000;
const WORKDAYS: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** 2027-03-01 00:00 Helsinki: the 90 days cross the March DST change. */
const START = Date.UTC(2027, 1, 28, 22);

/**
 * A busy person's calendar: items mostly on working days between 07:00 and
 * 18:00 UTC+2-ish, 15–90 minutes, on a 15-minute grid with some at odd
 * minutes, overlapping freely; one in ten anywhere (evenings, weekends,
 * outside the window).
 */
function calendar(seed: number, id: string, zone: string, days: number, items: number): MemberCalendar {
  const rng = prng(seed);
  const busy: Interval[] = [];
  for (let i = 0; i < items; i++) {
    let start: number;
    if (rng() < 0.1) start = START - 2 * DAY + Math.floor(rng() * (days + 4) * 96) * 15 * MIN;
    else {
      let day = Math.floor(rng() * days);
      while ((day + 1) % 7 >= 6) day = Math.floor(rng() * days); // 2027-03-01 is a Monday: skip weekends
      start = START + day * DAY + (5 + Math.floor(rng() * 44)) * 15 * MIN + (rng() < 0.1 ? 7 * MIN : 0);
    }
    busy.push({ start, end: start + (1 + Math.floor(rng() * 6)) * 15 * MIN });
  }
  return {
    memberId: id,
    timeZone: zone,
    workingHours: { daysOfWeek: WORKDAYS, startTime: '08:00', endTime: '16:00', timeZone: zone },
    busy,
  };
}

function benchQuery(members: number, days: number, items: number): SlotQuery {
  const zones = ['Europe/Helsinki', 'Europe/Stockholm', 'Europe/Helsinki', 'Europe/London'];
  return {
    members: Array.from({ length: members }, (_, i) =>
      calendar(7919 * (i + 1) + days, `m${i}`, zones[i % zones.length] as string, days, items),
    ),
    durationMinutes: 60,
    window: { start: START, end: START + days * DAY },
    target: START + 45 * DAY + 8 * 3_600_000,
    now: START - DAY,
  };
}

// ---- the baseline -------------------------------------------------------

const formats = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string, t: number): { weekday: string; minute: number } {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(zone, f);
  }
  const [weekday = '', time = ''] = f.format(t).split(' ');
  return { weekday: weekday.toLowerCase(), minute: Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) };
}

const clock = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Feasible starts, minute by minute: the naive finder. */
export function naiveStarts(q: SlotQuery): number[] {
  const step = q.stepMinutes ?? 15;
  const minutes = Math.floor((q.window.end - q.window.start) / MIN);
  const earliest = q.now + (q.minLeadMinutes ?? 720) * MIN;
  const ok = new Uint8Array(minutes).fill(1);
  const onGrid = new Uint8Array(minutes);
  const lunch = q.avoidLunch === false ? undefined : (q.avoidLunch ?? { start: '11:00', end: '12:30' });
  q.members.forEach((m, k) => {
    const wh = m.workingHours;
    const ws = clock(wh.startTime);
    const we = clock(wh.endTime);
    for (let i = 0; i < minutes; i++) {
      const t = q.window.start + i * MIN;
      if (t < earliest) ok[i] = 0;
      const w = wallClock(wh.timeZone, t);
      if (k === 0 && w.minute % step === 0) onGrid[i] = 1;
      if (!wh.daysOfWeek.includes(w.weekday as Weekday) || w.minute < ws || w.minute >= we) ok[i] = 0;
      if (lunch) {
        const l = m.timeZone === wh.timeZone ? w : wallClock(m.timeZone, t);
        if (l.minute >= clock(lunch.start) && l.minute < clock(lunch.end)) ok[i] = 0;
      }
    }
    for (const b of m.busy) {
      const from = Math.max(0, Math.floor((b.start - q.window.start) / MIN));
      const to = Math.min(minutes, Math.ceil((b.end - q.window.start) / MIN));
      for (let i = from; i < to; i++) ok[i] = 0;
    }
  });
  const starts: number[] = [];
  for (let i = 0; i + q.durationMinutes <= minutes; i++) {
    if (!onGrid[i]) continue;
    let free = true;
    for (let j = i; j < i + q.durationMinutes && free; j++) free = ok[j] === 1;
    if (free) starts.push(q.window.start + i * MIN);
  }
  return starts;
}

/** The finder's feasible starts, for the cross-check. */
function finderStarts(q: SlotQuery): number[] {
  const out: number[] = [];
  const step = (q.stepMinutes ?? 15) * MIN;
  const dur = q.durationMinutes * MIN;
  const zone = q.members[0]?.timeZone ?? 'UTC';
  for (const f of commonFreeTime(q))
    for (let t = Math.ceil(f.start / (5 * MIN)) * 5 * MIN; t + dur <= f.end; t += 5 * MIN)
      if ((wallClock(zone, t).minute * MIN) % step === 0) out.push(t);
  return out;
}

// ---- timing ---------------------------------------------------------------

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(runs: number, warmup: number, fn: () => unknown, before?: () => void): number {
  for (let i = 0; i < warmup; i++) {
    before?.();
    fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

const round = (ms: number, digits = 3): number => Math.round(ms * 10 ** digits) / 10 ** digits;

interface Row {
  readonly case: string;
  readonly medianMs: number;
  readonly slots: number;
  readonly note?: string;
}

export async function runSlotsBench(): Promise<Record<string, unknown>> {
  const main = benchQuery(2, 90, 500);
  // A bot calls the finder now and then, not in a loop: the first call (unoptimised code, empty offset cache)
  // is the latency a person may actually see.
  clearTimeZoneCache();
  const firstStarted = performance.now();
  findSlots(main);
  const firstCallMs = performance.now() - firstStarted;
  const feasible = finderStarts(main);
  const naive = naiveStarts(main);
  const agree = naive.length === feasible.length && naive.every((t, i) => t === feasible[i]);
  if (!agree) throw new Error(`baseline and finder disagree: ${naive.length} vs ${feasible.length} starts`);

  const rows: Row[] = [];
  const slots = findSlots(main);
  const warm = time(RUNS, WARMUP, () => findSlots(main));
  rows.push({ case: 'pair 90 d × 500 busy, 3 slots', medianMs: round(warm), slots: slots.length });
  const cold = time(RUNS, WARMUP, () => findSlots(main), clearTimeZoneCache);
  rows.push({
    case: '  same, cold zone cache',
    medianMs: round(cold),
    slots: slots.length,
    note: 'offsets recomputed',
  });
  const noSpread = { ...main, spreadDays: false, count: 10 };
  rows.push({
    case: '  same, 10 slots, no spread',
    medianMs: round(time(RUNS, WARMUP, () => findSlots(noSpread))),
    slots: findSlots(noSpread).length,
  });
  const group = benchQuery(4, 90, 500);
  rows.push({
    case: 'group of 4, 90 d × 500 busy',
    medianMs: round(time(RUNS, WARMUP, () => findSlots(group))),
    slots: findSlots(group).length,
  });
  const year = benchQuery(2, 365, 2000);
  rows.push({
    case: 'pair 365 d × 2000 busy',
    medianMs: round(time(RUNS, WARMUP, () => findSlots(year))),
    slots: findSlots(year).length,
  });
  const phaseQuery = { ...main, window: { start: START, end: START + 14 * DAY }, target: START + 7 * DAY };
  rows.push({
    case: 'first phase, 3 × 4 weeks',
    medianMs: round(time(RUNS, WARMUP, () => firstPhaseSlots(phaseQuery, 3, 4))),
    slots: firstPhaseSlots(phaseQuery, 3, 4).filter((p) => p.slot !== null).length,
  });

  const baseline = time(BASELINE_RUNS, 1, () => naiveStarts(main));
  return {
    runsPerCase: RUNS,
    warmupRuns: WARMUP,
    goalMs: 5,
    firstCallMs: round(firstCallMs, 2),
    cases: rows,
    baseline: {
      case: 'minute-by-minute scanner, pair 90 d × 500 busy (feasible starts only, no ranking)',
      runs: BASELINE_RUNS,
      medianMs: round(baseline, 1),
      feasibleStarts: feasible.length,
      agreesWithFinder: agree,
      ratio: Math.round(baseline / warm),
      ratioCold: Math.round(baseline / cold),
    },
  };
}

export function printTable(figures: Record<string, unknown>): void {
  const out = process.stdout;
  out.write(
    `median of ${figures.runsPerCase} runs after ${figures.warmupRuns} warm-up runs (goal ${figures.goalMs} ms)\n`,
  );
  out.write(`first call in this process (cold JIT, cold zone cache): ${figures.firstCallMs} ms\n`);
  out.write('case                                 median ms   slots\n');
  for (const r of figures.cases as Row[]) {
    out.write(`${r.case.padEnd(36)}${String(r.medianMs).padStart(10)}${String(r.slots).padStart(8)}\n`);
  }
  const b = figures.baseline as Record<string, unknown>;
  out.write(
    `baseline: ${b.case}: ${b.medianMs} ms (median of ${b.runs}); ` +
      `${b.feasibleStarts} feasible starts, same as the finder's: ${b.agreesWithFinder}\n` +
      `finder is ${b.ratio}× faster warm, ${b.ratioCold}× cold\n`,
  );
}

if (require.main === module) {
  runSlotsBench().then(printTable, (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  });
}
