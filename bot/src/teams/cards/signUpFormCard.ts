import type { Programme } from '../../domain/programme/programme';
import { LANGUAGES, type VolunteerRole } from '../../domain/programme/vocabulary';
import { topicTags, VOLUNTEER_LIMITS, type Volunteer } from '../../domain/programme/volunteer';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { languageName, tagLabel } from '../../i18n/wording';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  heading,
  notice,
  paragraph,
  plain,
} from './adaptiveCard';

export interface FormProblem {
  /** The field the server refused (a Violation's field). */
  readonly field: string;
  /** Already in the person's language (describeViolation). */
  readonly message: string;
}

/**
 * One person's own sign-up form, as mentor or aktori. Ids of the inputs are
 * the fields parseVolunteerProfile reads. Prefilled from their active sign-up,
 * or from what they just sent (`draft`) when the server refused it, so a
 * correction never means typing everything again.
 */
export function signUpFormCard(
  programme: Programme,
  role: VolunteerRole,
  existing: Volunteer | undefined,
  locale: Locale,
  problem?: FormProblem,
  draft?: Readonly<Record<string, unknown>>,
): AdaptiveCard {
  const t = translator(locale);
  const topicsId = role === 'mentor' ? 'offers' : 'wants';
  const active = existing?.status === 'active';
  const sameRole = existing?.role === role;
  const fromDraft = (id: string): string | undefined => draftText(draft, id);

  const chosenTopics =
    fromDraft(topicsId) ??
    (existing && sameRole ? (role === 'mentor' ? existing.offers : existing.wants).join(',') : undefined);
  const body: CardElement[] = [
    heading(
      t(role === 'mentor' ? 'signupForm.title.mentor' : 'signupForm.title.aktori', {
        programme: plain(programme.name),
      }),
    ),
  ];
  if (problem) body.push(notice(problem.message));
  body.push(paragraph(t(role === 'mentor' ? 'signupForm.intro.mentor' : 'signupForm.intro.aktori')));
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: topicsId,
      label: t(role === 'mentor' ? 'signupForm.offers' : 'signupForm.wants', {
        max: VOLUNTEER_LIMITS.topics,
      }),
      isMultiSelect: true,
      style: 'expanded',
      isRequired: true,
      errorMessage: t('signupForm.topics.error'),
      choices: topicTags(programme).map((tag) => ({ title: tagLabel(tag, locale), value: tag })),
      ...valueProp(chosenTopics),
    },
    {
      type: 'Input.Text',
      id: 'unit',
      label: t('signupForm.unit'),
      placeholder: t('signupForm.unit.placeholder'),
      maxLength: VOLUNTEER_LIMITS.unit,
      isRequired: true,
      errorMessage: t('signupForm.unit.error'),
      ...valueProp(clip(fromDraft('unit') ?? existing?.unit, VOLUNTEER_LIMITS.unit)),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'languages',
      label: t('signupForm.languages'),
      isMultiSelect: true,
      style: 'expanded',
      isRequired: true,
      errorMessage: t('signupForm.languages.error'),
      choices: LANGUAGES.map((code) => ({ title: languageName(code), value: code })),
      ...valueProp(fromDraft('languages') ?? existing?.languages.join(',')),
    },
  );
  if (role === 'mentor') {
    const capacity = draftNumber(draft, 'capacity') ?? (existing && sameRole ? existing.capacity : 1);
    body.push({
      type: 'Input.Number',
      id: 'capacity',
      label: t('signupForm.capacity'),
      min: 1,
      max: VOLUNTEER_LIMITS.capacity,
      value: capacity,
      errorMessage: t('signupForm.capacity.error', { max: VOLUNTEER_LIMITS.capacity }),
    });
  }
  body.push({
    type: 'Input.Text',
    id: 'note',
    label: t('signupForm.note'),
    isMultiline: true,
    maxLength: VOLUNTEER_LIMITS.note,
    ...valueProp(clip(fromDraft('note') ?? existing?.note, VOLUNTEER_LIMITS.note)),
  });
  body.push(paragraph(t('signupForm.privacy'), { subtle: true }));

  const other: VolunteerRole = role === 'mentor' ? 'aktori' : 'mentor';
  const actions = [
    execute(
      t(active ? 'signupForm.save.change' : 'signupForm.save.new'),
      'signup.save',
      {
        programmeId: programme.id,
        role,
        // The saved sign-up this form showed ('' for none): a late copy of this click cannot undo a newer save.
        shown: existing?.updatedAt ?? fromDraft('shown') ?? '',
      },
      { style: 'positive' },
    ),
  ];
  if (active) {
    actions.push(
      execute(t('signup.withdraw'), 'signup.withdraw', { programmeId: programme.id }, { inputs: 'none' }),
    );
  }
  actions.push(
    execute(
      t(other === 'mentor' ? 'signupForm.switch.mentor' : 'signupForm.switch.aktori'),
      'signup.open',
      {
        programmeId: programme.id,
        role: other,
      },
      { inputs: 'none' },
    ),
  );
  return card(body, locale, actions);
}

function valueProp(value: string | undefined): { value?: string } {
  return value ? { value } : {};
}

function clip(value: string | undefined, max: number): string | undefined {
  return value === undefined ? undefined : value.slice(0, max);
}

/** A text value from untrusted card data: own properties only, strings only. */
export function draftText(
  draft: Readonly<Record<string, unknown>> | undefined,
  id: string,
): string | undefined {
  if (!draft || !Object.hasOwn(draft, id)) return undefined;
  const value = draft[id];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value : undefined;
}

export function draftNumber(
  draft: Readonly<Record<string, unknown>> | undefined,
  id: string,
): number | undefined {
  const text = draftText(draft, id)?.trim();
  return text !== undefined && /^-?\d{1,6}$/.test(text) ? Number(text) : undefined;
}
