/**
 * A pair books and cancels a meeting in the local Teams client, end to end:
 * in-memory Azurite, the Graph emulator, the real server and two Microsoft
 * 365 Agents Playgrounds (mentor Aino, aktori Eveliina) in headless Chromium.
 * The programme, sign-ups, pair and agreement are seeded over HTTP as Teams
 * would send them; then Eveliina presses "Book our meeting" on the in-force
 * card in her Playground, picks a time, cancels it from the booked card
 * after confirming, and Aino's Playground shows both the booking and the
 * cancellation. Screenshots: /tmp/pg-meeting-*.png.
 */
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { translator } from '../../bot/src/i18n/translate';
import { type GraphEmulator, startGraphEmulator } from '../../scripts/graph-emulator';
import { selectPlaygroundUser } from '../../scripts/playground/config';
import { requireChromium } from '../support/chromium';
import { bookedEvents } from '../support/emulatorEvents';
import { cardTitled, type Person, PlaygroundStack, SEEN } from '../support/playgroundPage';
import { fromPersonalChat, seedPlaygroundPair } from '../support/playgroundSeed';
import { runSchedulerAt } from '../support/schedulerTick';
import { cardAction, invokeCard } from '../support/teamsActivities';

const t = translator('fi');

function button(scope: Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

describe('Agents Playground: a pair books a meeting and cancels it (Chromium)', function () {
  this.timeout(150000);
  const stack = new PlaygroundStack('pg-meeting');
  const sanna = selectPlaygroundUser('Sanna');
  let graph: GraphEmulator;
  let aino: Person;
  let eveliina: Person;
  let pairId = '';

  const liveEvents = () => bookedEvents(graph.baseUrl, aino.user.email);

  before(async function () {
    requireChromium(this);
    graph = await startGraphEmulator({ port: 0 });
    [aino, eveliina] = (await stack.start([selectPlaygroundUser('Aino'), selectPlaygroundUser('Eveliina')], {
      GRAPH_BASE_URL: graph.baseUrl,
    })) as [Person, Person];
    const baseUrl = stack.baseUrl;
    ({ pairId } = await seedPlaygroundPair(stack, {
      supervisor: sanna,
      mentor: aino,
      aktori: eveliina,
      programmeName: 'Tapaamiset',
    }));
    const version = async () =>
      ((await stack.api(aino.user, 'GET', `/pairs/${pairId}/agreement`)) as { version: number }).version;
    await invokeCard(
      baseUrl,
      cardAction(fromPersonalChat(eveliina), 'agreement.save', {
        pairId,
        step: 'goals',
        version: await version(),
        goal1: 'Oppia',
      }),
    );
    const v = await version();
    for (const person of [aino, eveliina])
      await invokeCard(
        baseUrl,
        cardAction(fromPersonalChat(person), 'agreement.accept', {
          pairId,
          version: v,
          confidentiality: 'true',
        }),
      );
  });

  afterEach(async function () {
    await stack.diagnose(this);
  });

  after(async () => {
    await stack.stop();
    await graph?.stop();
  });

  it('books a time from the in-force card; both see the booked meeting and the calendar holds one event', async () => {
    const { page } = eveliina;
    const inForce = cardTitled(page, t('agreement.inForce.title')).last();
    await inForce.waitFor(SEEN);
    await button(inForce, t('agreement.inForce.book')).click();
    const slots = cardTitled(page, t('meeting.slots.title')).last();
    await slots.waitFor(SEEN);
    await stack.screenshot(page, 'slots-eveliina', slots);
    await slots.getByRole('button', { name: /klo/ }).first().click();
    const booked = cardTitled(page, t('meeting.booked.title')).last();
    await booked.waitFor(SEEN);
    await button(booked, t('meeting.cancel')).waitFor();
    await stack.screenshot(page, 'booked-eveliina', booked);
    await cardTitled(aino.page, t('meeting.booked.title')).last().waitFor(SEEN);
    const events = await liveEvents();
    assert.equal(events.length, 1);
    assert.equal(events[0]?.attendees.length, 2);
  });

  it('nudges Aino before the meeting, in her Playground, and the nudge’s buttons work', async () => {
    const { items } = (await stack.api(aino.user, 'GET', `/pairs/${pairId}/meetings`)) as {
      items: Array<{ start: string; status: string }>;
    };
    const start = Date.parse(items.find((m) => m.status === 'booked')!.start);
    // The scheduler runs as if it were an hour before the meeting (local mode's route; the clock is the test's).
    await runSchedulerAt(stack.baseUrl, start - 3_600_000);
    const nudge = cardTitled(aino.page, t('nudge.mentor.title')).last();
    await nudge.waitFor(SEEN);
    await nudge.getByText('Oppia', { exact: true }).waitFor();
    await stack.screenshot(aino.page, 'nudge-aino', nudge);
    await button(nudge, t('nudge.move')).click();
    const other = cardTitled(aino.page, t('meeting.move.title')).last();
    await other.waitFor(SEEN);
    assert.equal(
      await cardTitled(eveliina.page, t('nudge.mentor.title')).count(),
      0,
      'the mentor’s nudge only',
    );
  });

  it('cancels from the booked card after confirming; Aino is told and the calendar is empty', async () => {
    const { page } = eveliina;
    const booked = cardTitled(page, t('meeting.booked.title')).last();
    await button(booked, t('meeting.cancel')).click();
    const ask = cardTitled(page, t('meeting.cancelAsk.title')).last();
    await ask.waitFor(SEEN);
    await button(ask, t('meeting.cancelAsk.yes')).click();
    const cancelled = cardTitled(page, t('meeting.cancelled.title')).last();
    await cancelled.waitFor(SEEN);
    await button(cancelled, t('meeting.bookNew')).waitFor();
    await stack.screenshot(page, 'cancelled-eveliina', cancelled);
    const told = cardTitled(aino.page, t('meeting.cancelled.title')).last();
    await told.waitFor(SEEN);
    await stack.screenshot(aino.page, 'cancelled-aino', told);
    assert.equal((await liveEvents()).length, 0);
    assert.deepEqual(stack.problems(), []);
    stack.assertLoopbackOnly();
  });
});
