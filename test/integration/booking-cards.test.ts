/**
 * Booking a pair's meeting from cards: the times card, a time's button, the
 * booked card for the one who clicked and in the other member's 1:1 chat,
 * and exactly one calendar event however often the time is clicked.
 */
import assert from 'node:assert/strict';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { fi } from '../../bot/src/i18n/fi';
import { bookedEvents } from '../support/emulatorEvents';
import { aino, eveliina, onni, sanna } from '../support/programmeSeed';
import { allTexts, cardAction, cardOf, invokeCard } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

describe('booking a pair’s meeting from cards (Graph emulator)', function () {
  this.timeout(90000);
  let world: World;
  let pairId = '';

  const api = (path: string, user: DemoUser, init?: RequestInit) => world.api(path, user, init);
  const eventsOf = (user: DemoUser) => bookedEvents(world.graph!.baseUrl, user.email);
  const act = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
    invokeCard(world.server.baseUrl, cardAction(world.personal(user), verb, { pairId, ...data }));
  const version = async () =>
    ((await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as { version: number }).version;
  /** Booked cards sent to the user's 1:1 chat, whichever way sendPersonal reached it. */
  const bookedCardsFor = (user: DemoUser) =>
    world.connector.sent.filter(
      (s) =>
        (s.conversationId === `a:personal-${user.aadObjectId}` ||
          s.conversationId === `a:1on1-${user.botUserId}`) &&
        allTexts(cardOf(s.activity)).includes(fi['meeting.booked.title']),
    );

  before(async () => {
    world = await startWorld({ graph: true });
    ({ pairId } = await world.formPair(sanna, aino, eveliina, 'Varauskortit'));
    await act(eveliina, 'agreement.save', {
      step: 'goals',
      version: await version(),
      goal1: 'Oppia neuvottelemaan',
    });
    const v = await version();
    await act(aino, 'agreement.accept', { version: v, confidentiality: 'true' });
    const inForce = await act(eveliina, 'agreement.accept', { version: v, confidentiality: 'true' });
    assert.ok(
      inForce.actions?.some((a) => a.verb === 'meeting.find' && a.data?.pairId === pairId),
      'the agreement in force offers to book the meeting',
    );
  });
  after(async () => world?.stop());

  let start = '';

  it('shows the mentee three times to book, and other times', async () => {
    const card = await act(eveliina, 'meeting.find', {});
    const book = (card.actions ?? []).filter((a) => a.verb === 'meeting.book');
    assert.equal(book.length, 3, JSON.stringify(card).slice(0, 500));
    for (const a of book) {
      assert.match(String(a.data?.start), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.match(String(a.title), /^[a-z]{2} \d{1,2}\.\d{1,2}\. klo \d{1,2}\.\d{2}–\d{1,2}\.\d{2}$/);
    }
    const other = card.actions?.find((a) => a.verb === 'meeting.find');
    assert.deepEqual(other?.data, { pairId, weeksLater: 1 });
    start = String(book[0]!.data?.start);
  });

  it('books the first time, shows the join link, and tells the mentor in their 1:1 chat', async () => {
    const card = await act(eveliina, 'meeting.book', { start });
    assert.ok(allTexts(card).includes(fi['meeting.booked.title']), JSON.stringify(card).slice(0, 500));
    const join = card.actions?.find((a) => a.type === 'Action.OpenUrl') as
      | { title?: string; url?: string }
      | undefined;
    assert.equal(join?.title, fi['meeting.booked.join']);
    assert.match(String(join?.url), /^https:\/\/teams\.microsoft\.com\//);
    assert.equal(bookedCardsFor(aino).length, 1, 'the mentor got the booked card');
    assert.equal(bookedCardsFor(eveliina).length, 0, 'the one who booked sees it in place');
    const events = await eventsOf(aino);
    assert.equal(events.length, 1, 'exactly one event');
    assert.equal(events[0]?.attendees?.length, 2);
  });

  it('books nothing more when the other member clicks the same time', async () => {
    const card = await act(aino, 'meeting.book', { start });
    assert.ok(allTexts(card).includes(fi['meeting.booked.title']));
    assert.equal((await eventsOf(aino)).length, 1);
    assert.equal(bookedCardsFor(eveliina).length, 0, 'nobody is told twice');
  });

  it('refuses anyone outside the pair', async () => {
    for (const verb of ['meeting.find', 'meeting.book']) {
      const card = await act(onni, verb, { start });
      assert.equal((card.actions ?? []).filter((a) => a.verb === 'meeting.book').length, 0);
      assert.ok(allTexts(card).includes(fi['agreement.notMember']), JSON.stringify(card));
    }
    assert.equal((await eventsOf(aino)).length, 1);
  });

  it('refuses a time that is not an ISO time', async () => {
    const card = await act(eveliina, 'meeting.book', { start: 'tomorrow' });
    assert.equal((card.actions ?? []).length, 0);
    assert.equal((await eventsOf(aino)).length, 1);
  });
});
