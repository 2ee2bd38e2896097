/**
 * The rhythm's card actions: the check-in after a meeting, the checkpoint,
 * the evaluation and learnings, and the "learning" command. Card data is
 * untrusted: ids and enums are checked for shape here, and the services
 * decide from stored state whether this person may act and what it does.
 */
import { isPolkuError, ValidationError } from '../domain/errors';
import { CHECK_IN_ANSWERS } from '../domain/meetings/meeting';
import { CHECKPOINT_CHOICES } from '../domain/rhythm/checkpoint';
import type { Learning } from '../domain/rhythm/learning';
import { field, type Input, integer, oneOf } from '../domain/validate';
import type { MessageKey } from '../i18n/en';
import type { Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import type { Actor } from '../services/actor';
import type { AgreementService } from '../services/agreements/agreementService';
import type { CheckInService } from '../services/rhythm/checkInService';
import type { CheckpointService } from '../services/rhythm/checkpointService';
import type { EvaluationService } from '../services/rhythm/evaluationService';
import type { LearningService } from '../services/rhythm/learningService';
import { type AdaptiveCard, card, paragraph } from './cards/adaptiveCard';
import { checkInAnsweredCard } from './cards/checkInCard';
import { checkpointOutcomeCard } from './cards/checkpointCard';
import { describeViolation } from './cards/describeViolation';
import { evaluationCard, evaluationReceivedCard } from './cards/evaluationCard';
import {
  type LearningPairOption,
  type LearningState,
  learningProposeCard,
  learningProposedCard,
  learningStateCard,
} from './cards/learningCards';

export const RHYTHM_VERBS = [
  'checkin.answer',
  'checkpoint.choose',
  'evaluation.submit',
  'learning.propose',
  'learning.approve',
  'learning.decline',
] as const;
export type RhythmVerb = (typeof RHYTHM_VERBS)[number];

export function isRhythmVerb(verb: string): verb is RhythmVerb {
  return (RHYTHM_VERBS as readonly string[]).includes(verb);
}

export interface RhythmActionDeps {
  readonly checkIns: CheckInService;
  readonly checkpoints: CheckpointService;
  readonly evaluations: EvaluationService;
  readonly learnings: LearningService;
  /** The person's pairs, to choose which one a learning comes from. */
  readonly agreements: Pick<AgreementService, 'mine'>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAIR_ID = /^p[0-9a-f]{16}$/;
const LEARNING_ID = /^l[0-9a-f]{24}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** Refusals the rhythm says in its own words; anything else goes to the shared error card. */
const REFUSALS: Readonly<Record<string, MessageKey>> = {
  not_pair_member: 'rhythm.notMember',
  meeting_not_found: 'checkIn.notFound',
  learning_not_found: 'learning.notFound',
};

export async function handleRhythmAction(
  deps: RhythmActionDeps,
  actor: Actor,
  verb: RhythmVerb,
  data: Input,
  locale: Locale,
): Promise<AdaptiveCard> {
  try {
    return await act(deps, actor, verb, data, locale);
  } catch (err) {
    const key = isPolkuError(err) ? REFUSALS[err.code] : undefined;
    if (key) return card([paragraph(translator(locale)(key))], locale);
    throw err;
  }
}

async function act(
  deps: RhythmActionDeps,
  actor: Actor,
  verb: RhythmVerb,
  data: Input,
  locale: Locale,
): Promise<AdaptiveCard> {
  switch (verb) {
    case 'checkin.answer':
      return checkIn(deps, actor, data, locale);
    case 'checkpoint.choose': {
      const input = { ...pairOf(data), choice: oneOf(field(data, 'choice'), 'choice', CHECKPOINT_CHOICES) };
      const { programme, pair, outcome } = await deps.checkpoints.choose(actor, input);
      return checkpointOutcomeCard(programme, pair, outcome, locale);
    }
    case 'evaluation.submit':
      return evaluate(deps, actor, data, locale);
    case 'learning.propose':
      return propose(deps, actor, data, field(data, 'learning'), locale);
    case 'learning.approve':
    case 'learning.decline': {
      const { programmeId, learningId } = learningOf(data);
      const approve = verb === 'learning.approve';
      const answer = approve
        ? await deps.learnings.approve(actor, programmeId, learningId)
        : await deps.learnings.decline(actor, programmeId, learningId);
      const mine = answer.result === 'changed' && !approve;
      return learningStateCard(answer.learning, mine ? 'declined' : stateOf(answer.learning), locale);
    }
  }
}

async function checkIn(
  deps: RhythmActionDeps,
  actor: Actor,
  data: Input,
  locale: Locale,
): Promise<AdaptiveCard> {
  const start = field(data, 'start');
  const shownStart = typeof start === 'string' && ISO_UTC.test(start) ? Date.parse(start) : Number.NaN;
  if (!Number.isFinite(shownStart))
    throw new ValidationError('The card does not name a time', { field: 'start', rule: 'format' });
  const input = {
    ...pairOf(data),
    number: integer(field(data, 'number'), 'number', 1, 9999),
    answer: oneOf(field(data, 'answer'), 'answer', CHECK_IN_ANSWERS),
    shownStart,
  };
  const { result, meeting, programme } = await deps.checkIns.answer(actor, input);
  const timeZone = meeting.memberTimes?.[actor.userId]?.timeZone ?? programme.timeZone;
  const shown = { pairId: meeting.pairId, timeZone };
  if (result === 'cancelled') return checkInAnsweredCard({ kind: 'cancelled' }, shown, locale);
  if (result === 'moved' || result === 'not-yet') {
    const kind = result === 'moved' ? 'now-at' : 'not-yet';
    return checkInAnsweredCard({ kind, start: meeting.start, end: meeting.end }, shown, locale);
  }
  return checkInAnsweredCard({ kind: input.answer }, shown, locale);
}

async function evaluate(
  deps: RhythmActionDeps,
  actor: Actor,
  data: Input,
  locale: Locale,
): Promise<AdaptiveCard> {
  const { programmeId, pairId } = pairOf(data);
  try {
    const { result } = await deps.evaluations.submit(actor, programmeId, pairId, data);
    return evaluationReceivedCard(result, locale);
  } catch (err) {
    if (!(err instanceof ValidationError && err.violation)) throw err;
    // Nothing was stored: the same card again, the problem named and the person's choices kept.
    const { programme, pair } = await deps.evaluations.pairFor(actor, programmeId, pairId);
    return evaluationCard(programme, pair, locale, {
      problem: describeViolation(err.violation, locale),
      draft: data,
    });
  }
}

/**
 * A learning from the card or the command. With one pair it goes straight
 * to the partners; with several the card asks which pair it comes from.
 */
export async function propose(
  deps: RhythmActionDeps,
  actor: Actor,
  data: Input,
  text: unknown,
  locale: Locale,
): Promise<AdaptiveCard> {
  const pairs = await pairOptions(deps, actor);
  if (pairs.length === 0) return card([paragraph(translator(locale)('learning.noPair'))], locale);
  const draft = typeof text === 'string' ? text : '';
  const chosen = chosenPair(data, pairs);
  if (!chosen || draft.trim() === '') return learningProposeCard(pairs, locale, draft ? { draft } : {});
  try {
    const { learning, pair } = await deps.learnings.propose(actor, chosen.programmeId, chosen.pairId, draft);
    const partners = Object.entries(pair.names)
      .filter(([id]) => id !== actor.userId)
      .map(([, name]) => name);
    return learningProposedCard(learning, partners, locale);
  } catch (err) {
    if (!(err instanceof ValidationError && err.violation)) throw err;
    return learningProposeCard(pairs, locale, { problem: describeViolation(err.violation, locale), draft });
  }
}

async function pairOptions(deps: RhythmActionDeps, actor: Actor): Promise<LearningPairOption[]> {
  return (await deps.agreements.mine(actor)).map((p) => ({
    programmeId: p.programmeId,
    pairId: p.pairId,
    programmeName: p.programmeName,
    partnerNames: p.partnerNames,
  }));
}

/** The pair named on the card (or chosen from the list), or the only one the person has. */
function chosenPair(data: Input, pairs: readonly LearningPairOption[]): LearningPairOption | undefined {
  const picked = field(data, 'pair');
  if (typeof picked === 'string' && picked !== '') {
    const [programmeId, pairId] = picked.split('|');
    return pairs.find((p) => p.programmeId === programmeId && p.pairId === pairId);
  }
  const named = field(data, 'pairId');
  if (typeof named === 'string') {
    return pairs.find((p) => p.pairId === named && p.programmeId === field(data, 'programmeId'));
  }
  return pairs.length === 1 ? pairs[0] : undefined;
}

function stateOf(learning: Pick<Learning, 'status'>): LearningState {
  if (learning.status === 'approved') return 'shared';
  return learning.status === 'withdrawn' ? 'withdrawn' : 'waiting';
}

function pairOf(data: Input): { programmeId: string; pairId: string } {
  return { programmeId: programmeIdOf(data), pairId: idOf(data, 'pairId', PAIR_ID) };
}

function learningOf(data: Input): { programmeId: string; learningId: string } {
  return { programmeId: programmeIdOf(data), learningId: idOf(data, 'learningId', LEARNING_ID) };
}

function programmeIdOf(data: Input): string {
  return idOf(data, 'programmeId', GUID);
}

/** An id the card carries, checked for shape; the services check what it names. */
function idOf(data: Input, name: string, shape: RegExp): string {
  const value = field(data, name);
  if (typeof value !== 'string' || !shape.test(value))
    throw new ValidationError(`The card does not name a ${name}`, { field: name, rule: 'format' });
  return value;
}
