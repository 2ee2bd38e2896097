import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { joinList } from '../../i18n/wording';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  heading,
  paragraph,
  plain,
} from './adaptiveCard';

export interface AgreementListItem {
  readonly pairId: string;
  readonly programmeId: string;
  readonly programmeName: string;
  /** The other members' display names (not the viewer's). */
  readonly partnerNames: readonly string[];
  readonly status: 'drafting' | 'in-force' | 'reopened';
}

/**
 * For the agreement command (sopimus / agreement / avtal) when a person is
 * in several pairs: one entry and button per pair. Nobody's pairs: say so.
 */
export function agreementListCard(items: readonly AgreementListItem[], locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const body: CardElement[] = [heading(t('agreement.list.title'))];
  if (items.length === 0) {
    body.push(
      paragraph(t('agreement.list.empty')),
      paragraph(t('agreement.list.emptyNext'), { subtle: true }),
    );
    return card(body, locale);
  }
  body.push(paragraph(t('agreement.list.intro')));
  for (const item of items) {
    // A name missing from the pair (empty) reads as "a colleague", never as a blank.
    const named = item.partnerNames.map((n) => (n.trim() === '' ? t('intro.colleague') : n));
    const partners = named.length > 0 ? named : [t('intro.colleague')];
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: plain(item.programmeName), weight: 'Bolder', wrap: true },
        paragraph(
          `${t('agreement.list.with', { names: plain(joinList(partners, locale)) })} · ${t(`agreement.list.status.${item.status}`)}`,
          { subtle: true },
        ),
        {
          type: 'ActionSet',
          actions: [
            execute(
              t('agreement.list.open'),
              'agreement.open',
              { pairId: item.pairId, programmeId: item.programmeId },
              { inputs: 'none' },
            ),
          ],
        },
      ],
    });
  }
  return card(body, locale);
}
