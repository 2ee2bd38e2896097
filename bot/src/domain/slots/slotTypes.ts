/**
 * The slot finder's vocabulary. Calendars come from Graph's getSchedule
 * (free/busy plus working hours per mailbox); the answer is a short ranked
 * list of common free times a card can offer the pair.
 */
import type { MeetingMinutes } from '../programme/vocabulary';

/** Epoch milliseconds, half-open: a meeting 10:00–11:00 and one 11:00–12:00 do not overlap. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Indexed like Date#getUTCDay: 0 is Sunday. Graph spells days this way. */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Working hours as Graph returns them. The adapter maps Graph's Windows zone
 * names ("FLE Standard Time") to IANA before they get here; Graph's
 * "08:00:00.0000000" times are accepted as they are.
 */
export interface WorkingHours {
  readonly daysOfWeek: readonly Weekday[];
  readonly startTime: string;
  readonly endTime: string;
  readonly timeZone: string;
}

export interface MemberCalendar {
  readonly memberId: string;
  /** IANA zone of the mailbox; lunch is kept in this zone. */
  readonly timeZone: string;
  readonly workingHours: WorkingHours;
  /** Unsorted, may overlap, may reach outside the window. */
  readonly busy: readonly Interval[];
}

export interface SlotQuery {
  /** Two or more: a pair or a group. */
  readonly members: readonly MemberCalendar[];
  readonly durationMinutes: MeetingMinutes;
  /** Where to look, e.g. the target week ± a few days. */
  readonly window: Interval;
  /** "About N weeks after the previous meeting": slots near it rank higher. */
  readonly target?: number;
  /** The caller's clock; nothing starting before now + minLeadMinutes is suggested. */
  readonly now: number;
  /** Default 720 (12 h): people need notice to fit a meeting into their day. */
  readonly minLeadMinutes?: number;
  /** Default 11:00–12:30 in each member's own zone; false allows meetings over lunch. */
  readonly avoidLunch?: { readonly start: string; readonly end: string } | false;
  /** Candidate starts lie on this grid of the day zone's clock (:00, :15, …). Default 15. */
  readonly stepMinutes?: number;
  /** How many slots to return. Default 3. */
  readonly count?: number;
  /** Default true: every returned slot is on a different day, so the pair gets real alternatives. */
  readonly spreadDays?: boolean;
  /** Whose calendar days "different days", weeks and Monday mornings refer to. Default the first member's zone. */
  readonly dayTimeZone?: string;
}

/**
 * Why a slot scored what it did, one per scoring component it earned
 * (see rankSlots.ts); cards may show any of them in the person's language.
 */
export const SLOT_REASONS = [
  'near-target',
  'mid-morning',
  'afternoon',
  'buffered',
  'not-monday-morning',
  'not-friday-afternoon',
] as const;
export type SlotReason = (typeof SLOT_REASONS)[number];

export interface RankedSlot {
  readonly start: number;
  readonly end: number;
  /** 0–100, higher is better; comparable only within one query. */
  readonly score: number;
  readonly reasons: SlotReason[];
}
