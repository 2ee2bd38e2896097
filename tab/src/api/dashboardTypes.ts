/**
 * The supervisor's dashboard as the tab receives it (GET /programmes/:id/dashboard).
 * Vocabularies and counts are the domain's own; rows differ only where JSON
 * does (times are ISO strings, absent values null).
 */
import type {
  SharedLearning as DomainLearning,
  KeyFigures,
} from '../../../bot/src/domain/dashboard/buildDashboard';
import type { FunnelStage } from '../../../bot/src/domain/dashboard/funnel';
import type { MonthCount } from '../../../bot/src/domain/dashboard/meetingsPerMonth';
import type { PairRow } from '../../../bot/src/domain/dashboard/pairRow';
import type { ProgrammePhase } from '../../../bot/src/domain/dashboard/programmePhase';

export { ATTENTION_FLAGS, type AttentionFlag } from '../../../bot/src/domain/dashboard/attention';
export { FUNNEL_STAGES, type FunnelStage } from '../../../bot/src/domain/dashboard/funnel';
export { PAIR_STAGES, type PairStage } from '../../../bot/src/domain/dashboard/pairRow';
export type { KeyFigures, MonthCount };

export const PHASES: readonly ProgrammePhase[] = ['sign-up', 'starting', 'running', 'ended', 'ongoing'];
export type Phase = ProgrammePhase;

export type DashboardPair = Omit<PairRow, 'status' | 'formedAt' | 'nextMeeting' | 'lastActivity'> & {
  readonly nextMeeting: string | null;
  readonly lastActivity: string | null;
};

/** Counts per answer; the server sends a group only with at least three answers. */
export interface EvaluationSummary {
  readonly answers: number;
  readonly competence: Readonly<Record<string, number>>;
  readonly dialogue: Readonly<Record<string, number>>;
  readonly goalsReached: Readonly<Record<string, number>>;
  readonly wouldRecommend: number;
}

export type SharedLearning = Omit<DomainLearning, 'sharedToChannelAt'> & {
  readonly sharedToChannelAt: string | null;
};

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
