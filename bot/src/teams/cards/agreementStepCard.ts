/**
 * The pair's agreement walkthrough, one step per card: duration, ground
 * rules, confidentiality, goals, then the review where each member accepts.
 * Input ids are the fields applyStep (parseAgreementStep.ts) reads. Values
 * come from the agreement's current terms, or from what the person just sent
 * (`draft`) when the server refused it, so a correction never means typing
 * everything again.
 */
import {
  AGREEMENT_LIMITS,
  AGREEMENT_STEPS,
  type Agreement,
  type AgreementStep,
  agreementStatus,
  membersOf,
  NOTICE_HOURS,
  PLACES,
  SHARING,
} from '../../domain/agreement/agreementTypes';
import { localDate, type Programme } from '../../domain/programme/programme';
import { CADENCE_WEEKS, MEETING_MINUTES } from '../../domain/programme/vocabulary';
import { topicTags } from '../../domain/programme/volunteer';
import type { Locale } from '../../i18n/locale';
import { type Translate, translator } from '../../i18n/translate';
import { cadencePhrase, capitalise, formatDate, joinList, tagLabel } from '../../i18n/wording';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  factSet,
  heading,
  notice,
  paragraph,
  plain,
  subheading,
} from './adaptiveCard';
import {
  agreementSummary,
  memberName,
  noticeLabel,
  placeLabel,
  plainNames,
  sharingLabel,
} from './agreementSummary';
import { draftNumber, draftText } from './signUpFormCard';

export type AgreementNotice =
  | { readonly kind: 'stale'; readonly byName: string }
  | { readonly kind: 'problem'; readonly message: string }
  | { readonly kind: 'info'; readonly message: string };

export interface AgreementStepCardInput {
  readonly agreement: Agreement;
  readonly programme: Programme;
  /** Display names by user id (the pair's names). */
  readonly names: Readonly<Record<string, string>>;
  readonly viewerId: string;
  readonly step: AgreementStep;
  readonly locale: Locale;
  readonly notice?: AgreementNotice;
  /** What the person sent when it was refused: shown instead of the terms. */
  readonly draft?: Readonly<Record<string, unknown>>;
}

/** The numbered steps; the review is the summary of them all. */
export const NUMBERED_STEPS = AGREEMENT_STEPS.filter((s) => s !== 'review');

/** applyStep reads at most this many topics per goal. */
export const GOAL_TAGS_MAX = 4;

const DURATION_KINDS = ['meetings', 'until'] as const;

type Draft = Readonly<Record<string, unknown>> | undefined;

export function agreementStepCard(input: AgreementStepCardInput): AdaptiveCard {
  const { agreement, programme, names, viewerId, step, locale } = input;
  const t = translator(locale);
  const members = membersOf(agreement);
  const isMember = members.includes(viewerId);
  // Who the viewer is agreeing with, and themselves as "you": "Ville and you".
  const people = isMember
    ? plain(
        joinList(
          [...members.filter((m) => m !== viewerId).map((m) => memberName(names, m, t)), t('agreement.you')],
          locale,
        ),
      )
    : plainNames(members, names, locale);

  const body: CardElement[] = [heading(t('agreement.title'))];
  if (input.notice) body.push(noticeElement(input.notice, t));
  body.push(
    paragraph(t('agreement.context', { programme: plain(programme.name), names: people }), { subtle: true }),
  );
  if (step === 'review') {
    body.push(subheading(t('agreement.review.title')));
  } else {
    body.push(
      subheading(
        t('agreement.step', {
          number: NUMBERED_STEPS.indexOf(step) + 1,
          total: NUMBERED_STEPS.length,
          name: t(`agreement.step.${step}`),
        }),
      ),
    );
  }

  const where = agreementIds(agreement);
  const back = execute(t('agreement.back'), 'agreement.back', { ...where, step }, { inputs: 'none' });
  const next = execute(
    t('agreement.next'),
    'agreement.save',
    { ...where, step, version: agreement.version },
    { style: 'positive' },
  );
  const stepActions = step === AGREEMENT_STEPS[0] ? [next] : [back, next];

  switch (step) {
    case 'duration':
      body.push(...durationStep(input, t));
      return card(body, locale, stepActions);
    case 'rules':
      body.push(...rulesStep(input, t));
      return card(body, locale, stepActions);
    case 'confidentiality':
      body.push(...confidentialityStep(input, t));
      return card(body, locale, stepActions);
    case 'goals':
      body.push(...goalsStep(input, t));
      return card(body, locale, stepActions);
    case 'review': {
      const review = reviewStep(input, t);
      body.push(...review.body);
      return card(body, locale, [...review.actions, ...(review.back ? [back] : [])]);
    }
  }
}

