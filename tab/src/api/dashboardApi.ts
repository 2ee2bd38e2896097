/**
 * The supervisor's dashboard, its CSV export and sharing a learning to the
 * programme's channel. The dashboard answer is checked at this edge; a
 * field the page relies on that is missing fails here, not deep in a chart.
 */
import {
  ATTENTION_FLAGS,
  type AttentionFlag,
  type Dashboard,
  type DashboardPair,
  type EvaluationSummary,
  FUNNEL_STAGES,
  PAIR_STAGES,
  type PairStage,
  PHASES,
  type Phase,
} from './dashboardTypes';
import { badResponse, type Call, type Download, isRecord, isStringArray } from './http';
import { FORMS, type Form } from './programmeTypes';

export interface DashboardApi {
  dashboard(programmeId: string): Promise<Dashboard>;
  /** The pairs and goals as CSV, in the reader's language. */
  dashboardCsv(programmeId: string, lang: string): Promise<{ blob: Blob; fileName: string }>;
  /** Posts an approved learning to the programme's channel. */
  shareLearning(programmeId: string, learningId: string): Promise<void>;
}

const PATH = '/programmes/:id/dashboard';

export function dashboardApi(call: Call, download: Download): DashboardApi {
  const at = (id: string, rest: string) => `/programmes/${encodeURIComponent(id)}${rest}`;
  return {
    async dashboard(programmeId) {
      return dashboard(await call('GET', at(programmeId, '/dashboard')));
    },
    dashboardCsv(programmeId, lang) {
      return download(at(programmeId, `/dashboard.csv?lang=${encodeURIComponent(lang)}`));
    },
    async shareLearning(programmeId, learningId) {
      await call('POST', at(programmeId, `/learnings/${encodeURIComponent(learningId)}/share`), {});
    },
  };
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const timeOrNull = (v: unknown) => (typeof v === 'string' && v ? v : null);
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => values.includes(v as T);

function dashboard(p: unknown): Dashboard {
  if (
    !isRecord(p) ||
    !isRecord(p.programme) ||
    !isRecord(p.figures) ||
    !Array.isArray(p.pairs) ||
    !Array.isArray(p.funnel) ||
    !Array.isArray(p.meetingsPerMonth)
  ) {
    throw badResponse(PATH, 'programme/figures/pairs');
  }
  const f = p.figures;
  const rec = (v: unknown) => (isRecord(v) ? v : {});
  const mode = rec(p.programme.mode);
  const evaluations = rec(p.evaluations);
  return {
    programme: {
      id: str(p.programme.id),
      name: str(p.programme.name),
      mode: {
        kind: str(mode.kind),
        ...(typeof mode.startDate === 'string' ? { startDate: mode.startDate } : {}),
        ...(typeof mode.endDate === 'string' ? { endDate: mode.endDate } : {}),
      },
      signUpDeadline: timeOrNull(p.programme.signUpDeadline),
    },
    phase: oneOf<Phase>(PHASES, p.phase) ? p.phase : 'ongoing',
    figures: {
      volunteers: { mentors: num(rec(f.volunteers).mentors), aktoris: num(rec(f.volunteers).aktoris) },
      pairs: {
        total: num(rec(f.pairs).total),
        active: num(rec(f.pairs).active),
        concluded: num(rec(f.pairs).concluded),
      },
      agreementsInForce: num(f.agreementsInForce),
      meetings: {
        held: num(rec(f.meetings).held),
        booked: num(rec(f.meetings).booked),
        upcoming: num(rec(f.meetings).upcoming),
      },
      checkpoints: {
        continued: num(rec(f.checkpoints).continued),
        concluded: num(rec(f.checkpoints).concluded),
        waiting: num(rec(f.checkpoints).waiting),
      },
      needAttention: num(f.needAttention),
    },
    pairs: p.pairs.map(pair),
    meetingsPerMonth: p.meetingsPerMonth.filter(isRecord).map((m) => ({
      month: str(m.month),
      held: num(m.held),
      unconfirmed: num(m.unconfirmed),
      upcoming: num(m.upcoming),
    })),
    funnel: p.funnel
      .filter(isRecord)
      .filter((s) => oneOf(FUNNEL_STAGES, s.stage))
      .map((s) => ({ stage: s.stage as (typeof FUNNEL_STAGES)[number], people: num(s.people) })),
    evaluations: {
      all: summary(evaluations.all),
      mentors: summary(evaluations.mentors),
      aktoris: summary(evaluations.aktoris),
    },
    learnings: (Array.isArray(p.learnings) ? p.learnings : []).filter(isRecord).map((l) => ({
      id: str(l.id),
      pairId: str(l.pairId),
      text: str(l.text),
      proposedAt: str(l.proposedAt),
      sharedToChannelAt: timeOrNull(l.sharedToChannelAt),
    })),
    generatedAt: str(p.generatedAt),
  };
}

function pair(r: unknown): DashboardPair {
  if (!isRecord(r) || typeof r.id !== 'string' || !Array.isArray(r.members))
    throw badResponse(PATH, 'pairs[]');
  return {
    id: r.id,
    form: oneOf<Form>(FORMS, r.form) ? r.form : 'pair',
    members: r.members.filter(isRecord).map((m) => ({
      id: str(m.id),
      name: str(m.name),
      role: m.role === 'mentor' ? 'mentor' : 'aktori',
    })),
    goals: isStringArray(r.goals) ? r.goals : [],
    stage: oneOf<PairStage>(PAIR_STAGES, r.stage) ? r.stage : 'agreeing',
    agreementStatus: oneOf(['none', 'drafting', 'in-force', 'reopened'] as const, r.agreementStatus)
      ? r.agreementStatus
      : 'none',
    checkpoint: oneOf(['continued', 'concluded', 'waiting', 'none'] as const, r.checkpoint)
      ? r.checkpoint
      : 'none',
    meetingsHeld: num(r.meetingsHeld),
    meetingsBooked: num(r.meetingsBooked),
    meetingsUpcoming: num(r.meetingsUpcoming),
    nextMeeting: timeOrNull(r.nextMeeting),
    lastActivity: timeOrNull(r.lastActivity),
    attention: (Array.isArray(r.attention) ? r.attention : []).filter((a): a is AttentionFlag =>
      oneOf(ATTENTION_FLAGS, a),
    ),
  };
}

function summary(s: unknown): EvaluationSummary | null {
  if (!isRecord(s) || typeof s.answers !== 'number') return null;
  const counts = (v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).map(([k, n]) => [k, num(n)])) : {};
  return {
    answers: s.answers,
    competence: counts(s.competence),
    dialogue: counts(s.dialogue),
    goalsReached: counts(s.goalsReached),
    wouldRecommend: num(s.wouldRecommend),
  };
}
