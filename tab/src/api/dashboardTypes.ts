/** The supervisor's dashboard as the tab receives it (GET /programmes/:id/dashboard). */
export const PAIR_STAGES = ['agreeing', 'active', 'continued', 'concluded'] as const;
export type PairStage = (typeof PAIR_STAGES)[number];

export const ATTENTION_FLAGS = ['no-agreement', 'no-meeting-booked', 'checkpoint-waiting'] as const;
export type AttentionFlag = (typeof ATTENTION_FLAGS)[number];

export const FUNNEL_STAGES = ['volunteered', 'paired', 'agreement-in-force', 'continued'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const PHASES = ['sign-up', 'starting', 'running', 'ended', 'ongoing'] as const;
export type Phase = (typeof PHASES)[number];

export interface DashboardPair {
  readonly id: string;
  readonly form: string;
  readonly members: readonly {
    readonly id: string;
    readonly name: string;
    readonly role: 'mentor' | 'aktori';
  }[];
  readonly goals: readonly string[];
  readonly stage: PairStage;
  readonly agreementStatus: 'none' | 'drafting' | 'in-force' | 'reopened';
  readonly checkpoint: 'continued' | 'concluded' | 'waiting' | 'none';
  readonly meetingsHeld: number;
  readonly meetingsBooked: number;
  readonly meetingsUpcoming: number;
  readonly nextMeeting: string | null;
  readonly lastActivity: string | null;
  readonly attention: readonly AttentionFlag[];
}

export interface KeyFigures {
  readonly volunteers: { readonly mentors: number; readonly aktoris: number };
  readonly pairs: { readonly total: number; readonly active: number; readonly concluded: number };
  readonly agreementsInForce: number;
  readonly meetings: { readonly held: number; readonly booked: number; readonly upcoming: number };
  readonly checkpoints: { readonly continued: number; readonly concluded: number; readonly waiting: number };
  readonly needAttention: number;
}

export interface MonthCount {
  readonly month: string;
  readonly held: number;
  readonly unconfirmed: number;
  readonly upcoming: number;
}

/** Counts per answer; the server sends a group only with at least three answers. */
export interface EvaluationSummary {
  readonly answers: number;
  readonly competence: Readonly<Record<string, number>>;
  readonly dialogue: Readonly<Record<string, number>>;
  readonly goalsReached: Readonly<Record<string, number>>;
  readonly wouldRecommend: number;
}

export interface SharedLearning {
  readonly id: string;
  readonly pairId: string;
  readonly text: string;
  readonly proposedAt: string;
  readonly sharedToChannelAt: string | null;
}

export interface Dashboard {
  readonly programme: {
    readonly id: string;
    readonly name: string;
    readonly mode: { readonly kind: string; readonly startDate?: string; readonly endDate?: string };
    readonly signUpDeadline: string | null;
  };
  readonly phase: Phase;
  readonly figures: KeyFigures;
  readonly pairs: readonly DashboardPair[];
  readonly meetingsPerMonth: readonly MonthCount[];
  readonly funnel: readonly { readonly stage: FunnelStage; readonly people: number }[];
  readonly evaluations: {
    readonly all: EvaluationSummary | null;
    readonly mentors: EvaluationSummary | null;
    readonly aktoris: EvaluationSummary | null;
  };
  readonly learnings: readonly SharedLearning[];
  readonly generatedAt: string;
}
