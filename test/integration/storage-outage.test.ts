/**
 * Azurite stops in the middle of work and comes back on the same port with
 * the same data: meanwhile people get a plain "try again" answer in their
 * language (a message, or a card in place of the one they clicked), the tab
 * API answers 503 in its JSON shape, /healthz reports unhealthy; afterwards
 * the same clicks work with no restart or manual step, and nothing written
 * before the outage is lost.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fi } from '../../bot/src/i18n/fi';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { waitFor } from '../support/ports';
import { aino, eveliina, sanna } from '../support/programmeSeed';
import { allTexts, cardAction, invokeCard, message, postActivity } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

const tryAgain = (text: string) =>
  text.startsWith(fi['error.unavailable'].split('{')[0]!.trim().slice(0, 30));

describe('storage outage: clean failures meanwhile, work resumes by itself', function () {
  this.timeout(120000);
  const location = mkdtempSync(path.join(os.tmpdir(), 'polku-outage-'));
  let world: World;
  let back: AzuriteHandle | undefined;
  let pairId = '';

  before(async () => {
    world = await startWorld({ azuriteLocation: location });
    ({ pairId } = await world.formPair(sanna, aino, eveliina, 'Katkosohjelma'));
  });
  after(async () => {
    await world?.stop();
    await back?.stop();
    rmSync(location, { recursive: true, force: true });
  });

  it('fails cleanly while storage is down and resumes when it returns', async () => {
    const health = () => fetch(`${world.server.baseUrl}/healthz`).then((r) => r.status);
    const open = () => cardAction(world.personal(aino), 'agreement.open', { pairId });
    const before = await invokeCard(world.server.baseUrl, open());
    assert.ok(before.actions?.length, 'the agreement card works before the outage');

    // Azurite (not Azure Storage) writes its disk file every 5 s and not on SIGTERM: let it save what
    // Polku was told is stored, so the outage tests Polku, not the emulator's persistence.
    await new Promise((r) => setTimeout(r, 5500));
    await world.azurite.stop();
    assert.equal(await health(), 503, '/healthz reports unhealthy');

    // A typed command: a message that says to try again, with a reference, in Finnish.
    world.connector.clear();
    const typed = await postActivity(world.server.baseUrl, message(world.personal(aino), 'sopimus'));
    assert.ok(typed.status < 500 || typed.status === 503, `message answered ${typed.status}`);
    const [reply] = await world.connector.waitForActivities(`a:personal-${aino.aadObjectId}`, 1, 20000);
    assert.ok(tryAgain(String(reply?.activity.text)), `plain try-again text: ${reply?.activity.text}`);

    // A click: the card in place says the same, and nothing else.
    const clicked = await invokeCard(world.server.baseUrl, open());
    const texts = allTexts(clicked);
    assert.ok(texts.some(tryAgain), `try-again card: ${texts.join(' | ')}`);
    assert.equal((clicked.actions ?? []).length, 0, 'no buttons that would fail again');

    // The tab API: 503 with the JSON error shape and a hint to retry.
    const api = await world.api(`/api/v1/pairs/${pairId}/agreement`, aino);
    assert.equal(api.status, 503);
    const body = (await api.json()) as { error: { code: string; message: string; correlationId: string } };
    assert.equal(body.error.code, 'unavailable');
    assert.ok(body.error.correlationId);
    assert.equal(await health(), 503, 'still unhealthy, still answering');

    back = await startAzurite({ port: world.azurite.port, location });
    await waitFor('healthy again', async () => ((await health()) === 200 ? true : undefined), 30000);
    const after = await invokeCard(world.server.baseUrl, open());
    assert.deepEqual(after, before, 'the same click shows the same agreement: nothing lost');
    const mine = (await (await world.api('/api/v1/me/pairs', aino)).json()) as {
      items: Array<{ pairId: string }>;
    };
    assert.deepEqual(
      mine.items.map((p) => p.pairId),
      [pairId],
    );
    const logs = world.server.logs();
    assert.ok(!/"level":"fatal"/.test(logs), 'no fatal errors');
    assert.equal(world.server.child.exitCode, null, 'the server never exited');
  });
});
