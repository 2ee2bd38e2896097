import assert from 'node:assert/strict';
import {
  type Meeting,
  meetingTransactionId,
  nextMeetingNumber,
  nextMeetingTarget,
} from '../../../bot/src/domain/meetings/meeting';

const DAY = 86_400_000;
const now = Date.parse('2026-11-23T08:00:00Z');

function meeting(number: number, start: number, status: Meeting['status']): Meeting {
  return {
    pairId: 'p0123456789abcdef',
    programmeId: 'prog',
    tenantId: 't',
    number,
    start,
    end: start + 3_600_000,
    status,
    organizerId: 'm',
    transactionId: meetingTransactionId('p0123456789abcdef', number),
    bookedBy: 'm',
    updatedAt: new Date(now).toISOString(),
  };
}

describe('meetings', () => {
  it('names each meeting’s calendar transaction by pair and number, stably and within Graph’s limits', () => {
    assert.equal(meetingTransactionId('p0123456789abcdef', 3), 'polku-p0123456789abcdef-m3');
    assert.ok(meetingTransactionId('p0123456789abcdef', 9999).length < 100);
  });

  it('looks a week ahead for the first meeting, then one cadence after the latest booked one', () => {
    assert.equal(nextMeetingTarget([], 4, now), now + 7 * DAY);
    const booked = [
      meeting(1, now + 10 * DAY, 'booked'),
      meeting(2, now + 38 * DAY, 'booked'),
      meeting(3, now + 60 * DAY, 'failed'),
    ];
    assert.equal(
      nextMeetingTarget(booked, 4, now),
      now + 38 * DAY + 28 * DAY,
      'failed attempts do not count',
    );
    assert.equal(
      nextMeetingTarget([meeting(1, now - 60 * DAY, 'booked')], 2, now),
      now + DAY,
      'never in the past',
    );
  });

  it('never reuses a number: a failed attempt’s transaction id may have made an event', () => {
    assert.equal(nextMeetingNumber([]), 1);
    assert.equal(
      nextMeetingNumber([meeting(1, now, 'booked'), meeting(2, now, 'failed'), meeting(3, now, 'cancelled')]),
      4,
    );
  });
});
