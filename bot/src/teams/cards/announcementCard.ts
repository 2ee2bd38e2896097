import { isSignUpOpen, type Programme } from '../../domain/programme/programme';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { countsSentence, lengthSentence, programmeFacts } from '../../i18n/wording';
import type { VolunteerCounts } from '../../services/programmes/ports';
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
  subheading,
} from './adaptiveCard';

/**
 * The programme's post in its team channel: what mentoring is, why join, how
 * long it takes, the programme's facts and how many have signed up (never
 * who). While sign-up is open, anyone can open their own sign-up form from it.
 */
export function announcementCard(
  programme: Programme,
  counts: VolunteerCounts,
  now: Date,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const open = isSignUpOpen(programme, now);
  const body: CardElement[] = [heading(plain(programme.name))];
  if (programme.description) body.push(paragraph(plain(programme.description)));
  body.push(
    subheading(t('announce.what.title')),
    paragraph(t('announce.what.body')),
    subheading(t('announce.why.title')),
    paragraph(t('announce.why.body')),
    subheading(t('announce.how.title')),
    paragraph(lengthSentence(programme, t)),
    factSet(programmeFacts(programme, locale, plain)),
    paragraph(countsSentence(counts, t)),
  );
  if (!open) {
    body.push(notice(t(programme.closedAt ? 'announce.programmeClosed' : 'announce.closed')));
    return card(body, locale);
  }
  body.push(paragraph(t('announce.privacy'), { subtle: true }));
  return card(body, locale, [
    execute(t('announce.join.mentor'), 'signup.open', { programmeId: programme.id, role: 'mentor' }),
    execute(t('announce.join.aktori'), 'signup.open', { programmeId: programme.id, role: 'aktori' }),
  ]);
}
