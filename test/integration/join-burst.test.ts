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
import { cardAction, cardOf, invokeCard, postActivity } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

const PER_SECOND = 2;

describe('a burst of Joins on the announcement', function () {
  this.timeout(60000);
  let world: World;
  let programmeId = '';

  before(async () => {
    world = await startWorld({ env: { TEAMS_SEND_PER_SECOND: String(PER_SECOND) } });
    programmeId = await world.createProgramme(sanna, {
      name: 'Aamuruuhka',
      form: 'pair',
      modeKind: 'nonstop',
      language: 'fi',
    });
    await invokeCard(
      world.server.baseUrl,
      cardAction(world.inChannel(sanna), 'programme.announce', { programmeId }),
    );
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
    const answers = await Promise.all(
      people.map(async ([u, role]) => {
        const t0 = performance.now();
        const res = await postActivity(
          world.server.baseUrl,
          cardAction(world.inChannel(u), 'signup.open', { programmeId, role }),
        );
        const body = (await res.json()) as { type: string; value: string };
        return { ms: performance.now() - t0, status: res.status, body };
      }),
    );
    const t = translator('fi');
    for (const a of answers) {
      assert.equal(a.status, 200);
      assert.equal(a.body.type, 'application/vnd.microsoft.activity.message');
      assert.ok([t('signup.formSentToChat'), t('signup.formOnItsWay')].includes(a.body.value), a.body.value);
    }
    const onItsWay = answers.filter((a) => a.body.value === t('signup.formOnItsWay')).length;
    assert.ok(onItsWay >= people.length - PER_SECOND, `${onItsWay} of ${people.length} left for the scheduler`);
    // Nine sends at two a second take four seconds; no click waited for them.
    const slowest = Math.max(...answers.map((a) => a.ms));
    assert.ok(slowest < 2000, `the slowest click was answered in ${Math.round(slowest)} ms`);

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
    // Nothing twice: a second later each chat still has its one form.
    await new Promise((r) => setTimeout(r, 1000));
    for (const [u] of people) {
      const inChat = world.connector.sent.filter((s) => s.conversationId === `a:1on1-${u.botUserId}`);
      assert.equal(inChat.length, 1, `${u.name} got ${inChat.length} forms`);
    }
  });
});
