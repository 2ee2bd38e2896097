/**
 * A pair's agreement and "my pairs" as the tab sees them (the server's
 * contract: bot/src/api/agreementRoutes.ts). The tab only shows these: the
 * agreement is walked through and accepted in Teams chat.
 */

export const AGREEMENT_STATUSES = ['drafting', 'in-force', 'reopened'] as const;
/** drafting: never in force yet; in-force: the current version binds; reopened: a change is being agreed, the previous version binds. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export type { Duration, Goal, NoticeHours, Sharing } from '../../../bot/src/domain/agreement/agreementTypes';

import type { Duration, Goal, Place } from '../../../bot/src/domain/agreement/agreementTypes';

// The agreement's vocabulary is the domain's own, so the tab and the bot never disagree on it.
export { NOTICE_HOURS, PLACES, SHARING } from '../../../bot/src/domain/agreement/agreementTypes';
export type { Place };

export type PairRole = 'mentor' | 'aktori';

export interface MyPair {
  readonly pairId: string;
  readonly programmeId: string;
  readonly programmeName: string;
  readonly role: PairRole;
  readonly partnerIds: readonly string[];
  readonly partnerNames: readonly string[];
  readonly status: AgreementStatus;
}

export interface AgreementTerms {
  readonly duration: Duration;
  readonly checkpoint: boolean;
  readonly cadenceWeeks: number;
  readonly meetingMinutes: number;
  /** A known place, or whatever a newer server sends (shown as is). */
  readonly place: Place | (string & {});
  readonly preparation: string;
  readonly betweenMeetings: string;
  readonly noticeHours: number;
  readonly sharing: readonly string[];
  readonly goals: readonly Goal[];
  /** Peer mentoring: who leads on what, by member id. */
  readonly roles: Readonly<Record<string, string>>;
}

export interface AgreementMember {
  readonly id: string;
  readonly name: string;
  readonly role: PairRole;
  /** The version this member accepted last, if any. */
  readonly acceptedVersion: number | null;
}

export interface AgreementVersion {
  readonly version: number;
  readonly terms: AgreementTerms;
  /** A member's id; empty when Polku started the agreement for the pair. */
  readonly proposedBy: string;
  readonly at: string;
  /** Who accepted exactly this version, and when (ISO time). */
  readonly acceptedBy: Readonly<Record<string, string>>;
}

export interface Agreement {
  readonly pairId: string;
  readonly programme: { readonly id: string; readonly name: string; readonly form: string };
  readonly members: readonly AgreementMember[];
  readonly status: AgreementStatus;
  /** The current version: the one in force, or the proposal being agreed. */
  readonly version: number;
  readonly terms: AgreementTerms;
  readonly inForce: { readonly version: number; readonly at: string; readonly terms: AgreementTerms } | null;
  readonly history: readonly AgreementVersion[];
}
