/**
 * A burst of sign-ups against Teams' limit for one channel (about 7
 * messages a second): the announcement is refreshed at once while the
 * channel has room and the rest is left to the scheduler, which makes one
 * refresh of many with the final counts. Nobody's Save waits for the channel.
 */
import assert from 'node:assert/strict';
import { DEMO_CHANNEL_ID } from '../../bot/src/devsupport/demoOrganisation';
import { translator } from '../../bot/src/i18n/translate';
import { countsSentence } from '../../bot/src/i18n/wording';
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
import { runSchedulerAt } from '../support/schedulerTick';
import { allTexts, cardAction, invokeCard } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

describe('announcement counts under a burst of sign-ups', function () {
  this.timeout(60000);
  let world: World;
  let programmeId = '';

  before(async () => {
    world = await startWorld({ env: { SCHEDULER_TICK_SECONDS: '0' } });
    programmeId = await world.createProgramme(sanna, {
      name: 'Ruuhka',
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

  it('refreshes a few times during the burst and once more with the final counts', async () => {
    const mentors = [aino, mikko, helmi, pekka, jukka];
    const aktoris = [eveliina, onni, linnea, ville];
    world.connector.clear();
    const started = Date.now();
    await Promise.all(
      [...mentors.map((u) => [u, 'mentor'] as const), ...aktoris.map((u) => [u, 'aktori'] as const)].map(
        ([u, role]) =>
          invokeCard(
            world.server.baseUrl,
            cardAction(world.personal(u), 'signup.save', {
              programmeId,
              role,
              [role === 'mentor' ? 'offers' : 'wants']: 'theme:career',
              unit: 'IT',
              languages: 'fi',
            }),
          ),
      ),
    );
    const burstMs = Date.now() - started;
    const puts = () =>
      world.connector.sent.filter((s) => s.conversationId === DEMO_CHANNEL_ID && s.method === 'PUT');
    const during = puts().length;
    // At most about 7 a second reach the channel; with 9 Saves in well under a second, some are left for later.
    assert.ok(
      during >= 1 && during <= Math.ceil((burstMs / 1000) * 7) + 1,
      `${during} refreshes in ${burstMs} ms`,
    );
    const { handled } = await runSchedulerAt(world.server.baseUrl, Date.now() + 15_000);
    assert.equal(handled, 1, 'one coalesced refresh was left');
    const final = puts().at(-1);
    const expected = countsSentence({ mentors: 5, aktoris: 4 }, translator('fi'));
    assert.ok(allTexts(final!.activity).includes(expected), `the final counts: ${expected}`);
    assert.ok(puts().length <= during + 1, 'the left-over refreshes became one');
  });
});
