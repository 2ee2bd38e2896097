/**
 * A pair's meeting as Polku records it. The record is written before the
 * calendar event is created and names the transactionId the event is created
 * with, so a booking interrupted at any point is finished by doing it again:
 * Graph returns the event it already made for that transactionId.
 */
export type MeetingStatus = 'booking' | 'booked' | 'cancelled' | 'failed';

/** A member's answer to the check-in after a meeting: the only thing kept about how it went. */
export const CHECK_IN_ANSWERS = ['met', 'not-met', 'moved'] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

/** A member's time zone and working hours as their mailbox reported them when the meeting was booked. */
export interface MemberTime {
  readonly timeZone: string;
  readonly daysOfWeek: readonly string[];
  /** HH:MM in timeZone. */
  readonly startTime: string;
  readonly endTime: string;
}

export interface Meeting {
  readonly pairId: string;
  readonly programmeId: string;
  readonly tenantId: string;
  /** 1, 2, 3… in the order booked; part of the transactionId. */
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly status: MeetingStatus;
  readonly organizerId: string;
  readonly transactionId: string;
  readonly eventId?: string;
  readonly joinUrl?: string;
  readonly bookedBy: string;
  readonly updatedAt: string;
  /** Per member id: their check-in answer. */
  readonly checkIns?: Readonly<Record<string, CheckInAnswer>>;
  /** Per member id: where and when they work, for showing times and timing nudges. */
  readonly memberTimes?: Readonly<Record<string, MemberTime>>;
  readonly cancelledAt?: string;
}

/** Held when any member says they met; a meeting nobody checked in on is not counted. */
export function meetingHeld(m: Pick<Meeting, 'status' | 'checkIns'>): boolean {
  return m.status === 'booked' && Object.values(m.checkIns ?? {}).includes('met');
}

/** Planned: booked and not yet past. */
export function meetingUpcoming(m: Pick<Meeting, 'status' | 'end'>, now: number): boolean {
  return m.status === 'booked' && m.end > now;
}

/** Stable per pair and meeting number; Graph keeps it with the event (at most 100 characters are safe). */
export function meetingTransactionId(pairId: string, number: number): string {
  return `polku-${pairId}-m${number}`;
}

const WEEK = 7 * 86_400_000;
const FIRST_MEETING_AFTER_DAYS = 7;

/** Where the next meeting should be: about one cadence after the last one, or a week from now for the first. */
export function nextMeetingTarget(meetings: readonly Meeting[], cadenceWeeks: number, now: number): number {
  const held = meetings.filter((m) => m.status === 'booked').sort((a, b) => b.start - a.start)[0];
  if (!held) return now + FIRST_MEETING_AFTER_DAYS * 86_400_000;
  return Math.max(held.start + cadenceWeeks * WEEK, now + 86_400_000);
}

/** The number the next booking takes: one past every number used, failed ones included (their transactionIds are spent). */
export function nextMeetingNumber(meetings: readonly Meeting[]): number {
  return meetings.reduce((max, m) => Math.max(max, m.number), 0) + 1;
}
