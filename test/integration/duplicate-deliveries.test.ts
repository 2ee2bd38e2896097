/**
 * Teams delivers the same activity twice (issue 10, item 4): it resends an
 * invoke it got no answer to within 15 s, so the copy may arrive while the
 * first is still in flight or after it was answered; and a late copy of an
 * older card's click may arrive after a newer one. Every flow a person
 * drives from a card gets each click delivered three times (two at once,
 * one after) and an older card's click after a newer one: sign-up save,
 * agreement step save and accept, meeting book, check-in answer,
 * checkpoint choice, evaluation submit and learning approve. Each has one
 * effect: the stored rows, the calendar events and the messages sent
 * through the connector stand-in are what one delivery makes.
 */
import assert from 'node:assert/strict';
import { DEMO_TENANT_ID, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import type { Meeting } from '../../bot/src/domain/meetings/meeting';
import { fi } from '../../bot/src/i18n/fi';
import { TableMeetingStore } from '../../bot/src/store/meetingStore';
import type { Tables } from '../../bot/src/store/tables';
import { bookedEvents } from '../support/emulatorEvents';
import { aino, eveliina, sanna } from '../support/programmeSeed';
import {
  type Activity,
  allTexts,
  cardAction,
  cardOf,
  type InvokeCard,
  postActivity,
} from '../support/teamsActivities';
import { startWorld, type World, worldTables } from '../support/world';

describe('Teams delivering the same click twice, or an older one late: one effect', function () {
  this.timeout(90000);
  let world: World;
  let tables: Tables;
  let meetings: TableMeetingStore;
  let programmeId = '';
  let pairId = '';
  /** Deliveries made, for the figures. */
  let delivered = 0;

  const click = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
    cardAction(world.personal(user), verb, data);
  /** One delivery of an activity; the card it answered with. */
  const deliver = async (activity: Activity): Promise<InvokeCard> => {
    delivered++;
    const res = await postActivity(world.server.baseUrl, activity);
    const text = await res.text();
    assert.equal(res.status, 200, text);
    const body = JSON.parse(text) as { type: string; value: InvokeCard };
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', text);
    return body.value;
  };
  /** The same activity (same id) three times: twice at once, as a resend during the first, then once more. */
  const thrice = async (activity: Activity): Promise<InvokeCard[]> => {
    const [a, b] = await Promise.all([deliver(activity), deliver(activity)]);
    return [a, b, await deliver(activity)];
  };
  /** Every text, fact value and title in a card. */
  const texts = (node: unknown): string => {
    if (Array.isArray(node)) return node.map(texts).join('\n');
    if (!node || typeof node !== 'object') return '';
    const o = node as Record<string, unknown>;
    const own = ['text', 'value', 'title'].flatMap((k) => (typeof o[k] === 'string' ? [o[k] as string] : []));
    return [...own, ...Object.values(o).map(texts)].join('\n');
  };
  /** Messages Polku sent to the person's 1:1 chat (posts, not updates). */
  const postsTo = (user: DemoUser) =>
    world.connector.sent.filter(
      (s) =>
        s.method === 'POST' &&
        (s.conversationId === `a:personal-${user.aadObjectId}` ||
          s.conversationId === `a:1on1-${user.botUserId}`),
    );
  const titled = (user: DemoUser, title: string) =>
    postsTo(user).filter((s) => allTexts(cardOf(s.activity)).includes(title)).length;
  /** Sends after a turn (a partner told, a proactive card) may finish a moment after the answer. */
  const settle = () => new Promise((r) => setTimeout(r, 400));
  const rows = async (table: keyof Tables, partitionKey: string) => {
    const out: Array<Record<string, unknown>> = [];
    for await (const e of tables[table].listEntities({
      queryOptions: { filter: `PartitionKey eq '${partitionKey}'` },
    }))
      out.push(e as Record<string, unknown>);
    return out;
  };
  const action = (card: InvokeCard | undefined, verb: string) => card?.actions?.find((a) => a.verb === verb);
  const version = async () =>
    ((await (await world.api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as { version: number })
      .version;
  const liveEvents = () => bookedEvents(world.graph!.baseUrl, aino.email);

  before(async () => {
    world = await startWorld({ graph: true });
    tables = worldTables(world);
    meetings = new TableMeetingStore(tables.meetings);
    programmeId = await world.createProgramme(sanna, {
      name: 'Toistot',
      form: 'pair',
      modeKind: 'nonstop',
      language: 'fi',
    });
    await deliver(cardAction(world.inChannel(sanna), 'programme.announce', { programmeId }));
  });
  after(async () => {
    console.log(`      deliveries: ${delivered}`);
    await world?.stop();
  });

  /** The person's own sign-up form, as Polku sends it, filled in. */
  const signUpClick = async (user: DemoUser, role: string, inputs: Record<string, unknown>) => {
    const form = await deliver(click(user, 'signup.open', { programmeId, role }));
    const save = action(form, 'signup.save');
    assert.ok(save, JSON.stringify(form).slice(0, 300));
    return click(user, 'signup.save', { ...save.data, ...inputs });
  };
  const unitOf = async (user: DemoUser) =>
    (await rows('participants', programmeId)).find((r) => r.rowKey === user.aadObjectId)?.unit;

  it('sign-up save: one row, the announcement updated once; a late copy of an older form changes nothing', async () => {
    const channelBefore = world.connector.sent.filter((s) => s.method === 'PUT').length;
    const save = await signUpClick(aino, 'mentor', {
      offers: 'theme:career',
      unit: 'IT',
      languages: 'fi',
      capacity: '1',
    });
    const answers = await thrice(save);
    await settle();
    for (const a of answers) assert.ok(texts(a).includes('IT'), texts(a));
    assert.equal((await rows('participants', programmeId)).length, 1);
    // Saved from the form in the person's own chat: the answer is the confirmation, no second message.
    assert.equal(postsTo(aino).length, 0, 'no message besides the answer');
    const updates = world.connector.sent.filter((s) => s.method === 'PUT').length - channelBefore;
    assert.equal(updates, 1, 'the announcement counts updated once');

    // Eveliina saves, changes her unit from a newer form, and then the first save arrives again.
    const first = await signUpClick(eveliina, 'aktori', {
      wants: 'theme:career',
      unit: 'Myynti',
      languages: 'fi',
    });
    await deliver(first);
    const second = await signUpClick(eveliina, 'aktori', {
      wants: 'theme:career',
      unit: 'Talous',
      languages: 'fi',
    });
    await deliver(second);
    const late = await deliver(first);
    assert.equal(await unitOf(eveliina), 'Talous', 'the newer form stands');
    assert.ok(texts(late).includes('Talous'), 'the late click is answered with what is saved now');
  });

  it('agreement step save and accept: one version per change, in force once, each told once', async () => {
    const res = await world.api(`/api/v1/programmes/${programmeId}/pairs`, sanna, {
      method: 'POST',
      body: JSON.stringify({ pairs: [{ mentorId: aino.aadObjectId, aktoriIds: [eveliina.aadObjectId] }] }),
    });
    pairId = ((await res.json()) as { results: Array<{ pairId: string }> }).results[0]!.pairId;
    const versions = async () => (await rows('agreements', pairId)).filter((r) => r.rowKey !== 'current');

    const v1 = await version();
    const goalA = click(eveliina, 'agreement.save', { pairId, step: 'goals', version: v1, goal1: 'Oppia A' });
    await thrice(goalA);
    assert.equal(await version(), v1 + 1, 'one new version');
    const goalB = click(eveliina, 'agreement.save', {
      pairId,
      step: 'goals',
      version: v1 + 1,
      goal1: 'Oppia B',
    });
    await deliver(goalB);
    const rowsBefore = (await versions()).length;
    const late = await deliver(goalA);
    assert.ok(texts(late).includes('Oppia B'), 'the late copy is answered with the agreement as it is');
    assert.equal(await version(), v1 + 2);
    assert.equal((await versions()).length, rowsBefore, 'no version row from the late copy');

    const v = await version();
    const beforeAino = postsTo(aino).length;
    const beforeEveliina = postsTo(eveliina).length;
    await thrice(click(aino, 'agreement.accept', { pairId, version: v, confidentiality: 'true' }));
    await thrice(click(eveliina, 'agreement.accept', { pairId, version: v, confidentiality: 'true' }));
    await settle();
    const agreement = (await (await world.api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as {
      status: string;
      version: number;
    };
    assert.equal(agreement.status, 'in-force');
    assert.equal(agreement.version, v, 'accepting made no version');
    const accepted = (await versions()).filter((r) => String(r.rowKey).endsWith(String(v).padStart(5, '0')));
    assert.equal(accepted.length, 1, 'one row for the version in force');
    assert.equal(postsTo(aino).length - beforeAino, 1, 'Aino told once it is in force');
    assert.equal(postsTo(eveliina).length - beforeEveliina, 1, 'Eveliina told once');
  });

  let booked: InvokeCard;

  it('meeting book: one record, one event, the partner told once; a late copy after a move books nothing', async () => {
    const slots = await deliver(click(eveliina, 'meeting.find', { pairId }));
    const book = action(slots, 'meeting.book');
    assert.ok(book?.data);
    const bookClick = click(eveliina, 'meeting.book', book.data);
    const answers = await thrice(bookClick);
    await settle();
    booked = answers[2]!;
    assert.ok(texts(booked).includes(fi['meeting.booked.title']), texts(booked));
    const records = () => meetings.list(programmeId, pairId);
    assert.equal((await records()).length, 1);
    assert.equal((await liveEvents()).length, 1);
    assert.equal(titled(aino, fi['meeting.booked.title']), 1, 'Aino told once');

    // Moved from the booked card; then Teams delivers the slot card's click once more.
    const options = await deliver(
      click(eveliina, 'meeting.moveOptions', action(booked, 'meeting.moveOptions')!.data ?? {}),
    );
    const move = action(options, 'meeting.move');
    assert.ok(move?.data, JSON.stringify(options).slice(0, 300));
    await thrice(click(eveliina, 'meeting.move', move.data));
    await settle();
    assert.equal(titled(aino, fi['meeting.moved.title']), 1, 'Aino told of the move once');
    const late = await deliver(bookClick);
    await settle();
    const live = (await records()).filter((m) => m.value.status !== 'cancelled');
    assert.equal(live.length, 1, 'still one meeting');
    assert.equal(live[0]!.value.start, Date.parse(String(move.data.start)), 'where it was moved');
    assert.equal((await liveEvents()).length, 1, 'one event');
    assert.ok(texts(late).includes(fi['meeting.booked.title']), texts(late));
    assert.equal(titled(aino, fi['meeting.booked.title']), 1, 'nobody told of a new booking');
  });

  it('check-in answer: kept once; a late click on the card for the time before a move counts nothing', async () => {
    const start = Date.now() - 3 * 3_600_000;
    const seeded: Meeting = {
      pairId,
      programmeId,
      tenantId: DEMO_TENANT_ID,
      number: 90,
      start,
      end: start + 3_600_000,
      status: 'booked',
      organizerId: aino.aadObjectId,
      transactionId: `polku-${pairId}-m90`,
      bookedBy: aino.aadObjectId,
      updatedAt: new Date().toISOString(),
    };
    await meetings.create(seeded);
    const answer = (user: DemoUser, shown: number, value: string) =>
      click(user, 'checkin.answer', {
        programmeId,
        pairId,
        number: 90,
        start: new Date(shown).toISOString(),
        answer: value,
      });
    const answers = await thrice(answer(aino, start, 'met'));
    for (const a of answers) assert.ok(texts(a).includes(fi['checkIn.thanks.met']), texts(a));
    const once = await meetings.get(programmeId, pairId, 90);
    assert.deepEqual(once?.value.checkIns, { [aino.aadObjectId]: 'met' });
    await deliver(answer(aino, start, 'met'));
    assert.equal((await meetings.get(programmeId, pairId, 90))?.etag, once?.etag, 'written once');

    // The meeting moved an hour later; Eveliina answers the new card, then her old card's click arrives.
    const later = start + 3_600_000;
    await meetings.replace({ ...once!.value, start: later, end: later + 3_600_000 }, once!.etag);
    await deliver(answer(eveliina, later, 'met'));
    await deliver(answer(eveliina, start, 'not-met'));
    assert.deepEqual((await meetings.get(programmeId, pairId, 90))?.value.checkIns, {
      [aino.aadObjectId]: 'met',
      [eveliina.aadObjectId]: 'met',
    });
  });

  it('checkpoint choice: decided once, the agreement reopened once, the partner told once', async () => {
    const v = await version();
    const choose = (user: DemoUser, choice: string) =>
      click(user, 'checkpoint.choose', { programmeId, pairId, choice });
    for (const a of await thrice(choose(aino, 'continue')))
      assert.ok(texts(a).includes(fi['checkpoint.waiting']), texts(a));
    await thrice(choose(eveliina, 'continue'));
    await settle();
    assert.equal(await version(), v + 1, 'reopened once');
    assert.equal(titled(aino, fi['checkpoint.continued.title']), 1, 'Aino told once');
    const pair = (await rows('pairs', programmeId)).find((r) => r.rowKey === pairId);
    assert.match(String(pair?.checkpoint), /continued/);
  });

  it('evaluation submit: one answer kept', async () => {
    const submit = click(eveliina, 'evaluation.submit', {
      programmeId,
      pairId,
      competence: '4',
      dialogue: '5',
      goalsReached: 'yes',
      wouldRecommend: 'yes',
      shareVia: 'documents',
    });
    const answers = await thrice(submit);
    for (const a of answers)
      assert.ok(
        texts(a).includes(fi['evaluation.thanks']) || texts(a).includes(fi['evaluation.already']),
        texts(a),
      );
    assert.equal((await rows('evaluations', programmeId)).length, 1);
  });

  it('learning approve: shared once, the proposer told once; a late approve after a decline shares nothing', async () => {
    const propose = async (text: string) => {
      const res = await world.api(`/api/v1/pairs/${pairId}/learnings`, aino, {
        method: 'POST',
        body: JSON.stringify({ text }),
      });
      assert.equal(res.status, 201);
      return ((await res.json()) as { learning: { id: string } }).learning.id;
    };
    const feed = async () =>
      (
        (await (await world.api(`/api/v1/programmes/${programmeId}/learnings`, sanna)).json()) as {
          items: unknown[];
        }
      ).items;
    const first = await propose('Tarkistuslista uudelle kollegalle');
    const answers = await thrice(click(eveliina, 'learning.approve', { programmeId, learningId: first }));
    for (const a of answers) assert.ok(texts(a).includes(fi['learning.state.shared']), texts(a));
    await settle();
    assert.equal((await feed()).length, 1);
    assert.equal(titled(aino, fi['learning.state.shared.title']), 1, 'Aino told once');

    const second = await propose('Toinen idea');
    const approve = click(eveliina, 'learning.approve', { programmeId, learningId: second });
    await deliver(click(eveliina, 'learning.decline', { programmeId, learningId: second }));
    const late = await deliver(approve);
    assert.ok(texts(late).includes(fi['learning.state.withdrawn']), texts(late));
    assert.equal((await feed()).length, 1, 'nothing more shared');
  });
});
