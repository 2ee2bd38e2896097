import assert from 'node:assert/strict';
import { commonFreeTime, findSlots } from '../../../bot/src/domain/slots/findSlots';
import type { SlotQuery } from '../../../bot/src/domain/slots/slotTypes';
import { days, HEL, LON, NYC, query, STO, show } from './fixtures';
import { at, DAY, HOUR, member, wall, whyNot } from './support';

describe('findSlots: working hours and zones', () => {
  it('allows a 60-minute slot ending exactly at 16:00 and nothing later', () => {
    const day = '2027-03-16';
    const busyUntil = (hhmm: string) => [{ start: at(HEL, day, '00:00'), end: at(HEL, day, hhmm) }];
    const q = (hhmm: string) =>
      query({
        members: [member('a', HEL, busyUntil(hhmm)), member('b', HEL)],
        window: days(day, day),
        spreadDays: false,
        count: 5,
      });
    const slots = findSlots(q('15:00'));
    assert.deepEqual(show(HEL, slots), ['2027-03-16 15:00–16:00']);
    assert.deepEqual(findSlots(q('15:15')), [], '15:15–16:15 runs past working hours');
    assert.deepEqual(findSlots(q('15:01')), [], 'the next grid start, 15:15, does not fit');
  });

  it('starts on the step grid after a block ending at an odd minute', () => {
    const day = '2027-03-16';
    const q = query({
      members: [
        member('a', HEL, [
          { start: at(HEL, day, '00:00'), end: at(HEL, day, '09:07') },
          { start: at(HEL, day, '10:07'), end: at(HEL, day, '23:00') },
        ]),
        member('b', HEL),
      ],
      window: days(day, day),
      durationMinutes: 45,
      avoidLunch: false,
      spreadDays: false,
      count: 20,
    });
    // 09:07–10:07 is free; of the 15-minute grid only 09:15–10:00 fits in it.
    assert.deepEqual(show(HEL, findSlots(q)), ['2027-03-16 09:15–10:00']);
  });

  it('finds the 09:00–16:00 (Helsinki) overlap of a Helsinki and a Stockholm member working 08–16', () => {
    const q = query({
      members: [member('a', HEL), member('b', STO)],
      window: days('2027-03-16', '2027-03-16'),
    });
    assert.deepEqual(show(HEL, commonFreeTime({ ...q, avoidLunch: false })), ['2027-03-16 09:00–16:00']);
    // Lunch is kept in each member's zone: 11:00–12:30 Helsinki and 11:00–12:30 Stockholm (12:00–13:30 Helsinki).
    assert.deepEqual(show(HEL, commonFreeTime(q)), ['2027-03-16 09:00–11:00', '2027-03-16 13:30–16:00']);
    for (const s of findSlots({ ...q, spreadDays: false, count: 20 })) assert.equal(whyNot(q, s), undefined);
  });

  it('finds the 10:00–16:00 (Helsinki) overlap of a Helsinki and a London member working 08–16', () => {
    const q = query({
      members: [member('a', HEL), member('b', LON)],
      window: days('2027-03-16', '2027-03-16'),
      avoidLunch: false,
    });
    assert.deepEqual(show(HEL, commonFreeTime(q)), ['2027-03-16 10:00–16:00']);
    assert.deepEqual(show(LON, commonFreeTime(q)), ['2027-03-16 08:00–14:00']);
  });

  it('keeps working hours in the working-hours zone when it differs from the mailbox zone', () => {
    const q = query({
      members: [member('a', HEL, [], { workZone: STO }), member('b', HEL)],
      window: days('2027-03-16', '2027-03-16'),
      avoidLunch: false,
    });
    assert.deepEqual(show(HEL, commonFreeTime(q)), ['2027-03-16 09:00–16:00']);
  });

  it('respects each member’s working days', () => {
    const q = query({
      members: [member('a', HEL, [], { days: ['tuesday', 'thursday'] }), member('b', HEL)],
      spreadDays: true,
      count: 5,
    });
    const weekdays = findSlots(q).map((s) => wall(HEL, s.start).weekday);
    assert.deepEqual([...new Set(weekdays)].sort(), ['thursday', 'tuesday']);
  });

  it('accepts Graph’s "08:00:00.0000000" times', () => {
    const q = query({
      members: [
        member('a', HEL, [], { start: '08:00:00.0000000', end: '16:00:00.0000000' }),
        member('b', HEL),
      ],
      window: days('2027-03-16', '2027-03-16'),
      avoidLunch: false,
    });
    assert.deepEqual(show(HEL, commonFreeTime(q)), ['2027-03-16 08:00–16:00']);
  });
});

