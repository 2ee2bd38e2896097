/** The rhythm's cards: valid for the Adaptive Cards SDK in every language, carrying what their actions need, text escaped. */
import assert from 'node:assert/strict';
import type { Meeting } from '../../../bot/src/domain/meetings/meeting';
import type { Learning } from '../../../bot/src/domain/rhythm/learning';
import { parseEvaluation } from '../../../bot/src/domain/rhythm/parseEvaluation';
import { en } from '../../../bot/src/i18n/en';
import { LOCALES } from '../../../bot/src/i18n/locale';
import type { AdaptiveCard } from '../../../bot/src/teams/cards/adaptiveCard';
import { checkInAnsweredCard, checkInCard } from '../../../bot/src/teams/cards/checkInCard';
import { checkpointCard, checkpointOutcomeCard } from '../../../bot/src/teams/cards/checkpointCard';
import { evaluationCard, evaluationReceivedCard } from '../../../bot/src/teams/cards/evaluationCard';
import {
  learningApprovalCard,
  learningChannelCard,
  learningProposeCard,
  learningProposedCard,
  learningStateCard,
} from '../../../bot/src/teams/cards/learningCards';
import { actions, cardProblems, inputs, visibleText } from '../../support/adaptiveCards';
import { cohort, PROGRAMME_ID, pair } from './cardFixtures';

const meeting: Meeting = {
  pairId: pair.id,
  programmeId: PROGRAMME_ID,
  tenantId: 'tenant-1',
  number: 2,
  start: Date.parse('2027-03-01T10:00:00Z'),
  end: Date.parse('2027-03-01T11:00:00Z'),
  status: 'booked',
  organizerId: pair.mentorId,
  transactionId: 'polku-x-m2',
  bookedBy: pair.mentorId,
  updatedAt: '2027-02-01T10:00:00.000Z',
};
const learning: Learning = {
  id: `l${'a'.repeat(24)}`,
  programmeId: PROGRAMME_ID,
  tenantId: 'tenant-1',
  pairId: pair.id,
  text: 'Use a **checklist** [x](https://evil.example)',
  proposedBy: pair.mentorId,
  proposedAt: '2027-03-01T09:00:00.000Z',
  approvals: { [pair.mentorId]: '2027-03-01T09:00:00.000Z' },
  status: 'proposed',
};

function cardsIn(locale: (typeof LOCALES)[number]): Record<string, AdaptiveCard> {
  const shown = { pairId: pair.id, timeZone: 'Europe/Helsinki' };
  return {
    checkIn: checkInCard({ programme: cohort, pair, meeting, timeZone: 'Europe/Helsinki' }, locale),
    checkInMet: checkInAnsweredCard({ kind: 'met' }, shown, locale),
    checkInMoved: checkInAnsweredCard({ kind: 'moved' }, shown, locale),
    checkInNowAt: checkInAnsweredCard(
      { kind: 'now-at', start: meeting.start, end: meeting.end },
      shown,
      locale,
    ),
    checkInCancelled: checkInAnsweredCard({ kind: 'cancelled' }, shown, locale),
    checkpoint: checkpointCard(cohort, pair, locale),
    waiting: checkpointOutcomeCard(cohort, pair, undefined, locale),
    continued: checkpointOutcomeCard(cohort, pair, 'continued', locale),
    concluded: checkpointOutcomeCard(cohort, pair, 'concluded', locale),
    evaluation: evaluationCard(cohort, pair, locale),
    evaluationProblem: evaluationCard(cohort, pair, locale, { problem: 'x', draft: { competence: '3' } }),
    evaluationThanks: evaluationReceivedCard('received', locale),
    propose: learningProposeCard(
      [{ programmeId: PROGRAMME_ID, pairId: pair.id, programmeName: 'P', partnerNames: ['Ville'] }],
      locale,
    ),
    proposed: learningProposedCard(learning, ['Ville'], locale),
    approval: learningApprovalCard(cohort, pair, learning, locale),
    shared: learningStateCard(learning, 'shared', locale),
    channel: learningChannelCard(cohort, learning, locale),
  };
}

