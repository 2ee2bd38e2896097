import { PROGRAMME_LIMITS } from '../../domain/programme/parseProgrammeSettings';
import type { Programme } from '../../domain/programme/programme';
import { DEFAULT_AGREEMENT } from '../../domain/programme/programme';
import {
  CADENCE_WEEKS,
  COACHING_SESSIONS,
  COMPETENCE_AIMS,
  LANGUAGES,
  MEETING_MINUTES,
  PROGRAMME_FORMS,
} from '../../domain/programme/vocabulary';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { cadencePhrase, capitalise, coachingLabel, formLabel, languageName } from '../../i18n/wording';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  heading,
  notice,
  paragraph,
  subheading,
} from './adaptiveCard';
import { draftNumber, draftText, type FormProblem } from './signUpFormCard';

/** Up to 12 areas of up to 60 characters, with ", " between them. */
const COMPETENCE_AREAS_MAX_LENGTH =
  PROGRAMME_LIMITS.competenceAreas * (PROGRAMME_LIMITS.competenceAreaLength + 2);

const MODE_KINDS = ['cohort', 'nonstop'] as const;

/**
 * Creating a programme from a team channel. Input ids are flat (cards send a
 * flat map); programmeInputFromCard turns them into what
 * parseProgrammeSettings reads. After a refused submit the card comes back
 * with the problem on top and everything that was typed still in place.
 */
export function programmeFormCard(
  locale: Locale,
  options: {
    draft?: Readonly<Record<string, unknown>>;
    problem?: FormProblem;
    /** Editing an existing programme: the card carries the version it shows, so a stale save is caught. */
    edit?: { readonly programmeId: string; readonly etag: string };
  } = {},
): AdaptiveCard {
  const t = translator(locale);
  const { draft, problem } = options;
  const text = (id: string, max: number): { value?: string } => {
    const value = draftText(draft, id)?.slice(0, max);
    return value ? { value } : {};
  };
  const date = (id: string): { value?: string } => {
    const value = draftText(draft, id)?.trim();
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : {};
  };
  const choice = (
    id: string,
    allowed: readonly (string | number)[],
    fallback?: string | number,
  ): { value?: string } => {
    const value = draftText(draft, id)?.trim();
    if (value !== undefined && allowed.map(String).includes(value)) return { value };
    return fallback === undefined ? {} : { value: String(fallback) };
  };
  const choices = (id: string, allowed: readonly string[]): { value?: string } => {
    const picked = (draftText(draft, id) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => allowed.includes(s));
    return picked.length > 0 ? { value: [...new Set(picked)].join(',') } : {};
  };
  const number = (id: string, min: number, max: number, fallback: number): number => {
    const value = draftNumber(draft, id);
    return value !== undefined && value >= min && value <= max ? value : fallback;
  };

  const body: CardElement[] = [heading(t('programmeForm.title'))];
  if (problem) body.push(notice(problem.message));
  body.push(
    paragraph(t('programmeForm.intro')),
    {
      type: 'Input.Text',
      id: 'name',
      label: t('field.name'),
      maxLength: PROGRAMME_LIMITS.name,
      isRequired: true,
      errorMessage: t('programmeForm.name.error'),
      ...text('name', PROGRAMME_LIMITS.name),
    },
    {
      type: 'Input.Text',
      id: 'description',
      label: t('programmeForm.description'),
      isMultiline: true,
      maxLength: PROGRAMME_LIMITS.description,
      ...text('description', PROGRAMME_LIMITS.description),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'form',
      label: t('field.form'),
      choices: PROGRAMME_FORMS.map((form) => ({ title: formLabel(form, t), value: form })),
      ...choice('form', PROGRAMME_FORMS, 'pair'),
    },
    subheading(t('programmeForm.schedule')),
    {
      type: 'Input.ChoiceSet',
      id: 'modeKind',
      label: t('field.mode.kind'),
      style: 'expanded',
      isRequired: true,
      errorMessage: t('programmeForm.modeKind.error'),
      choices: MODE_KINDS.map((kind) => ({ title: t(`programmeForm.mode.${kind}`), value: kind })),
      ...choice('modeKind', MODE_KINDS, 'cohort'),
    },
    { type: 'Input.Date', id: 'startDate', label: t('programmeForm.startDate'), ...date('startDate') },
    { type: 'Input.Date', id: 'endDate', label: t('programmeForm.endDate'), ...date('endDate') },
    {
      type: 'Input.Date',
      id: 'signUpDeadline',
      label: t('programmeForm.signUpDeadline'),
      ...date('signUpDeadline'),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'coachingSessions',
      label: t('programmeForm.coachingSessions'),
      isMultiSelect: true,
      style: 'expanded',
      choices: COACHING_SESSIONS.map((s) => ({ title: capitalise(coachingLabel(s, t)), value: s })),
      ...choices('coachingSessions', COACHING_SESSIONS),
    },
    subheading(t('programmeForm.content')),
    {
      type: 'Input.ChoiceSet',
      id: 'aims',
      label: t('field.aims'),
      isMultiSelect: true,
      style: 'expanded',
      choices: COMPETENCE_AIMS.map((aim) => ({ title: t(`programmeForm.aim.${aim}`), value: aim })),
      ...choices('aims', COMPETENCE_AIMS),
    },
    {
      type: 'Input.Text',
      id: 'competenceAreas',
      label: t('programmeForm.competenceAreas', { max: PROGRAMME_LIMITS.competenceAreas }),
      placeholder: t('programmeForm.competenceAreas.placeholder'),
      maxLength: COMPETENCE_AREAS_MAX_LENGTH,
      ...text('competenceAreas', COMPETENCE_AREAS_MAX_LENGTH),
    },
    subheading(t('programmeForm.meetings')),
    {
      type: 'Input.Number',
      id: 'firstPhaseMeetings',
      label: t('programmeForm.firstPhaseMeetings'),
      min: 1,
      max: 5,
      value: number('firstPhaseMeetings', 1, 5, DEFAULT_AGREEMENT.firstPhaseMeetings),
      errorMessage: t('programmeForm.range.error', { min: 1, max: 5 }),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'cadenceWeeks',
      label: t('field.defaults.cadenceWeeks'),
      choices: CADENCE_WEEKS.map((weeks) => ({
        title: capitalise(cadencePhrase(weeks, t)),
        value: String(weeks),
      })),
      ...choice('cadenceWeeks', CADENCE_WEEKS, DEFAULT_AGREEMENT.cadenceWeeks),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'meetingMinutes',
      label: t('field.defaults.meetingMinutes'),
      choices: MEETING_MINUTES.map((minutes) => ({
        title: t('programmeForm.minutes', { minutes }),
        value: String(minutes),
      })),
      ...choice('meetingMinutes', MEETING_MINUTES, DEFAULT_AGREEMENT.meetingMinutes),
    },
    {
      type: 'Input.Number',
      id: 'nudgeLeadHours',
      label: t('programmeForm.nudgeLeadHours'),
      min: 1,
      max: 168,
      value: number('nudgeLeadHours', 1, 168, DEFAULT_AGREEMENT.nudgeLeadHours),
      errorMessage: t('programmeForm.range.error', { min: 1, max: 168 }),
    },
    {
      type: 'Input.Toggle',
      id: 'nudgeAktori',
      label: t('field.defaults.nudgeAktori'),
      title: t('programmeForm.nudgeAktori'),
      valueOn: 'true',
      valueOff: 'false',
      value: draftText(draft, 'nudgeAktori') === 'true' ? 'true' : 'false',
      wrap: true,
    },
    {
      type: 'Input.ChoiceSet',
      id: 'language',
      label: t('programmeForm.language'),
      choices: LANGUAGES.map((code) => ({ title: languageName(code), value: code })),
      ...choice('language', LANGUAGES, locale),
    },
  );
  const action = options.edit
    ? execute(t('programmeForm.save'), 'programme.update', options.edit, { style: 'positive' })
    : execute(t('programmeForm.create'), 'programme.create', {}, { style: 'positive' });
  return card(body, locale, [action]);
}

