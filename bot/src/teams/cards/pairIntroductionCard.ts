import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { Locale } from '../../i18n/locale';
import { type Translate, translator } from '../../i18n/translate';
import { cadencePhrase, joinList, numberWord } from '../../i18n/wording';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  factSet,
  heading,
  paragraph,
  plain,
  subheading,
} from './adaptiveCard';

/**
 * Sent to each member of a new pair or group in personal chat: who they are
 * paired with and in which role, and what comes next. Names only: nothing
 * anyone wrote about themselves, nothing confidential.
 */
export function pairIntroductionCard(
  programme: Programme,
  pair: Pair,
  recipientId: string,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const programmeName = plain(programme.name);
  const nameOf = (id: string): string =>
    plain(
      Object.hasOwn(pair.names, id) && pair.names[id] ? (pair.names[id] as string) : t('intro.colleague'),
    );
  const mentor = nameOf(pair.mentorId);
  const aktoris = pair.aktoriIds.map(nameOf);
  const group = pair.aktoriIds.length > 1;
  const peer = pair.form === 'peer' && !group;
  const isMentor = recipientId === pair.mentorId;
  const isAktori = pair.aktoriIds.includes(recipientId);
  const params = {
    programme: programmeName,
    mentor,
    aktori: aktoris[0] ?? '',
    aktoris: joinList(aktoris, locale),
  };

  const body: CardElement[] = [heading(t(group ? 'intro.title.group' : 'intro.title.pair'))];
  if (peer) {
    const partner = isMentor ? params.aktori : isAktori ? mentor : undefined;
    body.push(
      paragraph(
        partner === undefined
          ? t('intro.peer.other', { programme: programmeName, a: mentor, b: params.aktori })
          : t('intro.peer', { programme: programmeName, partner }),
      ),
    );
  } else {
    if (group) {
      const others = joinList(pair.aktoriIds.filter((id) => id !== recipientId).map(nameOf), locale);
      body.push(
        paragraph(
          isMentor
            ? t('intro.group.toMentor', params)
            : isAktori
              ? t('intro.group.toAktori', { ...params, others })
              : t('intro.group.other', params),
        ),
      );
    } else {
      body.push(
        paragraph(
          isMentor
            ? t('intro.pair.toMentor', params)
            : isAktori
              ? t('intro.pair.toAktori', params)
              : t('intro.pair.other', params),
        ),
      );
    }
    body.push(
      factSet([
        [t('intro.fact.mentor'), mentor],
        [t(group ? 'intro.fact.aktoris' : 'intro.fact.aktori'), params.aktoris],
      ]),
    );
    if (pair.form === 'reverse') body.push(paragraph(t('intro.reverse')));
  }
  if (isMentor && !peer) body.push(paragraph(t('intro.tip.mentor')));
  if (isAktori && !peer) body.push(paragraph(t('intro.tip.aktori')));

  body.push(
    subheading(t('intro.next.title')),
    paragraph(t(peer ? 'intro.next.peer' : group ? 'intro.next.group' : 'intro.next.pair')),
    paragraph(rhythm(programme, t)),
    paragraph(t('intro.confidential'), { subtle: true }),
  );
  // The walkthrough opens from here: the first step of working together.
  return card(body, locale, [
    execute(
      t('intro.startAgreement'),
      'agreement.open',
      { programmeId: programme.id, pairId: pair.id },
      { style: 'positive' },
    ),
  ]);
}

function rhythm(programme: Programme, t: Translate): string {
  const { firstPhaseMeetings, meetingMinutes, cadenceWeeks } = programme.defaults;
  if (programme.form === 'quick') return t('intro.rhythm.quick', { minutes: meetingMinutes });
  return t('intro.rhythm', {
    minutes: meetingMinutes,
    cadence: cadencePhrase(cadenceWeeks, t),
    count: numberWord(firstPhaseMeetings, t),
  });
}
