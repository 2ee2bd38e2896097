/**
 * A booked meeting: when, how long, and the join link. The same card goes to
 * every member of the pair; the calendar invitation carries the same link.
 */
import type { Meeting } from '../../domain/meetings/meeting';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { joinList } from '../../i18n/wording';
import { type AdaptiveCard, card, factSet, heading, paragraph, plain } from './adaptiveCard';
import { formatSlot } from './meetingSlotsCard';

export function meetingBookedCard(
  meeting: Pick<Meeting, 'start' | 'end' | 'joinUrl'>,
  context: { readonly programmeName: string; readonly names: readonly string[]; readonly timeZone: string },
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const minutes = Math.round((meeting.end - meeting.start) / 60_000);
  const body = [
    heading(t('meeting.booked.title')),
    paragraph(
      t('agreement.context', {
        programme: plain(context.programmeName),
        names: joinList(context.names.map(plain), locale),
      }),
      { subtle: true },
    ),
    factSet([
      [t('meeting.booked.when'), formatSlot(meeting.start, meeting.end, context.timeZone, locale)],
      [t('meeting.booked.length'), t('meeting.booked.minutes', { minutes })],
    ]),
    paragraph(t('meeting.booked.invited')),
  ];
  const join = meeting.joinUrl && /^https:\/\//.test(meeting.joinUrl) ? meeting.joinUrl : undefined;
  return card(
    body,
    locale,
    join ? [{ type: 'Action.OpenUrl', title: t('meeting.booked.join'), url: join }] : undefined,
  );
}
