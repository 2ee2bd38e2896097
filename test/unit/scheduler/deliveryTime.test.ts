import assert from 'node:assert/strict';
import type { MemberTime } from '../../../bot/src/domain/meetings/meeting';
import { deliverAfter, deliverBefore } from '../../../bot/src/domain/rhythm/deliveryTime';

const HOUR = 3_600_000;
const helsinki: MemberTime = {
  timeZone: 'Europe/Helsinki',
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '08:00',
  endTime: '16:00',
};
const newYork: MemberTime = {
  ...helsinki,
  timeZone: 'America/New_York',
  startTime: '09:00',
  endTime: '17:00',
};

/** Wall clock in a zone, "YYYY-MM-DD HH:MM". */
function local(epoch: number, zone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(epoch));
}

describe('when a personal message arrives', () => {
  it('keeps a time that is already inside working hours', () => {
    const target = Date.parse('2026-11-24T10:00:00Z'); // Tue 12:00 in Helsinki
    assert.equal(deliverBefore(target, target + 24 * HOUR, helsinki, 'UTC'), target);
    assert.equal(deliverAfter(target, helsinki, 'UTC'), target);
  });

  it('moves a nudge that would come at night to the end of the working day before', () => {
    const target = Date.parse('2026-11-24T21:00:00Z'); // Tue 23:00 Helsinki
    const at = deliverBefore(target, target + 24 * HOUR, helsinki, 'UTC');
    assert.equal(local(at, 'Europe/Helsinki'), '2026-11-24 15:30');
  });

  it('moves a weekend nudge for a Monday meeting to Friday afternoon, not to Monday morning', () => {
    const meeting = Date.parse('2026-11-30T08:00:00Z'); // Mon 10:00 Helsinki
    const at = deliverBefore(meeting - 24 * HOUR, meeting, helsinki, 'UTC');
    assert.equal(local(at, 'Europe/Helsinki'), '2026-11-27 15:30');
  });

  it('uses the first working moment before the meeting when the days before have no working time', () => {
    // Everyone works only on Mondays: Sunday's nudge goes out on Monday morning, before the 10:00 meeting.
    const mondays: MemberTime = { ...helsinki, daysOfWeek: ['monday'] };
    const meeting = Date.parse('2026-11-30T08:00:00Z');
    const at = deliverBefore(meeting - 24 * HOUR, meeting, mondays, 'UTC');
    // The Monday a week earlier is more than three days back, so the same Monday morning it is.
    assert.equal(local(at, 'Europe/Helsinki'), '2026-11-30 08:00');
  });

  it('times each member in their own zone: the same evening is night in Helsinki and afternoon in New York', () => {
    const target = Date.parse('2026-11-24T20:00:00Z'); // 22:00 Helsinki, 15:00 New York
    assert.equal(deliverAfter(target, newYork, 'UTC'), target);
    assert.equal(local(deliverAfter(target, helsinki, 'UTC'), 'Europe/Helsinki'), '2026-11-25 08:00');
  });

  it('follows the wall clock across the change to summer time', () => {
    // Saturday night before the clocks go forward (29 March 2026): next working morning is Monday 08:00 EEST.
    const target = Date.parse('2026-03-28T22:00:00Z');
    const at = deliverAfter(target, helsinki, 'UTC');
    assert.equal(local(at, 'Europe/Helsinki'), '2026-03-30 08:00');
    assert.equal(at, Date.parse('2026-03-30T05:00:00Z'));
  });

  it('falls back to an office day in the programme’s zone when the mailbox told nothing', () => {
    const target = Date.parse('2026-11-28T10:00:00Z'); // Saturday
    assert.equal(
      local(deliverAfter(target, undefined, 'Europe/Helsinki'), 'Europe/Helsinki'),
      '2026-11-30 08:00',
    );
  });

  it('never returns a time outside working hours for any hour of a fortnight (property)', () => {
    const start = Date.parse('2026-10-19T00:00:00Z');
    for (let h = 0; h < 14 * 24; h++) {
      const target = start + h * HOUR + 17 * 60_000;
      for (const at of [
        deliverAfter(target, helsinki, 'UTC'),
        deliverBefore(target, target + 3 * 24 * HOUR, helsinki, 'UTC'),
      ]) {
        const [date, time] = local(at, 'Europe/Helsinki').split(' ');
        const day = new Date(`${date}T12:00:00Z`).getUTCDay();
        assert.ok(day >= 1 && day <= 5, `weekday for ${new Date(target).toISOString()}`);
        assert.ok((time ?? '') >= '08:00' && (time ?? '') < '16:00', `working hours: ${time}`);
      }
    }
  });
});
