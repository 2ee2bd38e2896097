/**
 * "meetings": each of the person's pairs with its upcoming meetings, every
 * time in the reader's own zone, each with Join, Move and Cancel, and
 * "Book our meeting" while the pair's agreement is in force.
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
  paragraph,
  plain,
  subheading,
} from './adaptiveCard';
import { meetingActions } from './meetingBookedCard';
import { formatSlot } from './meetingSlotsCard';

export interface PairMeetings {
  readonly pairId: string;
  readonly programmeName: string;
  readonly partnerNames: readonly string[];
  readonly inForce: boolean;
  /** Upcoming booked meetings, soonest first. */
  readonly meetings: readonly Meeting[];
  /** The reader's zone (from their mailbox when a meeting recorded it, else the programme's). */
  readonly timeZone: string;
}

export function meetingListCard(pairs: readonly PairMeetings[], locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const body: CardElement[] = [heading(t('meeting.list.title'))];
  if (pairs.length === 0) body.push(paragraph(t('meeting.list.noPairs')));
  for (const pair of pairs) {
    body.push(
      subheading(
        t('agreement.context', {
          programme: plain(pair.programmeName),
          names: joinList(pair.partnerNames.map(plain), locale),
        }),
      ),
    );
    if (pair.meetings.length === 0) body.push(paragraph(t('meeting.list.none'), { subtle: true }));
    for (const m of pair.meetings) {
      body.push({
        type: 'Container',
        separator: true,
        items: [
          factSet([
            [
              t('meeting.list.number', { number: m.number }),
              formatSlot(m.start, m.end, pair.timeZone, locale),
            ],
          ]),
          { type: 'ActionSet', actions: meetingActions(m, pair.pairId, locale) },
        ],
      });
    }
    if (pair.meetings.length > 0)
      body.push(paragraph(t('meeting.zone', { zone: zoneName(pair.timeZone, locale) }), { subtle: true }));
    if (pair.inForce) {
      body.push({
        type: 'ActionSet',
        actions: [
          execute(t('agreement.inForce.book'), 'meeting.find', { pairId: pair.pairId }, { inputs: 'none' }),
        ],
      });
    }
  }
  return card(body, locale);
}
