/**
 * The words of a pair's agreement, shared by the review card, the card of
 * the agreement in force and anything else that shows the terms. Everything
 * people typed (goals, preparation, roles, names, competence areas) goes
 * through plain(); the rest is the catalogue's own text.
 */
import type { AgreementTerms, NoticeHours, Place, Sharing } from '../../domain/agreement/agreementTypes';
import type { Programme } from '../../domain/programme/programme';
import type { Locale } from '../../i18n/locale';
import { type Translate, translator } from '../../i18n/translate';
import { cadencePhrase, capitalise, formatDate, joinList, numberWord, tagLabel } from '../../i18n/wording';
import { type CardElement, factSet, paragraph, plain, subheading } from './adaptiveCard';

type Names = Readonly<Record<string, string>>;

/** A member's display name as given (raw, for labels and button titles); "a colleague" when unknown. */
export function memberName(names: Names, id: string, t: Translate): string {
  const name = Object.hasOwn(names, id) ? names[id] : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : t('intro.colleague');
}

/** Members' names as markdown-safe text joined for the locale: "Aino and Ville". */
export function plainNames(ids: readonly string[], names: Names, locale: Locale): string {
  const t = translator(locale);
  return plain(
    joinList(
      ids.map((id) => memberName(names, id, t)),
      locale,
    ),
  );
}

/** "Three meetings, then you decide together whether to continue" / "Until 31.1.2028" / "One conversation". */
export function durationText(terms: AgreementTerms, locale: Locale): string {
  const t = translator(locale);
  const { duration, checkpoint } = terms;
  if (duration.kind === 'until') {
    const date = formatDate(duration.endDate, locale);
    return t(
      checkpoint ? 'agreement.duration.summary.until.checkpoint' : 'agreement.duration.summary.until',
      {
        date,
      },
    );
  }
  // Without a checkpoint this is quick mentoring: one or two conversations.
  if (!checkpoint && (duration.meetings === 1 || duration.meetings === 2)) {
    return t(duration.meetings === 1 ? 'agreement.duration.quick.1' : 'agreement.duration.quick.2');
  }
  return capitalise(
    t(checkpoint ? 'agreement.duration.summary.meetings.checkpoint' : 'agreement.duration.summary.meetings', {
      count: numberWord(duration.meetings, t),
    }),
  );
}

export function placeLabel(place: Place, t: Translate): string {
  return t(`agreement.place.${place}`);
}

/** "a day", "two days", "three days", "a week". */
export function noticeLabel(hours: NoticeHours, t: Translate): string {
  return t(`agreement.notice.${hours}`);
}

export function sharingLabel(sharing: Sharing, t: Translate, group: boolean): string {
  if (sharing === 'approved-learnings') {
    return t(group ? 'agreement.sharing.approved-learnings.group' : 'agreement.sharing.approved-learnings');
  }
  return t('agreement.sharing.unit-ideas');
}

/**
 * The whole agreement as card elements: duration and checkpoint, rhythm,
 * length, place, preparation, between meetings, notice, what may be shared,
 * the goals with their topics, and (peer mentoring) who leads on what.
 */
export function agreementSummary(
  terms: AgreementTerms,
  programme: Pick<Programme, 'form'>,
  names: Names,
  locale: Locale,
): CardElement[] {
  const t = translator(locale);
  // "we both" for two people; a group (or more names than a pair has) says "we all".
  const group = programme.form === 'group' || Object.keys(names).length > 2;
  const free = (text: string): string =>
    text.trim() === '' ? t('agreement.summary.notAgreed') : plain(text);
  const shared =
    terms.sharing.length === 0
      ? t('agreement.summary.nothingShared')
      : capitalise(
          joinList(
            terms.sharing.map((s, i) => {
              const label = sharingLabel(s, t, group);
              return i === 0 ? label : label.charAt(0).toLocaleLowerCase() + label.slice(1);
            }),
            locale,
          ),
        );
  const elements: CardElement[] = [
    factSet([
      [t('agreement.summary.duration'), durationText(terms, locale)],
      [t('agreement.summary.rhythm'), capitalise(cadencePhrase(terms.cadenceWeeks, t))],
      [t('agreement.summary.length'), t('programmeForm.minutes', { minutes: terms.meetingMinutes })],
      [t('agreement.summary.place'), placeLabel(terms.place, t)],
      [t('agreement.summary.preparation'), free(terms.preparation)],
      [t('agreement.summary.between'), free(terms.betweenMeetings)],
      [t('agreement.summary.notice'), capitalise(noticeLabel(terms.noticeHours, t))],
      [t('agreement.summary.sharing'), shared],
    ]),
    subheading(t('agreement.summary.goals')),
  ];
  if (terms.goals.length === 0) {
    elements.push(paragraph(t('agreement.summary.noGoals')));
  } else {
    const facts: [string, string][] = [];
    terms.goals.forEach((goal, i) => {
      facts.push([t('agreement.summary.goal', { number: i + 1 }), plain(goal.text)]);
      if (goal.tags.length > 0) {
        facts.push([
          t('agreement.summary.goalTopics'),
          plain(
            joinList(
              goal.tags.map((tag) => tagLabel(tag, locale)),
              locale,
            ),
          ),
        ]);
      }
    });
    elements.push(factSet(facts));
  }
  const roles = Object.entries(terms.roles).filter(([, role]) => role.trim() !== '');
  if (programme.form === 'peer' && roles.length > 0) {
    elements.push(
      subheading(t('agreement.summary.roles')),
      factSet(roles.map(([id, role]) => [plain(memberName(names, id, t)), plain(role)])),
    );
  }
  return elements;
}
