import type { Programme } from '../../domain/programme/programme';
import type { Volunteer } from '../../domain/programme/volunteer';
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import { joinList, languageName, tagLabel } from '../../i18n/wording';
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
 * A person's own state in a programme after they saved, withdrew or opened
 * the form once paired. Shows what they said about themselves; only they see it.
 */
export function signUpStateCard(programme: Programme, volunteer: Volunteer, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const name = plain(programme.name);
  const body: CardElement[] = [heading(name)];
  switch (volunteer.status) {
    case 'active':
      body.push(
        paragraph(
          t(volunteer.role === 'mentor' ? 'signupState.active.mentor' : 'signupState.active.aktori', {
            programme: name,
          }),
        ),
        volunteerFacts(volunteer, locale),
        paragraph(t('signupState.canChange')),
      );
      return card(body, locale, signUpActions(programme, volunteer, locale));
    case 'withdrawn':
      body.push(paragraph(t('signupState.withdrawn', { programme: name })));
      return card(body, locale, signUpActions(programme, volunteer, locale));
    case 'paired':
      body.push(paragraph(t('signupState.paired', { programme: name })));
      return card(body, locale);
  }
}

/** What the person offers or wants, their unit, languages, capacity and note. */
export function volunteerFacts(volunteer: Volunteer, locale: Locale): CardElement {
  const t = translator(locale);
  const mentor = volunteer.role === 'mentor';
  const topics = mentor ? volunteer.offers : volunteer.wants;
  const facts: [string, string][] = [
    [
      t(mentor ? 'signupState.fact.offers' : 'signupState.fact.wants'),
      plain(
        joinList(
          topics.map((tag) => tagLabel(tag, locale)),
          locale,
        ),
      ),
    ],
    [t('signupState.fact.unit'), plain(volunteer.unit)],
    [t('signupState.fact.languages'), joinList(volunteer.languages.map(languageName), locale)],
  ];
  if (mentor) facts.push([t('signupState.fact.capacity'), String(volunteer.capacity)]);
  if (volunteer.note) facts.push([t('signupState.fact.note'), plain(volunteer.note)]);
  return factSet(facts);
}

/** Edit and withdraw while active; join again once withdrawn; nothing once paired. */
export function signUpActions(
  programme: Programme,
  volunteer: Volunteer,
  locale: Locale,
): Record<string, unknown>[] {
  const t = translator(locale);
  if (volunteer.status === 'paired') return [];
  const open = execute(
    t(volunteer.status === 'active' ? 'signupState.edit' : 'signupState.joinAgain'),
    'signup.open',
    { programmeId: programme.id, role: volunteer.role },
  );
  if (volunteer.status === 'withdrawn') return [open];
  const actions = [open, execute(t('signup.withdraw'), 'signup.withdraw', { programmeId: programme.id })];
  // Non-stop programmes pair people whenever they are ready.
  if (programme.mode.kind === 'nonstop' && volunteer.pairIds.length === 0) {
    actions.unshift(
      execute(
        t('signupState.requestPair'),
        'pair.request',
        { programmeId: programme.id },
        { style: 'positive' },
      ),
    );
  }
  return actions;
}
