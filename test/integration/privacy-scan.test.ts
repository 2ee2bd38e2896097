/**
 * Confidential by construction, checked after the fact: run the flows that
 * exist (programme, sign-up, pairing, agreement with goals, booking, chat
 * messages, "my data") and scan every log line and every stored entity. No
 * goal text in logs, no token anywhere, no chat message text stored. Then
 * the person's own data: the bot command (1:1 chat only) and the API.
 */
import assert from 'node:assert/strict';
import { fi } from '../../bot/src/i18n/fi';
import { aino, eveliina, sanna } from '../support/programmeSeed';
import { dumpTables } from '../support/tableDump';
import { allTexts, cardAction, cardOf, invokeCard, message, postActivity } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

const GOAL = 'Tavoite-7f3a: oppia johtamaan muutosta';
const CHAT = 'Salainen-9c1e: kerron tämän vain Polulle';

describe('privacy: what is logged and stored after every flow', function () {
  this.timeout(120000);
  let world: World;
  let pairId = '';
  const tokens: string[] = [];

  before(async () => {
    world = await startWorld({ graph: true });
    ({ pairId } = await world.formPair(sanna, aino, eveliina, 'Yksityisyys'));
    const act = (user: typeof aino, verb: string, data: Record<string, unknown>) =>
      invokeCard(world.server.baseUrl, cardAction(world.personal(user), verb, { pairId, ...data }));
    const version = async () =>
      ((await (await world.api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as { version: number })
        .version;
    await act(eveliina, 'agreement.save', { step: 'goals', version: await version(), goal1: GOAL });
    const v = await version();
    await act(aino, 'agreement.accept', { version: v, confidentiality: 'true' });
    await act(eveliina, 'agreement.accept', { version: v, confidentiality: 'true' });
    const slots = await act(eveliina, 'meeting.find', {});
    const start = slots.actions?.find((a) => a.verb === 'meeting.book')?.data?.start;
    const booked = await act(eveliina, 'meeting.book', { start });
    assert.ok(allTexts(booked).includes(fi['meeting.booked.title']), 'the meeting was booked');
    for (const user of [aino, eveliina]) {
      await postActivity(world.server.baseUrl, message(world.personal(user), CHAT));
      const signIn = await fetch(`${world.server.baseUrl}/api/v1/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: user.aadObjectId }),
      });
      tokens.push(((await signIn.json()) as { token: string }).token);
    }
    for (const user of [sanna, aino]) await (await world.api('/api/v1/me/data', user)).arrayBuffer();
    await postActivity(world.server.baseUrl, message(world.personal(aino), 'omat tiedot'));
  });
  after(async () => world?.stop());

  it('logs no goal, no chat text and no token', () => {
    const logs = world.server.logs();
    assert.ok(logs.length > 1000, 'there are logs to scan');
    assert.ok(!logs.includes('Tavoite-7f3a'), 'no goal text in the log');
    assert.ok(!logs.includes('Salainen-9c1e'), 'no chat message text in the log');
    for (const token of tokens) assert.ok(!logs.includes(token.slice(-20)), 'no session token in the log');
    assert.ok(!/Bearer\s+\S{20,}|eyJ[\w-]{10,}\.[\w-]{10,}/.test(logs), 'no bearer or JWT in the log');
  });

  it('stores the goal where designed, but no chat text and no token anywhere', async () => {
    const stored = JSON.stringify(await dumpTables(world.azurite.connectionString, world.tablePrefix));
    assert.ok(stored.includes('Tavoite-7f3a'), 'the goal is stored with the agreement (by design)');
    assert.ok(!stored.includes('Salainen-9c1e'), 'no chat message text stored');
    for (const token of tokens) assert.ok(!stored.includes(token.slice(-20)), 'no session token stored');
    assert.ok(!/Bearer\s|eyJ[\w-]{10,}\.[\w-]{10,}/.test(stored), 'no bearer or JWT stored');
  });

  it('gives the person their data with "omat tiedot" in 1:1 chat, and only there', async () => {
    const inChat = world.connector.sent.filter(
      (s) => s.conversationId === `a:personal-${aino.aadObjectId}` && cardOf(s.activity),
    );
    const card = inChat.map((s) => cardOf(s.activity)).find((c) => allTexts(c).includes(fi['myData.title']));
    assert.ok(card, 'the my-data card arrived');
    const everything = allTexts(card).join('\n');
    assert.ok(everything.includes(pairId), 'it holds the pair');
    assert.ok(
      everything.includes('Tavoite\\-7f3a') || everything.includes('Tavoite-7f3a'),
      'and the agreed goal',
    );
    world.connector.clear();
    await postActivity(world.server.baseUrl, message(world.inChannel(aino), '<at>Polku</at> omat tiedot'));
    const [reply] = await world.connector.waitForActivities(world.inChannel(aino).conversation!.id, 1);
    assert.equal(reply?.activity.text, fi['myData.personalOnly'], 'a channel gets a pointer, not the data');
    assert.equal(cardOf(reply!.activity), undefined);
  });

  it('downloads the same as JSON from GET /api/v1/me/data', async () => {
    const res = await world.api('/api/v1/me/data', eveliina);
    assert.equal(res.status, 200);
    assert.match(String(res.headers.get('content-disposition')), /attachment; filename="polku-my-data.json"/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const doc = (await res.json()) as {
      userId: string;
      tables: Record<string, Array<Record<string, unknown>>>;
    };
    assert.equal(doc.userId, eveliina.aadObjectId);
    assert.equal(doc.tables.pairs?.[0]?.rowKey, pairId);
    assert.equal(doc.tables.meetings?.length, 1, 'the booked meeting');
    assert.ok(JSON.stringify(doc).includes(GOAL));
    assert.ok(!JSON.stringify(doc.tables.pairs).includes(aino.email), 'not the partner’s mailbox');
  });
});
