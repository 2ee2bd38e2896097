import type { Programme } from '../../domain/programme/programme';
import type { Volunteer } from '../../domain/programme/volunteer';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { type AdaptiveCard, type CardElement, card, heading, paragraph, plain } from './adaptiveCard';
import { signUpActions, volunteerFacts } from './signUpStateCard';

/**
 * Sent to the person's personal chat after they sign up, change their
 * sign-up or withdraw, so they have a record of it outside the channel.
 */
export function signUpConfirmationCard(
  programme: Programme,
  volunteer: Volunteer,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const name = plain(programme.name);
  const body: CardElement[] = [];
  switch (volunteer.status) {
    case 'active': {
      const isNew = volunteer.signedUpAt === volunteer.updatedAt;
      const mentor = volunteer.role === 'mentor';
      body.push(
        heading(t(isNew ? 'confirm.new.title' : 'confirm.changed.title')),
        paragraph(
          isNew
            ? t(mentor ? 'confirm.new.mentor' : 'confirm.new.aktori', { programme: name })
            : t(mentor ? 'confirm.changed.mentor' : 'confirm.changed.aktori', { programme: name }),
        ),
        volunteerFacts(volunteer, locale),
        paragraph(t('confirm.next')),
      );
      break;
    }
    case 'withdrawn':
      body.push(
        heading(t('confirm.withdrawn.title')),
        paragraph(t('confirm.withdrawn', { programme: name })),
      );
      break;
    case 'paired':
      body.push(heading(name), paragraph(t('signupState.paired', { programme: name })));
      break;
  }
  return card(body, locale, signUpActions(programme, volunteer, locale));
}
