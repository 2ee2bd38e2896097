/**
 * The fixed vocabularies of the mentoring practice (DOMAIN.md). Stored and
 * sent as these ids; people see them through the i18n catalogues.
 */
export const PROGRAMME_FORMS = ['pair', 'group', 'peer', 'reverse', 'quick'] as const;
export type ProgrammeForm = (typeof PROGRAMME_FORMS)[number];

export const COMPETENCE_AIMS = ['preserve', 'strengthen', 'update', 'develop'] as const;
export type CompetenceAim = (typeof COMPETENCE_AIMS)[number];

/** Typical themes of mentoring, from Finnish practice guides. */
export const THEMES = [
  'own-competence',
  'career',
  'work-and-family',
  'internationality',
  'supervisory-work',
  'innovation',
  'good-practices',
  'entrepreneurship',
  'networking',
] as const;
export type Theme = (typeof THEMES)[number];

export const VOLUNTEER_ROLES = ['mentor', 'aktori'] as const;
export type VolunteerRole = (typeof VOLUNTEER_ROLES)[number];

export const CADENCE_WEEKS = [2, 3, 4, 6] as const;
export type CadenceWeeks = (typeof CADENCE_WEEKS)[number];

export const MEETING_MINUTES = [45, 60] as const;
export type MeetingMinutes = (typeof MEETING_MINUTES)[number];

export const COACHING_SESSIONS = ['start', 'middle', 'end'] as const;
export type CoachingSession = (typeof COACHING_SESSIONS)[number];

/** Languages a volunteer can mentor in (ISO 639-1). */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isOneOf<T extends string | number>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
