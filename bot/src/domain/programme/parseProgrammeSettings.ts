/**
 * Turns untrusted input (an API body or a card's form data) into valid
 * programme settings, or throws a ValidationError naming the field and rule.
 */
import {
  dateOnly,
  daysBetween,
  field,
  flag,
  type Input,
  integer,
  listOf,
  object,
  oneOf,
  tags,
  text,
  violation,
} from '../validate';
import {
  DEFAULT_AGREEMENT,
  isValidTimeZone,
  localDate,
  type ProgrammeMode,
  type ProgrammeSettings,
} from './programme';
import {
  CADENCE_WEEKS,
  COACHING_SESSIONS,
  COMPETENCE_AIMS,
  LANGUAGES,
  type Language,
  MEETING_MINUTES,
  PROGRAMME_FORMS,
} from './vocabulary';

export const PROGRAMME_LIMITS = {
  name: 120,
  description: 1000,
  competenceAreas: 12,
  competenceAreaLength: 60,
  /** A cohort runs at most two years; an agreement at most one (DOMAIN.md: up to a year). */
  cohortMaxDays: 731,
} as const;

export function parseProgrammeSettings(
  raw: unknown,
  now: Date,
  fallback: { readonly language: Language; readonly timeZone?: string } = { language: 'fi' },
): ProgrammeSettings {
  const input = object(raw);
  const timeZone =
    text(field(input, 'timeZone'), 'timeZone', { max: 64 }) || (fallback.timeZone ?? 'Europe/Helsinki');
  if (!isValidTimeZone(timeZone)) violation('timeZone', 'not-allowed');
  const today = localDate(now, timeZone);

  const form = oneOf(field(input, 'form'), 'form', PROGRAMME_FORMS, 'pair');
  const mode = parseMode(field(input, 'mode'), today);
  const defaults = parseDefaults(field(input, 'defaults'), form === 'quick');

  const signUpDeadline = dateOnly(field(input, 'signUpDeadline'), 'signUpDeadline', {
    required: mode.kind === 'cohort',
  });
  if (signUpDeadline !== undefined) {
    if (signUpDeadline < today) violation('signUpDeadline', 'in-past');
    if (mode.kind === 'cohort' && signUpDeadline > mode.startDate)
      violation('mode.startDate', 'order', 'signUpDeadline');
  }

  return {
    name: text(field(input, 'name'), 'name', { max: PROGRAMME_LIMITS.name, required: true }),
    description: text(field(input, 'description'), 'description', {
      max: PROGRAMME_LIMITS.description,
      multiline: true,
    }),
    form,
    mode,
    aims: listOf(field(input, 'aims'), 'aims', COMPETENCE_AIMS, { max: COMPETENCE_AIMS.length }),
    competenceAreas: tags(field(input, 'competenceAreas'), 'competenceAreas', {
      max: PROGRAMME_LIMITS.competenceAreas,
      maxLength: PROGRAMME_LIMITS.competenceAreaLength,
    }),
    defaults,
    signUpDeadline,
    timeZone,
    language: oneOf(field(input, 'language'), 'language', LANGUAGES, fallback.language),
  };
}

function parseMode(raw: unknown, today: string): ProgrammeMode {
  const input: Input = raw === undefined ? { kind: 'nonstop' } : object(raw, 'mode');
  const kind = oneOf(field(input, 'kind'), 'mode.kind', ['cohort', 'nonstop'] as const);
  if (kind === 'nonstop') return { kind };
  const startDate = dateOnly(field(input, 'startDate'), 'mode.startDate', { required: true }) as string;
  const endDate = dateOnly(field(input, 'endDate'), 'mode.endDate', { required: true }) as string;
  if (startDate < today) violation('mode.startDate', 'in-past');
  if (endDate <= startDate) violation('mode.endDate', 'order', 'mode.startDate');
  if (daysBetween(startDate, endDate) > PROGRAMME_LIMITS.cohortMaxDays) {
    violation('mode.endDate', 'range', `${PROGRAMME_LIMITS.cohortMaxDays} days`);
  }
  const coachingSessions = listOf(
    field(input, 'coachingSessions'),
    'mode.coachingSessions',
    COACHING_SESSIONS,
    {
      max: COACHING_SESSIONS.length,
    },
  );
  return { kind, startDate, endDate, coachingSessions };
}

function parseDefaults(raw: unknown, quick: boolean): ProgrammeSettings['defaults'] {
  const input: Input = raw === undefined ? {} : object(raw, 'defaults');
  const [min, max, fallback] = quick ? [1, 2, 1] : [2, 5, DEFAULT_AGREEMENT.firstPhaseMeetings];
  return {
    firstPhaseMeetings: integer(
      field(input, 'firstPhaseMeetings'),
      'defaults.firstPhaseMeetings',
      min,
      max,
      fallback,
    ),
    cadenceWeeks: oneOf(
      field(input, 'cadenceWeeks'),
      'defaults.cadenceWeeks',
      CADENCE_WEEKS,
      DEFAULT_AGREEMENT.cadenceWeeks,
    ),
    meetingMinutes: oneOf(
      field(input, 'meetingMinutes'),
      'defaults.meetingMinutes',
      MEETING_MINUTES,
      DEFAULT_AGREEMENT.meetingMinutes,
    ),
    nudgeLeadHours: integer(
      field(input, 'nudgeLeadHours'),
      'defaults.nudgeLeadHours',
      1,
      168,
      DEFAULT_AGREEMENT.nudgeLeadHours,
    ),
    nudgeAktori: flag(field(input, 'nudgeAktori'), 'defaults.nudgeAktori', DEFAULT_AGREEMENT.nudgeAktori),
  };
}
