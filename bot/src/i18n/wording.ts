/**
 * Phrases several cards share: dates, lists, counts, tags, languages and the
 * rhythm of a programme, each put into words in fi, sv or en. Everything
 * returned here is raw text; cards pass what people typed through plain().
 */
import type { Programme } from '../domain/programme/programme';
import type { CoachingSession, CompetenceAim, ProgrammeForm } from '../domain/programme/vocabulary';
import { describeTag } from '../domain/programme/volunteer';
import { en, type MessageKey } from './en';
import type { Locale } from './locale';
import { type Translate, translator } from './translate';

/** Intl locales: Finland's Swedish writes dates as 31.1.2027; English gets the unambiguous "31 January 2027". */
const INTL_LOCALE: Readonly<Record<Locale, string>> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const DATE_FORMAT: Readonly<Record<Locale, Intl.DateTimeFormatOptions>> = {
  fi: { day: 'numeric', month: 'numeric', year: 'numeric' },
  sv: { day: 'numeric', month: 'numeric', year: 'numeric' },
  en: { day: 'numeric', month: 'long', year: 'numeric' },
};

/**
 * A programme date (YYYY-MM-DD, already a day in the programme's time zone)
 * for the locale: fi "31.1.2027", sv "31.1.2027", en "31 January 2027". The
 * date is read and formatted as UTC, so no zone can move it to another day.
 */
export function formatDate(date: string, locale: Locale): string {
  const at = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(at.getTime())) return date;
  return cached(
    DATE_FORMATS,
    locale,
    () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...DATE_FORMAT[locale], timeZone: 'UTC' }),
  ).format(at);
}

/** "a, b and c" / "a, b ja c" / "a, b och c". */
export function joinList(items: readonly string[], locale: Locale): string {
  return cached(
    LIST_FORMATS,
    locale,
    () => new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction', style: 'long' }),
  ).format(items);
}

/**
 * Intl formatters, one per locale for the process: cards format dates and
 * lists on every turn, and building a formatter costs far more than using
 * it. They hold no request's data.
 */
const DATE_FORMATS = new Map<Locale, Intl.DateTimeFormat>();
const LIST_FORMATS = new Map<Locale, Intl.ListFormat>();

