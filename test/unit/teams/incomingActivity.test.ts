import assert from 'node:assert/strict';
import { ValidationError } from '../../../bot/src/domain/errors';
import { assertIncomingActivity } from '../../../bot/src/teams/incomingActivity';

const valid = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: 'a:1' },
  text: 'apua',
};

describe('incoming activity shape', () => {
  it('accepts a Teams message', () => {
    assert.doesNotThrow(() => assertIncomingActivity(valid));
  });

  it('refuses what is not an activity, before the SDK sees it', () => {
    const bad: unknown[] = [
      null,
      [],
      'message',
      {},
      { ...valid, type: '' },
      { ...valid, type: 'x'.repeat(65) },
      { ...valid, channelId: 7 },
      { ...valid, serviceUrl: 'not a url' },
      { ...valid, serviceUrl: 'javascript:alert(1)' },
      { ...valid, conversation: undefined },
      { ...valid, conversation: { id: '' } },
      { ...valid, text: 'x'.repeat(28001) },
      { ...valid, text: { $ne: 1 } },
      { ...valid, locale: 'x'.repeat(33) },
    ];
    for (const body of bad)
      assert.throws(() => assertIncomingActivity(body), ValidationError, JSON.stringify(body)?.slice(0, 60));
  });
});
