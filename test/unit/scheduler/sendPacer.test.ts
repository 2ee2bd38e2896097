import assert from 'node:assert/strict';
import { SendPacer } from '../../../bot/src/teams/sendPacer';

/** A clock that only moves when the pacer sleeps: exact, and fast. */
function virtualClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('pacing proactive sends to Teams’ limits', () => {
  it('sends at most 50 a second to one tenant however many conversations', async () => {
    const clock = virtualClock();
    const pacer = new SendPacer(
      { perTenantPerSecond: 50, perConversationPerSecond: 7 },
      clock.now,
      clock.sleep,
    );
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      await pacer.acquire('tenant', `conversation-${i}`);
      times.push(clock.now());
    }
    for (let i = 50; i < times.length; i++) {
      assert.ok((times[i] ?? 0) - (times[i - 50] ?? 0) >= 1000 - 1, `window at ${i}`);
    }
    // 500 at 50/s, evenly spaced with the window's 5 % slack for arrival jitter: about 10.5 seconds.
    assert.ok(clock.now() >= 10300 && clock.now() <= 10700, String(clock.now()));
  });

  it('sends at most 7 a second to one conversation', async () => {
    const clock = virtualClock();
    const pacer = new SendPacer(
      { perTenantPerSecond: 50, perConversationPerSecond: 7 },
      clock.now,
      clock.sleep,
    );
    for (let i = 0; i < 21; i++) await pacer.acquire('tenant', 'one');
    assert.ok(clock.now() >= 1990, String(clock.now()));
  });

  it('keeps tenants apart', async () => {
    const clock = virtualClock();
    const pacer = new SendPacer(
      { perTenantPerSecond: 50, perConversationPerSecond: 7 },
      clock.now,
      clock.sleep,
    );
    // 50 to each, interleaved: a second's worth for each tenant, not two seconds for both.
    for (let i = 0; i < 50; i++) {
      await pacer.acquire('a', `a${i}`);
      await pacer.acquire('b', `b${i}`);
    }
    assert.ok(clock.now() <= 1100, String(clock.now()));
  });

  it('takes a slot only when one is free now, never waiting', async () => {
    const clock = virtualClock();
    const pacer = new SendPacer(
      { perTenantPerSecond: 50, perConversationPerSecond: 7 },
      clock.now,
      clock.sleep,
    );
    assert.equal(pacer.tryAcquire('tenant', 'channel'), true);
    assert.equal(pacer.tryAcquire('tenant', 'channel'), false, 'the next slot is one interval away');
    assert.equal(clock.now(), 0, 'nothing waited');
    await clock.sleep(200);
    assert.equal(pacer.tryAcquire('tenant', 'channel'), true);
  });
});
