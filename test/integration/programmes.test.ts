/**
 * A programme's start over the real path: a supervisor creates and announces
 * it in a channel, colleagues volunteer from the card (Action.Execute
 * invokes to /api/messages), and the tab API forms pairs whose members are
 * introduced in personal chat — all against Azurite and a connector stand-in.
 */
import assert from 'node:assert/strict';
import { TableClient } from '@azure/data-tables';
import {
  DEMO_CHANNEL_ID,
  DEMO_CHANNEL_NAME,
  DEMO_TEAM_ID,
  DEMO_TEAM_NAME,
  DEMO_TENANT_ID,
  DEMO_USERS,
  type DemoUser,
} from '../../bot/src/devsupport/demoOrganisation';
import { translator } from '../../bot/src/i18n/translate';
import { countsSentence } from '../../bot/src/i18n/wording';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type ConnectorStandIn, startConnectorStandIn } from '../support/connectorStandIn';
import { runSchedulerAt } from '../support/schedulerTick';
import { type ServerHandle, startServer } from '../support/serverProcess';
import {
  type ActivityOptions,
  allTexts,
  cardAction,
  cardOf,
  installationUpdate,
  invokeCard,
  message,
  postActivity,
} from '../support/teamsActivities';

const [sanna, jukka, aino, mikko, helmi, pekka, eveliina, onni, linnea, ville] = DEMO_USERS as [
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
];

