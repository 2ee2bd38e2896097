/** The programme API's shapes as the tab sees them (the server's contract, bot/src/api/programmeRoutes.ts). */

// The vocabulary is the domain's own (pure data, no server code): one list, never two that drift apart.
import {
  CADENCE_WEEKS,
  COACHING_SESSIONS,
  COMPETENCE_AIMS,
  LANGUAGES,
  MEETING_MINUTES,
  PROGRAMME_FORMS,
  THEMES,
} from '../../../bot/src/domain/programme/vocabulary';
import type { AgreementStatus } from './agreementTypes';

export { LANGUAGES, THEMES };
export const FORMS = PROGRAMME_FORMS;
export type Form = (typeof FORMS)[number];
export const AIMS = COMPETENCE_AIMS;
export type Aim = (typeof AIMS)[number];
export const COACHING = COACHING_SESSIONS;
export type Coaching = (typeof COACHING)[number];
export type Language = (typeof LANGUAGES)[number];
export const CADENCES = CADENCE_WEEKS;
export type Cadence = (typeof CADENCES)[number];
export const MINUTES = MEETING_MINUTES;
export type Minutes = (typeof MINUTES)[number];
export type Theme = (typeof THEMES)[number];

// A programme's mode and defaults travel as the domain defines them.
import type { AgreementDefaults, ProgrammeMode as Mode } from '../../../bot/src/domain/programme/programme';

export type { AgreementDefaults, Mode };

export interface Channel {
  readonly teamId: string;
  readonly channelId: string;
  readonly teamName?: string | undefined;
  readonly channelName?: string | undefined;
}

/** The body of POST /programmes and PUT /programmes/:id. */
export interface ProgrammeInput {
  readonly name: string;
  readonly description?: string;
  readonly form: Form;
  readonly mode: Mode;
  readonly aims: readonly Aim[];
  readonly competenceAreas: readonly string[];
  readonly signUpDeadline?: string;
  readonly defaults: AgreementDefaults;
  readonly language: Language;
  readonly coordinators?: readonly string[];
  readonly channel?: { readonly channelId: string };
}

export interface Programme {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly form: Form;
  readonly mode: Mode;
  readonly aims: readonly Aim[];
  readonly competenceAreas: readonly string[];
  readonly defaults: AgreementDefaults;
  readonly signUpDeadline: string | null;
  readonly timeZone: string;
  readonly language: Language;
  readonly owners: readonly string[];
  readonly coordinators: readonly string[];
  readonly channel: Channel | null;
  readonly announced: boolean;
  /** When an owner closed the programme; null (or absent from an older server) while it is open. */
  readonly closedAt?: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Saved {
  readonly programme: Programme;
  readonly etag: string;
}

export interface ProgrammeDetail extends Saved {
  readonly canManage: boolean;
  /** Only owners may close the programme and delete its data. */
  readonly isOwner?: boolean;
  readonly counts: { readonly mentors: number; readonly aktoris: number };
}

export type VolunteerRole = 'mentor' | 'aktori';
export type VolunteerStatus = 'active' | 'withdrawn' | 'paired';

export interface Volunteer {
  readonly userId: string;
  readonly name: string;
  readonly role: VolunteerRole;
  readonly offers: readonly string[];
  readonly wants: readonly string[];
  readonly unit: string;
  readonly languages: readonly string[];
  readonly capacity: number;
  readonly note: string;
  readonly status: VolunteerStatus;
  readonly pairId: string | null;
  readonly signedUpAt: string;
}

export interface Suggestion {
  readonly mentorId: string;
  readonly aktoriIds: readonly string[];
  readonly score: number;
  /** Already in the asked language, in plain words. */
  readonly explanation: string;
}

export type UnmatchedWhy = 'no-capacity' | 'no-allowed-partner' | 'no-shared-language';

export interface Suggestions {
  readonly suggestions: readonly Suggestion[];
  readonly unmatched: readonly { readonly id: string; readonly why: UnmatchedWhy | (string & {}) }[];
}

export interface ProposedPair {
  readonly mentorId: string;
  readonly aktoriIds: readonly string[];
}

export type RefusedReason =
  | 'not-volunteer'
  | 'withdrawn'
  | 'already-paired'
  | 'wrong-role'
  | 'over-capacity'
  | 'paired-before'
  | 'changed';

export type ConfirmResult =
  | {
      readonly status: 'formed';
      readonly pairId: string;
      readonly mentorId: string;
      readonly aktoriIds: readonly string[];
      readonly unreachable: readonly string[];
    }
  | {
      readonly status: 'refused';
      readonly mentorId: string;
      readonly aktoriIds: readonly string[];
      readonly reason: RefusedReason | (string & {});
    };

export interface Pair {
  readonly id: string;
  readonly mentorId: string;
  readonly aktoriIds: readonly string[];
  readonly names: Readonly<Record<string, string>>;
  readonly status: string;
  readonly formedAt: string;
  readonly agreement: PairAgreement;
}

/** What a supervisor sees of a pair's agreement: its status and the goals in force, never more. */
export interface PairAgreement {
  readonly status: AgreementStatus;
  /** The goals of the version in force; empty until one is. */
  readonly goals: readonly string[];
  /** The version in force; 0 while none is. */
  readonly version: number;
  /** The rhythm in force (absent while no version is). */
  readonly cadenceWeeks?: number;
  readonly meetingMinutes?: number;
}
