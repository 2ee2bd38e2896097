/**
 * The mentoring rhythm's answers through Teams-shaped invokes and the tab
 * API: check-ins kept on the meeting, the checkpoint (continue reopens the
 * agreement, conclude ends the pair and asks for the evaluation), the
 * evaluation (validated, once, totals only from three answers) and
 * learnings (shared only when every member approves; posted to the channel once).
 */
import assert from 'node:assert/strict';
import { DEMO_CHANNEL_ID, DEMO_TENANT_ID, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import type { Meeting } from '../../bot/src/domain/meetings/meeting';
import { fi } from '../../bot/src/i18n/fi';
import { createLogger } from '../../bot/src/logging';
import { TableConversationStore } from '../../bot/src/store/conversationStore';
import { TableEvaluationStore } from '../../bot/src/store/evaluationStore';
import { TableMeetingStore } from '../../bot/src/store/meetingStore';
import { TablePairStore } from '../../bot/src/store/pairStore';
import { TableProgrammeStore } from '../../bot/src/store/programmeStore';
import type { Tables } from '../../bot/src/store/tables';
import { createAdapter } from '../../bot/src/teams/adapter';
import { describeViolation } from '../../bot/src/teams/cards/describeViolation';
import { ProactiveNotifier } from '../../bot/src/teams/proactiveNotifier';
import { TeamsRhythmPrompts } from '../../bot/src/teams/rhythmPrompts';
import { aino, eveliina, mikko, onni, sanna } from '../support/programmeSeed';
import { allTexts, cardAction, cardOf, invokeCard, message, postActivity } from '../support/teamsActivities';
import { startWorld, type World, worldTables } from '../support/world';

describe('the mentoring rhythm: check-ins, checkpoint, evaluation, learnings', function () {
  this.timeout(120000);
  let world: World;
  let tables: Tables;
  let meetings: TableMeetingStore;
  let programmeId = '';
  let pairA = '';
  let pairB = '';

  const act = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
    invokeCard(world.server.baseUrl, cardAction(world.personal(user), verb, data));
  const texts = (card: unknown) => allTexts(card).join('\n');
  /** Cards that reached the user's 1:1 chat (an existing one, or one Polku created). */
  const cardsTo = (user: DemoUser, title: string) =>
    world.connector.sent.filter(
      (s) =>
        (s.conversationId === `a:personal-${user.aadObjectId}` ||
          s.conversationId === `a:1on1-${user.botUserId}`) &&
        allTexts(cardOf(s.activity)).includes(title),
    );
  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 10000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const json = async (res: Response) => ({
    status: res.status,
    // biome-ignore lint/suspicious/noExplicitAny: the tests read API answers field by field.
    body: (await res.json()) as Record<string, any>,
  });

  const seedMeeting = async (number: number, start: number, status: Meeting['status'] = 'booked') =>
    meetings.create({
      pairId: pairA,
      programmeId,
      tenantId: DEMO_TENANT_ID,
      number,
      start,
      end: start + 3_600_000,
      status,
      organizerId: aino.aadObjectId,
      transactionId: `polku-${pairA}-m${number}`,
      bookedBy: aino.aadObjectId,
      updatedAt: new Date().toISOString(),
    });

  before(async () => {
    world = await startWorld();
    tables = worldTables(world);
    meetings = new TableMeetingStore(tables.meetings);
    ({ programmeId, pairId: pairA } = await world.formPair(sanna, aino, eveliina, 'Rytmi'));
    // A second pair in the same programme, for the conclusion and the evaluation totals.
    for (const [user, role, topic] of [
      [mikko, 'mentor', 'offers'],
      [onni, 'aktori', 'wants'],
    ] as const) {
      await act(user, 'signup.save', {
        programmeId,
        role,
        [topic]: 'theme:career',
        unit: 'IT',
        languages: 'fi',
      });
    }
    const formed = await json(
      await world.api(`/api/v1/programmes/${programmeId}/pairs`, sanna, {
        method: 'POST',
        body: JSON.stringify({ pairs: [{ mentorId: mikko.aadObjectId, aktoriIds: [onni.aadObjectId] }] }),
      }),
    );
    pairB = formed.body.results[0].pairId;
    assert.ok(pairB);
  });
  after(async () => world?.stop());

  describe('check-ins', () => {
    const hourAgo = () => Date.now() - 2 * 3_600_000;
    let start = 0;
    before(async () => {
      start = hourAgo();
      await seedMeeting(1, start);
    });
    const answer = (user: DemoUser, number: number, shown: number, value: string) =>
      act(user, 'checkin.answer', {
        programmeId,
        pairId: pairA,
        number,
        start: new Date(shown).toISOString(),
        answer: value,
      });

    it('keeps only the answer on the meeting; a repeated invoke changes nothing', async () => {
      const card = await answer(eveliina, 1, start, 'met');
      assert.ok(texts(card).includes(fi['checkIn.thanks.met']), texts(card));
      const stored = await meetings.get(programmeId, pairA, 1);
      assert.deepEqual(stored?.value.checkIns, { [eveliina.aadObjectId]: 'met' });
      const again = await answer(eveliina, 1, start, 'met');
      assert.deepEqual(again, card);
      assert.equal((await meetings.get(programmeId, pairA, 1))?.etag, stored?.etag, 'no second write');
    });

    it('"moved" offers to rebook with the booking verb', async () => {
      const card = await answer(aino, 1, start, 'moved');
      assert.ok(texts(card).includes(fi['checkIn.thanks.moved']));
      assert.deepEqual(
        card.actions?.map((a) => [a.verb, a.data]),
        [['meeting.find', { pairId: pairA }]],
      );
      assert.deepEqual((await meetings.get(programmeId, pairA, 1))?.value.checkIns, {
        [eveliina.aadObjectId]: 'met',
        [aino.aadObjectId]: 'moved',
      });
    });

    it('answers a card for a meeting moved since with a fresh card saying so, counting nothing', async () => {
      const shown = hourAgo();
      const created = await seedMeeting(2, shown);
      const later = Date.now() + 7 * 86_400_000;
      await meetings.replace({ ...created.value, start: later, end: later + 3_600_000 }, created.etag);
      const card = await answer(eveliina, 2, shown, 'met');
      assert.match(texts(card), /siirrettiin ajalle .+\. Kysyn uudelleen/);
      assert.equal((await meetings.get(programmeId, pairA, 2))?.value.checkIns, undefined);
    });

    it('answers a card for a cancelled meeting with what happened and a way to book', async () => {
      await seedMeeting(3, hourAgo(), 'cancelled');
      const card = await answer(eveliina, 3, hourAgo(), 'met');
      assert.ok(texts(card).includes(fi['checkIn.cancelled']));
      assert.equal(card.actions?.[0]?.verb, 'meeting.find');
      assert.equal((await meetings.get(programmeId, pairA, 3))?.value.checkIns, undefined);
    });

    it('refuses someone outside the pair and bad card data, changing nothing', async () => {
      const before = await meetings.get(programmeId, pairA, 1);
      const card = await answer(mikko, 1, start, 'not-met');
      assert.ok(texts(card).includes(fi['rhythm.notMember']));
      const bad = await answer(eveliina, 1, start, 'maybe');
      assert.ok(!texts(bad).includes(fi['checkIn.thanks.met']));
      assert.equal((await meetings.get(programmeId, pairA, 1))?.etag, before?.etag);
    });
  });

  describe('the checkpoint', () => {
    const choose = (user: DemoUser, pairId: string, choice: string) =>
      act(user, 'checkpoint.choose', { programmeId, pairId, choice });

    it('continues when everyone chooses to: the agreement reopens for a new phase and booking is offered', async () => {
      // The agreement in force first, as the pair would have it by now.
      const version = async () =>
        (await json(await world.api(`/api/v1/pairs/${pairA}/agreement`, aino))).body as {
          version: number;
          status: string;
        };
      await act(eveliina, 'agreement.save', {
        pairId: pairA,
        step: 'goals',
        version: (await version()).version,
        goal1: 'Oppia neuvottelemaan',
      });
      const v = (await version()).version;
      await act(aino, 'agreement.accept', { pairId: pairA, version: v, confidentiality: 'true' });
      await act(eveliina, 'agreement.accept', { pairId: pairA, version: v, confidentiality: 'true' });
      assert.equal((await version()).status, 'in-force');

      const waiting = await choose(aino, pairA, 'continue');
      assert.ok(texts(waiting).includes(fi['checkpoint.waiting']));
      const continued = await choose(eveliina, pairA, 'continue');
      assert.ok(texts(continued).includes(fi['checkpoint.continued.body']));
      assert.deepEqual(
        continued.actions?.map((a) => a.verb),
        ['agreement.open', 'meeting.find'],
      );
      const after = await version();
      assert.equal(after.status, 'reopened');
      assert.equal(after.version, v + 1);
      await until(() => cardsTo(aino, fi['checkpoint.continued.title']).length === 1, 'the mentor told');
      const pair = await new TablePairStore(tables.pairs).get(programmeId, pairA);
      assert.equal(pair?.checkpoint?.outcome, 'continued');
      assert.notEqual(pair?.status, 'concluded');

      // Teams delivering the same invoke again: the same card, nobody told twice, the agreement not reopened again.
      await choose(eveliina, pairA, 'continue');
      assert.equal((await version()).version, v + 1);
      assert.equal(cardsTo(aino, fi['checkpoint.continued.title']).length, 1);
    });

    it('concludes on one "conclude": the pair is concluded, both are told kindly and get the evaluation', async () => {
      const card = await choose(onni, pairB, 'conclude');
      assert.ok(texts(card).includes(fi['checkpoint.concluded.body']));
      const pair = await new TablePairStore(tables.pairs).get(programmeId, pairB);
      assert.equal(pair?.status, 'concluded');
      assert.ok(pair?.concludedAt);
      await until(() => cardsTo(mikko, fi['checkpoint.concluded.title']).length === 1, 'the mentor told');
      await until(
        () =>
          cardsTo(mikko, fi['evaluation.title']).length === 1 &&
          cardsTo(onni, fi['evaluation.title']).length === 1,
        'the evaluation cards',
      );
      const told = texts(cardOf(cardsTo(mikko, fi['checkpoint.concluded.title'])[0]!.activity));
      assert.ok(!told.includes(fi['checkpoint.conclude']), 'nobody is told who chose what');
      // A later "continue" from a stale card cannot undo it.
      const stale = await choose(mikko, pairB, 'continue');
      assert.ok(texts(stale).includes(fi['checkpoint.concluded.body']));
      assert.equal((await new TablePairStore(tables.pairs).get(programmeId, pairB))?.status, 'concluded');
    });
  });

  describe('the evaluation', () => {
    const good = {
      competence: '4',
      dialogue: '5',
      goalsReached: 'partly',
      wouldRecommend: 'yes',
      shareVia: 'internal-training,documents',
    };
    const submit = (user: DemoUser, pairId: string, values: Record<string, unknown>) =>
      act(user, 'evaluation.submit', { programmeId, pairId, ...values });
    const evaluations = () => new TableEvaluationStore(tables.evaluations).listProgrammePage(programmeId);
    const summary = (user: DemoUser) =>
      world.api(`/api/v1/programmes/${programmeId}/evaluations/summary`, user).then(json);

    it('refuses ratings outside 1–5 and unknown values in the person’s language, storing nothing', async () => {
      for (const bad of [
        { competence: '7' },
        { dialogue: '0' },
        { goalsReached: 'mostly' },
        { shareVia: 'radio' },
      ]) {
        const card = await submit(onni, pairB, { ...good, ...bad });
        assert.ok(texts(card).includes(fi['evaluation.title']), 'the same card again');
        assert.ok(!texts(card).includes(fi['evaluation.thanks']));
      }
      const range = await submit(onni, pairB, { ...good, competence: '7' });
      assert.ok(
        texts(range).includes(describeViolation({ field: 'competence', rule: 'range', limit: '1–5' }, 'fi')),
        texts(range),
      );
      assert.equal((await evaluations()).items.length, 0);
    });

    it('takes each member’s answer once; totals are shown only from three answers, to managers only', async () => {
      assert.ok(texts(await submit(onni, pairB, good)).includes(fi['evaluation.thanks']));
      assert.ok(
        texts(await submit(onni, pairB, { ...good, competence: '1' })).includes(fi['evaluation.already']),
      );
      assert.ok(texts(await submit(mikko, pairB, good)).includes(fi['evaluation.thanks']));
      assert.equal((await evaluations()).items.length, 2);
      assert.equal((await evaluations()).items.find((e) => e.userId === onni.aadObjectId)?.competence, 4);

      assert.deepEqual(await summary(sanna), { status: 200, body: { answers: 2 } });
      assert.equal((await summary(aino)).status, 403);
      await submit(aino, pairA, { ...good, competence: '2' });
      const three = await summary(sanna);
      assert.equal(three.body.answers, 3);
      assert.deepEqual(three.body.competence, { 1: 0, 2: 1, 3: 0, 4: 2, 5: 0 });
      assert.equal(three.body.shareVia.documents, 3);
      assert.equal(three.body.wouldRecommend, 3);
    });

    it('refuses an evaluation from someone outside the pair', async () => {
      const card = await submit(eveliina, pairB, good);
      assert.ok(texts(card).includes(fi['rhythm.notMember']));
    });
  });

  describe('learnings', () => {
    const feed = (user: DemoUser) =>
      world.api(`/api/v1/programmes/${programmeId}/learnings`, user).then(json);
    const pairFeed = (user: DemoUser) => world.api(`/api/v1/pairs/${pairA}/learnings`, user).then(json);
    const say = async (user: DemoUser, text: string) => {
      const before = world.connector.sent.length;
      const res = await postActivity(world.server.baseUrl, message(world.personal(user), text));
      assert.ok(res.status < 300);
      await until(() => world.connector.sent.length > before, 'a reply');
      return cardOf(world.connector.sent.at(-1)!.activity);
    };
    const IDEA = 'Uuden kollegan ensimmäisen viikon tarkistuslista.';
    let learningId = '';

    it('a member proposes by command; the partner gets an approve/decline card; nothing is shared yet', async () => {
      const reply = await say(eveliina, `oppi ${IDEA}`);
      assert.ok(texts(reply).includes(fi['learning.proposed.title']), texts(reply));
      await until(() => cardsTo(aino, fi['learning.approve.rule']).length === 1, 'the approval card');
      const approval = cardOf(cardsTo(aino, fi['learning.approve.rule'])[0]!.activity) as unknown as {
        actions: Array<{ verb: string; data: { learningId: string } }>;
      };
      learningId = approval.actions[0]!.data.learningId;
      const mine = await pairFeed(aino);
      assert.equal(mine.body.items.length, 1);
      assert.equal(mine.body.items[0].status, 'proposed');
      assert.equal(mine.body.items[0].text, IDEA, 'kept as typed, punctuation included');
      assert.deepEqual((await feed(sanna)).body.items, []);
      // The same message again (Teams resends unanswered activities): the same learning, nobody asked twice.
      await say(eveliina, `oppi ${IDEA}`);
      assert.equal((await pairFeed(aino)).body.items.length, 1);
      assert.equal(cardsTo(aino, fi['learning.approve.rule']).length, 1);
    });

    it('is shared when every member approved; the proposer is told', async () => {
      const card = await act(aino, 'learning.approve', { programmeId, learningId });
      assert.ok(texts(card).includes(fi['learning.state.shared']));
      await until(
        () => cardsTo(eveliina, fi['learning.state.shared.title']).length === 1,
        'the proposer told',
      );
      const items = (await feed(sanna)).body.items;
      assert.equal(items.length, 1);
      assert.equal(items[0].text, IDEA);
      assert.equal(items[0].pairId, undefined, 'the feed does not name the pair');
      assert.equal((await feed(aino)).status, 403, 'the feed is for owners and coordinators');
    });

    it('a supervisor posts it to the channel once', async () => {
      const share = (user: DemoUser) =>
        world
          .api(`/api/v1/programmes/${programmeId}/learnings/${learningId}/share`, user, { method: 'POST' })
          .then(json);
      assert.equal((await share(aino)).status, 403);
      const inChannel = () =>
        world.connector.sent.filter(
          (s) =>
            s.conversationId.startsWith(DEMO_CHANNEL_ID) &&
            allTexts(cardOf(s.activity)).includes(fi['learning.channel.title']),
        );
      const first = await share(sanna);
      assert.equal(first.status, 200);
      assert.equal(first.body.posted, true);
      assert.ok(first.body.learning.sharedToChannelAt);
      assert.equal(inChannel().length, 1);
      const second = await share(sanna);
      assert.equal(second.body.posted, false);
      assert.equal(inChannel().length, 1, 'not posted twice');
    });

    it('a decline withdraws it and the proposer is told; nothing reaches the feed', async () => {
      const proposed = await world
        .api(`/api/v1/pairs/${pairA}/learnings`, aino, {
          method: 'POST',
          body: JSON.stringify({ text: 'Toinen idea' }),
        })
        .then(json);
      assert.equal(proposed.status, 201);
      assert.equal(proposed.body.learning.status, 'proposed');
      await until(() => cardsTo(eveliina, fi['learning.approve.rule']).length === 1, 'the approval card');
      const card = await act(eveliina, 'learning.decline', {
        programmeId,
        learningId: proposed.body.learning.id,
      });
      assert.ok(texts(card).includes(fi['learning.state.declined']));
      await until(
        () => cardsTo(aino, fi['learning.state.withdrawn.title']).length === 1,
        'the proposer told',
      );
      const statuses = (await pairFeed(eveliina)).body.items.map((i: { status: string }) => i.status).sort();
      assert.deepEqual(statuses, ['approved', 'withdrawn']);
      assert.equal((await feed(sanna)).body.items.length, 1);
      // Approving after the decline changes nothing.
      const late = await act(aino, 'learning.approve', {
        programmeId,
        learningId: proposed.body.learning.id,
      });
      assert.ok(texts(late).includes(fi['learning.state.withdrawn']));
    });

    it('refuses learnings over 1,000 characters and people outside the pair, storing nothing', async () => {
      const long = 'x'.repeat(1001);
      const res = await world
        .api(`/api/v1/pairs/${pairA}/learnings`, aino, {
          method: 'POST',
          body: JSON.stringify({ text: long }),
        })
        .then(json);
      assert.equal(res.status, 400);
      assert.equal(res.body.error.field, 'learning');
      assert.equal(res.body.error.rule, 'too-long');
      const reply = await say(eveliina, `oppi ${long}`);
      assert.ok(texts(reply).includes('enintään 1000'), texts(reply));
      const outsider = await world
        .api(`/api/v1/pairs/${pairA}/learnings`, mikko, {
          method: 'POST',
          body: JSON.stringify({ text: 'Idea' }),
        })
        .then(json);
      assert.equal(outsider.status, 403);
      assert.equal((await pairFeed(mikko)).status, 403);
      assert.equal((await pairFeed(aino)).body.items.length, 2);
    });

    it('offers a form when no text is given, and is never proposed in a channel', async () => {
      const form = (await say(eveliina, 'oppi')) as unknown as { body: Array<{ id?: string }> };
      assert.ok(JSON.stringify(form).includes('"id":"learning"'));
      const before = world.connector.sent.length;
      await postActivity(
        world.server.baseUrl,
        message(world.inChannel(aino), '<at>Polku</at> oppi Salaisuus'),
      );
      await until(() => world.connector.sent.length > before, 'a reply');
      assert.equal(world.connector.sent.at(-1)!.activity.text, fi['learning.personalOnly']);
      assert.equal((await pairFeed(aino)).body.items.length, 2);
    });
  });

  describe('RhythmPrompts (what the scheduler calls)', () => {
    it('sends the check-in, checkpoint and evaluation cards to the member’s chat', async () => {
      const logger = createLogger('silent');
      const notifier = new ProactiveNotifier({
        adapter: createAdapter(undefined, logger),
        botAppId: '',
        conversations: new TableConversationStore(tables.conversations),
        now: () => new Date(),
        logger,
      });
      const prompts = new TeamsRhythmPrompts(notifier);
      const programme = (await new TableProgrammeStore(tables.programmes).get(DEMO_TENANT_ID, programmeId))
        .value;
      const pair = (await new TablePairStore(tables.pairs).get(programmeId, pairA))!;
      const meeting = (await meetings.get(programmeId, pairA, 1))!.value;
      const before = cardsTo(aino, fi['checkIn.title']).length;
      await prompts.askCheckIn(programme, pair, meeting, aino.aadObjectId);
      await prompts.askCheckpoint(programme, pair, aino.aadObjectId);
      await prompts.askEvaluation(programme, pair, eveliina.aadObjectId);
      const checkIn = cardsTo(aino, fi['checkIn.title']);
      assert.equal(checkIn.length, before + 1);
      const data = (cardOf(checkIn.at(-1)!.activity) as unknown as { actions: Array<{ data: unknown }> })
        .actions[0]!.data;
      assert.deepEqual(data, {
        programmeId,
        pairId: pairA,
        number: 1,
        start: new Date(meeting.start).toISOString(),
        answer: 'met',
      });
      assert.equal(cardsTo(aino, fi['checkpoint.title']).length, 1);
      assert.ok(cardsTo(eveliina, fi['evaluation.title']).length >= 1);
    });
  });
});
