/**
 * The nudge before a meeting. The mentor's says when (in their own time
 * zone), how to join, the aktori's goals and how the pair agreed to prepare,
 * with the ways out if the time no longer works. The aktori's, when the
 * programme sends one, is the same reminder for preparing. Goals appear only
 * here, in the members' own chats.
 */
import type { AgreementTerms } from '../../domain/agreement/agreementTypes';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { joinList } from '../../i18n/wording';
import {
  type AdaptiveCard,
  card,
  execute,
  factSet,
  heading,
  paragraph,
  plain,
  subheading,
} from './adaptiveCard';
import { formatSlot } from './meetingSlotsCard';

export interface NudgeInput {
  readonly role: 'mentor' | 'aktori';
  readonly meeting: Pick<Meeting, 'pairId' | 'number' | 'start' | 'end' | 'joinUrl'>;
  readonly programmeName: string;
  /** The other members' names. */
  readonly partnerNames: readonly string[];
  /** The recipient's own zone (their mailbox's), else the programme's. */
  readonly timeZone: string;
  readonly terms: Pick<AgreementTerms, 'goals' | 'preparation'> | undefined;
}

export function meetingNudgeCard(input: NudgeInput, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { meeting } = input;
  const minutes = Math.round((meeting.end - meeting.start) / 60_000);
  const body = [
    heading(t(input.role === 'mentor' ? 'nudge.mentor.title' : 'nudge.aktori.title')),
    paragraph(
      t('nudge.with', {
        programme: plain(input.programmeName),
        names: joinList(input.partnerNames.map(plain), locale),
      }),
      { subtle: true },
    ),
    factSet([
      [t('meeting.booked.when'), formatSlot(meeting.start, meeting.end, input.timeZone, locale)],
      [t('meeting.booked.length'), t('meeting.booked.minutes', { minutes })],
    ]),
  ];
  const goals = input.terms?.goals ?? [];
  if (goals.length > 0) {
    body.push(subheading(t(input.role === 'mentor' ? 'nudge.goals.mentor' : 'nudge.goals.aktori')));
    for (const [i, g] of goals.entries()) body.push(paragraph(`${i + 1}. ${plain(g.text)}`));
  }
  const preparation = input.terms?.preparation.trim();
  if (preparation) {
    body.push(subheading(t('nudge.preparation')), paragraph(plain(preparation)));
  }
  body.push(paragraph(t('nudge.confidential'), { subtle: true }));
  // The time this card shows: a meeting moved since gets a fresh card instead of a change to the wrong one.
  const about = {
    pairId: meeting.pairId,
    number: meeting.number,
    start: new Date(meeting.start).toISOString(),
  };
  const join = meeting.joinUrl && /^https:\/\//.test(meeting.joinUrl) ? meeting.joinUrl : undefined;
  return card(body, locale, [
    ...(join ? [{ type: 'Action.OpenUrl', title: t('meeting.booked.join'), url: join }] : []),
    execute(t('nudge.openAgreement'), 'agreement.open', { pairId: meeting.pairId }, { inputs: 'none' }),
    execute(t('nudge.move'), 'meeting.moveOptions', about, { inputs: 'none' }),
    execute(t('nudge.cannot'), 'meeting.cancelAsk', about, { inputs: 'none', style: 'destructive' }),
  ]);
}