describe('rhythm cards', () => {
  for (const locale of LOCALES) {
    it(`are valid Adaptive Cards in ${locale}`, () => {
      for (const [name, card] of Object.entries(cardsIn(locale))) {
        assert.deepEqual(cardProblems(card), [], `${name} (${locale})`);
        assert.doesNotMatch(visibleText(card), /\{\w+\}/, `${name} has an unfilled placeholder`);
      }
    });
  }

  it('check-in: three answers naming the meeting and the start it shows; rebook on "moved"', () => {
    const c = cardsIn('en');
    const verbs = actions(c.checkIn).map((a) => [a.verb, (a.data as Record<string, unknown>).answer]);
    assert.deepEqual(verbs, [
      ['checkin.answer', 'met'],
      ['checkin.answer', 'not-met'],
      ['checkin.answer', 'moved'],
    ]);
    assert.deepEqual(actions(c.checkIn)[0]?.data, {
      programmeId: PROGRAMME_ID,
      pairId: pair.id,
      number: 2,
      start: '2027-03-01T10:00:00.000Z',
      answer: 'met',
    });
    assert.deepEqual(
      actions(c.checkInMoved).map((a) => [a.verb, a.data]),
      [['meeting.find', { pairId: pair.id }]],
    );
    assert.equal(actions(c.checkInMet).length, 0);
    assert.match(visibleText(c.checkInNowAt), /moved to/);
  });

  it('checkpoint: continue or conclude; the outcome card never names who chose what', () => {
    const c = cardsIn('en');
    assert.deepEqual(
      actions(c.checkpoint).map((a) => (a.data as Record<string, unknown>).choice),
      ['continue', 'conclude'],
    );
    assert.ok(visibleText(c.checkpoint).includes(en['checkpoint.private']));
    assert.deepEqual(
      actions(c.continued).map((a) => a.verb),
      ['agreement.open', 'meeting.find'],
    );
    assert.ok(visibleText(c.concluded).includes(en['checkpoint.concluded.body']));
  });

  it('evaluation: the inputs are exactly what parseEvaluation reads, and its choices parse', () => {
    const found = inputs(cardsIn('en').evaluation);
    assert.deepEqual(
      [...found.keys()],
      ['competence', 'dialogue', 'goalsReached', 'wouldRecommend', 'shareVia'],
    );
    const choices = (id: string) => (found.get(id)?.choices ?? []) as Array<{ value: string }>;
    const first = (id: string) => choices(id)[0]?.value;
    const all = (id: string) =>
      choices(id)
        .map((c) => c.value)
        .join(',');
    const parsed = parseEvaluation({
      competence: first('competence'),
      dialogue: first('dialogue'),
      goalsReached: first('goalsReached'),
      wouldRecommend: first('wouldRecommend'),
      shareVia: all('shareVia'),
    });
    assert.equal(parsed.competence, 1);
    assert.equal(parsed.shareVia.length, 5);
    assert.equal(found.get('shareVia')?.isMultiSelect, true);
    assert.equal(inputs(cardsIn('en').evaluationProblem).get('competence')?.value, '3', 'the choice is kept');
  });

  it('learnings: text escaped everywhere, approve/decline name the learning, the channel card names nobody', () => {
    const c = cardsIn('en');
    for (const name of ['proposed', 'approval', 'shared', 'channel'] as const) {
      const text = visibleText(c[name]);
      assert.ok(text.includes('\\*\\*checklist\\*\\*'), name);
      assert.ok(!text.includes('[x](https'), name);
    }
    assert.deepEqual(
      actions(c.approval).map((a) => [a.verb, a.data]),
      [
        ['learning.approve', { programmeId: PROGRAMME_ID, learningId: learning.id }],
        ['learning.decline', { programmeId: PROGRAMME_ID, learningId: learning.id }],
      ],
    );
    for (const name of ['Aino', 'Ville']) assert.ok(!visibleText(c.channel).includes(name), name);
    const text = inputs(c.propose).get('learning');
    assert.equal(text?.maxLength, 1000);
    assert.deepEqual(actions(c.propose)[0]?.data, { programmeId: PROGRAMME_ID, pairId: pair.id });
  });

  it('learnings: with several pairs the form asks which one', () => {
    const pairs = [
      { programmeId: PROGRAMME_ID, pairId: pair.id, programmeName: 'A', partnerNames: ['Ville'] },
      { programmeId: PROGRAMME_ID, pairId: 'p0000000000000001', programmeName: 'B', partnerNames: ['Eeva'] },
    ];
    const form = learningProposeCard(pairs, 'fi', { draft: 'Idea', problem: 'Liian pitkä' });
    assert.deepEqual(cardProblems(form), []);
    const choices = inputs(form).get('pair')?.choices as Array<{ value: string }>;
    assert.deepEqual(
      choices.map((c) => c.value),
      [`${PROGRAMME_ID}|${pair.id}`, `${PROGRAMME_ID}|p0000000000000001`],
    );
    assert.equal(inputs(form).get('learning')?.value, 'Idea');
    assert.deepEqual(actions(form)[0]?.data, {});
  });
});
