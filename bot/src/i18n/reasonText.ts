/**
 * Why a pair was suggested, in plain words: "Aino offers change management,
 * which Ville wants to learn; different units". Returns raw text for any
 * surface (the tab shows it as text); put it through plain() before a card.
 */
import type { Reason } from '../domain/matching/matchTypes';
import type { Locale } from './locale';
import { translator } from './translate';
import { joinList, languageName } from './wording';

export { tagLabel } from './wording';

export function reasonText(reason: Reason, locale: Locale, tagLabel: (tag: string) => string): string {
  const t = translator(locale);
  const topics = (tags: readonly string[]) => joinList(tags.map(tagLabel), locale);
  switch (reason.code) {
    case 'fit':
      return t('reason.fit', { mentor: reason.mentor, aktori: reason.aktori, topics: topics(reason.topics) });
    case 'different-units':
      return t('reason.differentUnits');
    case 'same-unit':
      return t('reason.sameUnit');
    case 'shared-language':
      return t(reason.languages.length === 1 ? 'reason.sharedLanguage' : 'reason.sharedLanguages', {
        languages: joinList(reason.languages.map(languageName), locale),
      });
    case 'no-topic-overlap':
      return t('reason.noTopic');
    case 'mutual-fit': {
      if (reason.aToB.length > 0 && reason.bToA.length > 0) {
        return t('reason.mutualFit', {
          a: reason.a,
          b: reason.b,
          aToB: topics(reason.aToB),
          bToA: topics(reason.bToA),
        });
      }
      // Only one way: the same words as a mentor's fit.
      const [giver, taker, tags] =
        reason.aToB.length > 0 ? [reason.a, reason.b, reason.aToB] : [reason.b, reason.a, reason.bToA];
      return t('reason.fit', { mentor: giver, aktori: taker, topics: topics(tags) });
    }
  }
}

/** All reasons of one suggestion in one line, separated by semicolons. */
export function explainSuggestion(
  reasons: readonly Reason[],
  locale: Locale,
  tagLabel: (tag: string) => string,
): string {
  return reasons.map((r) => reasonText(r, locale, tagLabel)).join('; ');
}
