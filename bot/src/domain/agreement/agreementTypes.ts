/**
 * A pair's agreement on how they work: duration, ground rules,
 * confidentiality and the aktori's goals. It is a proposal with a version;
 * it binds only when every member has accepted the same version.
 * Nothing about what the pair talks about is ever part of it.
 */
import type { CadenceWeeks, MeetingMinutes } from '../programme/vocabulary';

export const AGREEMENT_STEPS = ['duration', 'rules', 'confidentiality', 'goals', 'review'] as const;
export type AgreementStep = (typeof AGREEMENT_STEPS)[number];

export const PLACES = ['teams', 'in-person', 'either'] as const;
export type Place = (typeof PLACES)[number];

/** What may be shared beyond the members; none of these means "nothing". */
export const SHARING = ['approved-learnings', 'unit-ideas'] as const;
export type Sharing = (typeof SHARING)[number];

/** How much notice a member gives to cancel or move a meeting. */
export const NOTICE_HOURS = [24, 48, 72, 168] as const;
export type NoticeHours = (typeof NOTICE_HOURS)[number];

export const AGREEMENT_LIMITS = {
  goals: 2,
  goalLength: 200,
  preparation: 300,
  betweenMeetings: 300,
  role: 100,
  /** An agreement runs at most a year (DOMAIN.md: 2–5 meetings or up to a year). */
  maxDays: 366,
} as const;

export type Duration =
  | { readonly kind: 'meetings'; readonly meetings: number }
  | { readonly kind: 'until'; readonly endDate: string };

export interface Goal {
  readonly text: string;
  /** Optional tags: the programme's competence areas and the themes (same ids as sign-up topics). */
  readonly tags: readonly string[];
}

export interface AgreementTerms {
  readonly duration: Duration;
  /** A checkpoint after the first phase where the pair decides whether to continue; never for quick mentoring. */
  readonly checkpoint: boolean;
  readonly cadenceWeeks: CadenceWeeks;
  readonly meetingMinutes: MeetingMinutes;
  readonly place: Place;
  readonly preparation: string;
  readonly betweenMeetings: string;
  readonly noticeHours: NoticeHours;
  readonly sharing: readonly Sharing[];
  readonly goals: readonly Goal[];
  /** Peer mentoring: who leads on what, per member (optional). */
  readonly roles: Readonly<Record<string, string>>;
}

export interface Acceptance {
  readonly version: number;
  readonly at: string;
}

export interface AgreementChange {
  readonly by: string;
  readonly byName: string;
  readonly at: string;
  readonly version: number;
}

export interface Agreement {
  readonly pairId: string;
  readonly programmeId: string;
  readonly tenantId: string;
  readonly mentorId: string;
  readonly aktoriIds: readonly string[];
  readonly quick: boolean;
  /** Increases with every change of the terms; acceptances name the version they accepted. */
  readonly version: number;
  readonly terms: AgreementTerms;
  readonly acceptances: Readonly<Record<string, Acceptance>>;
  /** Where each member is in the walkthrough, so they can come back to it. */
  readonly steps: Readonly<Record<string, AgreementStep>>;
  /** The version everyone accepted last, if any: that agreement is the one in force. */
  readonly inForce:
    | { readonly version: number; readonly at: string; readonly terms: AgreementTerms }
    | undefined;
  readonly lastChange: AgreementChange | undefined;
  /**
   * The version in which each step's terms last changed (a reopen counts for every step). A save from a card
   * older than the agreement is stale only if its own step changed since: two members saving different steps
   * at once both keep theirs. Absent in agreements from before it existed: every older card is then stale.
   */
  readonly stepVersions?: Readonly<Partial<Record<AgreementStep, number>>>;
}

export function membersOf(a: Pick<Agreement, 'mentorId' | 'aktoriIds'>): string[] {
  return [a.mentorId, ...a.aktoriIds];
}

/** In force only when the current version is the one everyone accepted. */
export function agreementStatus(a: Agreement): 'drafting' | 'in-force' | 'reopened' {
  if (a.inForce && a.inForce.version === a.version) return 'in-force';
  return a.inForce ? 'reopened' : 'drafting';
}
