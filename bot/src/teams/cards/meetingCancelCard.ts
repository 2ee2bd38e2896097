/**
 * Cancelling a meeting: "Cancel the meeting?" with Yes / Keep it, and the
 * cancelled meeting as the one who cancelled, their partner, or a stale
 * card see it.
 */
import type { Meeting } from '../../domain/meetings/meeting';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { zoneName } from '../../i18n/wording';
import { type AdaptiveCard, card, execute, heading, notice, paragraph, plain } from './adaptiveCard';
import { formatSlot } from './meetingSlotsCard';

export function meetingCancelAskCard(
  meeting: Pick<Meeting, 'number' | 'start' | 'end'>,
  context: { readonly pairId: string; readonly timeZone: string },
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const data = {
    pairId: context.pairId,
    number: meeting.number,
    start: new Date(meeting.start).toISOString(),
  };
  return card(
    [
      heading(t('meeting.cancelAsk.title')),
      paragraph(
        t('meeting.cancelAsk.text', {
          when: formatSlot(meeting.start, meeting.end, context.timeZone, locale),
        }),
      ),
    ],
    locale,
    [
      execute(t('meeting.cancelAsk.yes'), 'meeting.cancel', data, { inputs: 'none', style: 'destructive' }),
      execute(t('meeting.cancelAsk.keep'), 'meeting.show', data, { inputs: 'none' }),
    ],
  );
}

export function meetingCancelledCard(
  meeting: Pick<Meeting, 'start' | 'end'>,
  context: {
    readonly pairId: string;
    readonly timeZone: string;
    /** Who cancelled, for the partner's card. */
    readonly byName?: string;
    /** A click on a card of a meeting that was cancelled before. */
    readonly already?: boolean;
  },
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const when = formatSlot(meeting.start, meeting.end, context.timeZone, locale);
  const body = [heading(t('meeting.cancelled.title'))];
  if (context.already) body.push(notice(t('meeting.cancelled.already')));
  body.push(
    paragraph(
      context.byName
        ? t('meeting.cancelled.by', { name: plain(context.byName), when })
        : t('meeting.cancelled.text', { when }),
    ),
    paragraph(t('meeting.zone', { zone: zoneName(context.timeZone, locale) }), { subtle: true }),
  );
  return card(body, locale, [
    execute(t('meeting.bookNew'), 'meeting.find', { pairId: context.pairId }, { inputs: 'none' }),
  ]);
}
