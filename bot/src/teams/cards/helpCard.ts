import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { type AdaptiveCard, card, heading, paragraph, subheading } from './adaptiveCard';

/** What Polku does for each role; grows a line per command as features land. */
export function helpCard(locale: Locale): AdaptiveCard {
  const t = translator(locale);
  return card(
    [
      heading(t('help.title')),
      paragraph(t('help.intro')),
      subheading(t('help.mentors.title')),
      paragraph(t('help.mentors.body')),
      subheading(t('help.aktoris.title')),
      paragraph(t('help.aktoris.body')),
      subheading(t('help.supervisors.title')),
      paragraph(t('help.supervisors.body')),
      subheading(t('help.commands.title')),
      paragraph(t('help.commands.help')),
      paragraph(t('help.commands.programme')),
      paragraph(t('help.commands.agreement')),
      paragraph(t('help.commands.meetings')),
      paragraph(t('help.commands.learning')),
      paragraph(t('help.commands.myData')),
      paragraph(t('help.confidential'), { subtle: true }),
    ],
    locale,
  );
}