function noticeElement(n: AgreementNotice, t: Translate): CardElement {
  switch (n.kind) {
    case 'stale':
      return notice(t('agreement.stale', { name: plain(n.byName) }));
    case 'problem':
      // Already in the person's language (describeViolation), never an echo of the input.
      return notice(n.message);
    case 'info':
      return { type: 'TextBlock', text: n.message, wrap: true, color: 'Accent', weight: 'Bolder' };
  }
}

function durationStep(input: AgreementStepCardInput, t: Translate): CardElement[] {
  const { agreement, programme, draft } = input;
  const { duration } = agreement.terms;
  const out: CardElement[] = [paragraph(t('agreement.intro'))];
  if (agreement.quick) {
    // Quick mentoring: one or two conversations on one question, no end date and no checkpoint.
    const current = duration.kind === 'meetings' ? clamp(duration.meetings, 1, 2) : 1;
    out.push(paragraph(t('agreement.duration.quick')), {
      type: 'Input.ChoiceSet',
      id: 'meetings',
      label: t('agreement.duration.quick.meetings'),
      style: 'expanded',
      choices: [1, 2].map((n) => ({
        title: t(n === 1 ? 'agreement.duration.quick.1' : 'agreement.duration.quick.2'),
        value: String(n),
      })),
      value: choiceValue(draft, 'meetings', ['1', '2'], String(current)),
    });
    return out;
  }
  const meetings =
    draftInRange(draft, 'meetings', 2, 5) ??
    (duration.kind === 'meetings'
      ? clamp(duration.meetings, 2, 5)
      : clamp(programme.defaults.firstPhaseMeetings, 2, 5));
  const endDate = draftDate(draft, 'endDate') ?? (duration.kind === 'until' ? duration.endDate : undefined);
  out.push(
    paragraph(t('agreement.duration.question')),
    {
      type: 'Input.ChoiceSet',
      id: 'durationKind',
      label: t('agreement.duration.kind'),
      style: 'expanded',
      isRequired: true,
      errorMessage: t('agreement.duration.kind.error'),
      choices: DURATION_KINDS.map((kind) => ({ title: t(`agreement.duration.kind.${kind}`), value: kind })),
      value: choiceValue(draft, 'durationKind', DURATION_KINDS, duration.kind),
    },
    {
      type: 'Input.Number',
      id: 'meetings',
      label: t('agreement.duration.meetings'),
      min: 2,
      max: 5,
      value: meetings,
      errorMessage: t('agreement.duration.meetings.error'),
    },
    {
      type: 'Input.Date',
      id: 'endDate',
      label: t('agreement.duration.endDate'),
      ...(endDate ? { value: endDate } : {}),
    },
    paragraph(t('agreement.duration.checkpoint')),
  );
  return out;
}

function rulesStep(input: AgreementStepCardInput, t: Translate): CardElement[] {
  const { agreement, programme, draft } = input;
  const terms = agreement.terms;
  const peer = programme.form === 'peer';
  return [
    paragraph(t('agreement.rules.intro')),
    {
      type: 'Input.ChoiceSet',
      id: 'cadenceWeeks',
      label: t('agreement.rules.cadence'),
      choices: CADENCE_WEEKS.map((weeks) => ({
        title: capitalise(cadencePhrase(weeks, t)),
        value: String(weeks),
      })),
      value: choiceValue(draft, 'cadenceWeeks', CADENCE_WEEKS.map(String), String(terms.cadenceWeeks)),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'meetingMinutes',
      label: t('agreement.rules.minutes'),
      choices: MEETING_MINUTES.map((minutes) => ({
        title: t('programmeForm.minutes', { minutes }),
        value: String(minutes),
      })),
      value: choiceValue(draft, 'meetingMinutes', MEETING_MINUTES.map(String), String(terms.meetingMinutes)),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'place',
      label: t('agreement.rules.place'),
      style: 'expanded',
      choices: PLACES.map((place) => ({ title: placeLabel(place, t), value: place })),
      value: choiceValue(draft, 'place', PLACES, terms.place),
    },
    {
      type: 'Input.Text',
      id: 'preparation',
      label: t('agreement.rules.preparation'),
      placeholder: t('agreement.rules.preparation.placeholder'),
      isMultiline: true,
      maxLength: AGREEMENT_LIMITS.preparation,
      ...textValue(draft, 'preparation', terms.preparation, AGREEMENT_LIMITS.preparation),
    },
    {
      type: 'Input.Text',
      id: 'betweenMeetings',
      label: t(peer ? 'agreement.rules.between.peer' : 'agreement.rules.between'),
      placeholder: t('agreement.rules.between.placeholder'),
      isMultiline: true,
      maxLength: AGREEMENT_LIMITS.betweenMeetings,
      ...textValue(draft, 'betweenMeetings', terms.betweenMeetings, AGREEMENT_LIMITS.betweenMeetings),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'noticeHours',
      label: t('agreement.rules.notice'),
      choices: NOTICE_HOURS.map((hours) => ({
        title: capitalise(noticeLabel(hours, t)),
        value: String(hours),
      })),
      value: choiceValue(draft, 'noticeHours', NOTICE_HOURS.map(String), String(terms.noticeHours)),
    },
  ];
}

