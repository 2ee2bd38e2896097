/** Every card validates with the Adaptive Cards SDK (the renderer Teams uses) and stays well under Teams' 40 KB. */
import assert from 'node:assert/strict';
import { LOCALES } from '../../../bot/src/i18n/locale';
import type { AdaptiveCard } from '../../../bot/src/teams/cards/adaptiveCard';
import { helpCard } from '../../../bot/src/teams/cards/helpCard';
import { welcomeCard } from '../../../bot/src/teams/cards/welcomeCard';
import { cardProblems } from '../../support/adaptiveCards';

describe('cards', () => {
  const cards: Array<[string, AdaptiveCard]> = LOCALES.flatMap((locale) => [
    [`help ${locale}`, helpCard(locale)] as [string, AdaptiveCard],
    [`welcome personal ${locale}`, welcomeCard(locale, { kind: 'personal' })] as [string, AdaptiveCard],
    [`welcome team ${locale}`, welcomeCard(locale, { kind: 'team', teamName: '<script>x</script>' })] as [
      string,
      AdaptiveCard,
    ],
  ]);

  for (const [name, json] of cards) {
    it(`${name}: version 1.5, parses without warnings, wraps its text, under 40 KB`, () => {
      assert.equal(json.version, '1.5');
      assert.deepEqual(cardProblems(json), []);
      for (const el of json.body) if (el.type === 'TextBlock') assert.equal(el.wrap, true);
      assert.ok(Buffer.byteLength(JSON.stringify(json)) < 40_000);
    });
  }

  it('speaks the locale it was asked for', () => {
    assert.equal(helpCard('sv').body[0]?.text, 'Vad Polku gör');
    assert.equal(helpCard('fi').lang, 'fi');
  });
});
