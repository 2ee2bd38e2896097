/**
 * Times for the pair's next meeting: up to three, each a button that books
 * it, "Other times" to look a week further ahead, and, before anything is
 * booked, the whole first phase at once. The same card moves a booked
 * meeting: its buttons then move meeting `number`. Times are shown in the
 * reader's own zone (from their mailbox).
 */
import type { RankedSlot } from '../../domain/slots/slotTypes';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { zoneName } from '../../i18n/wording';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  heading,
  notice,
  paragraph,
} from './adaptiveCard';

/** How far ahead "Other times" may look, in weeks. */
export const MAX_WEEKS_LATER = 8;

const INTL_LOCALE: Readonly<Record<Locale, string>> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const DAY_FORMAT: Readonly<Record<Locale, Intl.DateTimeFormatOptions>> = {
  fi: { weekday: 'short', day: 'numeric', month: 'numeric' },
  sv: { weekday: 'short', day: 'numeric', month: 'short' },
  en: { weekday: 'short', day: 'numeric', month: 'short' },
};

/** fi "ti 1.12. klo 10.00–11.00", sv "tis 1 dec. kl. 10.00–11.00", en "Tue 1 Dec, 10:00–11:00". */
export function formatSlot(start: number, end: number, timeZone: string, locale: Locale): string {
  const day = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...DAY_FORMAT[locale], timeZone });
  const time = new Intl.DateTimeFormat(INTL_LOCALE[locale], { hour: 'numeric', minute: '2-digit', timeZone });
  return translator(locale)('meeting.slot', {
    date: day.format(new Date(start)),
    from: time.format(new Date(start)),
    to: time.format(new Date(end)),
  });
}

/** fi "ti 1.12.", sv "tis 1 dec.", en "Tue 1 Dec": the day alone. */
export function formatDay(at: number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...DAY_FORMAT[locale], timeZone }).format(
    new Date(at),
  );
}

export interface MeetingSlotsInput {
  readonly pairId: string;
  readonly slots: readonly Pick<RankedSlot, 'start' | 'end'>[];
  readonly durationMinutes: number;
  readonly weeksLater: number;
  readonly timeZone: string;
  /** Shown first, e.g. when the time the person chose was just taken. */
  readonly notice?: string;
  /** "Book all N meetings of the first phase", when N ≥ 2. */
  readonly phaseMeetings?: number;
  /** Moving a booked meeting instead of booking a new one. */
  readonly move?: { readonly number: number; readonly start: number; readonly end: number };
  /** The number a booking from this card takes (BookingService.suggest). */
  readonly nextNumber?: number;
}

export function meetingSlotsCard(input: MeetingSlotsInput, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { pairId, weeksLater, timeZone, move } = input;
  const slots = input.slots.slice(0, 3);
  const body: CardElement[] = [heading(t(move ? 'meeting.move.title' : 'meeting.slots.title'))];
  if (input.notice) body.push(notice(input.notice));
  if (slots.length === 0) {
    body.push(paragraph(t('meeting.slots.none')));
  } else {
    body.push(
      paragraph(
        move
          ? t('meeting.move.intro', { when: formatSlot(move.start, move.end, timeZone, locale) })
          : t('meeting.slots.intro'),
      ),
      paragraph(
        t('meeting.slots.zone', { zone: zoneName(timeZone, locale), minutes: input.durationMinutes }),
        {
          subtle: true,
        },
      ),
    );
  }
  // A move names the time it moves from, so a click after someone else moved the meeting is recognised; a
  // booking names the number it takes, so a late copy of the click after that meeting changed books no other.
  const from = move
    ? { number: move.number, from: new Date(move.start).toISOString() }
    : input.nextNumber !== undefined
      ? { number: input.nextNumber }
      : {};
  const actions = slots.map((slot) =>
    execute(
      formatSlot(slot.start, slot.end, timeZone, locale),
      move ? 'meeting.move' : 'meeting.book',
      { pairId, ...from, start: new Date(slot.start).toISOString() },
      { inputs: 'none' },
    ),
  );
  if (!move && (input.phaseMeetings ?? 0) >= 2) {
    actions.push(
      execute(
        t('meeting.phase.book', { count: input.phaseMeetings ?? 0 }),
        'meeting.bookPhase',
        { pairId },
        {
          inputs: 'none',
        },
      ),
    );
  }
  if (weeksLater < MAX_WEEKS_LATER) {
    actions.push(
      move
        ? execute(
            t('meeting.slots.other'),
            'meeting.moveOptions',
            {
              pairId,
              number: move.number,
              start: new Date(move.start).toISOString(),
              weeksLater: weeksLater + 1,
            },
            { inputs: 'none' },
          )
        : execute(
            t('meeting.slots.other'),
            'meeting.find',
            { pairId, weeksLater: weeksLater + 1 },
            { inputs: 'none' },
          ),
    );
  }
  return card(body, locale, actions);
}
