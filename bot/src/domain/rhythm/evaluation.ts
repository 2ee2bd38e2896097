/**
 * The evaluation each member gives at the end (DOMAIN.md, step 8). Answers
 * are personal; supervisors see only aggregates of at least
 * MIN_ANSWERS_TO_SHOW answers, so nobody's answer can be singled out.
 */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export const GOALS_REACHED = ['yes', 'partly', 'no'] as const;
export type GoalsReached = (typeof GOALS_REACHED)[number];

/** How what was learnt should be shared further. */
export const SHARE_CHANNELS = [
  'internal-training',
  'follow-up-mentoring',
  'external-training',
  'digital-channels',
  'documents',
] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

export const MIN_ANSWERS_TO_SHOW = 3;

export interface Evaluation {
  readonly programmeId: string;
  readonly tenantId: string;
  readonly pairId: string;
  readonly userId: string;
  readonly role: 'mentor' | 'aktori';
  readonly competence: Rating;
  readonly dialogue: Rating;
  readonly goalsReached: GoalsReached;
  readonly wouldRecommend: boolean;
  readonly shareVia: readonly ShareChannel[];
  readonly submittedAt: string;
}

export interface EvaluationSummary {
  readonly answers: number;
  /** Count of each rating 1–5. */
  readonly competence: Readonly<Record<Rating, number>>;
  readonly dialogue: Readonly<Record<Rating, number>>;
  readonly goalsReached: Readonly<Record<GoalsReached, number>>;
  readonly wouldRecommend: number;
  readonly shareVia: Readonly<Record<ShareChannel, number>>;
}

/** Counts over the answers, or undefined when there are too few to show without identifying someone. */
export function summariseEvaluations(answers: readonly Evaluation[]): EvaluationSummary | undefined {
  if (answers.length < MIN_ANSWERS_TO_SHOW) return undefined;
  const ratings = () => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }) as Record<Rating, number>;
  const competence = ratings();
  const dialogue = ratings();
  const goalsReached = { yes: 0, partly: 0, no: 0 } as Record<GoalsReached, number>;
  const shareVia = Object.fromEntries(SHARE_CHANNELS.map((c) => [c, 0])) as Record<ShareChannel, number>;
  let wouldRecommend = 0;
  for (const a of answers) {
    competence[a.competence]++;
    dialogue[a.dialogue]++;
    goalsReached[a.goalsReached]++;
    if (a.wouldRecommend) wouldRecommend++;
    for (const c of new Set(a.shareVia)) shareVia[c]++;
  }
  return { answers: answers.length, competence, dialogue, goalsReached, wouldRecommend, shareVia };
}
