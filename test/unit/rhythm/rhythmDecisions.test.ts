/** The rhythm's pure rules: check-ins against the meeting as stored, the checkpoint, learnings' approval, evaluation input. */
import assert from 'node:assert/strict';
import { ValidationError } from '../../../bot/src/domain/errors';
import { judgeCheckIn } from '../../../bot/src/domain/rhythm/checkIn';
import { judgeCheckpointChoice } from '../../../bot/src/domain/rhythm/checkpointChoice';
import { summariseEvaluations } from '../../../bot/src/domain/rhythm/evaluation';
import type { Learning } from '../../../bot/src/domain/rhythm/learning';
import {
  approvedAt,
  approveLearning,
  declineLearning,
} from '../../../bot/src/domain/rhythm/learningDecisions';
import { parseEvaluation } from '../../../bot/src/domain/rhythm/parseEvaluation';

const START = Date.parse('2027-03-01T10:00:00Z');
const END = START + 3_600_000;
const NOW = new Date('2027-03-01T12:00:00Z');

describe('judgeCheckIn', () => {
  const meeting = { status: 'booked' as const, start: START, end: END, checkIns: { mentor: 'met' as const } };
  const input = { userId: 'aktori', answer: 'met' as const, shownStart: START, now: NOW.getTime() };

  it('records a new answer beside the others', () => {
    assert.deepEqual(judgeCheckIn(meeting, input), {
      result: 'recorded',
      checkIns: { mentor: 'met', aktori: 'met' },
    });
  });

  it('treats the same answer again as a repeat, and a changed answer as new', () => {
    assert.deepEqual(judgeCheckIn(meeting, { ...input, userId: 'mentor' }), { result: 'repeat' });
    assert.deepEqual(judgeCheckIn(meeting, { ...input, userId: 'mentor', answer: 'not-met' }), {
      result: 'recorded',
      checkIns: { mentor: 'not-met' },
    });
  });

  it('counts nothing for a cancelled meeting, a moved one, or one not yet started', () => {
    assert.deepEqual(judgeCheckIn({ ...meeting, status: 'cancelled' }, input), { result: 'cancelled' });
    assert.deepEqual(judgeCheckIn({ ...meeting, status: 'failed' }, input), { result: 'cancelled' });
    const later = START + 7 * 86_400_000;
    assert.deepEqual(judgeCheckIn({ ...meeting, start: later, end: later + 1 }, input), {
      result: 'moved',
      start: later,
      end: later + 1,
    });
    assert.deepEqual(judgeCheckIn(meeting, { ...input, now: START - 1 }), {
      result: 'not-yet',
      start: START,
      end: END,
    });
  });
});

describe('judgeCheckpointChoice', () => {
  const members = ['mentor', 'aktori'];

  it('waits until everyone chose to continue, then continues', () => {
    const first = judgeCheckpointChoice(undefined, members, {
      userId: 'mentor',
      choice: 'continue',
      now: NOW,
    });
    assert.equal(first.result, 'recorded');
    assert.equal(first.outcome, undefined);
    assert.deepEqual(first.checkpoint, { choices: { mentor: 'continue' } });
    const second = judgeCheckpointChoice(first.checkpoint, members, {
      userId: 'aktori',
      choice: 'continue',
      now: NOW,
    });
    assert.equal(second.outcome, 'continued');
    assert.equal(second.checkpoint.decidedAt, NOW.toISOString());
  });

  it('concludes on one "conclude", and the outcome then stands against later clicks', () => {
    const first = judgeCheckpointChoice(undefined, members, {
      userId: 'aktori',
      choice: 'conclude',
      now: NOW,
    });
    assert.equal(first.outcome, 'concluded');
    const later = judgeCheckpointChoice(first.checkpoint, members, {
      userId: 'mentor',
      choice: 'continue',
      now: NOW,
    });
    assert.equal(later.result, 'decided');
    assert.equal(later.outcome, 'concluded');
    assert.deepEqual(later.checkpoint, first.checkpoint);
  });

  it('treats the same choice again as a repeat', () => {
    const cp = { choices: { mentor: 'continue' as const } };
    const again = judgeCheckpointChoice(cp, members, { userId: 'mentor', choice: 'continue', now: NOW });
    assert.equal(again.result, 'repeat');
  });
});