/** A programme's settings as the form's flat draft values, to edit them on the card. */
export function programmeDraft(p: Programme): Record<string, unknown> {
  return {
    name: p.name,
    description: p.description,
    form: p.form,
    modeKind: p.mode.kind,
    ...(p.mode.kind === 'cohort'
      ? {
          startDate: p.mode.startDate,
          endDate: p.mode.endDate,
          coachingSessions: p.mode.coachingSessions.join(','),
        }
      : {}),
    signUpDeadline: p.signUpDeadline ?? '',
    aims: p.aims.join(','),
    competenceAreas: p.competenceAreas.join(', '),
    firstPhaseMeetings: String(p.defaults.firstPhaseMeetings),
    cadenceWeeks: String(p.defaults.cadenceWeeks),
    meetingMinutes: String(p.defaults.meetingMinutes),
    nudgeLeadHours: String(p.defaults.nudgeLeadHours),
    nudgeAktori: String(p.defaults.nudgeAktori),
    language: p.language,
  };
}

type Data = Readonly<Record<string, unknown>>;

/**
 * The flat values a programme form card sends, as the nested input
 * parseProgrammeSettings reads. Trusts nothing: only the form's own keys are
 * read (own properties, so "__proto__" never is), blanks count as missing so
 * defaults apply, digit strings become numbers, and anything else is passed
 * on unchanged for the parser to refuse with a named field.
 */
export function programmeInputFromCard(data: unknown): Record<string, unknown> {
  const input: Data = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Data) : {};
  const get = (id: string): unknown => {
    if (!Object.hasOwn(input, id)) return undefined;
    const value = input[id];
    return value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
  };
  const num = (id: string): unknown => {
    const value = get(id);
    return typeof value === 'string' && /^\s*-?\d{1,9}\s*$/.test(value) ? Number(value) : value;
  };
  const kind = get('modeKind');
  const mode =
    kind === 'cohort'
      ? defined({
          kind,
          startDate: get('startDate'),
          endDate: get('endDate'),
          coachingSessions: get('coachingSessions'),
        })
      : defined({ kind });
  return defined({
    name: get('name'),
    description: get('description'),
    form: get('form'),
    mode,
    aims: get('aims'),
    competenceAreas: get('competenceAreas'),
    signUpDeadline: get('signUpDeadline'),
    defaults: defined({
      firstPhaseMeetings: num('firstPhaseMeetings'),
      cadenceWeeks: num('cadenceWeeks'),
      meetingMinutes: num('meetingMinutes'),
      nudgeLeadHours: num('nudgeLeadHours'),
      nudgeAktori: get('nudgeAktori'),
    }),
    language: get('language'),
  });
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
