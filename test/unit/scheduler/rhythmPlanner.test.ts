import assert from 'node:assert/strict';
import type { Agreement } from '../../../bot/src/domain/agreement/agreementTypes';
import type { Meeting } from '../../../bot/src/domain/meetings/meeting';
import type { Pair } from '../../../bot/src/domain/programme/pair';
import { DEFAULT_AGREEMENT, type Programme } from '../../../bot/src/domain/programme/programme';
import { type DueItem, dueKeys } from '../../../bot/src/domain/rhythm/dueItem';
import { RhythmPlanner } from '../../../bot/src/services/rhythm/rhythmPlanner';

const HOUR = 3_600_000;
const start = Date.parse('2026-12-02T09:00:00Z');
const programme = {
  id: 'prog1',
  tenantId: 't1',
  timeZone: 'Europe/Helsinki',
  defaults: { ...DEFAULT_AGREEMENT, firstPhaseMeetings: 2 },
} as Programme;
const pair = { id: 'p1', programmeId: 'prog1', mentorId: 'mentor', aktoriIds: ['aktori'] } as unknown as Pair;
const agreement = {
  inForce: { version: 1, at: '', terms: { checkpoint: true, duration: { kind: 'meetings', meetings: 4 } } },
} as unknown as Agreement;

function meeting(number: number, at: number, status: Meeting['status'] = 'booked'): Meeting {
  return {
    pairId: 'p1',
    programmeId: 'prog1',
    tenantId: 't1',
    number,
    start: at,
    end: at + HOUR,
    status,
    organizerId: 'mentor',
    transactionId: `polku-p1-m${number}`,
    bookedBy: 'mentor',
    updatedAt: '',
  };
}

/** The due table as a set of keys. */
function setUp(meetings: Meeting[]) {
  const due = new Map<string, DueItem>();
  const reads = { lists: 0 };
  const key = (i: DueItem) => {
    const k = dueKeys(i);
    return `${k.partitionKey}/${k.rowKey}`;
  };
  const planner = new RhythmPlanner({
    due: {
      schedule: async (items) => {
        for (const i of items) due.set(key(i), i);
      },
      unschedule: async (items) => {
        for (const i of items) due.delete(key(i));
      },
    },
    programmes: { get: async () => ({ value: programme, etag: '' }) },
    pairs: { get: async () => pair },
    meetings: {
      list: async () => {
        reads.lists++;
        return meetings.map((value) => ({ value, etag: '' }));
      },
    },
    agreements: { find: async () => ({ value: agreement, etag: '' }) },
    now: () => new Date(start - 7 * 24 * HOUR),
  });
  return { due, planner, reads };
}

describe('keeping the due items in step with the calendar', () => {
  it('plans a booked meeting’s nudge and check-ins, and the checkpoint after the first phase', async () => {
    const first = meeting(1, start);
    const second = meeting(2, start + 28 * 24 * HOUR);
    const { due, planner } = setUp([first, second]);
    await planner.meetingBooked(second);
    const kinds = [...due.values()].map((i) => i.kind).sort();
    assert.deepEqual(kinds, ['checkin', 'checkin', 'checkpoint', 'checkpoint', 'nudge.mentor']);
  });

  it('moves the items with the meeting: nothing is left at the old time', async () => {
    const before = meeting(1, start);
    const after = meeting(1, start + 3 * 24 * HOUR);
    const { due, planner, reads } = setUp([before]);
    await planner.meetingBooked(before);
    const old = [...due.keys()];
    reads.lists = 0;
    await planner.meetingMoved(after, before);
    assert.equal(reads.lists, 1, 'the old and the new plan from one read');
    assert.ok(
      old.every((k) => !due.has(k)),
      'old items gone',
    );
    assert.ok([...due.values()].every((i) => i.meetingStart === after.start));
    assert.equal(due.size, 3);
  });

  it('removes a cancelled meeting’s items', async () => {
    const m = meeting(1, start);
    const { due, planner } = setUp([m]);
    await planner.meetingBooked(m);
    await planner.meetingCancelled({ ...m, status: 'cancelled' });
    assert.equal(due.size, 0);
  });

  it('looks again at a failed booking ten minutes later, to call off an event Graph may have made', async () => {
    const m = meeting(3, start, 'failed');
    const { due, planner } = setUp([m]);
    await planner.meetingFailed(m);
    const [item] = [...due.values()];
    assert.equal(item?.kind, 'meeting.reconcile');
    assert.equal(item?.meetingNumber, 3);
    assert.equal(item?.dueAt, start - 7 * 24 * HOUR + 10 * 60_000);
  });

  it('plans the weekly digest once however many pairs are formed', async () => {
    const { due, planner } = setUp([]);
    await planner.planDigest(programme);
    await planner.planDigest(programme);
    assert.equal(due.size, 1);
    assert.equal([...due.values()][0]?.kind, 'digest');
  });
});
