import assert from 'node:assert/strict';
import type { Meeting } from '../../../bot/src/domain/meetings/meeting';
import { bucketOf, dueKeys, retryDelayMs } from '../../../bot/src/domain/rhythm/dueItem';
import {
  type MeetingPlanContext,
  nextDigestTime,
  planMeeting,
} from '../../../bot/src/domain/rhythm/planMeeting';

const HOUR = 3_600_000;
const start = Date.parse('2026-12-02T09:00:00Z'); // Wed 11:00 in Helsinki

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    pairId: 'p1',
    programmeId: 'prog1',
    tenantId: 't1',
    number: 1,
    start,
    end: start + HOUR,
    status: 'booked',
    organizerId: 'mentor',
    transactionId: 'polku-p1-m1',
    bookedBy: 'mentor',
    updatedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

function context(overrides: Partial<MeetingPlanContext> = {}): MeetingPlanContext {
  return {
    programme: {
      id: 'prog1',
      tenantId: 't1',
      timeZone: 'Europe/Helsinki',
      nudgeLeadHours: 24,
      firstPhaseMeetings: 3,
      nudgeAktori: false,
    },
    pair: { mentorId: 'mentor', aktoriIds: ['aktori'] },
    terms: { checkpoint: true, duration: { kind: 'meetings', meetings: 6 } },
    ordinal: 1,
    ...overrides,
  };
}

const kinds = (items: ReturnType<typeof planMeeting>) =>
  items.map((i) => `${i.kind}:${i.recipientId}`).sort();

describe('what a booked meeting sets going', () => {
  it('nudges the mentor a day before and asks both members to check in after it', () => {
    const items = planMeeting(meeting(), context());
    assert.deepEqual(kinds(items), ['checkin:aktori', 'checkin:mentor', 'nudge.mentor:mentor']);
    const nudge = items.find((i) => i.kind === 'nudge.mentor');
    assert.equal(nudge?.dueAt, start - 24 * HOUR);
    assert.equal(nudge?.meetingStart, start);
    for (const c of items.filter((i) => i.kind === 'checkin')) assert.ok(c.dueAt >= start + HOUR);
  });

  it('nudges the aktori too when the programme asks for it', () => {
    const ctx = context();
    const items = planMeeting(meeting(), { ...ctx, programme: { ...ctx.programme, nudgeAktori: true } });
    assert.ok(kinds(items).includes('nudge.aktori:aktori'));
  });

  it('adds the checkpoint after the last meeting of the first phase, and only with a checkpoint agreed', () => {
    assert.ok(kinds(planMeeting(meeting(), context({ ordinal: 3 }))).includes('checkpoint:mentor'));
    assert.ok(
      !kinds(planMeeting(meeting(), context({ ordinal: 2 }))).some((k) => k.startsWith('checkpoint')),
    );
    const noCheckpoint = context({
      ordinal: 3,
      terms: { checkpoint: false, duration: { kind: 'meetings', meetings: 6 } },
    });
    assert.ok(!kinds(planMeeting(meeting(), noCheckpoint)).some((k) => k.startsWith('checkpoint')));
  });

  it('asks for the evaluation after the last agreed meeting, or on the agreed end date', () => {
    assert.deepEqual(
      kinds(planMeeting(meeting(), context({ ordinal: 6 }))).filter((k) => k.startsWith('evaluation')),
      ['evaluation:aktori', 'evaluation:mentor'],
    );
    const until = planMeeting(
      meeting(),
      context({ terms: { checkpoint: false, duration: { kind: 'until', endDate: '2027-05-31' } } }),
    ).filter((i) => i.kind === 'evaluation');
    assert.equal(until.length, 2);
    // 09:00 in Helsinki on a Monday: inside working hours, kept as it is.
    assert.equal(new Date(until[0]!.dueAt).toISOString(), '2027-05-31T06:00:00.000Z');
    assert.equal(until[0]!.meetingNumber, undefined, 'the same item whichever meeting planned it');
  });

  it('plans nothing for a meeting that is not booked', () => {
    for (const status of ['booking', 'failed', 'cancelled'] as const) {
      assert.deepEqual(planMeeting(meeting({ status }), context()), []);
    }
  });

  it('gives the same keys for the same plan, and different ones once the meeting moves', () => {
    const a = planMeeting(meeting(), context()).map(dueKeys);
    const b = planMeeting(meeting(), context()).map(dueKeys);
    assert.deepEqual(a, b);
    const moved = planMeeting(meeting({ start: start + 48 * HOUR, end: start + 49 * HOUR }), context()).map(
      dueKeys,
    );
    for (const k of moved) assert.ok(!a.some((x) => x.rowKey === k.rowKey));
  });

  it('buckets by minute in time order, so a range scan up to now reads only what has come due (property)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const times = Array.from({ length: 500 }, () =>
      Math.floor(Date.parse('2026-01-01') + random() * 400 * 24 * HOUR),
    );
    const sorted = [...times].sort((x, y) => x - y);
    const buckets = sorted.map(bucketOf);
    assert.deepEqual([...buckets].sort(), buckets, 'lexical order is time order');
    for (const t of times) {
      assert.ok(bucketOf(t) <= bucketOf(t + 60_000));
      assert.equal(bucketOf(t).length, 16);
    }
  });

  it('retries after 30 s, doubling to at most an hour, with jitter inside ±20 %', () => {
    assert.equal(
      retryDelayMs(1, () => 0.5),
      30_000,
    );
    assert.equal(
      retryDelayMs(2, () => 0.5),
      60_000,
    );
    assert.equal(
      retryDelayMs(20, () => 0.5),
      3_600_000,
    );
    for (const r of [0, 0.25, 0.999]) {
      const d = retryDelayMs(3, () => r);
      assert.ok(d >= 96_000 && d <= 144_000, String(d));
    }
  });

  it('sends the weekly digest on Monday at 08:00 in the programme’s zone', () => {
    const sunday = Date.parse('2026-11-29T12:00:00Z');
    assert.equal(
      new Date(nextDigestTime(sunday, 'Europe/Helsinki')).toISOString(),
      '2026-11-30T06:00:00.000Z',
    );
    const mondayNine = Date.parse('2026-11-30T07:00:00Z');
    assert.equal(
      new Date(nextDigestTime(mondayNine, 'Europe/Helsinki')).toISOString(),
      '2026-12-07T06:00:00.000Z',
    );
  });
});