describe('findSlots: daylight-saving changes', () => {
  const localDays = (q: SlotQuery) => show(HEL, commonFreeTime({ ...q, avoidLunch: false }));

  it('keeps 08:00–16:00 Helsinki time, eight hours, around 2027-03-28', () => {
    const q = query({ window: days('2027-03-26', '2027-03-29') });
    const free = commonFreeTime({ ...q, avoidLunch: false });
    assert.deepEqual(localDays(q), ['2027-03-26 08:00–16:00', '2027-03-29 08:00–16:00']);
    for (const f of free) assert.equal(f.end - f.start, 8 * HOUR);
    // The instants moved by an hour; the wall clock did not.
    assert.equal((free[1]?.start ?? 0) - (free[0]?.start ?? 0), 3 * DAY - HOUR);
    const monday = findSlots({
      ...q,
      window: days('2027-03-29', '2027-03-29'),
      spreadDays: false,
      count: 20,
    });
    assert.ok(monday.length > 0);
    for (const s of monday) {
      assert.equal(whyNot(q, s), undefined);
      assert.ok(wall(HEL, s.start).minute >= 8 * 60 && wall(HEL, s.end).minute <= 16 * 60);
    }
    assert.equal(new Date(at(HEL, '2027-03-29', '08:00')).toISOString(), '2027-03-29T05:00:00.000Z');
  });

  it('keeps 08:00–16:00 Helsinki time, eight hours, around 2027-10-31', () => {
    const q = query({ window: days('2027-10-29', '2027-11-01') });
    const free = commonFreeTime({ ...q, avoidLunch: false });
    assert.deepEqual(localDays(q), ['2027-10-29 08:00–16:00', '2027-11-01 08:00–16:00']);
    for (const f of free) assert.equal(f.end - f.start, 8 * HOUR);
    assert.equal(new Date(free[1]?.start ?? 0).toISOString(), '2027-11-01T06:00:00.000Z');
  });

  it('follows a Helsinki–Stockholm pair through the change (they change together)', () => {
    const q = query({
      members: [member('a', HEL), member('b', STO)],
      window: days('2027-03-26', '2027-03-29'),
      avoidLunch: false,
    });
    assert.deepEqual(show(HEL, commonFreeTime(q)), ['2027-03-26 09:00–16:00', '2027-03-29 09:00–16:00']);
  });

  it('follows a Helsinki–New York pair through the weeks when only the US has changed', () => {
    const q = query({
      members: [member('a', HEL), member('b', NYC)],
      window: days('2027-03-19', '2027-03-29'),
      avoidLunch: false,
    });
    // 2027-03-14 the US moved to EDT (7 h → 6 h apart); 2027-03-28 Finland moved too (7 h again).
    assert.deepEqual(show(HEL, commonFreeTime(q)), [
      '2027-03-19 14:00–16:00',
      '2027-03-22 14:00–16:00',
      '2027-03-23 14:00–16:00',
      '2027-03-24 14:00–16:00',
      '2027-03-25 14:00–16:00',
      '2027-03-26 14:00–16:00',
      '2027-03-29 15:00–16:00',
    ]);
  });

  it('books a Sunday worker’s 00:00–08:00 on the change day by the wall clock (7 real hours)', () => {
    const night = { days: ['sunday' as const], start: '00:00', end: '08:00' };
    const q = query({
      members: [member('a', HEL, [], night), member('b', HEL, [], night)],
      window: days('2027-03-28', '2027-03-28'),
      avoidLunch: false,
    });
    const free = commonFreeTime(q);
    assert.deepEqual(show(HEL, free), ['2027-03-28 00:00–08:00']);
    assert.equal((free[0]?.end ?? 0) - (free[0]?.start ?? 0), 7 * HOUR);
  });

  it('keeps starts on the clock’s grid where the clock moves by half an hour (Lord Howe, 2027-10-03)', () => {
    const LHI = 'Australia/Lord_Howe';
    const night = { days: ['sunday' as const], start: '00:00', end: '06:00' };
    const window = { start: at(LHI, '2027-10-02', '12:00'), end: at(LHI, '2027-10-03', '12:00') };
    const q = query({
      members: [member('a', LHI, [], night), member('b', LHI, [], night)],
      window,
      stepMinutes: 60,
      avoidLunch: false,
      spreadDays: false,
      count: 10,
    });
    // 02:00 becomes 02:30: the hour 01:00 ends at 02:30, and no start falls on a half hour.
    const starts = findSlots(q)
      .map((s) => wall(LHI, s.start).hhmm)
      .sort();
    assert.deepEqual(starts, ['00:00', '01:00', '03:00', '04:00', '05:00']);
  });
});