function confidentialityStep(input: AgreementStepCardInput, t: Translate): CardElement[] {
  const { agreement, programme, names, locale, draft } = input;
  const members = membersOf(agreement);
  const group = programme.form === 'group' || members.length > 2;
  const sharing = draftList(draft, 'sharing', SHARING) ?? [...agreement.terms.sharing];
  return [
    paragraph(t('agreement.confidentiality.statement', { names: plainNames(members, names, locale) })),
    {
      type: 'Input.ChoiceSet',
      id: 'sharing',
      label: t('agreement.confidentiality.sharing'),
      isMultiSelect: true,
      style: 'expanded',
      choices: SHARING.map((s) => ({ title: sharingLabel(s, t, group), value: s })),
      ...(sharing.length > 0 ? { value: sharing.join(',') } : {}),
    },
    paragraph(t('agreement.confidentiality.none')),
    paragraph(t('agreement.confidentiality.accept'), { subtle: true }),
  ];
}

function goalsStep(input: AgreementStepCardInput, t: Translate): CardElement[] {
  const { agreement, programme, names, locale, draft } = input;
  const terms = agreement.terms;
  const peer = programme.form === 'peer';
  const group = agreement.aktoriIds.length > 1;
  const tags = topicTags(programme);
  const choices = tags.map((tag) => ({ title: tagLabel(tag, locale), value: tag }));
  const out: CardElement[] = [
    paragraph(
      t(
        peer
          ? 'agreement.goals.intro.peer'
          : group
            ? 'agreement.goals.intro.group'
            : 'agreement.goals.intro.pair',
      ),
    ),
    paragraph(t('agreement.goals.supervisor'), { subtle: true }),
  ];
  for (const n of [1, 2] as const) {
    const goal = terms.goals[n - 1];
    const chosen =
      draftList(draft, `goalTags${n}`, tags) ?? (goal?.tags ?? []).filter((tag) => tags.includes(tag));
    out.push(
      {
        type: 'Input.Text',
        id: `goal${n}`,
        label: t(n === 1 ? 'agreement.goals.goal1' : 'agreement.goals.goal2'),
        maxLength: AGREEMENT_LIMITS.goalLength,
        ...(n === 1 ? { isRequired: true, errorMessage: t('agreement.goals.goal1.error') } : {}),
        ...textValue(draft, `goal${n}`, goal?.text ?? '', AGREEMENT_LIMITS.goalLength),
      },
      {
        type: 'Input.ChoiceSet',
        id: `goalTags${n}`,
        label: t('agreement.goals.tags', { number: n, max: GOAL_TAGS_MAX }),
        isMultiSelect: true,
        style: 'compact',
        choices,
        ...(chosen.length > 0 ? { value: chosen.slice(0, GOAL_TAGS_MAX).join(',') } : {}),
      },
    );
  }
  if (peer) {
    out.push(subheading(t('agreement.goals.roles')));
    for (const member of membersOf(agreement)) {
      const id = `role_${member}`;
      out.push({
        type: 'Input.Text',
        id,
        // Labels are plain text runs, never markdown: the name goes in as it is.
        label: t('agreement.goals.role', { name: memberName(names, member, t) }),
        maxLength: AGREEMENT_LIMITS.role,
        ...textValue(
          draft,
          id,
          Object.hasOwn(terms.roles, member) ? (terms.roles[member] ?? '') : '',
          AGREEMENT_LIMITS.role,
        ),
      });
    }
  }
  return out;
}

