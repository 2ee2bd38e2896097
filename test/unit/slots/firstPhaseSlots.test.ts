import assert from 'node:assert/strict';
import { ValidationError } from '../../../bot/src/domain/errors';
import type { CadenceWeeks } from '../../../bot/src/domain/programme/vocabulary';
import { firstPhaseSlots } from '../../../bot/src/domain/slots/firstPhaseSlots';
import type { Interval, SlotQuery } from '../../../bot/src/domain/slots/slotTypes';
import { at, DAY, member, prng, shuffle, wall, whyNot } from './support';

const HEL = 'Europe/Helsinki';
const STO = 'Europe/Stockholm';

/** ISO week of a Helsinki date, as the date of its Monday. */
function weekOf(epoch: number): string {
  const date = wall(HEL, epoch).date;
  const d = Date.parse(`${date}T00:00:00Z`);
  const back = (new Date(d).getUTCDay() + 6) % 7;
  return new Date(d - back * DAY).toISOString().slice(0, 10);
}

const target = at(HEL, '2027-03-17', '10:00'); // a Wednesday, 11 days before the clocks change
const around = (t: number, days: number): Interval => ({ start: t - days * DAY, end: t + days * DAY });

function query(over: Partial<SlotQuery> = {}): SlotQuery {
  return {
    members: [member('mentor', HEL), member('aktori', STO)],
    durationMinutes: 60,
    window: around(target, 3),
    target,
    now: Date.UTC(2027, 0, 1),
    ...over,
  };
}

describe('firstPhaseSlots', () => {
  it('books one meeting per cadence step, at the same local time across the DST change', () => {
    const phase = firstPhaseSlots(query(), 3, 4);
    assert.deepEqual(
      phase.map((p) => p.slot && `${wall(HEL, p.slot.start).date} ${wall(HEL, p.slot.start).hhmm}`),
      ['2027-03-17 10:00', '2027-04-14 10:00', '2027-05-12 10:00'],
    );
    assert.deepEqual(
      phase.map((p) => p.step),
      [0, 1, 2],
    );
    assert.equal(phase[1]?.target, at(HEL, '2027-04-14', '10:00'));
  });

  it('never puts two meetings in the same week, even when the windows overlap', () => {
    // Free only in the week after the target and the week three weeks after it.
    const w1 = at(HEL, '2027-03-22', '00:00');
    const w3 = at(HEL, '2027-04-05', '00:00');
    const busy = [
      { start: target - 30 * DAY, end: w1 },
      { start: w1 + 5 * DAY, end: w3 },
      { start: w3 + 5 * DAY, end: target + 90 * DAY },
    ];
    const q = query({
      members: [member('mentor', HEL, busy), member('aktori', STO)],
      window: around(target, 10),
    });
    const phase = firstPhaseSlots(q, 3, 2);
    assert.equal(weekOf(phase[0]?.slot?.start ?? 0), '2027-03-22');
    assert.equal(weekOf(phase[1]?.slot?.start ?? 0), '2027-04-05', 'the week step 0 took is not reused');
    assert.equal(phase[2]?.slot, null, 'no free week left for step 2: null, not a double booking');
  });

  it('keeps one per step in different weeks for random calendars, every slot allowed', () => {
    const rng = prng(99);
    for (let run = 0; run < 100; run++) {
      const busy = Array.from({ length: 150 }, () => {
        const s = target - 5 * DAY + Math.floor(rng() * 100 * DAY);
        return { start: s, end: s + (1 + Math.floor(rng() * 8)) * 15 * 60_000 };
      });
      const cadence = ([2, 3, 4, 6] as const)[run % 4] as CadenceWeeks;
      const q = query({
        members: [member('mentor', HEL, busy.slice(0, 75)), member('aktori', STO, busy.slice(75))],
        window: around(target, 1 + (run % 9)),
      });
      const phase = firstPhaseSlots(q, 4, cadence);
      assert.equal(phase.length, 4);
      const found = phase.flatMap((p) => (p.slot ? [p.slot] : []));
      assert.equal(new Set(found.map((s) => weekOf(s.start))).size, found.length, `run ${run}: same week`);
      for (const p of phase) {
        if (p.slot === null) continue;
        const stepWindow = around(p.target ?? 0, 1 + (run % 9));
        assert.equal(
          whyNot({ ...q, window: { start: stepWindow.start - DAY, end: stepWindow.end + DAY } }, p.slot),
          undefined,
        );
        assert.ok(
          Math.abs(p.slot.start - (p.target ?? 0)) <= (2 + (run % 9)) * DAY,
          `run ${run}: far from target`,
        );
      }
      const again = firstPhaseSlots(
        { ...q, members: q.members.map((m) => ({ ...m, busy: shuffle(rng, m.busy) })) },
        4,
        cadence,
      );
      assert.deepEqual(again, phase, `run ${run}: deterministic`);
    }
  });

  it('without a target, keeps the rhythm of the first slot found', () => {
    const { target: _, ...rest } = query();
    const phase = firstPhaseSlots(rest, 3, 2);
    const first = phase[0]?.slot?.start ?? 0;
    assert.equal(phase[0]?.target, undefined);
    assert.equal(phase[1]?.target, at(HEL, wall(HEL, first + 14 * DAY).date, wall(HEL, first).hhmm));
  });

  it('refuses a bad number of meetings or cadence', () => {
    const is = (fieldName: string) => (err: unknown) =>
      err instanceof ValidationError && err.violation?.field === fieldName;
    assert.throws(() => firstPhaseSlots(query(), 0, 4), is('meetings'));
    assert.throws(() => firstPhaseSlots(query(), 3, 5 as CadenceWeeks), is('cadenceWeeks'));
    assert.throws(() => firstPhaseSlots(query({ durationMinutes: 90 as 60 }), 3, 4), is('durationMinutes'));
  });
});
