import assert from 'node:assert/strict';
import { assertValidKey, decodeKeyPart, encodeKeyPart } from '../../../bot/src/store/keys';

/** Small deterministic generator so property runs are repeatable. */
function* randomStrings(seed: number, count: number): Generator<string> {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s;
  };
  const alphabet = [
    'a',
    'Z',
    '0',
    '/',
    '\\',
    '#',
    '?',
    '~',
    '%',
    ':',
    '@',
    ';',
    ' ',
    'ä',
    '\u0001',
    '\u007f',
    '\u0085',
    '~0023',
    '😀',
  ];
  for (let i = 0; i < count; i++) {
    const len = next() % 24;
    let out = '';
    for (let j = 0; j < len; j++) out += alphabet[next() % alphabet.length];
    yield out;
  }
}

describe('table keys', () => {
  it('rejects the characters Azure Tables forbids, and empty or over-long keys', () => {
    for (const bad of [
      'a/b',
      'a\\b',
      'a#b',
      'a?b',
      'a\u0000b',
      'a\tb',
      'a\u007fb',
      'a\u0090b',
      '',
      'x'.repeat(513),
    ]) {
      assert.throws(() => assertValidKey(bad, 'RowKey'), /RowKey/, JSON.stringify(bad));
    }
    for (const good of ['user:6f1e0c2a', '19:abc@thread.tacv2', 'tenant|user', 'ä-ö_å.~%', 'x'.repeat(512)]) {
      assert.equal(assertValidKey(good, 'RowKey'), good);
    }
  });

  it('encodes any string into a valid key and decodes it back (1,000 random strings)', () => {
    for (const s of randomStrings(42, 1000)) {
      const encoded = encodeKeyPart(s);
      if (encoded.length > 0) assert.doesNotThrow(() => assertValidKey(encoded, 'key'), JSON.stringify(s));
      assert.equal(decodeKeyPart(encoded), s);
    }
  });

  it('leaves ordinary Teams ids readable', () => {
    assert.equal(encodeKeyPart('channel:19:abc@thread.tacv2'), 'channel:19:abc@thread.tacv2');
    assert.equal(encodeKeyPart('a/b'), 'a~002fb');
  });
});
