/** "learning <text>" in three languages: the text as typed, case and punctuation kept. */
import assert from 'node:assert/strict';
import { parseCommand } from '../../../bot/src/teams/commands';

describe('the learning command', () => {
  it('keeps the text as typed in every language', () => {
    assert.deepEqual(parseCommand('oppi Tarkistuslista auttaa.'), {
      name: 'learning',
      text: 'Tarkistuslista auttaa.',
    });
    assert.deepEqual(parseCommand('/Learning Pair work, twice!'), {
      name: 'learning',
      text: 'Pair work, twice!',
    });
    assert.deepEqual(parseCommand('lärdom  Dela  mer'), { name: 'learning', text: 'Dela  mer' });
    assert.deepEqual(parseCommand('<at>Polku</at> oppi Idea'), { name: 'learning', text: 'Idea' });
  });

  it('gives an empty text when none follows', () => {
    assert.deepEqual(parseCommand('oppi'), { name: 'learning', text: '' });
    assert.deepEqual(parseCommand('learning.'), { name: 'learning', text: '' });
  });
});