function isoDate(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

/** Programme dates are days in the programme's time zone (Helsinki), which may differ from UTC's day. */
function helsinkiDate(daysFromToday: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(
    new Date(Date.now() + daysFromToday * 86_400_000),
  );
}

describe('programmes: announce, volunteer, pair', function () {
  this.timeout(90000);
  let azurite: AzuriteHandle;
  let connector: ConnectorStandIn;
  let server: ServerHandle;
  let programmeId = '';
  const prefix = `t${Date.now() % 100000}`;

  const inChannel = (user: DemoUser, locale = 'fi-FI'): ActivityOptions => ({
    serviceUrl: connector.serviceUrl,
    user,
    locale,
    conversation: { id: `${DEMO_CHANNEL_ID};messageid=1`, conversationType: 'channel' },
    team: { id: DEMO_TEAM_ID, name: DEMO_TEAM_NAME },
  });
  const channelPosts = () => connector.sent.filter((s) => s.conversationId === DEMO_CHANNEL_ID);
  const api = async (path: string, user: DemoUser, init: RequestInit = {}) => {
    const signIn = await fetch(`${server.baseUrl}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user.aadObjectId }),
    });
    const { token } = (await signIn.json()) as { token: string };
    return fetch(`${server.baseUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(init.headers ?? {}),
      },
    });
  };
  /** The form lives in the person's 1:1 chat, so that is where they press Save. */
  const personal = (user: DemoUser): ActivityOptions => ({
    serviceUrl: connector.serviceUrl,
    user,
    locale: 'fi-FI',
  });
  const signUp = (user: DemoUser, data: Record<string, unknown>) =>
    invokeCard(server.baseUrl, cardAction(personal(user), 'signup.save', { programmeId, ...data }));

  before(async () => {
    azurite = await startAzurite();
    connector = await startConnectorStandIn({
      roster: DEMO_USERS.map((u) => ({ id: u.botUserId, name: u.name, aadObjectId: u.aadObjectId })),
    });
    server = await startServer({
      TABLES_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: prefix,
    });
    const install = installationUpdate(inChannel(sanna), 'add');
    (install.channelData as Record<string, unknown>).channel = {
      id: DEMO_CHANNEL_ID,
      name: DEMO_CHANNEL_NAME,
    };
    assert.equal((await postActivity(server.baseUrl, install)).status, 200);
  });
  after(async () => {
    await server?.stop();
    await connector?.close();
    await azurite?.stop();
  });

  it('answers "@Polku ohjelma" in the channel with the programme form', async () => {
    connector.clear();
    await postActivity(server.baseUrl, message(inChannel(sanna), '<at>Polku</at> ohjelma'));
    const [reply] = await connector.waitForActivities(`${DEMO_CHANNEL_ID};messageid=1`, 1);
    const form = cardOf(reply!.activity) as unknown as { body: unknown[]; actions: Array<{ verb: string }> };
    assert.ok(form.actions.some((a) => a.verb === 'programme.create'));
  });

  it('explains a bad programme on the form itself and creates nothing', async () => {
    const card = await invokeCard(
      server.baseUrl,
      cardAction(inChannel(sanna), 'programme.create', { name: '', modeKind: 'nonstop', form: 'pair' }),
    );
    assert.ok(
      card.actions?.some((a) => a.verb === 'programme.create'),
      'the form again',
    );
    assert.ok(
      allTexts(card).some((t) => /Nimi|nimi/.test(t)),
      'names the field in Finnish',
    );
    const mine = await (await api('/api/v1/programmes', sanna)).json();
    assert.deepEqual(mine, { items: [] });
  });

  it('creates a programme from the channel card; the creator owns it', async () => {
    const card = await invokeCard(
      server.baseUrl,
      cardAction(inChannel(sanna), 'programme.create', {
        name: 'Asiakaspalvelun mentorointi',
        form: 'pair',
        modeKind: 'cohort',
        startDate: isoDate(30),
        endDate: isoDate(400),
        signUpDeadline: isoDate(14),
        aims: 'strengthen,develop',
        competenceAreas: 'Asiakaskokemus, Palvelumuotoilu',
        firstPhaseMeetings: '3',
        cadenceWeeks: '4',
        meetingMinutes: '60',
        nudgeLeadHours: '24',
        language: 'fi',
      }),
    );
    const announce = card.actions?.find((a) => a.verb === 'programme.announce');
    assert.ok(announce, 'offers to announce');
    programmeId = String(announce!.data?.programmeId);
    const mine = (await (await api('/api/v1/programmes', sanna)).json()) as {
      items: Array<{ id: string; role: string }>;
    };
    assert.deepEqual(
      mine.items.map((i) => [i.id, i.role]),
      [[programmeId, 'owner']],
    );
  });

  it('refuses a non-manager who tries to announce, and posts nothing', async () => {
    connector.clear();
    const card = await invokeCard(
      server.baseUrl,
      cardAction(inChannel(aino), 'programme.announce', { programmeId }),
    );
    assert.ok(allTexts(card).length > 0);
    assert.equal(card.actions?.length ?? 0, 0);
    assert.equal(channelPosts().length, 0);
    const res = await api(`/api/v1/programmes/${programmeId}/announce`, aino, { method: 'POST', body: '{}' });
    assert.equal(res.status, 403);
  });

  it('announces in the channel with join buttons and counts, never names', async () => {
    connector.clear();
    await invokeCard(server.baseUrl, cardAction(inChannel(sanna), 'programme.announce', { programmeId }));
    const [post] = await connector.waitForActivities(DEMO_CHANNEL_ID, 1);
    const card = cardOf(post!.activity) as unknown as {
      actions: Array<{ verb: string; data: { role: string } }>;
    };
    assert.deepEqual(card.actions.map((a) => [a.verb, a.data.role]).sort(), [
      ['signup.open', 'aktori'],
      ['signup.open', 'mentor'],
    ]);
    assert.match(allTexts(card).join(' '), /kolme|3/i);
  });

  it('edits the programme from the card, catching a stale save instead of overwriting', async () => {
    const form = await invokeCard(
      server.baseUrl,
      cardAction(inChannel(sanna), 'programme.edit', { programmeId }),
    );
    const save = form.actions?.find((a) => a.verb === 'programme.update');
    assert.ok(save, 'the form saves as an update');
    const etag = String(save!.data?.etag);
    const values = {
      name: 'Asiakaspalvelun mentorointi 2027',
      form: 'pair',
      modeKind: 'cohort',
      startDate: isoDate(30),
      endDate: isoDate(400),
      signUpDeadline: isoDate(14),
      competenceAreas: 'Asiakaskokemus, Palvelumuotoilu',
      firstPhaseMeetings: '4',
      language: 'fi',
    };
    connector.clear();
    const saved = await invokeCard(
      server.baseUrl,
      cardAction(inChannel(sanna), 'programme.update', { programmeId, etag, ...values }),
    );
    assert.match(allTexts(saved).join(' '), /Asiakaspalvelun mentorointi 2027/);
    const [update] = await connector.waitForActivities(DEMO_CHANNEL_ID, 1);
    assert.equal(update!.method, 'PUT', 'the posted announcement follows the edit');
    assert.match(allTexts(update!.activity).join(' '), /Neljä|neljä/);

    const stale = await invokeCard(
      server.baseUrl,
      cardAction(inChannel(sanna), 'programme.update', { programmeId, etag, ...values, name: 'Overwrite' }),
    );
    assert.match(allTexts(stale).join(' '), /Joku muu muutti/);
    const latestEtag = String(stale.actions?.find((a) => a.verb === 'programme.update')?.data?.etag);
    assert.notEqual(latestEtag, etag);
    const details = (await (await api(`/api/v1/programmes/${programmeId}`, sanna)).json()) as {
      programme: { name: string };
    };
    assert.equal(details.programme.name, 'Asiakaspalvelun mentorointi 2027');

    const refused = await invokeCard(
      server.baseUrl,
      cardAction(inChannel(aino), 'programme.edit', { programmeId }),
    );
    assert.equal(refused.actions?.length ?? 0, 0);
  });

  it('opens a person’s own sign-up form in their 1:1 chat, never in the channel', async () => {
    connector.clear();
    const res = await postActivity(
      server.baseUrl,
      cardAction(inChannel(aino), 'signup.open', { programmeId, role: 'mentor' }),
    );
    const answer = (await res.json()) as { type: string; value: unknown };
    assert.equal(
      answer.type,
      'application/vnd.microsoft.activity.message',
      'a note to the clicker; the card stays',
    );
    assert.match(String(answer.value), /Polu/);
    const [sent] = await connector.waitForActivities(`a:1on1-${aino.botUserId}`, 1);
    assert.equal(channelPosts().length, 0);
    const form = cardOf(sent!.activity) as unknown as { actions: Array<{ verb: string }> };
    const json = JSON.stringify(form);
    for (const id of ['"offers"', '"unit"', '"languages"', '"capacity"', '"note"'])
      assert.ok(json.includes(id), id);
    assert.ok(form.actions?.some((a) => a.verb === 'signup.save'));
  });

  it('takes sign-ups from many people at once, once each; the form in their chat becomes the confirmation', async () => {
    connector.clear();
    const mentors = [aino, mikko, helmi, pekka];
    const aktoris = [eveliina, onni, linnea, ville];
    const units = ['Asiakaspalvelu', 'Myynti', 'Talous', 'IT'];
    const answers = await Promise.all([
      ...mentors.map((m, i) =>
        signUp(m, {
          role: 'mentor',
          offers: i % 2 ? 'theme:career' : 'area:Asiakaskokemus',
          unit: units[i],
          languages: 'fi,sv',
          capacity: '1',
        }),
      ),
      ...aktoris.map((a, i) =>
        signUp(a, {
          role: 'aktori',
          wants: i % 2 ? 'theme:career' : 'area:Asiakaskokemus',
          unit: units[(i + 1) % 4],
          languages: 'fi',
        }),
      ),
    ]);
    // The same person again: an update, not a second volunteer.
    await signUp(aino, {
      role: 'mentor',
      offers: 'area:Asiakaskokemus,theme:networking',
      unit: 'Asiakaspalvelu',
      languages: 'fi',
      capacity: '2',
    });
    const volunteers = (await (await api(`/api/v1/programmes/${programmeId}/volunteers`, sanna)).json()) as {
      items: Array<{ userId: string; capacity: number }>;
    };
    assert.equal(volunteers.items.length, 8);
    assert.equal(volunteers.items.find((v) => v.userId === aino.aadObjectId)?.capacity, 2);
    // Each Save answers in place with the state card (signed up, as what); no second message follows.
    for (const card of answers) {
      assert.ok(!card.actions?.some((a) => a.verb === 'signup.save'), 'the form is replaced');
      assert.ok(
        card.actions?.some((a) => a.verb === 'signup.withdraw'),
        JSON.stringify(card).slice(0, 200),
      );
    }
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(
      connector.sent.filter((s) => s.conversationId !== DEMO_CHANNEL_ID).length,
      0,
      'no separate confirmation message',
    );
    const details = (await (await api(`/api/v1/programmes/${programmeId}`, sanna)).json()) as {
      counts: unknown;
    };
    assert.deepEqual(details.counts, { mentors: 4, aktoris: 4 });
  });

  it('keeps the announcement’s counts current in place', async () => {
    const updates = () =>
      connector.sent.filter((s) => s.conversationId === DEMO_CHANNEL_ID && s.method === 'PUT');
    assert.ok(updates().length > 0, 'the card was updated during the sign-ups');
    // Eight Saves at once outrun the channel's limit: the last refresh is the scheduler's, with the final counts.
    await runSchedulerAt(server.baseUrl, Date.now() + 15_000);
    assert.ok(
      allTexts(updates().at(-1)!.activity).includes(
        countsSentence({ mentors: 4, aktoris: 4 }, translator('fi')),
      ),
      allTexts(updates().at(-1)!.activity).join(' ').slice(-200),
    );
  });

  it('refuses bad sign-up input on the form and changes nothing', async () => {
    const form = await signUp(jukka, {
      role: 'mentor',
      offers: 'theme:not-a-theme',
      unit: 'x',
      languages: 'fi',
    });
    assert.ok(
      form.actions?.some((a) => a.verb === 'signup.save'),
      'the form again, with the problem',
    );
    const long = await signUp(jukka, {
      role: 'aktori',
      wants: 'theme:career',
      unit: 'y'.repeat(81),
      languages: 'fi',
    });
    assert.ok(long.actions?.some((a) => a.verb === 'signup.save'));
    const volunteers = (await (await api(`/api/v1/programmes/${programmeId}/volunteers`, sanna)).json()) as {
      items: unknown[];
    };
    assert.equal(volunteers.items.length, 8);
  });

  it('lets only managers see volunteers and suggestions', async () => {
    for (const path of ['volunteers', 'suggestions', 'pairs']) {
      assert.equal((await api(`/api/v1/programmes/${programmeId}/${path}`, aino)).status, 403, path);
      assert.equal((await api(`/api/v1/programmes/${programmeId}/${path}`, jukka)).status, 403, path);
    }
  });

  it('suggests explained pairs, and confirming introduces every member in personal chat', async () => {
    const res = await api(`/api/v1/programmes/${programmeId}/suggestions?lang=en`, sanna);
    assert.equal(res.status, 200);
    const { suggestions } = (await res.json()) as {
      suggestions: Array<{ mentorId: string; aktoriIds: string[]; explanation: string }>;
    };
    assert.equal(
      suggestions.reduce((n, s) => n + s.aktoriIds.length, 0),
      4,
    );
    for (const s of suggestions) assert.ok(s.explanation.length > 0);

    // Ville withdraws between the suggestion and the confirmation: his pair fails, the others form.
    await invokeCard(server.baseUrl, cardAction(personal(ville), 'signup.withdraw', { programmeId }));
    connector.clear();
    const confirm = await api(`/api/v1/programmes/${programmeId}/pairs`, sanna, {
      method: 'POST',
      body: JSON.stringify({
        pairs: suggestions.map((s) => ({ mentorId: s.mentorId, aktoriIds: s.aktoriIds })),
        tellUnpaired: true,
      }),
    });
    assert.equal(confirm.status, 200, await confirm.clone().text());
    const { results } = (await confirm.json()) as {
      results: Array<{ status: string; aktoriIds: string[]; reason?: string }>;
    };
    const villeResult = results.find((r) => r.aktoriIds.includes(ville.aadObjectId));
    assert.equal(villeResult?.status, 'refused');
    assert.equal(villeResult?.reason, 'withdrawn');
    const formed = results.filter((r) => r.status === 'formed');
    assert.equal(formed.length, suggestions.length - 1);
    const pairs = (await (await api(`/api/v1/programmes/${programmeId}/pairs`, sanna)).json()) as {
      items: Array<{ mentorId: string; aktoriIds: string[] }>;
    };
    assert.equal(pairs.items.length, formed.length);
    for (const p of pairs.items) {
      for (const id of [p.mentorId, ...p.aktoriIds]) {
        const user = DEMO_USERS.find((u) => u.aadObjectId === id)!;
        await connector.waitForActivities(`a:1on1-${user.botUserId}`, 1);
      }
    }
    // Confirming the same pairs again forms nothing twice.
    const again = await api(`/api/v1/programmes/${programmeId}/pairs`, sanna, {
      method: 'POST',
      body: JSON.stringify({
        pairs: pairs.items.map((p) => ({ mentorId: p.mentorId, aktoriIds: p.aktoriIds })),
      }),
    });
    const second = (await again.json()) as { results: Array<{ status: string }> };
    assert.ok(second.results.every((r) => r.status === 'formed'));
    const after = (await (await api(`/api/v1/programmes/${programmeId}/pairs`, sanna)).json()) as {
      items: unknown[];
    };
    assert.equal(after.items.length, pairs.items.length);
  });

  it('keeps sign-up open on the deadline day, and says it is closed after it', async () => {
    const card = await invokeCard(
      server.baseUrl,
      cardAction(inChannel(sanna), 'programme.create', {
        name: 'Päättyvä haku',
        form: 'pair',
        modeKind: 'nonstop',
        signUpDeadline: helsinkiDate(0),
        language: 'fi',
      }),
    );
    const id = String(card.actions?.find((a) => a.verb === 'programme.announce')?.data?.programmeId);
    assert.match(id, /^[0-9a-f-]{36}$/);
    const open = await invokeCard(
      server.baseUrl,
      cardAction(personal(mikko), 'signup.open', { programmeId: id, role: 'mentor' }),
    );
    assert.ok(
      open.actions?.some((a) => a.verb === 'signup.save'),
      'the deadline day still counts',
    );

    // The server's clock cannot be moved from here, so the deadline is moved: as if the day had passed.
    const table = TableClient.fromConnectionString(azurite.connectionString, `${prefix}programmes`, {
      allowInsecureConnection: true,
    });
    const row = await table.getEntity(DEMO_TENANT_ID, id);
    await table.updateEntity(
      { partitionKey: DEMO_TENANT_ID, rowKey: id, signUpDeadline: helsinkiDate(-1) },
      'Merge',
      { etag: row.etag },
    );
    const closed = await invokeCard(
      server.baseUrl,
      cardAction(personal(mikko), 'signup.open', { programmeId: id, role: 'mentor' }),
    );
    assert.equal(closed.actions?.length ?? 0, 0);
    assert.match(allTexts(closed).join(' '), /on päättynyt/);
    const save = await invokeCard(
      server.baseUrl,
      cardAction(personal(mikko), 'signup.save', {
        programmeId: id,
        role: 'mentor',
        offers: 'theme:career',
        unit: 'IT',
        languages: 'fi',
      }),
    );
    assert.equal(save.actions?.length ?? 0, 0, 'a late save gets the closed card and changes nothing');
  });
});
