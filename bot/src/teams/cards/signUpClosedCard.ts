import type { Programme } from '../../domain/programme/programme';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { type AdaptiveCard, card, heading, paragraph, plain } from './adaptiveCard';

/** Shown instead of the form once the sign-up deadline has passed or an owner closed the programme. */
export function signUpClosedCard(programme: Programme, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const name = plain(programme.name);
  const why = programme.closedAt ? 'signupClosed.programmeClosed' : 'signupClosed.body';
  return card([heading(name), paragraph(t(why, { programme: name }))], locale);
}
