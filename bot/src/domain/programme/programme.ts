/**
 * A mentoring programme: what it is, how it runs, and who runs it. The rules
 * for valid settings live here as plain functions over plain data.
 */
import { PolkuError } from '../errors';
import type {
  CadenceWeeks,
  CoachingSession,
  CompetenceAim,
  MeetingMinutes,
  ProgrammeForm,
} from './vocabulary';

export interface AgreementDefaults {
  /** Meetings in the first phase before the checkpoint: 2–5 (quick mentoring: 1–2, no checkpoint). */
  readonly firstPhaseMeetings: number;
  readonly cadenceWeeks: CadenceWeeks;
  readonly meetingMinutes: MeetingMinutes;
  /** How long before a meeting the mentor is nudged. */
  readonly nudgeLeadHours: number;
  /** Whether the aktori also gets a short preparation nudge before each meeting. */
  readonly nudgeAktori: boolean;
}

export type ProgrammeMode =
  | {
      readonly kind: 'cohort';
      readonly startDate: string;
      readonly endDate: string;
      readonly coachingSessions: readonly CoachingSession[];
    }
  | { readonly kind: 'nonstop' };

export interface ProgrammeSettings {
  readonly name: string;
  readonly description: string;
  readonly form: ProgrammeForm;
  readonly mode: ProgrammeMode;
  readonly aims: readonly CompetenceAim[];
  /** The organisation's competence areas the programme concerns ("asiakaskokemus"). */
  readonly competenceAreas: readonly string[];
  readonly defaults: AgreementDefaults;
  /** Last day to sign up (inclusive, in the programme's time zone); none for non-stop. */
  readonly signUpDeadline: string | undefined;
  /** IANA time zone for dates and deadlines. */
  readonly timeZone: string;
  /** The language of the programme's channel posts (announcement); personal messages follow each person's locale. */
  readonly language: 'fi' | 'sv' | 'en';
}

export interface ChannelRef {
  readonly teamId: string;
  /** The channel's conversation id (no ;messageid). */
  readonly channelId: string;
  readonly teamName?: string;
  readonly channelName?: string;
}

export interface Programme extends ProgrammeSettings {
  readonly id: string;
  readonly tenantId: string;
  readonly owners: readonly string[];
  readonly coordinators: readonly string[];
  readonly channel: ChannelRef | undefined;
  /** The posted announcement card, so counts can be updated in place. */
  readonly announcement: { readonly activityId: string; readonly conversationId: string } | undefined;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /**
   * When an owner closed the programme: no sign-ups and no new pairs from
   * then on; pairs already meeting carry on. Absent while it is open.
   */
  readonly closedAt?: string;
}

export const DEFAULT_AGREEMENT: AgreementDefaults = {
  firstPhaseMeetings: 3,
  cadenceWeeks: 4,
  meetingMinutes: 60,
  nudgeLeadHours: 24,
  nudgeAktori: false,
};

/**
 * Closing a programme and deleting its data are the owners' (supervisors')
 * alone: coordinators run it day to day, ending it is not theirs to decide.
 */
export function isOwner(programme: Pick<Programme, 'owners'>, userId: string): boolean {
  return programme.owners.includes(userId);
}

/** A closed programme takes no sign-ups and forms no new pairs; its pairs carry on. */
export function assertNotClosed(programme: Pick<Programme, 'closedAt'>): void {
  if (programme.closedAt) {
    throw new PolkuError('conflict', 'The programme is closed: no new sign-ups or pairs', {
      code: 'programme_closed',
    });
  }
}

/** Owners (supervisors) and coordinators run a programme; nobody else edits, announces or pairs. */
export function canManage(programme: Pick<Programme, 'owners' | 'coordinators'>, userId: string): boolean {
  return programme.owners.includes(userId) || programme.coordinators.includes(userId);
}

/**
 * Formatters by time zone. Building one costs far more than using it (it
 * loads the zone's rules), and every agreement step asks for "today"; a
 * formatter holds no request's data, so one per zone serves the process.
 */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The programme's date "today" in its own time zone, as YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string): string {
  let format = DAY_FORMATS.get(timeZone);
  if (!format) {
    // en-CA writes YYYY-MM-DD. An unknown zone throws here, before anything is cached.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    DAY_FORMATS.set(timeZone, format);
  }
  return format.format(now);
}

/**
 * Sign-up is open through the deadline day in the programme's time zone;
 * non-stop programmes are open until an owner closes them.
 */
export function isSignUpOpen(
  programme: Pick<Programme, 'signUpDeadline' | 'timeZone' | 'closedAt'>,
  now: Date,
): boolean {
  if (programme.closedAt) return false;
  if (!programme.signUpDeadline) return true;
  return localDate(now, programme.timeZone) <= programme.signUpDeadline;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    // Intl throws RangeError for an unknown zone: that is the answer "no".
    return false;
  }
}
