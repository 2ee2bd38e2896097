import assert from 'node:assert/strict';
import { en } from '../../../bot/src/i18n/en';
import { fi } from '../../../bot/src/i18n/fi';
import { resolveLocale } from '../../../bot/src/i18n/locale';
import { sv } from '../../../bot/src/i18n/sv';
import { translator } from '../../../bot/src/i18n/translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('fill every key in Finnish and Swedish, with the same placeholders and no empty text', () => {
    for (const [name, catalogue] of Object.entries({ fi, sv })) {
      assert.deepEqual(Object.keys(catalogue).sort(), Object.keys(en).sort(), name);
      for (const [key, text] of Object.entries(catalogue)) {
        assert.ok(text.trim().length > 0, `${name}.${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(en[key as keyof typeof en]), `${name}.${key}`);
      }
    }
  });

  it('calls the mentee "aktori" in Finnish and "adept" in Swedish', () => {
    assert.match(fi['help.aktoris.title'], /Aktor/);
    assert.match(sv['help.aktoris.title'], /adept/);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('fi');
    assert.equal(t('welcome.team', { team: 'Tiimi' }).startsWith('Hei, Tiimi!'), true);
    assert.match(translator('en')('error.generic', {}), /\{ref\}/);
  });

  it('resolves Teams locales: fi and sv variants, English for others, Finnish when missing', () => {
    const cases: Array<[string | undefined, string]> = [
      ['fi-FI', 'fi'],
      ['FI', 'fi'],
      ['sv-SE', 'sv'],
      ['sv-FI', 'sv'],
      ['sv_fi', 'sv'],
      ['en-US', 'en'],
      ['de-DE', 'en'],
      ['', 'fi'],
      [undefined, 'fi'],
    ];
    for (const [raw, expected] of cases) assert.equal(resolveLocale(raw), expected, String(raw));
  });
});
