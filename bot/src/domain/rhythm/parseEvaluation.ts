/**
 * An evaluation as the card or the API sends it, checked field by field:
 * ratings are whole numbers 1–5, the rest come from fixed lists. A failure
 * names the field and the rule, never the value.
 */
import { field, type Input, integer, listOf, object, oneOf } from '../validate';
import {
  type Evaluation,
  GOALS_REACHED,
  type GoalsReached,
  type Rating,
  SHARE_CHANNELS,
  type ShareChannel,
} from './evaluation';

export const YES_NO = ['yes', 'no'] as const;

export type EvaluationAnswers = Pick<
  Evaluation,
  'competence' | 'dialogue' | 'goalsReached' | 'wouldRecommend' | 'shareVia'
>;

export function parseEvaluation(raw: unknown): EvaluationAnswers {
  const input: Input = object(raw, 'data');
  return {
    competence: integer(field(input, 'competence'), 'competence', 1, 5) as Rating,
    dialogue: integer(field(input, 'dialogue'), 'dialogue', 1, 5) as Rating,
    goalsReached: oneOf<GoalsReached>(field(input, 'goalsReached'), 'goalsReached', GOALS_REACHED),
    wouldRecommend: oneOf(field(input, 'wouldRecommend'), 'wouldRecommend', YES_NO) === 'yes',
    shareVia: listOf<ShareChannel>(field(input, 'shareVia'), 'shareVia', SHARE_CHANNELS, {
      max: SHARE_CHANNELS.length,
    }),
  };
}
