import assert from 'node:assert/strict';
import {
  AGREEMENT_GRACE_DAYS,
  attentionFlags,
  NO_MEETING_DAYS,
} from '../../../bot/src/domain/dashboard/attention';
import { DAY, inForce, meeting, NOW, pair } from './fixtures';

const formedDaysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();
const flags = (p: ReturnType<typeof pair>, meetings: ReturnType<typeof meeting>[] = [], firstPhase = 3) =>
  attentionFlags({ pair: p, meetings, firstPhaseMeetings: firstPhase }, NOW);

describe('dashboard attention flags', () => {
  it('flags a pair with no agreement in force from two weeks after forming, not a day before', () => {
    assert.deepEqual(flags(pair('p1', { formedAt: formedDaysAgo(AGREEMENT_GRACE_DAYS - 1) })), []);
    assert.deepEqual(flags(pair('p1', { formedAt: formedDaysAgo(AGREEMENT_GRACE_DAYS) })), ['no-agreement']);
    const drafting = pair('p1', {
      formedAt: formedDaysAgo(20),
      agreement: { status: 'drafting', goals: [], version: 0 },
    });
    assert.deepEqual(flags(drafting), ['no-agreement']);
    // Reopened keeps the earlier version in force.
    const reopened = pair('p1', {
      formedAt: formedDaysAgo(20),
      agreement: { ...inForce(), status: 'reopened' },
    });
    assert.deepEqual(flags(reopened, [meeting('p1', 1, NOW + 3 * DAY)]), []);
  });

  it('flags six weeks with no meeting booked: counted from the last meeting, else from forming', () => {
    const p = pair('p1', { formedAt: formedDaysAgo(100), agreement: inForce() });
    assert.deepEqual(flags(p), ['no-meeting-booked']);
    assert.deepEqual(flags(p, [meeting('p1', 1, NOW - (NO_MEETING_DAYS - 1) * DAY, { met: true })]), []);
    assert.deepEqual(flags(p, [meeting('p1', 1, NOW - NO_MEETING_DAYS * DAY, { met: true })]), [
      'no-meeting-booked',
    ]);
    // A cancelled meeting is no meeting; a booked one ahead clears the flag.
    assert.deepEqual(flags(p, [meeting('p1', 1, NOW + DAY, { status: 'cancelled' })]), ['no-meeting-booked']);
    assert.deepEqual(flags(p, [meeting('p1', 1, NOW + 60 * DAY)]), []);
    const young = pair('p2', { formedAt: formedDaysAgo(10), agreement: inForce() });
    assert.deepEqual(flags(young), []);
  });

  it('flags a waiting checkpoint once the first phase is held or a member has chosen', () => {
    const p = pair('p1', { formedAt: formedDaysAgo(100), agreement: inForce() });
    const held = [1, 2, 3].map((n) => meeting('p1', n, NOW - (40 - n * 10) * DAY, { met: true }));
    assert.deepEqual(flags(p, held.slice(0, 2)), []);
    assert.deepEqual(flags(p, held), ['checkpoint-waiting']);
    // Quick mentoring (first phase 0) has no checkpoint.
    assert.deepEqual(flags(p, held, 0), []);
    const chosen = pair('p1', {
      ...p,
      checkpoint: { choices: { 'p1-m': 'continue' } },
    });
    assert.deepEqual(flags(chosen, held.slice(0, 1)), ['checkpoint-waiting']);
    const decided = pair('p1', {
      ...p,
      checkpoint: { choices: { 'p1-m': 'continue', 'p1-a': 'continue' }, outcome: 'continued' },
    });
    assert.deepEqual(flags(decided, held), []);
  });

  it('never flags a concluded pair, and does not call a damaged formedAt old', () => {
    const concluded = pair('p1', { formedAt: formedDaysAgo(200), status: 'concluded' });
    assert.deepEqual(flags(concluded), []);
    const byCheckpoint = pair('p1', {
      formedAt: formedDaysAgo(200),
      agreement: inForce(),
      checkpoint: { choices: { 'p1-a': 'conclude' }, outcome: 'concluded' },
    });
    assert.deepEqual(flags(byCheckpoint), []);
    assert.deepEqual(flags(pair('p1', { formedAt: 'not a date' })), []);
  });
});
