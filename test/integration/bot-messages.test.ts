/**
 * Teams-shaped activities over HTTP to the real server (local mode, Azurite),
 * with the bot's replies captured on a loopback connector stand-in.
 */
import assert from 'node:assert/strict';
import { TableClient } from '@azure/data-tables';
import { DEMO_TEAM_ID, DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/devsupport/demoOrganisation';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type ConnectorStandIn, startConnectorStandIn } from '../support/connectorStandIn';
import { type ServerHandle, startServer } from '../support/serverProcess';
import {
  botAdded,
  cardOf,
  cardTexts,
  installationUpdate,
  message,
  postActivity,
} from '../support/teamsActivities';

const supervisor = DEMO_USERS[0]!;
const mentor = DEMO_USERS[2]!;
const swedishMentor = DEMO_USERS.find((u) => u.locale === 'sv-SE')!;

describe('bot over HTTP (/api/messages)', function () {
  this.timeout(60000);
  let azurite: AzuriteHandle;
  let connector: ConnectorStandIn;
  let server: ServerHandle;
  const prefix = `t${Math.random().toString(36).slice(2, 8)}`;
  const env = () => ({ TABLES_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix });
  const conversationsTable = () =>
    TableClient.fromConnectionString(azurite.connectionString, `${prefix}conversations`, {
      allowInsecureConnection: true,
    });

  before(async () => {
    [azurite, connector] = await Promise.all([startAzurite(), startConnectorStandIn()]);
    server = await startServer(env());
  });
  after(async () => {
    await server?.stop();
    await connector?.close();
    await azurite?.stop();
  });
  beforeEach(() => connector.clear());

  it('welcomes a person once in Finnish when installed personally, and stores the reference', async () => {
    const o = { serviceUrl: connector.serviceUrl, user: supervisor, locale: 'fi-FI' };
    const res = await postActivity(server.baseUrl, installationUpdate(o, 'add'));
    assert.equal(res.status, 200);
    // Teams also sends conversationUpdate on install: no second welcome.
    assert.equal((await postActivity(server.baseUrl, botAdded(o))).status, 200);
    const conversationId = `a:personal-${supervisor.aadObjectId}`;
    const [welcome] = await connector.waitForActivities(conversationId, 1);
    assert.deepEqual(cardTexts(cardOf(welcome!.activity))[0], 'Tervetuloa Polkuun');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(connector.sent.filter((s) => s.conversationId === conversationId).length, 1);

    const stored = await conversationsTable().getEntity<{
      kind: string;
      serviceUrl: string;
      reference: string;
    }>(DEMO_TENANT_ID, `user:${supervisor.aadObjectId}`);
    assert.equal(stored.kind, 'personal');
    assert.equal(stored.serviceUrl, connector.serviceUrl);
    const reference = JSON.parse(stored.reference) as { user: { aadObjectId: string }; activityId?: string };
    assert.equal(reference.user.aadObjectId, supervisor.aadObjectId);
    assert.equal(reference.activityId, undefined);
  });

  it('welcomes in the person’s language even when the conversationUpdate (no locale) arrives first', async () => {
    const user = DEMO_USERS[9]!;
    const o = { serviceUrl: connector.serviceUrl, user, locale: 'en-GB' };
    const update = botAdded(o);
    delete update.locale;
    await postActivity(server.baseUrl, update);
    await postActivity(server.baseUrl, installationUpdate(o, 'add'));
    const [welcome] = await connector.waitForActivities(`a:personal-${user.aadObjectId}`, 1);
    assert.equal(cardTexts(cardOf(welcome!.activity))[0], 'Welcome to Polku');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(
      connector.sent.filter((s) => s.conversationId === `a:personal-${user.aadObjectId}`).length,
      1,
    );
  });

  it('answers help in English, Finnish and Swedish by the activity locale', async () => {
    const cases = [
      { user: mentor, locale: 'en-US', text: 'help', title: 'What Polku does' },
      { user: mentor, locale: 'fi-FI', text: 'apua', title: 'Mitä Polku tekee' },
      { user: swedishMentor, locale: 'sv-FI', text: 'hjälp', title: 'Vad Polku gör' },
    ];
    for (const c of cases) {
      connector.clear();
      const res = await postActivity(
        server.baseUrl,
        message({ serviceUrl: connector.serviceUrl, user: c.user, locale: c.locale }, c.text),
      );
      assert.equal(res.status, 200);
      const [reply] = await connector.waitForActivities(`a:personal-${c.user.aadObjectId}`, 1);
      const texts = cardTexts(cardOf(reply!.activity));
      assert.equal(texts[0], c.title, `${c.locale}: ${texts[0]}`);
      assert.ok(reply!.replyToId, 'help is a reply to the message');
    }
  });

  it('answers unknown input with a pointer to help, never a stack trace', async () => {
    const o = { serviceUrl: connector.serviceUrl, user: mentor, locale: 'en-GB' };
    await postActivity(server.baseUrl, message(o, 'what is the airspeed of an unladen swallow'));
    const [reply] = await connector.waitForActivities(`a:personal-${mentor.aadObjectId}`, 1);
    assert.match(String(reply!.activity.text), /Type \*\*help\*\*/);
    assert.doesNotMatch(String(reply!.activity.text), /Error|at .*\.ts/);
  });

  it('strips the @mention in a channel and welcomes the team once on install', async () => {
    const conversation = {
      id: `${DEMO_TEAM_ID};messageid=1700000000000`,
      conversationType: 'channel' as const,
    };
    const o = {
      serviceUrl: connector.serviceUrl,
      user: supervisor,
      locale: 'fi-FI',
      conversation,
      team: { id: DEMO_TEAM_ID, name: 'Asiakaspalvelu' },
    };
    await postActivity(server.baseUrl, installationUpdate(o, 'add'));
    const [welcome] = await connector.waitForActivities(conversation.id, 1);
    assert.match(cardTexts(cardOf(welcome!.activity))[1] ?? '', /Hei, Asiakaspalvelu!/);
    connector.clear();
    await postActivity(server.baseUrl, message(o, '<at>Polku</at> apua'));
    const [help] = await connector.waitForActivities(conversation.id, 1);
    assert.equal(cardTexts(cardOf(help!.activity))[0], 'Mitä Polku tekee');
    const stored = await conversationsTable().getEntity<{ teamId: string }>(
      DEMO_TENANT_ID,
      `channel:${DEMO_TEAM_ID}`,
    );
    assert.equal(stored.teamId, DEMO_TEAM_ID);
  });

  it('forgets the reference on uninstall, and welcomes again on reinstall', async () => {
    const user = DEMO_USERS[6]!;
    const o = { serviceUrl: connector.serviceUrl, user, locale: 'en-US' };
    const conversationId = `a:personal-${user.aadObjectId}`;
    await postActivity(server.baseUrl, installationUpdate(o, 'add'));
    await connector.waitForActivities(conversationId, 1);
    await postActivity(server.baseUrl, installationUpdate(o, 'remove'));
    await assert.rejects(
      conversationsTable().getEntity(DEMO_TENANT_ID, `user:${user.aadObjectId}`),
      (e: { statusCode?: number }) => e.statusCode === 404,
    );
    await postActivity(server.baseUrl, installationUpdate(o, 'add'));
    await connector.waitForActivities(conversationId, 2);
  });

  it('gives malformed bodies a 4xx and keeps serving', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${server.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });
    assert.equal((await post('{bad json')).status, 400);
    assert.equal((await post('{}')).status, 400);
    assert.equal((await post('[]')).status, 400);
    assert.equal(
      (
        await post(
          JSON.stringify({
            type: 'message',
            channelId: 'msteams',
            serviceUrl: 'file:///etc/passwd',
            conversation: { id: 'x' },
          }),
        )
      ).status,
      400,
    );
    assert.equal((await post('x'.repeat(300_000))).status, 413);
    assert.equal((await post('text', 'text/plain')).status, 415);
    const body = (await (await post('{}')).json()) as { error: { code: string } };
    assert.equal(body.error.code, 'invalid');
    assert.equal((await fetch(`${server.baseUrl}/healthz`)).status, 200);
  });

  it('never logs message text', async () => {
    const secret = `my-goal-${Math.random().toString(36).slice(2)}`;
    await postActivity(server.baseUrl, message({ serviceUrl: connector.serviceUrl, user: mentor }, secret));
    await connector.waitForActivities(`a:personal-${mentor.aadObjectId}`, 1);
    assert.ok(!server.logs().includes(secret));
    assert.match(server.logs(), /"correlationId"/);
  });

  it('keeps a stored conversation reference across a server restart', async () => {
    const user = DEMO_USERS[7]!;
    const o = { serviceUrl: connector.serviceUrl, user, locale: 'fi-FI' };
    await postActivity(server.baseUrl, installationUpdate(o, 'add'));
    await connector.waitForActivities(`a:personal-${user.aadObjectId}`, 1);
    assert.equal(await server.stop(), 0, 'graceful stop exits 0');
    server = await startServer(env(), { port: server.port });
    connector.clear();
    // Known after the restart: a repeated install is not welcomed again.
    await postActivity(server.baseUrl, installationUpdate(o, 'add'));
    await postActivity(server.baseUrl, message(o, 'apua'));
    const sent = await connector.waitForActivities(`a:personal-${user.aadObjectId}`, 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(connector.sent.length, 1);
    assert.equal(cardTexts(cardOf(sent[0]!.activity))[0], 'Mitä Polku tekee');
  });
});
