/**
 * The emulator's directory: one mailbox per demo user (the same ids and
 * addresses the Playground and the tab's dev sign-in use), with the mailbox
 * time zone and working hours Exchange would report, plus one directory user
 * without a mailbox, so the "no mailbox" path can be exercised locally.
 */
import { DEMO_DOMAIN, DEMO_USERS, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';

export interface Mailbox {
  readonly id: string;
  readonly address: string;
  readonly name: string;
  /** IANA zone used for computing; reported under its Windows name unless the emulator is told otherwise. */
  readonly timeZone: string;
  readonly workingHours: {
    readonly daysOfWeek: readonly string[];
    /** "HH:MM" local to the mailbox zone. */
    readonly start: string;
    readonly end: string;
  };
}

export interface DirectoryUser {
  readonly id: string;
  readonly address: string;
  readonly name: string;
  /** Undefined for a user without an Exchange Online mailbox (unlicensed, on-premises, guest). */
  readonly mailbox?: Mailbox;
}

/**
 * A directory user with no mailbox: Graph answers 404
 * MailboxNotEnabledForRESTAPI for /users/{this}/… and an error entry inside
 * getSchedule. Shaped like the demo users but outside DEMO_USERS on purpose.
 */
export const NO_MAILBOX_USER = {
  aadObjectId: '6f1e0c2a-1b7d-4e8f-a0c3-0000000000ff',
  name: 'Kalle Postiton',
  email: `kalle.postiton@${DEMO_DOMAIN}`,
} as const;

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
/** One person keeps later hours, so working-hours handling is not tested only against one pattern. */
const LATE_STARTERS = new Set(['Helmi']);

export function mailboxFor(user: DemoUser): Mailbox {
  const late = LATE_STARTERS.has(user.givenName);
  return {
    id: user.aadObjectId,
    address: user.email,
    name: user.name,
    timeZone: user.timeZone,
    workingHours: { daysOfWeek: WEEKDAYS, start: late ? '09:00' : '08:00', end: late ? '17:00' : '16:00' },
  };
}

export class Directory {
  private readonly byKey = new Map<string, DirectoryUser>();

  constructor(users: readonly DemoUser[] = DEMO_USERS) {
    for (const u of users)
      this.add({ id: u.aadObjectId, address: u.email, name: u.name, mailbox: mailboxFor(u) });
    this.add({ id: NO_MAILBOX_USER.aadObjectId, address: NO_MAILBOX_USER.email, name: NO_MAILBOX_USER.name });
  }

  private add(user: DirectoryUser): void {
    this.byKey.set(user.id.toLowerCase(), user);
    this.byKey.set(user.address.toLowerCase(), user);
  }

  /** By object id or UPN/SMTP address, case-insensitively, as /users/{id | userPrincipalName} resolves. */
  find(idOrAddress: string): DirectoryUser | undefined {
    return this.byKey.get(idOrAddress.trim().toLowerCase());
  }

  /** getSchedule's `schedules` are SMTP addresses only; an object id there does not resolve. */
  findByAddress(address: string): DirectoryUser | undefined {
    const user = this.find(address);
    return user && user.address.toLowerCase() === address.trim().toLowerCase() ? user : undefined;
  }

  mailboxes(): Mailbox[] {
    const seen = new Set<Mailbox>();
    for (const u of this.byKey.values()) if (u.mailbox) seen.add(u.mailbox);
    return [...seen];
  }
}
