/**
 * The rhythm's scheduler on the real path: two server processes on one
 * Azurite run their schedulers against the same due items (driven through
 * local mode's "run what is due at…" route, so the test owns the clock),
 * sending through the connector stand-in. Every nudge and check-in arrives
 * exactly once, through 429s, and a 403 marks the person unreachable.
 */
import assert from 'node:assert/strict';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { en } from '../../bot/src/i18n/en';
import { fi } from '../../bot/src/i18n/fi';
import { sv } from '../../bot/src/i18n/sv';
import type { SentActivity } from '../support/connectorStandIn';
import { aino, eveliina, sanna } from '../support/programmeSeed';
import { runSchedulerAt } from '../support/schedulerTick';
import { type ServerHandle, startServer } from '../support/serverProcess';
import { cardAction, invokeCard } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

const HOUR = 3_600_000;

/** Which card an activity carries, by its title in any of the three languages. */
function titled(
  sent: SentActivity,
  key: 'nudge.mentor.title' | 'checkIn.title' | 'nudge.aktori.title' | 'digest.confidential',
): boolean {
  const json = JSON.stringify(sent.activity.attachments ?? []);
  return [en[key], fi[key], sv[key]].some((title) => json.includes(JSON.stringify(title).slice(1, -1)));
}

describe('the rhythm’s scheduler with two instances on one storage', function () {
  this.timeout(120000);
  let world: World;
  let second: ServerHandle;
  let pairId = '';
  let meeting: { start: string; end: string };

  const tick = (server: { baseUrl: string }, at: number) => runSchedulerAt(server.baseUrl, at);
  const both = (at: number) => Promise.all([tick(world.server, at), tick(second, at)]);
  const cards = (key: Parameters<typeof titled>[1]) => world.connector.sent.filter((s) => titled(s, key));
  const act = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
    invokeCard(world.server.baseUrl, cardAction(world.personal(user), verb, { pairId, ...data }));

  before(async () => {
    const env = { SCHEDULER_TICK_SECONDS: '0' };
    world = await startWorld({ graph: true, env });
    second = await startServer({
      TABLES_CONNECTION_STRING: world.azurite.connectionString,
      TABLE_PREFIX: world.tablePrefix,
      GRAPH_BASE_URL: world.graph!.baseUrl,
      ...env,
    });
    ({ pairId } = await world.formPair(sanna, aino, eveliina, 'Rytmitesti'));
    const version = async () =>
      ((await (await world.api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as { version: number })
        .version;
    await act(eveliina, 'agreement.save', {
      step: 'goals',
      version: await version(),
      goal1: 'Oppia delegoimaan',
    });
    const v = await version();
    await act(aino, 'agreement.accept', { version: v, confidentiality: 'true' });
    await act(eveliina, 'agreement.accept', { version: v, confidentiality: 'true' });
    const { slots } = (await (await world.api(`/api/v1/pairs/${pairId}/slots`, aino)).json()) as {
      slots: Array<{ start: string }>;
    };
    const booked = await world.api(`/api/v1/pairs/${pairId}/meetings`, aino, {
      method: 'POST',
      body: JSON.stringify({ start: slots[0]!.start }),
    });
    assert.equal(booked.status, 201, await booked.clone().text());
    ({ meeting } = (await booked.json()) as { meeting: { start: string; end: string } });
  });
  after(async () => {
    await second?.stop();
    await world?.stop();
  });

  it('sends the mentor one nudge before the meeting, with the join link and the goals, however many instances tick', async () => {
    const at = Date.parse(meeting.start) - HOUR;
    await both(at);
    await both(at + 60_000);
    const nudges = cards('nudge.mentor.title');
    assert.equal(nudges.length, 1, 'exactly one nudge');
    const json = JSON.stringify(nudges[0]!.activity.attachments);
    assert.ok(json.includes('Oppia delegoimaan'), 'the aktori’s goal');
    assert.match(json, /https:\/\/teams\.microsoft\.com\//);
    // Its buttons work from the mentor's chat: other times for this meeting, and the agreement.
    const card = nudges[0]!.activity.attachments?.[0]?.content as {
      actions: Array<{ verb?: string; data?: Record<string, unknown> }>;
    };
    const action = (verb: string) => card.actions.find((a) => a.verb === verb);
    for (const verb of ['meeting.moveOptions', 'meeting.cancelAsk', 'agreement.open'])
      assert.ok(action(verb), verb);
    const moveCard = await invokeCard(
      world.server.baseUrl,
      cardAction(world.personal(aino), 'meeting.moveOptions', action('meeting.moveOptions')!.data ?? {}),
    );
    assert.ok(
      moveCard.actions?.some((a) => a.verb === 'meeting.move'),
      JSON.stringify(moveCard).slice(0, 300),
    );
    const agreementCard = await invokeCard(
      world.server.baseUrl,
      cardAction(world.personal(aino), 'agreement.open', action('agreement.open')!.data ?? {}),
    );
    assert.ok(JSON.stringify(agreementCard).includes('Oppia delegoimaan'));
    assert.equal(cards('nudge.aktori.title').length, 0, 'the programme did not ask for the aktori’s nudge');
  });

  it('asks both members to check in after the meeting, once each, through Teams answering 429', async () => {
    // 429s without Retry-After: the connector client does not retry those itself (with one it waits and
    // retries in place), so the scheduler gives the items back and sends them on a later tick.
    world.connector.refuse(/./, 429, 6);
    let at = Date.parse(meeting.end) + 3 * 24 * HOUR;
    let retried = 0;
    for (let round = 0; round < 8 && cards('checkIn.title').length < 2; round++) {
      const [a, b] = await both(at);
      retried += a.retried + b.retried;
      at += 5 * 60_000;
    }
    assert.ok(retried >= 1, 'the throttled send waited for a later tick');
    assert.ok(world.connector.refused.filter((r) => r.status === 429).length >= 1);
    const checkIns = cards('checkIn.title');
    assert.equal(checkIns.length, 2, 'one each');
    assert.notEqual(checkIns[0]!.conversationId, checkIns[1]!.conversationId);
    await both(at + 10 * 60_000);
    assert.equal(cards('checkIn.title').length, 2, 'nothing twice');
  });

  it('reads only what is due: nothing left once everything due is done', async () => {
    const [a, b] = await both(Date.parse(meeting.end) + 4 * 24 * HOUR);
    assert.equal(a.read + b.read, 0);
  });

  it('stops sending to someone who blocked Polku (403) and keeps the item from retrying forever', async () => {
    // Moving the meeting plans a new nudge; Teams refuses it as if Aino had blocked Polku.
    const res = await world.api(`/api/v1/pairs/${pairId}/meetings`, aino);
    const { items } = (await res.json()) as { items: Array<{ number: number; start: string }> };
    const number = items[0]!.number;
    const slots = (await (await world.api(`/api/v1/pairs/${pairId}/slots?weeksLater=2`, aino)).json()) as {
      slots: Array<{ start: string }>;
    };
    const moved = await world.api(`/api/v1/pairs/${pairId}/meetings/${number}/move`, aino, {
      method: 'POST',
      body: JSON.stringify({ start: slots.slots[0]!.start }),
    });
    assert.equal(moved.status, 200, await moved.clone().text());
    world.connector.refuse(/./, 403, 1);
    const before = cards('nudge.mentor.title').length;
    const at = Date.parse(slots.slots[0]!.start) - HOUR;
    const [a, b] = await both(at);
    assert.equal(a.dropped + b.dropped, 1, 'given up at once: waiting will not unblock it');
    await both(at + 10 * 60_000);
    assert.equal(cards('nudge.mentor.title').length, before, 'no nudge got through');
    assert.ok(world.connector.refused.some((r) => r.status === 403));
  });

  it('sends the supervisor a weekly digest with counts and pairs, never goals, once', async () => {
    // Earlier tests' ticks may already have passed a Monday (each Monday's digest goes out once).
    const before = cards('digest.confidential').length;
    const far = Date.parse(meeting.end) + 90 * 24 * HOUR;
    await both(far);
    await both(far + 60_000);
    await both(far + 120_000);
    const digests = cards('digest.confidential');
    assert.equal(digests.length, before + 1, 'this week’s digest, once');
    const json = JSON.stringify(digests.at(-1)!.activity.attachments);
    assert.ok(json.includes('Rytmitesti'));
    assert.ok(!json.includes('Oppia delegoimaan'), 'no goals in the digest');
    const sannaChat = world.connector.created.findIndex((c) => c.members.includes(sanna.botUserId));
    assert.ok(
      sannaChat >= 0 || digests.at(-1)!.conversationId.includes(sanna.botUserId),
      'to the supervisor',
    );
  });
});
