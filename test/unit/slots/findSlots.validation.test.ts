import assert from 'node:assert/strict';
import { ValidationError } from '../../../bot/src/domain/errors';
import { findSlots } from '../../../bot/src/domain/slots/findSlots';
import type { SlotQuery } from '../../../bot/src/domain/slots/slotTypes';
import { HEL, query } from './fixtures';
import { member } from './support';

describe('findSlots: validation', () => {
  const cases: [string, Partial<SlotQuery> | ((q: SlotQuery) => unknown), string, string][] = [
    ['one member', { members: [member('a', HEL)] }, 'members', 'range'],
    ['duplicate members', { members: [member('a', HEL), member('a', HEL)] }, 'members', 'not-allowed'],
    [
      'unknown zone',
      { members: [member('a', 'Europe/Atlantis'), member('b', HEL)] },
      'members[0].timeZone',
      'not-allowed',
    ],
    [
      'Windows zone name',
      { members: [member('a', HEL), member('b', HEL, [], { workZone: 'FLE Standard Time' })] },
      'members[1].workingHours.timeZone',
      'not-allowed',
    ],
    [
      'end before start',
      { members: [member('a', HEL, [], { start: '16:00', end: '08:00' }), member('b', HEL)] },
      'members[0].workingHours.endTime',
      'order',
    ],
    [
      'end equal to start',
      { members: [member('a', HEL), member('b', HEL, [], { start: '09:00', end: '09:00' })] },
      'members[1].workingHours.endTime',
      'order',
    ],
    [
      'bad clock',
      { members: [member('a', HEL, [], { start: '8:00' }), member('b', HEL)] },
      'members[0].workingHours.startTime',
      'format',
    ],
    [
      'bad weekday',
      { members: [member('a', HEL, [], { days: ['Monday' as 'monday'] }), member('b', HEL)] },
      'members[0].workingHours.daysOfWeek',
      'not-allowed',
    ],
    ['duration 30', { durationMinutes: 30 as 45 }, 'durationMinutes', 'not-allowed'],
    ['window end = start', { window: { start: 1e12, end: 1e12 } }, 'window.end', 'order'],
    ['window reversed', { window: { start: 2e12, end: 1e12 } }, 'window.end', 'order'],
    [
      'inverted busy item',
      { members: [member('a', HEL, [{ start: 2e12, end: 1e12 }]), member('b', HEL)] },
      'members[0].busy[0].end',
      'order',
    ],
    ['NaN now', { now: Number.NaN }, 'now', 'format'],
    ['step 7', { stepMinutes: 7 }, 'stepMinutes', 'not-allowed'],
    ['count 0', { count: 0 }, 'count', 'range'],
    ['negative lead', { minLeadMinutes: -1 }, 'minLeadMinutes', 'range'],
    ['lunch reversed', { avoidLunch: { start: '12:30', end: '11:00' } }, 'avoidLunch.end', 'order'],
  ];
  for (const [name, over, fieldName, rule] of cases) {
    it(`refuses ${name} (${fieldName}: ${rule})`, () => {
      assert.throws(
        () => findSlots(query(over as Partial<SlotQuery>)),
        (err: unknown) =>
          err instanceof ValidationError && err.violation?.field === fieldName && err.violation.rule === rule,
      );
    });
  }
});
