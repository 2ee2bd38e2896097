/**
 * Evaluation aggregates are never shown for fewer than three answers, by
 * any route (issue 10, item 13): the dashboard's JSON and CSV, the
 * evaluation summary and the weekly digest card. Answers arrive through the
 * evaluation card; with two answers nothing but the count is shown, with
 * three the totals appear. Nor can a small group be worked out by
 * subtraction: a role's totals are shown only when the other role's could
 * not then be derived from "all minus this role".
 */
import assert from 'node:assert/strict';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { fi } from '../../bot/src/i18n/fi';
import { aino, eveliina, helmi, linnea, mikko, onni, sanna } from '../support/programmeSeed';
import { runSchedulerAt } from '../support/schedulerTick';
import { allTexts, cardAction, invokeCard } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

const DAY = 86_400_000;
/** Words only an evaluation distribution would carry (the API's fields and the card's labels). */
const DISTRIBUTION = [
  'competence',
  'dialogue',
  'goalsReached',
  'wouldRecommend',
  'shareVia',
  fi['evaluation.competence'],
  fi['evaluation.dialogue'],
  fi['evaluation.goalsReached'],
  fi['evaluation.wouldRecommend'],
  fi['evaluation.shareVia'],
  fi['evaluation.shareVia.documents'],
];

interface Summary {
  answers: number;
  competence?: Record<string, number>;
}

