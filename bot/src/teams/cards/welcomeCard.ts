import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { type AdaptiveCard, card, heading, paragraph, plain } from './adaptiveCard';

/** Sent once when Polku is added to a personal chat, a team or a group chat. */
export function welcomeCard(
  locale: Locale,
  scope: { kind: 'personal' } | { kind: 'team'; teamName: string },
): AdaptiveCard {
  const t = translator(locale);
  const body =
    scope.kind === 'personal' ? t('welcome.personal') : t('welcome.team', { team: plain(scope.teamName) });
  return card(
    [heading(t('welcome.title')), paragraph(body), paragraph(t('welcome.next'), { subtle: true })],
    locale,
  );
}