function cached<F>(formats: Map<Locale, F>, locale: Locale, build: () => F): F {
  let format = formats.get(locale);
  if (!format) {
    format = build();
    formats.set(locale, format);
  }
  return format;
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function isKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** A topic tag as people see it: the competence area as entered, or the theme in the locale. */
export function tagLabel(tag: string, locale: Locale): string {
  const described = describeTag(tag);
  if (described.kind === 'area') return described.label;
  const key = `theme.${described.theme}`;
  return isKey(key) ? translator(locale)(key) : described.theme;
}

/** Languages are named in themselves, the same in every locale: a Swede finds "svenska" in a Finnish card. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = { fi: 'suomi', sv: 'svenska', en: 'English' };

export function languageName(code: string): string {
  return Object.hasOwn(LANGUAGE_NAMES, code) ? (LANGUAGE_NAMES[code] as string) : code;
}

export function formLabel(form: ProgrammeForm, t: Translate): string {
  return t(`form.${form}`);
}

export function aimLabel(aim: CompetenceAim, t: Translate): string {
  return t(`aim.${aim}`);
}

export function coachingLabel(session: CoachingSession, t: Translate): string {
  return t(`coaching.${session}`);
}

/** 2–5 as words; other numbers as digits. */
export function numberWord(n: number, t: Translate): string {
  const key = `number.${n}`;
  return isKey(key) ? t(key) : String(n);
}

export function cadencePhrase(weeks: number, t: Translate): string {
  const key = `cadence.${weeks}`;
  return isKey(key) ? t(key) : t('cadence.weeks', { weeks });
}

/**
 * How long the process is, from the programme's defaults: "Three meetings of
 * 60 minutes about once a month in working time, then you decide together
 * whether to continue." Quick mentoring: "One or two conversations on one question."
 */
export function lengthSentence(programme: Pick<Programme, 'form' | 'defaults'>, t: Translate): string {
  if (programme.form === 'quick') return t('rhythm.quick');
  const { firstPhaseMeetings, meetingMinutes, cadenceWeeks } = programme.defaults;
  return capitalise(
    t('rhythm.length', {
      count: numberWord(firstPhaseMeetings, t),
      minutes: meetingMinutes,
      cadence: cadencePhrase(cadenceWeeks, t),
    }),
  );
}

/** "4 mentors and 6 mentees have signed up so far"; never who. */
export function countsSentence(counts: { mentors: number; aktoris: number }, t: Translate): string {
  const mentors = Math.max(0, Math.floor(counts.mentors));
  const aktoris = Math.max(0, Math.floor(counts.aktoris));
  if (mentors === 0 && aktoris === 0) return t('counts.none');
  return t('counts.some', {
    mentors: t(mentors === 1 ? 'counts.mentors.one' : 'counts.mentors.other', { count: mentors }),
    aktoris: t(aktoris === 1 ? 'counts.aktoris.one' : 'counts.aktoris.other', { count: aktoris }),
  });
}

/**
 * The facts that describe a programme (form, schedule, coaching, areas,
 * aims, deadline), for the announcement and the created card. Values that
 * people typed are plain()ed by the caller through `safe`.
 */
export function programmeFacts(
  programme: Programme,
  locale: Locale,
  safe: (text: string) => string,
): [string, string][] {
  const t = translator(locale);
  const facts: [string, string][] = [[t('facts.form'), formLabel(programme.form, t)]];
  const mode = programme.mode;
  facts.push([
    t('facts.when'),
    mode.kind === 'cohort'
      ? t('facts.cohort', {
          start: formatDate(mode.startDate, locale),
          end: formatDate(mode.endDate, locale),
        })
      : t('facts.nonstop'),
  ]);
  if (mode.kind === 'cohort' && mode.coachingSessions.length > 0) {
    facts.push([
      t('facts.coaching'),
      joinList(
        mode.coachingSessions.map((s) => coachingLabel(s, t)),
        locale,
      ),
    ]);
  }
  if (programme.competenceAreas.length > 0) {
    facts.push([t('facts.areas'), safe(joinList(programme.competenceAreas, locale))]);
  }
  if (programme.aims.length > 0) {
    facts.push([
      t('facts.aims'),
      capitalise(
        joinList(
          programme.aims.map((a) => aimLabel(a, t)),
          locale,
        ),
      ),
    ]);
  }
  if (programme.signUpDeadline) {
    facts.push([t('facts.deadline'), formatDate(programme.signUpDeadline, locale)]);
  }
  return facts;
}

const ZONE_LOCALE: Readonly<Record<Locale, string>> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
/** Names are taken at a date of today's rules: in 1970, without summer time, "generic" meant "standard". */
const NAMING_DATE = new Date('2026-01-15T12:00:00Z');
const zoneNames = new Map<string, string>();

/**
 * A time zone as people say it ("Itä-Euroopan aika", "Central European
 * Time"), not its database id: Exchange names Stockholm's zone after Berlin,
 * and nobody should read "Europe/Berlin" on a card meant for Stockholm.
 */
export function zoneName(zone: string, locale: Locale): string {
  const key = `${locale}|${zone}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    try {
      name =
        new Intl.DateTimeFormat(ZONE_LOCALE[locale], { timeZone: zone, timeZoneName: 'longGeneric' })
          .formatToParts(NAMING_DATE)
          .find((p) => p.type === 'timeZoneName')?.value ?? zone;
    } catch {
      // Intl refuses a zone it does not know by throwing RangeError: the id is all there is to show.
      name = zone;
    }
    if (zoneNames.size < 1000) zoneNames.set(key, name);
  }
  return name;
}
