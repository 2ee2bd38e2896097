import type { Programme } from '../../domain/programme/programme';
import type { Volunteer } from '../../domain/programme/volunteer';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { type AdaptiveCard, card, heading, paragraph, plain } from './adaptiveCard';

/** Told kindly, in personal chat, when pairs were formed without this volunteer. */
export function unpairedCard(programme: Programme, volunteer: Volunteer, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const name = plain(programme.name);
  return card(
    [
      heading(name),
      paragraph(t('unpaired.body', { programme: name })),
      paragraph(t(volunteer.role === 'mentor' ? 'unpaired.thanks.mentor' : 'unpaired.thanks.aktori')),
    ],
    locale,
  );
}
