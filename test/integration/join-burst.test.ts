/**
 * A burst of Joins on the announcement against Teams' pace (here 2 messages
 * a second for the tenant, so most of the burst cannot go at once): every
 * click is answered without waiting for the pace, and every person gets
 * exactly one form in their 1:1 chat shortly after: the ones that could not
 * go at once are sent by the scheduler, woken for them.
 */
import assert from 'node:assert/strict';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { translator } from '../../bot/src/i18n/translate';
import {
  aino,
  eveliina,
  helmi,
  jukka,
  linnea,
  mikko,
  onni,
  pekka,
  sanna,
  ville,
} from '../support/programmeSeed';
import { type ServerHandle, startServer } from '../support/serverProcess';
import { cardAction, cardOf, invokeCard, postActivity } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

const PER_SECOND = 2;

/** Sends the pacer lets through at once in `ms` at `perSecond`: the first, then one each 1,050 / perSecond ms. */
function sentAtOnceAllowed(perSecond: number, ms: number): number {
  return 1 + Math.floor(ms / (1050 / perSecond));
}

/** Everyone clicks Join at once; each answer's status and text. */
async function joinAll(
  world: World,
  baseUrl: string,
  programmeId: string,
  people: Array<[DemoUser, string]>,
) {
  return Promise.all(
    people.map(async ([u, role]) => {
      const t0 = performance.now();
      const res = await postActivity(
        baseUrl,
        cardAction(world.inChannel(u), 'signup.open', { programmeId, role }),
      );
      const body = (await res.json()) as { type: string; value: string };
      return { ms: performance.now() - t0, status: res.status, body };
    }),
  );
}

/** Each person's chat holds exactly one form, for their role, a second after the last arrived. */
async function oneFormEach(world: World, programmeId: string, people: Array<[DemoUser, string]>) {
  for (const [u, role] of people) {
    const [sent] = await world.connector.waitForActivities(`a:1on1-${u.botUserId}`, 1, 20000);
    const form = cardOf(sent!.activity) as unknown as {
      actions: Array<{ verb: string; data: { role?: string; programmeId?: string } }>;
    };
    const save = form.actions.find((a) => a.verb === 'signup.save');
    assert.ok(save, `${u.name} got a form to save`);
    assert.equal(save.data.role, role);
    assert.equal(save.data.programmeId, programmeId);
  }
  await new Promise((r) => setTimeout(r, 1000));
  for (const [u] of people) {
    const inChat = world.connector.sent.filter((s) => s.conversationId === `a:1on1-${u.botUserId}`);
    assert.equal(inChat.length, 1, `${u.name} got ${inChat.length} forms`);
  }
}

async function announce(world: World, name: string): Promise<string> {
  const programmeId = await world.createProgramme(sanna, {
    name,
    form: 'pair',
    modeKind: 'nonstop',
    language: 'fi',
  });
  await invokeCard(
    world.server.baseUrl,
    cardAction(world.inChannel(sanna), 'programme.announce', { programmeId }),
  );
  return programmeId;
}

describe('a burst of Joins on the announcement', function () {
  this.timeout(60000);
  let world: World;
  let programmeId = '';

  before(async () => {
    world = await startWorld({ env: { TEAMS_SEND_PER_SECOND: String(PER_SECOND) } });
    programmeId = await announce(world, 'Aamuruuhka');
  });
  after(async () => world?.stop());

  it('answers every click without waiting for Teams, and delivers each form once', async () => {
    const people: Array<[DemoUser, 'mentor' | 'aktori']> = [
      [aino, 'mentor'],
      [mikko, 'mentor'],
      [helmi, 'mentor'],
      [pekka, 'mentor'],
      [jukka, 'mentor'],
      [eveliina, 'aktori'],
      [onni, 'aktori'],
      [linnea, 'aktori'],
      [ville, 'aktori'],
    ];
    world.connector.clear();
    const answers = await joinAll(world, world.server.baseUrl, programmeId, people);
    const t = translator('fi');
    for (const a of answers) {
      assert.equal(a.status, 200);
      assert.equal(a.body.type, 'application/vnd.microsoft.activity.message');
      assert.ok([t('signup.formSentToChat'), t('signup.formOnItsWay')].includes(a.body.value), a.body.value);
    }
    const onItsWay = answers.filter((a) => a.body.value === t('signup.formOnItsWay')).length;
    // Paced in the clicks, the ninth would answer after eight intervals of 525 ms (4.2 s): none waited.
    const slowest = Math.max(...answers.map((a) => a.ms));
    assert.ok(slowest < 3500, `the slowest click was answered in ${Math.round(slowest)} ms`);
    // Only what the pace allowed while the clicks were being answered went at once; the rest was left.
    assert.ok(onItsWay > 0, 'some forms were left for the scheduler');
    assert.ok(
      people.length - onItsWay <= sentAtOnceAllowed(PER_SECOND, slowest),
      `${people.length - onItsWay} sent at once in ${Math.round(slowest)} ms at ${PER_SECOND}/s`,
    );
    await oneFormEach(world, programmeId, people);
  });
});

describe('Join forms left to the scheduler when the server is killed', function () {
  this.timeout(90000);
  let world: World;
  let restarted: ServerHandle | undefined;

  before(async () => {
    // No scheduler in the first server: the forms it could not send stay stored until the kill.
    world = await startWorld({ env: { TEAMS_SEND_PER_SECOND: '1', SCHEDULER_TICK_SECONDS: '0' } });
  });
  after(async () => {
    await restarted?.stop();
    await world?.stop();
  });

  it('are sent by the next server, once each', async () => {
    const programmeId = await announce(world, 'Kaatuva aamu');
    const people: Array<[DemoUser, string]> = [
      [aino, 'mentor'],
      [mikko, 'mentor'],
      [eveliina, 'aktori'],
      [onni, 'aktori'],
      [linnea, 'aktori'],
    ];
    world.connector.clear();
    const answers = await joinAll(world, world.server.baseUrl, programmeId, people);
    const onItsWay = answers.filter((a) => a.body.value === translator('fi')('signup.formOnItsWay')).length;
    const slowest = Math.max(...answers.map((a) => a.ms));
    assert.ok(onItsWay > 0, 'some forms were left for the scheduler');
    assert.ok(
      people.length - onItsWay <= sentAtOnceAllowed(1, slowest),
      `${onItsWay} left for the scheduler`,
    );

    await world.server.stop('SIGKILL');
    assert.equal(world.server.child.signalCode, 'SIGKILL', 'killed, not shut down');
    // Same storage and prefix, the scheduler on (its first tick runs at start).
    restarted = await startServer(
      { TABLES_CONNECTION_STRING: world.azurite.connectionString, TABLE_PREFIX: world.tablePrefix },
      { port: world.server.port },
    );
    await oneFormEach(world, programmeId, people);
  });
});