describe('evaluation totals only from three answers, through every route', function () {
  this.timeout(90000);
  let world: World;
  let programmeId = '';
  const pairs = new Map<string, string>();
  let digestAt = 0;

  const submit = async (user: DemoUser, competence: string) => {
    const card = await invokeCard(
      world.server.baseUrl,
      cardAction(world.personal(user), 'evaluation.submit', {
        programmeId,
        pairId: pairs.get(user.aadObjectId),
        competence,
        dialogue: '4',
        goalsReached: 'partly',
        wouldRecommend: 'yes',
        shareVia: 'documents',
      }),
    );
    assert.ok(allTexts(card).includes(fi['evaluation.thanks']), allTexts(card).join(' | '));
  };
  const summary = async () => {
    const res = await world.api(`/api/v1/programmes/${programmeId}/evaluations/summary`, sanna);
    assert.equal(res.status, 200);
    return (await res.json()) as Summary;
  };
  const dashboard = async () => {
    const res = await world.api(`/api/v1/programmes/${programmeId}/dashboard`, sanna);
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as {
      evaluations: Record<'all' | 'mentors' | 'aktoris', Summary | null>;
    } & Record<string, unknown>;
  };
  const csv = async () => {
    const res = await world.api(`/api/v1/programmes/${programmeId}/dashboard.csv`, sanna);
    assert.equal(res.status, 200, await res.clone().text());
    return res.text();
  };
  /** The weekly digest the supervisor gets next (the scheduler driven to its time). */
  const digest = async () => {
    const before = world.connector.sent.length;
    const title = fi['digest.title'].split('{')[0] as string;
    const find = () =>
      world.connector.sent
        .slice(before)
        .find((s) => JSON.stringify(s.activity.attachments ?? []).includes(title));
    // The programme's weekly item fans out into one per supervisor, sent on the next tick.
    for (let tick = 0; tick < 3 && !find(); tick++) {
      await runSchedulerAt(world.server.baseUrl, digestAt + tick * 60_000);
    }
    digestAt += 7 * DAY;
    const sent = find();
    assert.ok(sent, 'a digest was sent');
    return JSON.stringify(sent.activity.attachments);
  };
  const shows = (text: string) => DISTRIBUTION.filter((w) => text.includes(w));
  /** No role's totals let a group of 1–2 answers be worked out as "all minus the other role". */
  const noSmallGroupDerivable = (e: Record<'all' | 'mentors' | 'aktoris', Summary | null>) => {
    for (const role of ['mentors', 'aktoris'] as const) {
      const shown = e[role];
      if (!e.all || !shown) continue;
      const rest = e.all.answers - shown.answers;
      assert.ok(rest === 0 || rest >= 3, `all ${e.all.answers} − ${role} ${shown.answers} = ${rest} answers`);
    }
  };

  before(async () => {
    world = await startWorld({ env: { SCHEDULER_TICK_SECONDS: '0' } });
    programmeId = await world.createProgramme(sanna, {
      name: 'Arviot',
      form: 'pair',
      modeKind: 'nonstop',
      language: 'fi',
    });
    const pairsOf: Array<[DemoUser, DemoUser]> = [
      [aino, eveliina],
      [mikko, onni],
      [helmi, linnea],
    ];
    for (const [mentor, aktori] of pairsOf) {
      for (const [user, role, topic] of [
        [mentor, 'mentor', 'offers'],
        [aktori, 'aktori', 'wants'],
      ] as const)
        await invokeCard(
          world.server.baseUrl,
          cardAction(world.personal(user), 'signup.save', {
            programmeId,
            role,
            [topic]: 'theme:career',
            unit: 'IT',
            languages: 'fi',
          }),
        );
      const res = await world.api(`/api/v1/programmes/${programmeId}/pairs`, sanna, {
        method: 'POST',
        body: JSON.stringify({ pairs: [{ mentorId: mentor.aadObjectId, aktoriIds: [aktori.aadObjectId] }] }),
      });
      const pairId = ((await res.json()) as { results: Array<{ pairId: string }> }).results[0]!.pairId;
      pairs.set(mentor.aadObjectId, pairId);
      pairs.set(aktori.aadObjectId, pairId);
    }
    // The first digest falls on the next Monday morning; ticking a week on is past it.
    digestAt = Date.now() + 7 * DAY + 3_600_000;
  });
  after(async () => world?.stop());

  let csvBefore = '';

  it('with two answers shows only the count: summary, dashboard JSON and CSV, weekly digest', async () => {
    csvBefore = await csv();
    await submit(aino, '5');
    await submit(eveliina, '2');
    assert.deepEqual(await summary(), { answers: 2 });
    const d = await dashboard();
    assert.deepEqual(d.evaluations, { all: null, mentors: null, aktoris: null });
    const { evaluations: _, ...rest } = d;
    assert.deepEqual(shows(JSON.stringify(rest)), [], 'nothing else in the dashboard carries them');
    assert.equal(await csv(), csvBefore, 'the CSV carries no evaluation data');
    assert.deepEqual(shows(await digest()), []);
  });

  it('with the third answer the totals appear, but no role group of fewer than three', async () => {
    await submit(mikko, '4');
    const s = await summary();
    assert.equal(s.answers, 3);
    assert.deepEqual(s.competence, { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 });
    const d = await dashboard();
    assert.equal(d.evaluations.all?.answers, 3);
    assert.equal(d.evaluations.mentors, null, 'two mentors');
    assert.equal(d.evaluations.aktoris, null, 'one aktori');
    assert.equal(await csv(), csvBefore);
    assert.deepEqual(shows(await digest()), [], 'the digest never carries evaluations');
  });

  it('never lets a group of one or two be worked out as all minus the other role', async () => {
    // Three mentors and one aktori: "all minus mentors" would be the one aktori's answer.
    await submit(helmi, '1');
    let d = await dashboard();
    assert.equal(d.evaluations.all?.answers, 4);
    noSmallGroupDerivable(d.evaluations);
    await submit(onni, '3');
    d = await dashboard();
    noSmallGroupDerivable(d.evaluations);
    // Three of each: both roles are shown.
    await submit(linnea, '3');
    d = await dashboard();
    assert.equal(d.evaluations.mentors?.answers, 3);
    assert.equal(d.evaluations.aktoris?.answers, 3);
    noSmallGroupDerivable(d.evaluations);
  });
});
