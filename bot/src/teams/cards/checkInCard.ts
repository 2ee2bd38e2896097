/**
 * "Did you meet?" after a meeting, and what the person sees after answering.
 * The card carries the meeting's number and the start it shows, so an answer
 * from a card older than a move or a cancellation is caught, not counted.
 */
import type { Meeting } from '../../domain/meetings/meeting';
import { memberIds, type Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { joinList } from '../../i18n/wording';
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

export type CheckInMeeting = Pick<Meeting, 'programmeId' | 'pairId' | 'number' | 'start' | 'end'>;

/** "Programme · Aino and Ville": which pair a card is about. */
export function pairContext(
  programme: Pick<Programme, 'name'>,
  pair: Pick<Pair, 'mentorId' | 'aktoriIds' | 'names'>,
  locale: Locale,
): CardElement {
  const names = memberIds(pair).map((id) => plain(pair.names[id] ?? ''));
  return paragraph(
    translator(locale)('agreement.context', {
      programme: plain(programme.name),
      names: joinList(names, locale),
    }),
    { subtle: true },
  );
}

export function checkInCard(
  input: {
    readonly programme: Pick<Programme, 'name'>;
    readonly pair: Pick<Pair, 'mentorId' | 'aktoriIds' | 'names'>;
    readonly meeting: CheckInMeeting;
    readonly timeZone: string;
  },
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const { meeting } = input;
  const data = {
    programmeId: meeting.programmeId,
    pairId: meeting.pairId,
    number: meeting.number,
    start: new Date(meeting.start).toISOString(),
  };
  return card(
    [
      heading(t('checkIn.title')),
      pairContext(input.programme, input.pair, locale),
      factSet([[t('meeting.booked.when'), formatSlot(meeting.start, meeting.end, input.timeZone, locale)]]),
      paragraph(t('checkIn.question')),
      paragraph(t('checkIn.onlyAnswer'), { subtle: true }),
    ],
    locale,
    [
      execute(t('checkIn.met'), 'checkin.answer', { ...data, answer: 'met' }, { style: 'positive' }),
      execute(t('checkIn.notMet'), 'checkin.answer', { ...data, answer: 'not-met' }),
      execute(t('checkIn.moved'), 'checkin.answer', { ...data, answer: 'moved' }),
    ],
  );
}

export type CheckInOutcome =
  | { readonly kind: 'met' | 'not-met' | 'moved' | 'cancelled' }
  /** The meeting is now at another time (moved since the card), or has not started yet. */
  | { readonly kind: 'now-at' | 'not-yet'; readonly start: number; readonly end: number };

/** What the person sees after answering, or instead of the stale card. */
export function checkInAnsweredCard(
  outcome: CheckInOutcome,
  input: { readonly pairId: string; readonly timeZone: string },
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const rebook = [execute(t('checkIn.rebook'), 'meeting.find', { pairId: input.pairId }, { inputs: 'none' })];
  switch (outcome.kind) {
    case 'met':
      return card([heading(t('checkIn.title')), paragraph(t('checkIn.thanks.met'))], locale);
    case 'not-met':
      return card([heading(t('checkIn.title')), paragraph(t('checkIn.thanks.notMet'))], locale, rebook);
    case 'moved':
      return card([heading(t('checkIn.title')), paragraph(t('checkIn.thanks.moved'))], locale, rebook);
    case 'cancelled':
      return card([heading(t('checkIn.title')), notice(t('checkIn.cancelled'))], locale, rebook);
    case 'now-at':
    case 'not-yet': {
      const when = formatSlot(outcome.start, outcome.end, input.timeZone, locale);
      const key = outcome.kind === 'now-at' ? 'checkIn.nowAt' : 'checkIn.notYet';
      return card([heading(t('checkIn.title')), notice(t(key, { when }))], locale);
    }
  }
}
