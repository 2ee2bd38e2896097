/**
 * What booking needs from a calendar service (Microsoft Graph in production,
 * the Graph emulator locally). Times are epoch milliseconds; zones are IANA.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

export interface WorkingHours {
  readonly daysOfWeek: readonly string[];
  /** HH:MM in `timeZone`. */
  readonly startTime: string;
  readonly endTime: string;
  readonly timeZone: string;
}

export interface MemberSchedule {
  readonly email: string;
  readonly workingHours: WorkingHours | undefined;
  readonly busy: readonly Interval[];
}

export interface NewMeeting {
  /** The organiser's mailbox (email or object id). */
  readonly organizer: string;
  readonly subject: string;
  /** HTML that carries no confidential content: who, when, how to prepare in general terms. */
  readonly bodyHtml: string;
  readonly start: number;
  readonly end: number;
  readonly attendees: readonly { readonly email: string; readonly name: string }[];
  /** The same value for a retried create of the same meeting: the service then returns the first event. */
  readonly transactionId: string;
}

export interface BookedMeeting {
  readonly eventId: string;
  readonly joinUrl: string | undefined;
}

/** An event found on the organiser's calendar by the transactionId it was created with. */
export interface FoundMeeting extends BookedMeeting, Interval {}

export interface CalendarPort {
  getSchedules(emails: readonly string[], window: Interval): Promise<MemberSchedule[]>;
  createMeeting(meeting: NewMeeting): Promise<BookedMeeting>;
  /** Moves the event; PolkuError code `event_missing` when it is no longer on the organiser's calendar. */
  moveMeeting(organizer: string, eventId: string, slot: Interval): Promise<void>;
  /** Cancels the event and tells the attendees; an event already gone counts as cancelled. */
  cancelMeeting(organizer: string, eventId: string, comment: string): Promise<void>;
  /**
   * The organiser's event made with `transactionId` that overlaps `window`, if any: how Polku finds an
   * event Graph made although the create looked failed (a dropped connection, a 5xx after the retries).
   */
  findMeeting(organizer: string, transactionId: string, window: Interval): Promise<FoundMeeting | undefined>;
}
