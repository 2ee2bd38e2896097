import assert from 'node:assert/strict';
import { parseCommand } from '../../../bot/src/teams/commands';

describe('parseCommand', () => {
  it('knows help in Finnish, Swedish and English, with mentions, slashes, case and punctuation', () => {
    for (const text of [
      'help',
      'Help!',
      '/help',
      'apua',
      'APUA.',
      'ohje',
      'hjälp',
      '<at>Polku</at> help',
      '<at>Polku Bot</at>&nbsp;apua',
      '  hei  ',
      'help me please',
    ]) {
      assert.equal(parseCommand(text).name, 'help', text);
    }
  });

  it('knows the programme command in three languages', () => {
    for (const text of ['ohjelma', '<at>Polku</at> ohjelma', 'program', 'Programme', '/programme']) {
      assert.equal(parseCommand(text).name, 'programme', text);
    }
  });

  it('knows the agreement command in three languages', () => {
    for (const text of ['sopimus', 'agreement', 'Avtal', '/sopimus', '<at>Polku</at> avtalet']) {
      assert.equal(parseCommand(text).name, 'agreement', text);
    }
  });

  it('treats anything else, and nothing, as unknown', () => {
    for (const text of [undefined, '', '<at>Polku</at>', 'helpful tips', 'programmes', 'x'.repeat(10000)]) {
      assert.equal(parseCommand(text).name, 'unknown', String(text).slice(0, 20));
    }
  });
});
