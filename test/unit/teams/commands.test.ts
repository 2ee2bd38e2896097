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

  it('knows "my data" in three languages, and not "my" alone', () => {
    for (const text of [
      'my data',
      'My data.',
      'omat tiedot',
      'Tietoni',
      '<at>Polku</at> mina uppgifter',
      '/mydata',
    ]) {
      assert.equal(parseCommand(text).name, 'myData', text);
    }
    for (const text of ['my', 'data', 'omat', 'mina'])
      assert.notEqual(parseCommand(text).name, 'myData', text);
  });

  it('knows the agreement command in three languages', () => {
    for (const text of ['sopimus', 'agreement', 'Avtal', '/sopimus', '<at>Polku</at> avtalet']) {
      assert.equal(parseCommand(text).name, 'agreement', text);
    }
  });

  it('knows the meetings command in three languages', () => {
    for (const text of ['tapaamiset', 'meetings', 'Möten', '/tapaamiset', '<at>Polku</at> möten']) {
      assert.equal(parseCommand(text).name, 'meetings', text);
    }
  });

  it('treats anything else, and nothing, as unknown', () => {
    for (const text of [undefined, '', '<at>Polku</at>', 'helpful tips', 'programmes', 'x'.repeat(10000)]) {
      assert.equal(parseCommand(text).name, 'unknown', String(text).slice(0, 20));
    }
  });
});
