import type { Violation } from '../../domain/errors';
import { en, type MessageKey } from '../../i18n/en';
import type { Locale } from '../../i18n/locale';
import { type Translate, translator } from '../../i18n/translate';

/**
 * Every field name a Violation can carry from parseProgrammeSettings,
 * parseVolunteerProfile and the card actions' own checks; each has a
 * `field.<name>` label in the catalogues.
 */
export const VIOLATION_FIELDS = [
  'body',
  'data',
  'programmeId',
  'timeZone',
  'name',
  'description',
  'form',
  'mode',
  'mode.kind',
  'mode.startDate',
  'mode.endDate',
  'mode.coachingSessions',
  'signUpDeadline',
  'aims',
  'competenceAreas',
  'defaults',
  'defaults.firstPhaseMeetings',
  'defaults.cadenceWeeks',
  'defaults.meetingMinutes',
  'defaults.nudgeLeadHours',
  'defaults.nudgeAktori',
  'language',
  'role',
  'offers',
  'wants',
  'unit',
  'languages',
  'capacity',
  'note',
  // The agreement walkthrough (parseAgreementStep and the machine's own checks).
  'durationKind',
  'meetings',
  'endDate',
  'cadenceWeeks',
  'meetingMinutes',
  'place',
  'preparation',
  'betweenMeetings',
  'noticeHours',
  'sharing',
  'goals',
  'goal1',
  'goal2',
  'goalTags1',
  'goalTags2',
  'confidentiality',
  // The rhythm: the evaluation and learnings.
  'competence',
  'dialogue',
  'goalsReached',
  'wouldRecommend',
  'shareVia',
  'learning',
  'pair',
] as const;

export const VIOLATION_RULES: readonly Violation['rule'][] = [
  'required',
  'too-long',
  'too-many',
  'not-allowed',
  'format',
  'range',
  'in-past',
  'order',
];

function isKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** A field's name as people see it ("mode.startDate" → "Start date"); unknown fields get a neutral word. */
export function fieldLabel(field: string, t: Translate): string {
  const key = `field.${field}`;
  return isKey(key) ? t(key) : t('field.unknown');
}

/** One sentence, in the person's language, saying which field broke which rule; never echoes the input. */
export function describeViolation(violation: Violation, locale: Locale): string {
  const t = translator(locale);
  const field = fieldLabel(violation.field, t);
  const limit = violation.limit === undefined ? '' : String(violation.limit);
  switch (violation.rule) {
    case 'required':
      return t('violation.required', { field });
    case 'too-long':
      return t('violation.tooLong', { field, limit });
    case 'too-many':
      return t('violation.tooMany', { field, limit });
    case 'not-allowed':
      return t('violation.notAllowed', { field });
    case 'format':
      return t('violation.format', { field });
    case 'range': {
      const between = /^(-?\d+)\s*[–-]\s*(-?\d+)$/.exec(limit);
      if (between)
        return t('violation.range', { field, min: between[1] as string, max: between[2] as string });
      const days = /^(\d+) days$/.exec(limit);
      if (days) return t('violation.range.days', { field, days: days[1] as string });
      return t('violation.range.other', { field });
    }
    case 'in-past':
      return t('violation.inPast', { field });
    case 'order':
      return t('violation.order', { field, other: fieldLabel(limit, t) });
    default:
      return t('violation.format', { field });
  }
}
