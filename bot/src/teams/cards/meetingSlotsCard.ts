/**
 * Times for the pair's next meeting: up to three, each a button that books
 * it, and "Other times" to look a week further ahead. Times are shown in the
 * programme's time zone (the viewer's mailbox zone is not known here).
 */
import type { RankedSlot } from '../../domain/slots/slotTypes';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
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

export interface MeetingSlotsInput {
  readonly pairId: string;
  readonly slots: readonly Pick<RankedSlot, 'start' | 'end'>[];
  readonly durationMinutes: number;
  readonly weeksLater: number;
  readonly timeZone: string;
  /** Shown first, e.g. when the time the person chose was just taken. */
  readonly notice?: string;
}

export function meetingSlotsCard(input: MeetingSlotsInput, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { pairId, weeksLater, timeZone } = input;
  const slots = input.slots.slice(0, 3);
  const body: CardElement[] = [heading(t('meeting.slots.title'))];
  if (input.notice) body.push(notice(input.notice));
  if (slots.length === 0) {
    body.push(paragraph(t('meeting.slots.none')));
  } else {
    body.push(
      paragraph(t('meeting.slots.intro')),
      paragraph(t('meeting.slots.zone', { zone: timeZone, minutes: input.durationMinutes }), {
        subtle: true,
      }),
    );
  }
  const actions = slots.map((slot) =>
    execute(
      formatSlot(slot.start, slot.end, timeZone, locale),
      'meeting.book',
      { pairId, start: new Date(slot.start).toISOString() },
      { inputs: 'none' },
    ),
  );
  if (weeksLater < MAX_WEEKS_LATER) {
    actions.push(
      execute(
        t('meeting.slots.other'),
        'meeting.find',
        { pairId, weeksLater: weeksLater + 1 },
        { inputs: 'none' },
      ),
    );
  }
  return card(body, locale, actions);
}
