/**
 * The booking service with plain fakes: booking records each member's zone
 * and writes the invitation in the programme's language; moving and
 * cancelling keep the record and the calendar in step, happen once however
 * often they are asked, and tell the rhythm and the partner once; a failed
 * create leaves no orphan event; the first phase books one meeting per step.
 */
import assert from 'node:assert/strict';
import type { PolkuError } from '../../../bot/src/domain/errors';
import type { Meeting } from '../../../bot/src/domain/meetings/meeting';
import { BookingService } from '../../../bot/src/services/meetings/bookingService';
import { cohort } from '../teams/cardFixtures';
import {
  aktori,
  aktoriId,
  DAY,
  HOUR,
  harness,
  mentor,
  mentorId,
  NOW,
  outsider,
  SECRET_GOAL,
  terms,
  viewOf,
} from './bookingFakes';

/** Monday 8 March 2027, 11:00 in Helsinki, 10:00 in Stockholm. */
const START = Date.parse('2027-03-08T09:00:00Z');
const LATER = START + DAY + 2 * HOUR;

async function refused(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: PolkuError) => {
    assert.equal(err.code, code);
    return true;
  });
}

describe('BookingService', () => {
  describe('book', () => {
    it('keeps each member’s zone and working hours, and invites in the programme’s language without goals', async () => {
      const h = harness();
      const m = await new BookingService(h.deps).book(aktori, 'p0123456789abcdef', START);
      assert.equal(m.status, 'booked');
      assert.deepEqual(m.memberTimes?.[mentorId], {
        timeZone: 'Europe/Helsinki',
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00',
        endTime: '16:00',
      });
      assert.equal(m.memberTimes?.[aktoriId]?.timeZone, 'Europe/Stockholm');
      const [event] = h.calendar.events;
      assert.match(event!.subject, /^Mentorointi · /);
      assert.ok(!`${event!.subject}${event!.bodyHtml}`.includes(SECRET_GOAL), 'no goals in the invitation');
      assert.deepEqual(h.heard, ['booked 1']);
    });

    it('writes the invitation in Swedish for a Swedish programme', async () => {
      const h = harness({ view: viewOf({ ...cohort, language: 'sv' }) });
      await new BookingService(h.deps).book(aktori, 'p0123456789abcdef', START);
      assert.match(h.calendar.events[0]!.subject, /^Mentorskap · /);
      assert.match(h.calendar.events[0]!.bodyHtml, /Polku bokade mötet/);
    });

    it('keeps the booking when the rhythm cannot be told, and reports it', async () => {
      const h = harness({ scheduleFails: true });
      const m = await new BookingService(h.deps).book(aktori, 'p0123456789abcdef', START);
      assert.equal(m.status, 'booked');
      assert.equal(h.meetings.value(1)?.status, 'booked');
      assert.deepEqual(h.heard, ['booked 1', 'error: meeting booked']);
    });

    it('finishes with the event Graph made when a retry follows an ambiguous failure', async () => {
      const h = harness();
      const service = new BookingService(h.deps);
      h.calendar.faults.create = ['after'];
      await refused(service.book(aktori, 'p0123456789abcdef', START), 'unavailable');
      assert.equal(h.meetings.value(1)?.status, 'failed');
      assert.equal(h.calendar.live().length, 1, 'Graph made it anyway');
      const m = await service.book(mentor, 'p0123456789abcdef', START);
      assert.equal(m.status, 'booked');
      assert.equal(m.number, 1);
      assert.equal(m.eventId, h.calendar.events[0]!.id);
      assert.equal(h.calendar.events.length, 1, 'exactly one event');
    });
  });

  describe('move', () => {
    async function booked() {
      const h = harness();
      const service = new BookingService(h.deps);
      await service.book(aktori, 'p0123456789abcdef', START);
      h.heard.length = 0;
      h.calendar.calls.length = 0;
      return { h, service };
    }

    it('moves the event and the record, and tells the rhythm and the partner once', async () => {
      const { h, service } = await booked();
      const change = await service.move(mentor, 'p0123456789abcdef', 1, LATER);
      assert.equal(change.changed, true);
      assert.equal(change.previous.start, START);
      assert.equal(h.meetings.value(1)?.start, LATER);
      assert.equal(h.meetings.value(1)?.end, LATER + HOUR);
      assert.equal(h.calendar.live()[0]!.start, LATER);
      assert.deepEqual(h.heard, [
        `moved 1 from ${new Date(START).toISOString()}`,
        'told moved 1 by Mentor Mirja',
      ]);
      const again = await service.move(aktori, 'p0123456789abcdef', 1, LATER);
      assert.equal(again.changed, false, 'the same move again changes nothing');
      assert.equal(h.heard.length, 2, 'nobody is told twice');
      assert.equal(h.calendar.calls.filter((c) => c.startsWith('move')).length, 1);
    });

    it('may move a meeting within its own hour', async () => {
      const { h, service } = await booked();
      await service.move(mentor, 'p0123456789abcdef', 1, START + 30 * 60_000);
      assert.equal(h.meetings.value(1)?.start, START + 30 * 60_000);
    });

    it('refuses a cancelled meeting, a past time, a busy time, an unknown number and anyone outside the pair', async () => {
      const { h, service } = await booked();
      await refused(service.move(mentor, 'p0123456789abcdef', 1, NOW - HOUR), 'slot_in_past');
      h.calendar.busy['aktori@example.com'] = [{ start: LATER - HOUR, end: LATER + HOUR }];
      await refused(service.move(mentor, 'p0123456789abcdef', 1, LATER), 'slot_taken');
      await refused(service.move(mentor, 'p0123456789abcdef', 7, LATER), 'meeting_not_found');
      await refused(service.move(outsider, 'p0123456789abcdef', 1, LATER), 'not_pair_member');
      await service.cancel(mentor, 'p0123456789abcdef', 1);
      await refused(service.move(mentor, 'p0123456789abcdef', 1, LATER + DAY), 'meeting_cancelled');
      assert.equal(h.calendar.events[0]!.start, START, 'the calendar was never moved');
    });

    it('changes nothing when Graph fails, and undoes a move whose answer was lost', async () => {
      const { h, service } = await booked();
      h.calendar.faults.move = ['after'];
      await refused(service.move(mentor, 'p0123456789abcdef', 1, LATER), 'unavailable');
      assert.equal(h.meetings.value(1)?.start, START);
      assert.equal(h.calendar.live()[0]!.start, START, 'the event is back where the record says');
      assert.deepEqual(h.heard, []);
    });

    it('puts the calendar back in step when the partner changed the meeting at the same moment', async () => {
      const { h, service } = await booked();
      const other = LATER + DAY;
      h.meetings.beforeReplace = (m: Meeting) => {
        h.meetings.put({ ...m, start: other, end: other + HOUR });
      };
      await refused(service.move(mentor, 'p0123456789abcdef', 1, LATER), 'meeting_changed');
      assert.equal(h.meetings.value(1)?.start, other);
      assert.equal(h.calendar.live()[0]!.start, other, 'the record decides');
    });
  });

  describe('cancel', () => {
    it('cancels the event with a note in the programme’s language, once, and tells the partner once', async () => {
      const h = harness();
      const service = new BookingService(h.deps);
      await service.book(aktori, 'p0123456789abcdef', START);
      h.heard.length = 0;
      const change = await service.cancel(aktori, 'p0123456789abcdef', 1);
      assert.equal(change.changed, true);
      assert.equal(h.meetings.value(1)?.status, 'cancelled');
      assert.equal(h.meetings.value(1)?.cancelledAt, new Date(NOW).toISOString());
      assert.equal(h.calendar.live().length, 0);
      assert.equal(h.calendar.events[0]!.comment, 'Aktori Aapo perui tapaamisen Polussa.');
      const again = await service.cancel(mentor, 'p0123456789abcdef', 1);
      assert.equal(again.changed, false);
      assert.deepEqual(h.heard, ['cancelled 1', 'told cancelled 1 by Aktori Aapo']);
      assert.equal(h.calendar.calls.filter((c) => c === 'cancel').length, 1);
    });

    it('keeps the meeting when Graph cannot be reached, and a retry finishes it', async () => {
      const h = harness();
      const service = new BookingService(h.deps);
      await service.book(aktori, 'p0123456789abcdef', START);
      h.calendar.faults.cancel = ['before'];
      await refused(service.cancel(aktori, 'p0123456789abcdef', 1), 'unavailable');
      assert.equal(h.meetings.value(1)?.status, 'booked');
      assert.equal((await service.cancel(aktori, 'p0123456789abcdef', 1)).changed, true);
      assert.equal(h.calendar.live().length, 0);
    });

    it('refuses a meeting that is over', async () => {
      const h = harness();
      const service = new BookingService(h.deps);
      await service.book(aktori, 'p0123456789abcdef', START);
      h.clock.now = START + 2 * HOUR;
      await refused(service.cancel(aktori, 'p0123456789abcdef', 1), 'meeting_past');
    });
  });

  describe('reconcile', () => {
    it('removes the event of a failed create so that failed means no event, and a later booking takes a new number', async () => {
      const h = harness();
      const service = new BookingService(h.deps);
      h.calendar.faults.create = ['after'];
      await refused(service.book(aktori, 'p0123456789abcdef', START), 'unavailable');
      assert.equal(h.calendar.live().length, 1, 'an orphan');
      assert.equal(await service.reconcile(cohort.id, 'p0123456789abcdef', 1), 'removed');
      assert.equal(h.calendar.live().length, 0);
      assert.match(h.calendar.events[0]!.comment ?? '', /Polku ei saanut/);
      assert.ok(h.meetings.value(1)?.cancelledAt);
      assert.equal(h.meetings.value(1)?.status, 'failed');
      assert.equal(await service.reconcile(cohort.id, 'p0123456789abcdef', 1), 'skipped');
      const m = await service.book(aktori, 'p0123456789abcdef', START);
      assert.equal(m.number, 2, 'the reconciled transactionId is spent');
      assert.equal(h.calendar.live().length, 1);
    });

    it('finds nothing to remove when the create never reached Graph, and leaves booked meetings alone', async () => {
      const h = harness();
      const service = new BookingService(h.deps);
      h.calendar.faults.create = ['before'];
      await refused(service.book(aktori, 'p0123456789abcdef', START), 'unavailable');
      assert.equal(await service.reconcile(cohort.id, 'p0123456789abcdef', 1), 'none');
      await service.book(aktori, 'p0123456789abcdef', LATER);
      assert.equal(await service.reconcile(cohort.id, 'p0123456789abcdef', 2), 'skipped');
      assert.equal(h.calendar.live().length, 1);
    });
  });

  describe('bookFirstPhase', () => {
    it('books one meeting per cadence step, each with its own number and transactionId', async () => {
      const h = harness();
      const result = await new BookingService(h.deps).bookFirstPhase(aktori, 'p0123456789abcdef');
      assert.equal(result.planned, 3);
      const meetings = result.outcomes.map((o) => o.meeting);
      assert.deepEqual(
        meetings.map((m) => m?.number),
        [1, 2, 3],
      );
      assert.equal(new Set(h.calendar.events.map((e) => e.transactionId)).size, 3);
      const gaps = meetings.slice(1).map((m, i) => (m!.start - meetings[i]!.start) / DAY);
      for (const gap of gaps) assert.ok(gap > 20 && gap < 36, `about four weeks apart: ${gap} days`);
      assert.deepEqual(h.heard, ['booked 1', 'booked 2', 'booked 3']);
      const again = await new BookingService(h.deps).bookFirstPhase(mentor, 'p0123456789abcdef');
      assert.equal(again.already, true, 'a second click books nothing');
      assert.equal(h.calendar.events.length, 3);
    });

    it('books fewer when the agreement has fewer meetings', async () => {
      const h = harness({ view: viewOf(cohort, { ...terms, duration: { kind: 'meetings', meetings: 2 } }) });
      const result = await new BookingService(h.deps).bookFirstPhase(aktori, 'p0123456789abcdef');
      assert.equal(result.planned, 2);
      assert.equal(h.calendar.events.length, 2);
    });

    it('says which were booked and which not when the calendar fails part-way', async () => {
      const h = harness();
      h.calendar.faults.create = [undefined as never, 'before'];
      const result = await new BookingService(h.deps).bookFirstPhase(aktori, 'p0123456789abcdef');
      assert.deepEqual(
        result.outcomes.map((o) => o.problem ?? 'booked'),
        ['booked', 'failed', 'failed'],
      );
      assert.equal(h.calendar.live().length, 1);
      assert.equal(h.meetings.value(1)?.status, 'booked');
      assert.equal(h.meetings.value(2)?.status, 'failed');
      assert.equal(h.meetings.value(3), undefined, 'not tried once the calendar was down');
      assert.ok(result.outcomes[2]!.slot, 'the time it would have had is known');
    });
  });
});
