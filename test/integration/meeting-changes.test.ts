/**
 * Moving and cancelling a pair's meeting from cards, through /api/messages
 * with the Graph emulator: each member sees times in their own zone (Helmi
 * works in Stockholm, Eveliina in Helsinki), the partner is told once,
 * stale and repeated clicks get a fresh card and change nothing, the
 * "meetings" command lists what is booked, the first phase is booked at
 * once and a partial failure says which meetings were not booked.
 */
import assert from 'node:assert/strict';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { fi } from '../../bot/src/i18n/fi';
import { zoneName } from '../../bot/src/i18n/wording';
import { formatSlot } from '../../bot/src/teams/cards/meetingSlotsCard';
import { bookedEvents } from '../support/emulatorEvents';
import { eveliina, helmi, linnea, mikko, onni, sanna } from '../support/programmeSeed';
import {
  cardAction,
  cardOf,
  type InvokeCard,
  invokeCard,
  message,
  postActivity,
} from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

/** Every text, fact value and title in a card: times sit in FactSets as well as TextBlocks. */
function allTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(allTexts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = ['text', 'value', 'title'].flatMap((k) => (typeof o[k] === 'string' ? [o[k] as string] : []));
  return [...own, ...Object.values(o).flatMap(allTexts)];
}

describe('moving and cancelling meetings from cards (Graph emulator)', function () {
  this.timeout(120000);
  let world: World;
  let pairId = '';

  const liveEventsOf = (user: DemoUser) => bookedEvents(world.graph!.baseUrl, user.email);
  const act = (user: DemoUser, verb: string, data: Record<string, unknown>, pair = pairId) =>
    invokeCard(world.server.baseUrl, cardAction(world.personal(user), verb, { pairId: pair, ...data }));
  /** Cards sent to the user's 1:1 chat that carry `title`. */
  const personalCards = (user: DemoUser, title: string) =>
    world.connector.sent
      .filter(
        (s) =>
          (s.conversationId === `a:personal-${user.aadObjectId}` ||
            s.conversationId === `a:1on1-${user.botUserId}`) &&
          allTexts(cardOf(s.activity)).includes(title),
      )
      .map((s) => cardOf(s.activity));
  const action = (card: InvokeCard | undefined, verb: string) => card?.actions?.find((a) => a.verb === verb);
  const agree = async (mentor: DemoUser, aktori: DemoUser, pair: string) => {
    const version = async () =>
      (
        (await (await world.api(`/api/v1/pairs/${pair}/agreement`, mentor)).json()) as {
          version: number;
        }
      ).version;
    await act(aktori, 'agreement.save', { step: 'goals', version: await version(), goal1: 'Oppia' }, pair);
    const v = await version();
    await act(mentor, 'agreement.accept', { version: v, confidentiality: 'true' }, pair);
    await act(aktori, 'agreement.accept', { version: v, confidentiality: 'true' }, pair);
  };

  before(async () => {
    world = await startWorld({ graph: true });
    ({ pairId } = await world.formPair(sanna, helmi, eveliina, 'Siirrot'));
    await agree(helmi, eveliina, pairId);
  });
  after(async () => world?.stop());

  let booked: InvokeCard;
  let start = 0;

  it('shows each member the booked time in their own zone, with Move and Cancel', async () => {
    const slots = await act(eveliina, 'meeting.find', {});
    assert.ok(action(slots, 'meeting.bookPhase'), 'the first phase can be booked at once');
    assert.ok(
      allTexts(slots).some((t) => t.includes(zoneName('Europe/Helsinki', 'fi'))),
      'Eveliina’s zone',
    );
    start = Date.parse(String(action(slots, 'meeting.book')?.data?.start));
    booked = await act(eveliina, 'meeting.book', { start: new Date(start).toISOString() });
    const end = start + 60 * 60_000;
    assert.ok(allTexts(booked).includes(formatSlot(start, end, 'Europe/Helsinki', 'fi')));
    assert.deepEqual(action(booked, 'meeting.moveOptions')?.data, {
      pairId,
      number: 1,
      start: new Date(start).toISOString(),
    });
    assert.ok(action(booked, 'meeting.cancelAsk'));
    const [helmisCard] = personalCards(helmi, fi['meeting.booked.title']);
    const stockholm = formatSlot(start, end, 'Europe/Stockholm', 'fi');
    assert.notEqual(stockholm, formatSlot(start, end, 'Europe/Helsinki', 'fi'), 'an hour apart');
    assert.ok(allTexts(helmisCard).includes(stockholm), `Helmi sees Stockholm time: ${allTexts(helmisCard)}`);
    assert.match((await liveEventsOf(helmi))[0]?.subject ?? '', /^Mentorointi · Siirrot$/);
  });

  let moved = 0;

  it('moves the meeting from the card, tells the partner once, and a repeated click changes nothing', async () => {
    const options = await act(
      helmi,
      'meeting.moveOptions',
      action(booked, 'meeting.moveOptions')?.data ?? {},
    );
    assert.ok(allTexts(options).includes(fi['meeting.move.title']), JSON.stringify(options).slice(0, 400));
    // Exchange names Stockholm's zone "W. Europe Standard Time" (Europe/Berlin: the same clock), shown as Central European Time.
    assert.ok(
      !allTexts(options).some((t) => t.includes(zoneName('Europe/Helsinki', 'fi'))),
      'times in Helmi’s zone, not Helsinki’s',
    );
    const choice = action(options, 'meeting.move');
    assert.equal(choice?.data?.from, new Date(start).toISOString());
    moved = Date.parse(String(choice?.data?.start));
    const card = await act(helmi, 'meeting.move', choice?.data ?? {});
    assert.ok(allTexts(card).includes(fi['meeting.moved.title']), JSON.stringify(card).slice(0, 400));
    const again = await act(helmi, 'meeting.move', choice?.data ?? {});
    assert.ok(allTexts(again).includes(fi['meeting.booked.title']));
    const told = personalCards(eveliina, fi['meeting.moved.title']);
    assert.equal(told.length, 1, 'Eveliina is told once');
    assert.ok(allTexts(told[0]).includes(formatSlot(moved, moved + 3_600_000, 'Europe/Helsinki', 'fi')));
    const events = (await liveEventsOf(helmi)).filter((e) => !e.isCancelled);
    assert.equal(events.length, 1);
    assert.equal(Date.parse(events[0]!.start), moved);
  });

  it('answers a stale card with the meeting as it is now, and refuses other pairs and unknown meetings', async () => {
    const stale = await act(eveliina, 'meeting.cancelAsk', action(booked, 'meeting.cancelAsk')?.data ?? {});
    const now = formatSlot(moved, moved + 3_600_000, 'Europe/Helsinki', 'fi');
    assert.ok(
      allTexts(stale).includes(fi['meeting.changedMeanwhile'].replace('{when}', now)),
      JSON.stringify(stale),
    );
    assert.equal(action(stale, 'meeting.cancel'), undefined, 'nothing is cancelled from a stale card');
    const outsider = await act(onni, 'meeting.cancel', { number: 1, start: new Date(moved).toISOString() });
    assert.ok(allTexts(outsider).includes(fi['agreement.notMember']));
    const unknown = await act(eveliina, 'meeting.moveOptions', {
      number: 9,
      start: new Date(moved).toISOString(),
    });
    assert.ok(allTexts(unknown).includes(fi['meeting.notFound']));
    const past = await act(eveliina, 'meeting.move', {
      number: 1,
      from: new Date(moved).toISOString(),
      start: '2020-01-06T08:00:00.000Z',
    });
    assert.ok(allTexts(past).includes(fi['meeting.past']), JSON.stringify(past));
    assert.equal((await liveEventsOf(helmi)).filter((e) => !e.isCancelled).length, 1);
  });

  it('lists the pair’s meetings on "tapaamiset", with Move, Cancel and Book', async () => {
    const before = world.connector.sent.length;
    const res = await postActivity(world.server.baseUrl, message(world.personal(helmi), 'tapaamiset'));
    assert.ok(res.status < 300);
    const list = world.connector.sent
      .slice(before)
      .map((s) => cardOf(s.activity))
      .find(Boolean);
    const texts = allTexts(list);
    assert.ok(texts.includes(fi['meeting.list.title']), JSON.stringify(list).slice(0, 400));
    assert.ok(
      texts.includes(formatSlot(moved, moved + 3_600_000, 'Europe/Stockholm', 'fi')),
      texts.join(' | '),
    );
    const json = JSON.stringify(list);
    for (const verb of ['meeting.moveOptions', 'meeting.cancelAsk', 'meeting.find'])
      assert.ok(json.includes(verb), verb);
  });

  it('cancels after asking, tells the partner in their zone, and a second click only says it is cancelled', async () => {
    const data = { number: 1, start: new Date(moved).toISOString() };
    const ask = await act(eveliina, 'meeting.cancelAsk', data);
    assert.ok(allTexts(ask).includes(fi['meeting.cancelAsk.title']));
    const done = await act(eveliina, 'meeting.cancel', action(ask, 'meeting.cancel')?.data ?? {});
    assert.ok(allTexts(done).includes(fi['meeting.cancelled.title']));
    assert.ok(action(done, 'meeting.find'), 'offers a new time');
    const again = await act(eveliina, 'meeting.cancel', data);
    assert.ok(allTexts(again).includes(fi['meeting.cancelled.already']));
    const told = personalCards(helmi, fi['meeting.cancelled.title']);
    assert.equal(told.length, 1, 'Helmi is told once');
    const when = formatSlot(moved, moved + 3_600_000, 'Europe/Stockholm', 'fi');
    assert.ok(
      allTexts(told[0]).some((t) => t.includes(when)),
      allTexts(told[0]).join(' | '),
    );
    assert.equal((await liveEventsOf(helmi)).filter((e) => !e.isCancelled).length, 0);
    assert.equal((await liveEventsOf(eveliina)).filter((e) => !e.isCancelled).length, 0);
    const moveCancelled = await act(helmi, 'meeting.moveOptions', data);
    assert.ok(allTexts(moveCancelled).includes(fi['meeting.cancelled.already']));
  });

  let second = '';

  it('books the whole first phase at once, and says plainly which meetings were not booked', async () => {
    ({ pairId: second } = await world.formPair(sanna, mikko, linnea, 'Vaihe'));
    await agree(mikko, linnea, second);
    const slots = await act(linnea, 'meeting.find', {}, second);
    const phase = action(slots, 'meeting.bookPhase');
    assert.equal(phase?.title, fi['meeting.phase.book'].replace('{count}', '3'));
    // The first create goes through; every later one meets an unavailable calendar.
    world.graph!.faults.unavailable({ method: 'POST', path: '/users/.*/events$', after: 1, times: 20 });
    const card = await act(linnea, 'meeting.bookPhase', {}, second);
    world.graph!.faults.clear();
    const texts = allTexts(card);
    assert.ok(texts.includes(fi['meeting.phase.partialTitle']), texts.join(' | '));
    assert.ok(texts.includes(fi['meeting.phase.summary'].replace('{booked}', '1').replace('{count}', '3')));
    assert.equal(
      texts.filter((t) => t.startsWith('Tapaaminen 2 (') || t.startsWith('Tapaaminen 3 (')).length,
      2,
    );
    assert.equal(
      (await liveEventsOf(mikko)).filter((e) => !e.isCancelled).length,
      1,
      'exactly the booked one',
    );
    assert.equal(personalCards(mikko, fi['meeting.phase.partialTitle']).length, 1, 'the mentor is told');
    const again = await act(linnea, 'meeting.bookPhase', {}, second);
    assert.ok(allTexts(again).includes(fi['meeting.phase.already']), 'a second click books nothing more');
    assert.equal((await liveEventsOf(mikko)).filter((e) => !e.isCancelled).length, 1);
  });

  it('moves and cancels through the tab API with the same checks, and tells the partner', async () => {
    const path = `/api/v1/pairs/${second}/meetings`;
    const post = (user: DemoUser, to: string, body?: unknown) =>
      world.api(`${path}${to}`, user, { method: 'POST', body: JSON.stringify(body ?? {}) });
    const { items } = (await (await world.api(path, linnea)).json()) as {
      items: Array<{ number: number; start: string; status: string }>;
    };
    const first = items.find((m) => m.status === 'booked')!;
    const { slots } = (await (
      await world.api(`/api/v1/pairs/${second}/slots?weeksLater=2`, linnea)
    ).json()) as {
      slots: Array<{ start: string }>;
    };
    assert.equal((await post(linnea, '/x1/move', { start: slots[0]!.start })).status, 400, 'a number');
    assert.equal(
      (await post(linnea, `/${first.number}/move`, { start: 'tomorrow' })).status,
      400,
      'an ISO time',
    );
    assert.equal((await post(onni, `/${first.number}/move`, { start: slots[0]!.start })).status, 403);
    assert.equal((await post(onni, `/${first.number}/cancel`)).status, 403);
    const before = personalCards(mikko, fi['meeting.moved.title']).length;
    const move = await post(linnea, `/${first.number}/move`, { start: slots[0]!.start });
    assert.equal(move.status, 200, await move.clone().text());
    const moved = (await move.json()) as { meeting: { start: string }; changed: boolean };
    assert.deepEqual([moved.meeting.start, moved.changed], [slots[0]!.start, true]);
    const repeat = (await (
      await post(linnea, `/${first.number}/move`, { start: slots[0]!.start })
    ).json()) as {
      changed: boolean;
    };
    assert.equal(repeat.changed, false);
    assert.equal(
      personalCards(mikko, fi['meeting.moved.title']).length,
      before + 1,
      'the mentor is told once',
    );
    const cancel = await post(linnea, `/${first.number}/cancel`);
    assert.equal(cancel.status, 200);
    assert.equal(((await cancel.json()) as { meeting: { status: string } }).meeting.status, 'cancelled');
    const moveCancelled = await post(linnea, `/${first.number}/move`, { start: slots[1]!.start });
    assert.equal(moveCancelled.status, 409);
    assert.equal(
      ((await moveCancelled.json()) as { error: { code: string } }).error.code,
      'meeting_cancelled',
    );
    assert.equal((await liveEventsOf(mikko)).filter((e) => !e.isCancelled).length, 0);
  });
});
