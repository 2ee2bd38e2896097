/**
 * "My data": how many of each kind Polku holds about the person, the whole
 * JSON behind "Show everything", and how erasure works. Sent only in the
 * person's 1:1 chat with Polku.
 */
import type { Locale } from '../../i18n/locale';
import { translator } from '../../i18n/translate';
import type { PersonDataDocument } from '../../services/privacy/personDataExport';
import type { PersonDataSummary } from '../../services/privacy/personDataService';
import { type AdaptiveCard, card, factSet, heading, paragraph, plain } from './adaptiveCard';

/** Teams refuses bot messages over about 40 KB; the JSON gets what the rest of the card leaves. */
const MAX_JSON_CHARS = 24_000;

export function myDataCard(
  summary: PersonDataSummary,
  document: PersonDataDocument,
  locale: Locale,
): AdaptiveCard {
  const t = translator(locale);
  const count = (n: number) => n.toLocaleString(locale);
  const json = JSON.stringify(document, null, 2);
  const fits = json.length <= MAX_JSON_CHARS;
  const body = [
    heading(t('myData.title')),
    paragraph(t('myData.intro')),
    factSet([
      [t('myData.programmesManaged'), count(summary.programmesManaged)],
      [t('myData.signUps'), count(summary.signUps)],
      [t('myData.pairs'), count(summary.pairs)],
      [t('myData.agreementVersions'), count(summary.agreementVersions)],
      [t('myData.meetings'), count(summary.meetings)],
      [t('myData.conversations'), count(summary.conversations)],
    ]),
    ...(fits ? [] : [paragraph(t('myData.tooLarge'))]),
    paragraph(t('myData.erase'), { subtle: true }),
  ];
  const show = {
    type: 'Action.ShowCard',
    title: t('myData.show'),
    // A nested card takes no schema, version or lang of its own: the outer card's apply.
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: t('myData.fileTitle'), weight: 'Bolder', wrap: true },
        // What people typed is in here: plain() keeps it literal text, never markdown or links.
        { type: 'TextBlock', text: plain(json), wrap: true, fontType: 'Monospace', size: 'Small' },
      ],
    },
  };
  return card(body, locale, fits ? [show] : []);
}
