// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Teams Toolkit ${{VAR}} templates, not JS templates
import assert from 'node:assert/strict';
import {
  encodeForJsonString,
  fillPlaceholders,
  findPlaceholders,
  hasPlaceholderResidue,
} from '../../../scripts/manifest/fillPlaceholders';

describe('fillPlaceholders', () => {
  it('replaces every placeholder that has a value, wherever and however often it appears', () => {
    const result = fillPlaceholders('${{A}}/${{B}}?x=${{A}}&y=${{ B }}', { A: 'https://h', B: 'b' });
    assert.equal(result.text, 'https://h/b?x=https://h&y=b');
    assert.deepEqual(result.unfilled, []);
    assert.deepEqual(result.names, ['A', 'B']);
  });

  it('reports each unfilled placeholder once and leaves it in the text', () => {
    const result = fillPlaceholders('${{A}} ${{MISSING}} ${{EMPTY}} ${{MISSING}}', { A: 'a', EMPTY: '' });
    assert.deepEqual(result.unfilled, ['MISSING', 'EMPTY']);
    assert.equal(result.text, 'a ${{MISSING}} ${{EMPTY}} ${{MISSING}}');
    assert.ok(hasPlaceholderResidue(result.text));
  });

  it('accepts an empty value only for names allowed to be empty', () => {
    const result = fillPlaceholders(
      'Polku${{APP_NAME_SUFFIX}}',
      { APP_NAME_SUFFIX: '' },
      { allowEmpty: ['APP_NAME_SUFFIX'] },
    );
    assert.equal(result.text, 'Polku');
    assert.deepEqual(result.unfilled, []);
  });

  it('encodes values so a quote or backslash cannot break the JSON around it', () => {
    const template = '{"name": "${{NAME}}"}';
    const { text } = fillPlaceholders(template, { NAME: 'a "b" \\ c' }, { encode: encodeForJsonString });
    assert.deepEqual(JSON.parse(text), { name: 'a "b" \\ c' });
  });

  it('ignores text that only resembles a placeholder', () => {
    assert.deepEqual(findPlaceholders('${A} {{B}} $${{1X}}'), []);
    assert.equal(fillPlaceholders('${A}', { A: 'x' }).text, '${A}');
  });
});
