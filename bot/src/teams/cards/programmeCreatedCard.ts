import type { Programme } from '../../domain/programme/programme';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { lengthSentence, programmeFacts } from '../../i18n/wording';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  execute,
  factSet,
  heading,
  paragraph,
  plain,
} from './adaptiveCard';

/**
 * What the supervisor sees after creating a programme: its summary, and the
 * button that posts the announcement in this channel. Once announced
 * (`announced: true`), the button is gone and the card says so.
 */
export function programmeCreatedCard(
  programme: Programme,
  locale: Locale,
  options: { announced?: boolean } = {},
): AdaptiveCard {
  const t = translator(locale);
  const announced = options.announced ?? programme.announcement !== undefined;
  const body: CardElement[] = [heading(t('created.title', { programme: plain(programme.name) }))];
  if (programme.description) body.push(paragraph(plain(programme.description)));
  body.push(
    paragraph(lengthSentence(programme, t)),
    factSet(programmeFacts(programme, locale, plain)),
    paragraph(t(announced ? 'created.announced' : 'created.next')),
    paragraph(t('created.dashboard'), { subtle: true }),
  );
  const edit = execute(t('created.edit'), 'programme.edit', { programmeId: programme.id });
  const actions = announced
    ? [edit]
    : [
        execute(
          t('created.announce'),
          'programme.announce',
          { programmeId: programme.id },
          { style: 'positive' },
        ),
        edit,
      ];
  return card(body, locale, actions);
}
