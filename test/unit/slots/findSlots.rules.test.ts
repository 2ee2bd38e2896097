import assert from 'node:assert/strict';
import { findSlots } from '../../../bot/src/domain/slots/findSlots';
import type { Interval } from '../../../bot/src/domain/slots/slotTypes';
import { days, HEL, query, STO, show } from './fixtures';
import { at, DAY, dateIn, HOUR, MIN, member, prng, shuffle, wall } from './support';

describe('findSlots: time rules', () => {
  it('returns [] when a member is busy all the time', () => {
    const w = days('2027-03-15', '2027-03-19');
    const q = query({
      members: [member('a', HEL, [{ start: w.start - DAY, end: w.end + DAY }]), member('b', HEL)],
    });
    assert.deepEqual(findSlots(q), []);
  });

  it('returns [] when the pair is never free at the same time', () => {
    const w = days('2027-03-15', '2027-03-19');
    const am: Interval[] = [];
    const pm: Interval[] = [];
    for (let t = w.start; t < w.end; t += DAY) {
      const date = dateIn(HEL, t);
      am.push({ start: at(HEL, date, '00:00'), end: at(HEL, date, '12:00') });
      pm.push({ start: at(HEL, date, '12:00'), end: at(HEL, date, '23:59') });
    }
    assert.deepEqual(findSlots(query({ members: [member('a', HEL, am), member('b', HEL, pm)] })), []);
  });

  it('never starts before now + the lead (12 h by default)', () => {
    const now = at(HEL, '2027-03-16', '10:00');
    for (const minLeadMinutes of [undefined, 0, 60, 24 * 60]) {
      const q = query({ now, minLeadMinutes, spreadDays: false, count: 20 });
      const slots = findSlots(q);
      assert.ok(slots.length > 0);
      for (const s of slots) assert.ok(s.start >= now + (minLeadMinutes ?? 720) * MIN);
    }
    const zero = findSlots(query({ now, minLeadMinutes: 0, spreadDays: false, count: 20 }));
    assert.ok(
      zero.some((s) => s.start === now),
      'a slot may start exactly at now + lead',
    );
    assert.deepEqual(findSlots(query({ now: at(HEL, '2027-03-19', '10:00') })), []);
  });

  it('avoids lunch in each member’s zone, unless told not to', () => {
    const q = query({ members: [member('a', HEL), member('b', STO)], spreadDays: false, count: 20 });
    const overLunch = (s: Interval) => {
      const h = wall(HEL, s.start).minute;
      return h < 13.5 * 60 && h + 60 > 11 * 60;
    };
    assert.ok(findSlots(q).every((s) => !overLunch(s)));
    const window = days('2027-03-16', '2027-03-16');
    const busyOutsideLunch = [
      { start: at(HEL, '2027-03-16', '00:00'), end: at(HEL, '2027-03-16', '11:00') },
      { start: at(HEL, '2027-03-16', '12:00'), end: at(HEL, '2027-03-16', '23:00') },
    ];
    const lunchOnly = query({ members: [member('a', HEL, busyOutsideLunch), member('b', STO)], window });
    assert.deepEqual(findSlots(lunchOnly), []);
    assert.deepEqual(show(HEL, findSlots({ ...lunchOnly, avoidLunch: false })), ['2027-03-16 11:00–12:00']);
    const earlyLunch = { ...lunchOnly, avoidLunch: { start: '10:00', end: '10:30' } };
    assert.deepEqual(findSlots(earlyLunch), [], '11:00 Helsinki is 10:00 in Stockholm: lunch there');
  });

  it('keeps to the window', () => {
    const window = { start: at(HEL, '2027-03-16', '10:30'), end: at(HEL, '2027-03-16', '14:30') };
    const q = query({ window, spreadDays: false, count: 20 });
    const slots = findSlots(q);
    assert.ok(slots.length > 0);
    for (const s of slots) assert.ok(s.start >= window.start && s.end <= window.end);
  });
});