describe('approveLearning and declineLearning', () => {
  const learning: Learning = {
    id: 'l1',
    programmeId: 'prog',
    tenantId: 't',
    pairId: 'p',
    text: 'Idea',
    proposedBy: 'mentor',
    proposedAt: '2027-03-01T09:00:00.000Z',
    approvals: { mentor: '2027-03-01T09:00:00.000Z' },
    status: 'proposed',
  };

  it('shares only when every member approved', () => {
    const group = ['mentor', 'a1', 'a2'];
    const one = approveLearning(learning, group, 'a1', NOW);
    assert.equal(one.result, 'changed');
    assert.equal(one.learning.status, 'proposed');
    const all = approveLearning(one.learning, group, 'a2', NOW);
    assert.equal(all.result === 'changed' && all.nowApproved, true);
    assert.equal(all.learning.status, 'approved');
    assert.equal(approvedAt(all.learning), NOW.toISOString());
  });

  it('changes nothing on a repeated approval or once withdrawn; a decline withdraws', () => {
    assert.equal(approveLearning(learning, ['mentor', 'a1'], 'mentor', NOW).result, 'unchanged');
    const declined = declineLearning(learning);
    assert.equal(declined.learning.status, 'withdrawn');
    assert.equal(approveLearning(declined.learning, ['mentor', 'a1'], 'a1', NOW).result, 'unchanged');
    assert.equal(declineLearning(declined.learning).result, 'unchanged');
    const approved = { ...learning, status: 'approved' as const };
    assert.equal(declineLearning(approved).result, 'unchanged', 'a shared learning stays shared');
  });
});

describe('parseEvaluation', () => {
  const good = {
    competence: '4',
    dialogue: '5',
    goalsReached: 'partly',
    wouldRecommend: 'yes',
    shareVia: 'documents,internal-training',
  };

  it('reads the card’s values', () => {
    assert.deepEqual(parseEvaluation(good), {
      competence: 4,
      dialogue: 5,
      goalsReached: 'partly',
      wouldRecommend: true,
      shareVia: ['documents', 'internal-training'],
    });
    assert.deepEqual(parseEvaluation({ ...good, shareVia: '', wouldRecommend: 'no' }).shareVia, []);
  });

  const refusals: Array<[Record<string, unknown>, string, string]> = [
    [{ ...good, competence: '0' }, 'competence', 'range'],
    [{ ...good, competence: '6' }, 'competence', 'range'],
    [{ ...good, dialogue: '2.5' }, 'dialogue', 'format'],
    [{ ...good, dialogue: undefined }, 'dialogue', 'required'],
    [{ ...good, goalsReached: 'mostly' }, 'goalsReached', 'not-allowed'],
    [{ ...good, wouldRecommend: 'maybe' }, 'wouldRecommend', 'not-allowed'],
    [{ ...good, shareVia: 'documents,radio' }, 'shareVia', 'not-allowed'],
  ];
  for (const [input, fieldName, rule] of refusals) {
    it(`refuses ${fieldName} (${rule})`, () => {
      assert.throws(
        () => parseEvaluation(input),
        (err: unknown) =>
          err instanceof ValidationError && err.violation?.field === fieldName && err.violation.rule === rule,
      );
    });
  }

  it('gives summaries only from three answers up', () => {
    const base = {
      programmeId: 'p',
      tenantId: 't',
      pairId: 'x',
      userId: 'u',
      role: 'mentor' as const,
      submittedAt: '',
      ...parseEvaluation(good),
    };
    assert.equal(summariseEvaluations([base, base]), undefined);
    assert.equal(summariseEvaluations([base, base, base])?.competence[4], 3);
  });
});
