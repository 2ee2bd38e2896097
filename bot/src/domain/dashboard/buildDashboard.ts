/**
 * The supervisor's dashboard from a programme's partitions: key figures,
 * one row per pair, meetings per month, the funnel, the evaluation summary
 * (only through summariseEvaluations, which hides groups under three
 * answers) and the learnings the pairs approved for sharing. One pass over
 * each kind: it serves programmes of thousands of pairs.
 */
import type { Meeting } from '../meetings/meeting';
import type { Pair } from '../programme/pair';

/** What the dashboard reads of a pair: everything but the matching reasons and mailboxes (large, and not shown). */
export type DashboardPairInput = Omit<Pair, 'reasons' | 'emails' | 'formedBy'>;
/** What the dashboard reads of a meeting: its time, status and check-ins; not its calendar ids, link or members' hours. */
export type DashboardMeetingInput = Pick<
  Meeting,
  'pairId' | 'number' | 'start' | 'end' | 'status' | 'checkIns' | 'updatedAt'
>;

import type { Programme } from '../programme/programme';
import { countVolunteers, type Volunteer } from '../programme/volunteer';
import {
  type Evaluation,
  type EvaluationSummary,
  MIN_ANSWERS_TO_SHOW,
  summariseEvaluations,
} from '../rhythm/evaluation';
import type { Learning } from '../rhythm/learning';
import { parseTime } from './attention';
import { type FunnelCount, funnel } from './funnel';
import { type MonthCount, meetingsPerMonth } from './meetingsPerMonth';
import { type PairRow, pairRow } from './pairRow';
import { type ProgrammePhase, programmePhase } from './programmePhase';

export interface DashboardInput {
  readonly programme: Pick<Programme, 'form' | 'mode' | 'signUpDeadline' | 'timeZone' | 'defaults'>;
  readonly volunteers: readonly Pick<Volunteer, 'userId' | 'role' | 'status'>[];
  readonly pairs: readonly DashboardPairInput[];
  readonly meetings: readonly DashboardMeetingInput[];
  readonly learnings: readonly Learning[];
  readonly evaluations: readonly Evaluation[];
}

export interface KeyFigures {
  readonly volunteers: { readonly mentors: number; readonly aktoris: number };
  readonly pairs: { readonly total: number; readonly active: number; readonly concluded: number };
  readonly agreementsInForce: number;
  readonly meetings: { readonly held: number; readonly booked: number; readonly upcoming: number };
  readonly checkpoints: { readonly continued: number; readonly concluded: number; readonly waiting: number };
  /** Pairs with at least one attention flag. */
  readonly needAttention: number;
}

export interface SharedLearning {
  readonly id: string;
  readonly pairId: string;
  readonly text: string;
  readonly proposedAt: string;
  readonly sharedToChannelAt: string | undefined;
}

export interface Dashboard {
  readonly phase: ProgrammePhase;
  readonly figures: KeyFigures;
  readonly pairs: readonly PairRow[];
  readonly meetingsPerMonth: readonly MonthCount[];
  readonly funnel: readonly FunnelCount[];
  /** Each present only with enough answers to show without singling anyone out. */
  readonly evaluations: {
    readonly all: EvaluationSummary | undefined;
    readonly mentors: EvaluationSummary | undefined;
    readonly aktoris: EvaluationSummary | undefined;
  };
  /** Learnings every member of the pair approved, newest first. */
  readonly learnings: readonly SharedLearning[];
}

export const MAX_LEARNINGS = 100;

export function buildDashboard(input: DashboardInput, now: Date): Dashboard {
  const at = now.getTime();
  // Quick mentoring has no checkpoint; elsewhere it follows the programme's first phase.
  const firstPhaseMeetings =
    input.programme.form === 'quick' ? 0 : input.programme.defaults.firstPhaseMeetings;
  const meetingsByPair = groupBy(input.meetings, (m) => m.pairId);
  const lastLearning = new Map<string, number>();
  for (const l of input.learnings) {
    const t = parseTime(l.proposedAt) ?? 0;
    if (t > (lastLearning.get(l.pairId) ?? 0)) lastLearning.set(l.pairId, t);
  }
  const rows = input.pairs.map((pair) =>
    pairRow(
      {
        pair,
        meetings: meetingsByPair.get(pair.id) ?? [],
        lastLearningAt: lastLearning.get(pair.id),
        firstPhaseMeetings,
      },
      at,
    ),
  );
  return {
    phase: programmePhase(input.programme, now),
    figures: keyFigures(input.volunteers, rows),
    pairs: rows,
    meetingsPerMonth: meetingsPerMonth(input.meetings, input.programme.timeZone, at),
    funnel: funnel(input.volunteers, input.pairs),
    evaluations: evaluationTotals(input.evaluations),
    learnings: sharedLearnings(input.learnings),
  };
}

/**
 * Totals over all answers and by role, each from at least three answers. A role's totals are also left out
 * when the other role has one or two answers: "all minus mentors" would otherwise be those few aktoris' answers.
 */
export function evaluationTotals(answers: readonly Evaluation[]): Dashboard['evaluations'] {
  const mentors = answers.filter((e) => e.role === 'mentor');
  const aktoris = answers.filter((e) => e.role === 'aktori');
  const few = (n: number) => n > 0 && n < MIN_ANSWERS_TO_SHOW;
  const byRole = !few(mentors.length) && !few(aktoris.length);
  return {
    all: summariseEvaluations(answers),
    mentors: byRole ? summariseEvaluations(mentors) : undefined,
    aktoris: byRole ? summariseEvaluations(aktoris) : undefined,
  };
}

export function keyFigures(
  volunteers: readonly Pick<Volunteer, 'role' | 'status'>[],
  rows: readonly PairRow[],
): KeyFigures {
  let active = 0;
  let concluded = 0;
  let inForce = 0;
  let held = 0;
  let booked = 0;
  let upcoming = 0;
  let continued = 0;
  let checkpointConcluded = 0;
  let waiting = 0;
  let needAttention = 0;
  for (const r of rows) {
    if (r.stage === 'concluded') concluded++;
    else active++;
    if (r.agreementStatus === 'in-force' || r.agreementStatus === 'reopened') inForce++;
    held += r.meetingsHeld;
    booked += r.meetingsBooked;
    upcoming += r.meetingsUpcoming;
    if (r.checkpoint === 'continued') continued++;
    else if (r.checkpoint === 'concluded') checkpointConcluded++;
    else if (r.checkpoint === 'waiting') waiting++;
    if (r.attention.length > 0) needAttention++;
  }
  return {
    volunteers: countVolunteers(volunteers),
    pairs: { total: rows.length, active, concluded },
    agreementsInForce: inForce,
    meetings: { held, booked, upcoming },
    checkpoints: { continued, concluded: checkpointConcluded, waiting },
    needAttention,
  };
}

/** Only learnings every member approved leave the pair; proposals stay theirs. */
function sharedLearnings(learnings: readonly Learning[]): SharedLearning[] {
  return learnings
    .filter((l) => l.status === 'approved')
    .sort((a, b) => (a.proposedAt < b.proposedAt ? 1 : a.proposedAt > b.proposedAt ? -1 : 0))
    .slice(0, MAX_LEARNINGS)
    .map((l) => ({
      id: l.id,
      pairId: l.pairId,
      text: l.text,
      proposedAt: l.proposedAt,
      sharedToChannelAt: l.sharedToChannelAt,
    }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