describe('findSlots: ranking', () => {
  it('puts the results on different days by default, and may share a day without overlapping otherwise', () => {
    const spread = findSlots(query({ count: 5 }));
    assert.equal(spread.length, 5);
    assert.equal(new Set(spread.map((s) => dateIn(HEL, s.start))).size, 5);
    const oneDay = findSlots(query({ window: days('2027-03-16', '2027-03-16'), count: 3 }));
    assert.equal(oneDay.length, 1, 'fewer slots rather than two on one day');
    const packed = findSlots(
      query({ window: days('2027-03-16', '2027-03-16'), count: 3, spreadDays: false }),
    );
    assert.equal(packed.length, 3);
    for (const a of packed)
      for (const b of packed) assert.ok(a === b || a.end <= b.start || b.end <= a.start);
  });

  it('prefers the target day, then mid-morning, and returns best first', () => {
    const target = at(HEL, '2027-03-17', '10:00');
    const slots = findSlots(query({ target }));
    assert.equal(slots[0]?.start, target);
    assert.ok(slots[0]?.reasons.includes('near-target'));
    assert.ok(slots[0]?.reasons.includes('mid-morning'));
    for (let i = 1; i < slots.length; i++) assert.ok((slots[i - 1]?.score ?? 0) >= (slots[i]?.score ?? 0));
  });

  it('prefers a slot with room around it over a back-to-back one', () => {
    const day = '2027-03-17';
    const busy = [
      { start: at(HEL, day, '08:00'), end: at(HEL, day, '09:00') },
      { start: at(HEL, day, '10:00'), end: at(HEL, day, '10:30') },
    ];
    // 09:00–10:00 is squeezed between two meetings; 13:30 has an hour free either side.
    const [best] = findSlots(
      query({ members: [member('a', HEL, busy), member('b', HEL)], window: days(day, day) }),
    );
    assert.ok(best?.reasons.includes('buffered'));
    assert.notEqual(wall(HEL, best?.start ?? 0).hhmm, '09:00');
  });

  it('measures buffers on both sides, against meetings outside the window too', () => {
    const day = '2027-03-17';
    const busy = [
      { start: at(HEL, day, '09:00'), end: at(HEL, day, '10:00') },
      { start: at(HEL, day, '12:00'), end: at(HEL, day, '12:30') },
    ];
    // A window exactly one meeting long, so the slot is forced and the meetings around it lie outside.
    const only = (hhmm: string) => {
      const start = at(HEL, day, hhmm);
      const q = query({
        members: [member('a', HEL), member('b', HEL, busy)],
        window: { start, end: start + HOUR },
        avoidLunch: false,
      });
      const [slot] = findSlots(q);
      assert.equal(slot?.start, start);
      return slot?.reasons.includes('buffered');
    };
    assert.equal(only('10:00'), false, 'right after the 09:00 meeting');
    assert.equal(only('11:00'), false, 'right before the 12:00 meeting');
    assert.equal(only('13:30'), true);
  });

  it('breaks ties by the earlier start', () => {
    // Without a target or busy time, 09:00–10:30 starts all score the same: each day offers its 09:00.
    const slots = findSlots(query({ count: 3 }));
    assert.deepEqual(
      slots.map((s) => wall(HEL, s.start).hhmm),
      ['09:00', '09:00', '09:00'],
    );
    assert.deepEqual(
      slots.map((s) => wall(HEL, s.start).weekday),
      ['tuesday', 'wednesday', 'thursday'],
    );
  });

  it('avoids Monday mornings and Friday afternoons when nothing else differs', () => {
    const slots = findSlots(query({ count: 5 }));
    for (const s of slots) {
      const w = wall(HEL, s.start);
      assert.ok(!(w.weekday === 'monday' && w.minute < 720));
      assert.ok(!(w.weekday === 'friday' && w.minute >= 720));
    }
  });

  it('gives the same answer for any order of the busy items', () => {
    const rng = prng(7);
    const w = days('2027-03-15', '2027-03-26');
    const busy = Array.from({ length: 60 }, () => {
      const start = w.start + Math.floor((rng() * (w.end - w.start)) / (5 * MIN)) * 5 * MIN;
      return { start, end: start + (15 + Math.floor(rng() * 8) * 15) * MIN };
    });
    const base = query({ members: [member('a', HEL, busy), member('b', STO, busy.slice(0, 20))], window: w });
    const expected = findSlots({ ...base, target: at(HEL, '2027-03-20', '12:00') });
    assert.equal(expected.length, 3);
    for (let run = 0; run < 20; run++) {
      const shuffled = base.members.map((m) => ({ ...m, busy: shuffle(rng, m.busy) }));
      assert.deepEqual(
        findSlots({ ...base, members: shuffled, target: at(HEL, '2027-03-20', '12:00') }),
        expected,
      );
    }
  });
});
