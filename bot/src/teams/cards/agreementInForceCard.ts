import { type Agreement, agreementStatus, membersOf } from '../../domain/agreement/agreementTypes';
import { localDate, type Programme } from '../../domain/programme/programme';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { formatDate, joinList } from '../../i18n/wording';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  heading,
  paragraph,
  plain,
  subheading,
} from './adaptiveCard';
import { agreementIds } from './agreementStepCard';
import { agreementSummary, memberName } from './agreementSummary';

/**
 * The agreement everyone accepted: what it says, what the supervisor sees
 * (the goals and the pair's status, nothing else), what comes next, and how
 * to reopen it. While a change is being agreed the accepted version is still
 * the one shown here, and the card points to the proposal instead.
 */
export function agreementInForceCard(
  agreement: Agreement,
  programme: Programme,
  names: Readonly<Record<string, string>>,
  viewerId: string,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const members = membersOf(agreement);
  const memberNames = Object.fromEntries(members.map((m) => [m, memberName(names, m, t)]));
  const people = members.includes(viewerId)
    ? [...members.filter((m) => m !== viewerId).map((m) => memberNames[m] as string), t('agreement.you')]
    : members.map((m) => memberNames[m] as string);
  const inForce = agreement.inForce;
  const status = agreementStatus(agreement);
  const { pairId } = agreement;
  const where = agreementIds(agreement);

  const body: CardElement[] = [
    heading(t('agreement.inForce.title')),
    paragraph(
      t('agreement.context', { programme: plain(programme.name), names: plain(joinList(people, locale)) }),
      {
        subtle: true,
      },
    ),
  ];
  if (inForce) {
    body.push(
      paragraph(
        t('agreement.inForce.since', {
          version: inForce.version,
          date: formatDate(localDate(new Date(inForce.at), programme.timeZone), locale),
        }),
      ),
    );
  }
  if (status === 'reopened') {
    body.push(paragraph(t('agreement.inForce.pending', { version: agreement.version })));
  }
  body.push(
    ...agreementSummary(inForce?.terms ?? agreement.terms, programme, memberNames, locale),
    paragraph(t('agreement.inForce.supervisor'), { subtle: true }),
    subheading(t('agreement.inForce.next.title')),
    paragraph(t('agreement.inForce.next')),
  );
  const isMember = members.includes(viewerId);
  if (!isMember) return card(body, locale);
  if (status === 'reopened') {
    return card(body, locale, [
      execute(
        t('agreement.inForce.openProposal'),
        'agreement.goto',
        { ...where, step: 'review' },
        { inputs: 'none' },
      ),
    ]);
  }
  body.push(paragraph(t('agreement.inForce.reopen.note'), { subtle: true }));
  return card(body, locale, [
    execute(
      t('agreement.inForce.reopen'),
      'agreement.reopen',
      { ...where, version: agreement.version },
      { inputs: 'none' },
    ),
    execute(t('agreement.inForce.book'), 'meeting.find', { pairId }, { inputs: 'none', style: 'positive' }),
  ]);
}
