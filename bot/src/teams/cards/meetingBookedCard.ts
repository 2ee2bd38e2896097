/**
 * A booked meeting: when (in the reader's own time zone), how long, the join
 * link, and Move / Cancel. The same card, in each reader's zone and
 * language, goes to every member of the pair; it also says when a meeting
 * was just moved, by whom, and what changed meanwhile on a stale card.
 */
import type { Meeting } from '../../domain/meetings/meeting';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { joinList, zoneName } from '../../i18n/wording';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  factSet,
  heading,
  notice,
  paragraph,
  plain,
} from './adaptiveCard';
import { formatSlot } from './meetingSlotsCard';

export interface MeetingCardContext {
  readonly programmeName: string;
  readonly names: readonly string[];
  /** The reader's zone. */
  readonly timeZone: string;
  /** With the pair id the card offers Move and Cancel (while the meeting is booked). */
  readonly pairId?: string;
  /** Shown first: what happened meanwhile, or who moved it. */
  readonly notice?: string;
  /** The time before a move. */
  readonly previous?: Pick<Meeting, 'start' | 'end'>;
}

export function meetingBookedCard(
  meeting: Pick<Meeting, 'start' | 'end' | 'joinUrl'> & Partial<Pick<Meeting, 'number' | 'status'>>,
  context: MeetingCardContext,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const minutes = Math.round((meeting.end - meeting.start) / 60_000);
  const body: CardElement[] = [heading(t(context.previous ? 'meeting.moved.title' : 'meeting.booked.title'))];
  if (context.notice) body.push(notice(context.notice));
  body.push(
    paragraph(
      t('agreement.context', {
        programme: plain(context.programmeName),
        names: joinList(context.names.map(plain), locale),
      }),
      { subtle: true },
    ),
    factSet([
      [t('meeting.booked.when'), formatSlot(meeting.start, meeting.end, context.timeZone, locale)],
      ...(context.previous
        ? [
            [
              t('meeting.moved.from'),
              formatSlot(context.previous.start, context.previous.end, context.timeZone, locale),
            ] as const,
          ]
        : []),
      [t('meeting.booked.length'), t('meeting.booked.minutes', { minutes })],
    ]),
    paragraph(t('meeting.zone', { zone: zoneName(context.timeZone, locale) }), { subtle: true }),
    paragraph(t('meeting.booked.invited')),
  );
  return card(body, locale, meetingActions(meeting, context.pairId, locale));
}

/** Join, Move and Cancel for a booked meeting; Join only without a pair id. */
export function meetingActions(
  meeting: Pick<Meeting, 'start' | 'joinUrl'> & Partial<Pick<Meeting, 'number' | 'status'>>,
  pairId: string | undefined,
  locale: Locale,
): Record<string, unknown>[] {
  const t = translator(locale);
  const join = meeting.joinUrl && /^https:\/\//.test(meeting.joinUrl) ? meeting.joinUrl : undefined;
  const actions: Record<string, unknown>[] = join
    ? [{ type: 'Action.OpenUrl', title: t('meeting.booked.join'), url: join }]
    : [];
  if (pairId && meeting.number !== undefined && (meeting.status ?? 'booked') === 'booked') {
    // The card names the time it shows, so a click on a card older than a move is recognised as stale.
    const data = { pairId, number: meeting.number, start: new Date(meeting.start).toISOString() };
    actions.push(
      execute(t('meeting.move'), 'meeting.moveOptions', data, { inputs: 'none' }),
      execute(t('meeting.cancel'), 'meeting.cancelAsk', data, { inputs: 'none', style: 'destructive' }),
    );
  }
  return actions;
}
