/**
 * Reads one walkthrough step's values (from a card or the API) into the
 * terms they change. Untrusted input: only the step's own fields are read,
 * and every rule names its field when broken.
 */

import { CADENCE_WEEKS, MEETING_MINUTES } from '../programme/vocabulary';
import { dateOnly, daysBetween, field, integer, listOf, object, oneOf, text, violation } from '../validate';
import {
  AGREEMENT_LIMITS,
  type AgreementStep,
  type AgreementTerms,
  NOTICE_HOURS,
  PLACES,
  SHARING,
} from './agreementTypes';

export interface StepContext {
  /** Today in the programme's time zone (YYYY-MM-DD). */
  readonly today: string;
  readonly quick: boolean;
  readonly peer: boolean;
  readonly members: readonly string[];
  /** Tags goals may be tied to (the programme's areas and the themes). */
  readonly allowedTags: readonly string[];
}

/** The terms after applying one step's values; other steps' terms are kept as they are. */
export function applyStep(
  terms: AgreementTerms,
  step: AgreementStep,
  raw: unknown,
  ctx: StepContext,
): AgreementTerms {
  const input = object(raw, 'data');
  switch (step) {
    case 'duration':
      return { ...terms, ...parseDuration(input, ctx) };
    case 'rules':
      return {
        ...terms,
        cadenceWeeks: oneOf(field(input, 'cadenceWeeks'), 'cadenceWeeks', CADENCE_WEEKS, terms.cadenceWeeks),
        meetingMinutes: oneOf(
          field(input, 'meetingMinutes'),
          'meetingMinutes',
          MEETING_MINUTES,
          terms.meetingMinutes,
        ),
        place: oneOf(field(input, 'place'), 'place', PLACES, terms.place),
        preparation: text(field(input, 'preparation'), 'preparation', {
          max: AGREEMENT_LIMITS.preparation,
          multiline: true,
        }),
        betweenMeetings: text(field(input, 'betweenMeetings'), 'betweenMeetings', {
          max: AGREEMENT_LIMITS.betweenMeetings,
          multiline: true,
        }),
        noticeHours: oneOf(field(input, 'noticeHours'), 'noticeHours', NOTICE_HOURS, terms.noticeHours),
      };
    case 'confidentiality':
      return {
        ...terms,
        sharing: listOf(field(input, 'sharing'), 'sharing', SHARING, { max: SHARING.length }),
      };
    case 'goals':
      return { ...terms, ...parseGoals(input, ctx) };
    case 'review':
      return terms;
  }
}

function parseDuration(
  input: Readonly<Record<string, unknown>>,
  ctx: StepContext,
): Pick<AgreementTerms, 'duration' | 'checkpoint'> {
  // Quick mentoring is one or two conversations on one question: no end date, no checkpoint.
  if (ctx.quick) {
    return {
      duration: { kind: 'meetings', meetings: integer(field(input, 'meetings'), 'meetings', 1, 2, 1) },
      checkpoint: false,
    };
  }
  const kind = oneOf(
    field(input, 'durationKind'),
    'durationKind',
    ['meetings', 'until'] as const,
    'meetings',
  );
  if (kind === 'meetings') {
    return {
      duration: { kind, meetings: integer(field(input, 'meetings'), 'meetings', 2, 5, 3) },
      checkpoint: true,
    };
  }
  const endDate = dateOnly(field(input, 'endDate'), 'endDate', { required: true }) as string;
  if (endDate <= ctx.today) violation('endDate', 'in-past');
  if (daysBetween(ctx.today, endDate) > AGREEMENT_LIMITS.maxDays) violation('endDate', 'range', '12 months');
  return { duration: { kind, endDate }, checkpoint: true };
}

function parseGoals(
  input: Readonly<Record<string, unknown>>,
  ctx: StepContext,
): Pick<AgreementTerms, 'goals' | 'roles'> {
  // The card has two goal fields; anything claiming a third is refused, not ignored.
  for (const extra of ['goal3', 'goals']) {
    if (field(input, extra) !== undefined) violation('goals', 'too-many', AGREEMENT_LIMITS.goals);
  }
  const goals = [1, 2]
    .map((n) => ({
      text: text(field(input, `goal${n}`), `goal${n}`, { max: AGREEMENT_LIMITS.goalLength }),
      tags: listOf(field(input, `goalTags${n}`), `goalTags${n}`, ctx.allowedTags, { max: 4 }),
    }))
    .filter((g) => g.text !== '');
  if (goals.length === 0) violation('goal1', 'required');
  const roles: Record<string, string> = {};
  if (ctx.peer) {
    for (const member of ctx.members) {
      const role = text(field(input, `role_${member}`), `role_${member}`, { max: AGREEMENT_LIMITS.role });
      if (role) roles[member] = role;
    }
  }
  return { goals, roles };
}
