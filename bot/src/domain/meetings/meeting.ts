/**
 * A pair's meeting as Polku records it. The record is written before the
 * calendar event is created and names the transactionId the event is created
 * with, so a booking interrupted at any point is finished by doing it again:
 * Graph returns the event it already made for that transactionId.
 */
export type MeetingStatus = 'booking' | 'booked' | 'cancelled' | 'failed';

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
