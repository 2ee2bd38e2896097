/**
 * Checks a slot query once, at the door, and turns it into plain numbers
 * (minutes of day, milliseconds, weekday flags) so the search never parses or
 * re-checks anything. Every failure is a ValidationError naming the field and
 * the rule, never the value (calendars are personal data).
 */

import { MEETING_MINUTES } from '../programme/vocabulary';
import { integer, oneOf, violation } from '../validate';
import type { Interval, MemberCalendar, SlotQuery } from './slotTypes';
import { WEEKDAYS } from './slotTypes';
import { DAY, isTimeZone, MINUTE } from './timeZones';

export const SLOT_LIMITS = {
  members: 50,
  busyPerMember: 20_000,
  windowDays: 400,
  maxLeadMinutes: 60 * 24 * 60,
  count: 20,
  steps: [5, 10, 15, 20, 30, 60] as const,
  defaultLeadMinutes: 12 * 60,
  defaultLunch: { start: '11:00', end: '12:30' },
} as const;

export interface PreparedMember {
  readonly id: string;
  readonly zone: string;
  readonly workZone: string;
  /** Indexed by weekday(), 0 = Sunday. */
  readonly workDays: readonly boolean[];
  readonly workStart: number;
  readonly workEnd: number;
  readonly busy: readonly Interval[];
}

export interface PreparedQuery {
  readonly members: readonly PreparedMember[];
  readonly durationMs: number;
  readonly window: Interval;
  /** max(window.start, now + lead): nothing may start earlier. */
  readonly earliest: number;
  readonly target: number | undefined;
  /** Minutes of day, or undefined when lunch may be used. */
  readonly lunch: { readonly start: number; readonly end: number } | undefined;
  readonly stepMs: number;
  readonly count: number;
  readonly spreadDays: boolean;
  readonly dayZone: string;
}

/** "HH:MM", or Graph's "HH:MM:SS.fffffff" with zero seconds, to minutes after midnight. */
export function parseClock(value: unknown, field: string): number {
  const m = typeof value === 'string' ? /^(\d{2}):(\d{2})(?::00(?:\.0+)?)?$/.exec(value) : null;
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (m === null || hours > 23 || minutes > 59) violation(field, 'format');
  return hours * 60 + minutes;
}

function instant(value: unknown, field: string): number {
  if (value === undefined || value === null) violation(field, 'required');
  if (typeof value !== 'number' || !Number.isFinite(value)) violation(field, 'format');
  return value;
}

function zone(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') violation(field, 'required');
  if (!isTimeZone(value)) violation(field, 'not-allowed');
  return value;
}

function busyList(value: unknown, field: string): Interval[] {
  if (!Array.isArray(value)) violation(field, 'format');
  if (value.length > SLOT_LIMITS.busyPerMember) violation(field, 'too-many', SLOT_LIMITS.busyPerMember);
  return value.map((item: unknown, i) => {
    const b = (typeof item === 'object' && item !== null ? item : {}) as Partial<Interval>;
    const start = instant(b.start, `${field}[${i}].start`);
    const end = instant(b.end, `${field}[${i}].end`);
    if (end < start) violation(`${field}[${i}].end`, 'order', 'start');
    return { start, end };
  });
}

function member(m: MemberCalendar, i: number): PreparedMember {
  const at = `members[${i}]`;
  if (typeof m !== 'object' || m === null) violation(at, 'format');
  if (typeof m.memberId !== 'string' || m.memberId === '') violation(`${at}.memberId`, 'required');
  const wh = m.workingHours;
  if (typeof wh !== 'object' || wh === null) violation(`${at}.workingHours`, 'required');
  if (!Array.isArray(wh.daysOfWeek)) violation(`${at}.workingHours.daysOfWeek`, 'format');
  const workDays = WEEKDAYS.map(() => false);
  for (const d of wh.daysOfWeek) {
    const k = (WEEKDAYS as readonly unknown[]).indexOf(d);
    if (k < 0) violation(`${at}.workingHours.daysOfWeek`, 'not-allowed');
    workDays[k] = true;
  }
  const workStart = parseClock(wh.startTime, `${at}.workingHours.startTime`);
  const workEnd = parseClock(wh.endTime, `${at}.workingHours.endTime`);
  if (workEnd <= workStart) violation(`${at}.workingHours.endTime`, 'order', 'startTime');
  return {
    id: m.memberId,
    zone: zone(m.timeZone, `${at}.timeZone`),
    workZone: zone(wh.timeZone, `${at}.workingHours.timeZone`),
    workDays,
    workStart,
    workEnd,
    busy: busyList(m.busy, `${at}.busy`),
  };
}

export function validateSlotQuery(q: SlotQuery): PreparedQuery {
  if (typeof q !== 'object' || q === null) violation('query', 'format');
  if (!Array.isArray(q.members)) violation('members', 'required');
  if (q.members.length < 2 || q.members.length > SLOT_LIMITS.members)
    violation('members', 'range', `2–${SLOT_LIMITS.members}`);
  const members = q.members.map(member);
  if (new Set(members.map((m) => m.id)).size !== members.length) violation('members', 'not-allowed');

  const durationMinutes = oneOf(q.durationMinutes, 'durationMinutes', MEETING_MINUTES);
  if (typeof q.window !== 'object' || q.window === null) violation('window', 'required');
  const window = { start: instant(q.window.start, 'window.start'), end: instant(q.window.end, 'window.end') };
  if (window.end <= window.start) violation('window.end', 'order', 'window.start');
  if (window.end - window.start > SLOT_LIMITS.windowDays * DAY)
    violation('window', 'range', `≤ ${SLOT_LIMITS.windowDays} days`);
  const now = instant(q.now, 'now');
  const target = q.target === undefined ? undefined : instant(q.target, 'target');
  const lead = integer(
    q.minLeadMinutes,
    'minLeadMinutes',
    0,
    SLOT_LIMITS.maxLeadMinutes,
    SLOT_LIMITS.defaultLeadMinutes,
  );

  let lunch: PreparedQuery['lunch'];
  if (q.avoidLunch !== false) {
    const l = q.avoidLunch ?? SLOT_LIMITS.defaultLunch;
    if (typeof l !== 'object' || l === null) violation('avoidLunch', 'format');
    lunch = { start: parseClock(l.start, 'avoidLunch.start'), end: parseClock(l.end, 'avoidLunch.end') };
    if (lunch.end <= lunch.start) violation('avoidLunch.end', 'order', 'avoidLunch.start');
  }
  if (q.spreadDays !== undefined && typeof q.spreadDays !== 'boolean') violation('spreadDays', 'format');

  return {
    members,
    durationMs: durationMinutes * MINUTE,
    window,
    earliest: Math.max(window.start, now + lead * MINUTE),
    target,
    lunch,
    stepMs: oneOf(q.stepMinutes, 'stepMinutes', SLOT_LIMITS.steps, 15) * MINUTE,
    count: integer(q.count, 'count', 1, SLOT_LIMITS.count, 3),
    spreadDays: q.spreadDays ?? true,
    dayZone:
      q.dayTimeZone === undefined ? (members[0] as PreparedMember).zone : zone(q.dayTimeZone, 'dayTimeZone'),
  };
}
