/**
 * Busy blocks on every demo calendar for the coming days, so slot finding
 * locally meets calendars that look lived in. Deterministic: the same
 * mailbox and date always get the same blocks (a hash of address and date
 * decides the occasional ones), and blocks are set in the mailbox's own wall
 * clock, so across a daylight-saving change they move in UTC as real ones do.
 *
 * Tuesdays hold only the weekly team meeting, 10:00-11:00 local, so tests can
 * rely on a known block.
 */
import type { Mailbox } from './directory';
import { newEventId, newICalUId } from './ids';
import type { CalendarEvent, ShowAs } from './state';
import { localParts, wallClockToEpoch } from './timeZones';

export interface SeedOptions {
  /** How many days from today (in each mailbox's zone) get blocks; 90 by default. */
  readonly days?: number;
  /** False for calendars with nothing on them. */
  readonly busyBlocks?: boolean;
}

export const SEED_DAYS = 90;

/** The one block tests can count on: every Tuesday, local time of the mailbox. */
export const TEAM_MEETING = { isoWeekday: 2, start: '10:00', end: '11:00', subject: 'Team meeting' } as const;

interface Rule {
  readonly name: string;
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  readonly showAs: ShowAs;
  readonly applies: (isoWeekday: number, hash: number) => boolean;
}

const RULES: readonly Rule[] = [
  {
    name: 'team',
    subject: TEAM_MEETING.subject,
    start: TEAM_MEETING.start,
    end: TEAM_MEETING.end,
    showAs: 'busy',
    applies: (wd) => wd === TEAM_MEETING.isoWeekday,
  },
  {
    name: 'lunch',
    subject: 'Lunch',
    start: '11:30',
    end: '12:00',
    showAs: 'busy',
    applies: (wd, h) => [1, 3, 4].includes(wd) && h % 2 === 0,
  },
  {
    name: 'customers',
    subject: 'Customer meeting',
    start: '14:00',
    end: '15:30',
    showAs: 'busy',
    applies: (wd, h) => wd === 1 && h % 5 === 0,
  },
  {
    name: 'workshop',
    subject: 'Customer workshop (tentative)',
    start: '13:00',
    end: '14:00',
    showAs: 'tentative',
    applies: (wd, h) => wd === 4 && h % 3 === 0,
  },
  {
    name: 'away',
    subject: 'Training day',
    start: '08:00',
    end: '16:00',
    showAs: 'oof',
    applies: (wd, h) => (wd === 3 || wd === 5) && h % 11 === 0,
  },
  {
    name: 'remote',
    subject: 'Working from the other office',
    start: '08:00',
    end: '16:00',
    showAs: 'workingElsewhere',
    applies: (wd, h) => wd === 5 && h % 11 !== 0 && h % 4 === 1,
  },
];

/** FNV-1a: a small, stable hash so "some days" is the same days on every run. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hm(text: string): { hour: number; minute: number } {
  const [hour, minute] = text.split(':').map(Number) as [number, number];
  return { hour, minute };
}

export function seedEvents(mailbox: Mailbox, nowMs: number, options: SeedOptions = {}): CalendarEvent[] {
  if (options.busyBlocks === false) return [];
  const days = options.days ?? SEED_DAYS;
  const today = localParts(nowMs, mailbox.timeZone);
  const out: CalendarEvent[] = [];
  for (let i = 0; i < days; i++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const isoWeekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    const ymd = date.toISOString().slice(0, 10);
    const hash = fnv1a(`${mailbox.address.toLowerCase()}|${ymd}`);
    for (const rule of RULES) {
      if (!rule.applies(isoWeekday, hash)) continue;
      const startMs = wallClockToEpoch({ year, month, day, ...hm(rule.start), second: 0 }, mailbox.timeZone);
      const endMs = wallClockToEpoch({ year, month, day, ...hm(rule.end), second: 0 }, mailbox.timeZone);
      const id = newEventId(`seed|${mailbox.address}|${ymd}|${rule.name}`);
      out.push({
        id,
        iCalUId: newICalUId(id),
        organizerId: mailbox.id,
        subject: rule.subject,
        body: { contentType: 'text', content: '' },
        startMs,
        endMs,
        originalStartTimeZone: mailbox.timeZone,
        originalEndTimeZone: mailbox.timeZone,
        showAs: rule.showAs,
        sensitivity: 'normal',
        isOnlineMeeting: false,
        attendees: [],
        createdMs: nowMs,
        modifiedMs: nowMs,
        version: 1,
        isCancelled: false,
        seeded: true,
      });
    }
  }
  return out;
}