function reviewStep(
  input: AgreementStepCardInput,
  t: Translate,
): { body: CardElement[]; actions: Record<string, unknown>[]; back: boolean } {
  const { agreement, programme, names, viewerId, locale, draft } = input;
  const members = membersOf(agreement);
  const memberNames = Object.fromEntries(members.map((m) => [m, memberName(names, m, t)]));
  const { version } = agreement;
  const where = agreementIds(agreement);
  const accepted = members.filter((m) => agreement.acceptances[m]?.version === version);
  const waiting = members.filter((m) => !accepted.includes(m));
  const status = agreementStatus(agreement);

  const body: CardElement[] = [paragraph(t('agreement.review.version', { version }), { subtle: true })];
  if (status === 'reopened' && agreement.inForce) {
    body.push(
      paragraph(
        t('agreement.review.stillInForce', {
          date: formatDate(localDate(new Date(agreement.inForce.at), programme.timeZone), locale),
        }),
      ),
    );
  }
  body.push(...agreementSummary(agreement.terms, programme, memberNames, locale));
  const acceptance: [string, string][] = [
    [
      t('agreement.review.accepted'),
      accepted.length > 0 ? plainNames(accepted, names, locale) : t('agreement.review.nobody'),
    ],
  ];
  if (waiting.length > 0)
    acceptance.push([t('agreement.review.waiting'), plainNames(waiting, names, locale)]);
  body.push(factSet(acceptance));

  const change = execute(
    t('agreement.review.change'),
    'agreement.goto',
    { ...where, step: 'duration' },
    { inputs: 'none' },
  );
  if (status === 'in-force') {
    body.push(
      paragraph(t('agreement.review.allAccepted')),
      paragraph(t('agreement.inForce.reopen.note'), { subtle: true }),
    );
    return {
      body,
      actions: [
        execute(t('agreement.inForce.reopen'), 'agreement.reopen', { ...where, version }, { inputs: 'none' }),
      ],
      back: false,
    };
  }
  if (!members.includes(viewerId)) return { body, actions: [], back: false };
  if (accepted.includes(viewerId)) {
    body.push(paragraph(t('agreement.review.youAccepted', { names: plainNames(waiting, names, locale) })));
    return { body, actions: [change], back: true };
  }
  if (agreement.terms.goals.length === 0) {
    body.push(notice(t('agreement.review.needsGoal')));
    return {
      body,
      actions: [
        execute(
          t('agreement.review.addGoal'),
          'agreement.goto',
          { ...where, step: 'goals' },
          { inputs: 'none' },
        ),
        change,
      ],
      back: true,
    };
  }
  body.push({
    type: 'Input.Toggle',
    id: 'confidentiality',
    label: t('agreement.review.confidentiality.label'),
    title: t('agreement.review.confidentiality'),
    valueOn: 'true',
    valueOff: 'false',
    value: draftText(draft, 'confidentiality') === 'true' ? 'true' : 'false',
    isRequired: true,
    errorMessage: t('agreement.review.confidentiality.error'),
    wrap: true,
  });
  return {
    body,
    actions: [
      execute(t('agreement.review.accept'), 'agreement.accept', { ...where, version }, { style: 'positive' }),
      change,
    ],
    back: true,
  };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), max);
}

/** A draft's choice if it is one of the allowed values, else the fallback (the terms). */
function choiceValue(draft: Draft, id: string, allowed: readonly string[], fallback: string): string {
  const value = draftText(draft, id)?.trim();
  return value !== undefined && allowed.includes(value) ? value : fallback;
}

/** A draft's multi-select: the allowed values it names (undefined when the draft has no such field). */
function draftList(draft: Draft, id: string, allowed: readonly string[]): string[] | undefined {
  if (!draft || !Object.hasOwn(draft, id)) return undefined;
  const picked = (draftText(draft, id) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => allowed.includes(s));
  return [...new Set(picked)];
}

function draftInRange(draft: Draft, id: string, min: number, max: number): number | undefined {
  const n = draftNumber(draft, id);
  return n !== undefined && n >= min && n <= max ? n : undefined;
}

function draftDate(draft: Draft, id: string): string | undefined {
  const value = draftText(draft, id)?.trim();
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** The draft's text when it has the field (even emptied), else the terms'; clipped to the input's maxLength. */
function textValue(draft: Draft, id: string, current: string, max: number): { value?: string } {
  const fromDraft = draft && Object.hasOwn(draft, id) ? (draftText(draft, id) ?? '') : undefined;
  const value = (fromDraft ?? current).slice(0, max);
  return value ? { value } : {};
}

/** What every agreement action carries: the pair, and its programme so the service can read both at once. */
export function agreementIds(agreement: Pick<Agreement, 'pairId' | 'programmeId'>): {
  pairId: string;
  programmeId: string;
} {
  return { pairId: agreement.pairId, programmeId: agreement.programmeId };
}
