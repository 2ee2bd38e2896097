/**
 * An agreement's terms in plain words, one row per term, in the order the
 * walkthrough in chat asks them. Plain strings, so two versions can be
 * compared row by row ("what the proposal changes").
 */
import { type AgreementTerms, NOTICE_HOURS, PLACES } from '../../api/agreementTypes';
import type { Locale, MessageKey, Translate } from '../../i18n';
import { dateLabel, listOf } from '../../i18n/labels';

export interface TermRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

const CADENCES = [2, 3, 4, 6] as const;

export function termRows(terms: AgreementTerms, t: Translate, locale: Locale, members: number): TermRow[] {
  const notAgreed = t('terms.notAgreed');
  const d = terms.duration;
  const duration =
    d.kind === 'until'
      ? t('terms.until', { date: dateLabel(d.endDate, locale) })
      : d.meetings === 1
        ? t('terms.meetings.one')
        : t('terms.meetings', { count: String(d.meetings) });
  const cadence = (CADENCES as readonly number[]).includes(terms.cadenceWeeks)
    ? t(`terms.cadence.${terms.cadenceWeeks as (typeof CADENCES)[number]}`)
    : t('terms.cadence.other', { weeks: String(terms.cadenceWeeks) });
  const place = (PLACES as readonly string[]).includes(terms.place)
    ? t(`terms.place.${terms.place as (typeof PLACES)[number]}`)
    : terms.place || notAgreed;
  const notice = (NOTICE_HOURS as readonly number[]).includes(terms.noticeHours)
    ? t(`terms.notice.${terms.noticeHours as (typeof NOTICE_HOURS)[number]}`)
    : t('terms.notice.other', { hours: String(terms.noticeHours) });
  const sharing = terms.sharing.length
    ? listOf(
        terms.sharing.map((s) => sharingLabel(s, t, members)),
        locale,
      )
    : t('terms.sharing.none');
  return [
    { key: 'duration', label: t('terms.duration'), value: duration },
    {
      key: 'checkpoint',
      label: t('terms.checkpoint'),
      value: t(terms.checkpoint ? 'terms.checkpoint.yes' : 'terms.checkpoint.no'),
    },
    { key: 'rhythm', label: t('terms.rhythm'), value: cadence },
    {
      key: 'length',
      label: t('terms.length'),
      value: t('terms.minutes', { minutes: String(terms.meetingMinutes) }),
    },
    { key: 'place', label: t('terms.place'), value: place },
    { key: 'preparation', label: t('terms.preparation'), value: terms.preparation || notAgreed },
    { key: 'between', label: t('terms.between'), value: terms.betweenMeetings || notAgreed },
    { key: 'notice', label: t('terms.notice'), value: notice },
    { key: 'sharing', label: t('terms.sharing'), value: sharing },
  ];
}

function sharingLabel(s: string, t: Translate, members: number): string {
  if (s === 'approved-learnings') {
    return t(members > 2 ? 'terms.sharing.approved-learnings' : 'terms.sharing.approved-learnings.both');
  }
  return s === 'unit-ideas' ? t(`terms.sharing.${s}` as MessageKey) : s;
}

/** The rows of `proposal` that differ from `inForce`. */
export function changedRows(proposal: readonly TermRow[], inForce: readonly TermRow[]): TermRow[] {
  return proposal.filter((row) => inForce.find((r) => r.key === row.key)?.value !== row.value);
}
