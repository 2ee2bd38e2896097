/**
 * The first phase booked at once: each booked meeting with its time in the
 * reader's zone, and plainly which were not booked and why. The partner
 * gets the same card with who booked.
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
import { meetingActions } from './meetingBookedCard';
import { formatDay, formatSlot } from './meetingSlotsCard';

export interface PhaseLine {
  readonly step: number;
  readonly target: number | undefined;
  readonly meeting?: Meeting;
  readonly slot?: { readonly start: number; readonly end: number };
  readonly problem?: 'no_slot' | 'failed';
}

export function meetingPhaseCard(
  result: { readonly planned: number; readonly lines: readonly PhaseLine[]; readonly already: boolean },
  context: {
    readonly pairId: string;
    readonly programmeName: string;
    readonly names: readonly string[];
    readonly timeZone: string;
    readonly byName?: string;
  },
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const booked = result.lines.filter((l) => l.meeting);
  const complete = booked.length === result.planned;
  const body: CardElement[] = [heading(t(complete ? 'meeting.phase.title' : 'meeting.phase.partialTitle'))];
  if (result.already) body.push(notice(t('meeting.phase.already')));
  if (context.byName) body.push(paragraph(t('meeting.phase.by', { name: plain(context.byName) })));
  body.push(
    paragraph(
      t('agreement.context', {
        programme: plain(context.programmeName),
        names: joinList(context.names.map(plain), locale),
      }),
      { subtle: true },
    ),
  );
  if (!result.already)
    body.push(paragraph(t('meeting.phase.summary', { booked: booked.length, count: result.planned })));
  for (const line of result.lines) {
    const number = line.step + 1;
    if (line.meeting) {
      const m = line.meeting;
      body.push({
        type: 'Container',
        separator: true,
        items: [
          factSet([
            [t('meeting.list.number', { number }), formatSlot(m.start, m.end, context.timeZone, locale)],
          ]),
          { type: 'ActionSet', actions: meetingActions(m, context.pairId, locale) },
        ],
      });
    } else if (line.problem === 'failed' && line.slot) {
      const when = formatSlot(line.slot.start, line.slot.end, context.timeZone, locale);
      body.push(notice(t('meeting.phase.failed', { number, when })));
    } else {
      const date = line.target === undefined ? '' : formatDay(line.target, context.timeZone, locale);
      body.push(notice(t('meeting.phase.noSlot', { number, date })));
    }
  }
  body.push(paragraph(t('meeting.zone', { zone: zoneName(context.timeZone, locale) }), { subtle: true }));
  const actions = complete
    ? []
    : [execute(t('agreement.inForce.book'), 'meeting.find', { pairId: context.pairId }, { inputs: 'none' })];
  return card(body, locale, actions);
}
