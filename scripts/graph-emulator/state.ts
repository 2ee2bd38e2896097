/**
 * What the emulated Exchange holds: the directory and the calendar events,
 * in memory inside the emulator process. This is a stand-in for Microsoft's
 * service, not Polku's state: Polku itself keeps nothing in memory (its state
 * is in Azure Tables), and a restart of the emulator is like pointing Polku at
 * a fresh tenant whose calendars hold only the seeded blocks.
 */
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { Directory, type DirectoryUser, type Mailbox } from './directory';
import { type SeedOptions, seedEvents } from './seed';

export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export const SHOW_AS: readonly ShowAs[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];

export interface EventAttendee {
  readonly address: string;
  readonly name: string;
  readonly type: 'required' | 'optional' | 'resource';
}

export interface CalendarEvent {
  readonly id: string;
  readonly iCalUId: string;
  /** Mailbox id of the organiser, on whose calendar this id lives. */
  readonly organizerId: string;
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  startMs: number;
  endMs: number;
  /** The zone names the client used, which Graph keeps as originalStart/EndTimeZone. */
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  showAs: ShowAs;
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  readonly isOnlineMeeting: boolean;
  readonly onlineMeetingProvider?: string;
  readonly joinUrl?: string;
  readonly attendees: readonly EventAttendee[];
  readonly transactionId?: string;
  readonly createdMs: number;
  modifiedMs: number;
  version: number;
  isCancelled: boolean;
  cancelComment?: string;
  /** Generated busy block (not booked through the API). */
  readonly seeded: boolean;
}

export interface EmulatorSeed extends SeedOptions {
  /** People with mailboxes; the demo organisation by default. */
  readonly users?: readonly DemoUser[];
}

export class EmulatorState {
  readonly directory: Directory;
  private readonly events = new Map<string, CalendarEvent>();
  /** organiserId|transactionId -> event id: Graph's guard against a retried create making a twin. */
  private readonly transactions = new Map<string, string>();

  constructor(
    private readonly seed: EmulatorSeed,
    private readonly now: () => Date,
  ) {
    this.directory = new Directory(seed.users);
    this.reset();
  }

  /** Back to the seeded calendars, relative to the current `now`. */
  reset(): void {
    this.events.clear();
    this.transactions.clear();
    const nowMs = this.now().getTime();
    for (const mailbox of this.directory.mailboxes()) {
      for (const e of seedEvents(mailbox, nowMs, this.seed)) this.events.set(e.id, e);
    }
  }

  findUser(idOrAddress: string): DirectoryUser | undefined {
    return this.directory.find(idOrAddress);
  }

  add(event: CalendarEvent): void {
    this.events.set(event.id, event);
    if (event.transactionId) this.transactions.set(txKey(event.organizerId, event.transactionId), event.id);
  }

  byTransaction(organizerId: string, transactionId: string): CalendarEvent | undefined {
    const id = this.transactions.get(txKey(organizerId, transactionId));
    return id ? this.events.get(id) : undefined;
  }

  /** The organiser's own event by id; attendees' copies have other ids in Exchange, so they do not match. */
  organizerEvent(mailbox: Mailbox, id: string): CalendarEvent | undefined {
    const e = this.events.get(id);
    return e && e.organizerId === mailbox.id && !e.isCancelled ? e : undefined;
  }

  /** What shows on a mailbox's calendar: its own events and the meetings it is invited to. */
  calendarOf(mailbox: Mailbox, options: { includeCancelled?: boolean } = {}): CalendarEvent[] {
    const address = mailbox.address.toLowerCase();
    return [...this.events.values()]
      .filter((e) => options.includeCancelled || !e.isCancelled)
      .filter(
        (e) => e.organizerId === mailbox.id || e.attendees.some((a) => a.address.toLowerCase() === address),
      )
      .sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
  }

  allEvents(): CalendarEvent[] {
    return [...this.events.values()];
  }
}

function txKey(organizerId: string, transactionId: string): string {
  return `${organizerId}|${transactionId}`;
}
