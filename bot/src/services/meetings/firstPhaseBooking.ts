/**
 * The whole first phase at once (DOMAIN.md: "a common start: three
 * meetings, after which the pair decides whether to continue"): one meeting
 * per cadence step, each with its own number and transactionId, from
 * firstPhaseSlots. Each meeting is booked on its own, so a failure part-way
 * leaves the earlier ones booked and says plainly which were not.
 */
import { PolkuError } from '../../domain/errors';
import { type Meeting, nextMeetingNumber, nextMeetingTarget } from '../../domain/meetings/meeting';
import { firstPhaseSlots, MAX_PHASE_MEETINGS } from '../../domain/slots/firstPhaseSlots';
import type { Interval } from '../../domain/slots/slotTypes';
import type { Actor } from '../actor';
import type { AgreementView } from '../agreements/agreementService';
import { type BookingServiceDeps, createEvent, recordMeeting } from './bookingCore';
import { loadCalendars, memberTimesOf } from './memberCalendars';

const DAY = 86_400_000;
const WINDOW_DAYS = 5;

export interface PhaseOutcome {
  /** 0 for the first meeting of the phase. */
  readonly step: number;
  /** Where the step aimed (for "around 12 March" when no time was free). */
  readonly target: number | undefined;
  readonly meeting?: Meeting;
  /** The time that was tried, when one was found. */
  readonly slot?: Interval;
  /** Why this one is not booked: no common free time, or the booking failed (nothing is in the calendars). */
  readonly problem?: 'no_slot' | 'failed';
  /** The failure, for the log; never shown. */
  readonly error?: unknown;
}

export interface PhaseBooking {
  readonly planned: number;
  readonly outcomes: readonly PhaseOutcome[];
  /** The pair had booked meetings already: nothing was booked now; the outcomes are those meetings. */
  readonly already: boolean;
}

/**
 * How many meetings the first phase has: the programme's default, or fewer when the agreement's duration
 * has fewer meetings (or ends before more cadence steps fit).
 */
export function phaseMeetingCount(view: AgreementView, target: number): number {
  const terms = view.agreement.inForce?.terms;
  if (!terms) return 0;
  const byDuration =
    terms.duration.kind === 'meetings'
      ? terms.duration.meetings
      : stepsUntil(Date.parse(`${terms.duration.endDate}T23:59:59Z`), target, terms.cadenceWeeks * 7 * DAY);
  return Math.max(0, Math.min(view.programme.defaults.firstPhaseMeetings, byDuration, MAX_PHASE_MEETINGS));
}

function stepsUntil(end: number, target: number, cadence: number): number {
  return Number.isFinite(end) && end >= target ? Math.floor((end - target) / cadence) + 1 : 0;
}

export async function bookFirstPhase(
  deps: BookingServiceDeps,
  view: AgreementView,
  actor: Actor,
): Promise<PhaseBooking> {
  const terms = view.agreement.inForce!.terms;
  const now = deps.now().getTime();
  const existing = (await deps.meetings.list(view.programme.id, view.pair.id)).map((m) => m.value);
  // A second click (or the partner's) finds the phase booked: it shows those meetings and books nothing.
  const booked = existing.filter((m) => m.status === 'booked' || m.status === 'booking');
  if (booked.length > 0) {
    const upcoming = booked.filter((m) => m.end > now);
    return {
      planned: upcoming.length,
      already: true,
      outcomes: upcoming.map((m, step) => ({ step, target: m.start, meeting: m })),
    };
  }
  const target = nextMeetingTarget(existing, terms.cadenceWeeks, now);
  const count = phaseMeetingCount(view, target);
  if (count < 1)
    throw new PolkuError('conflict', 'The agreement has no meetings left to book', { code: 'phase_empty' });
  const cadence = terms.cadenceWeeks * 7 * DAY;
  const window = { start: Math.max(now, target - WINDOW_DAYS * DAY), end: target + WINDOW_DAYS * DAY };
  // Two days more than the last step's window: a daylight-saving change moves the wall clock by an hour.
  const span = { start: window.start, end: window.end + (count - 1) * cadence + 2 * DAY };
  const calendars = await loadCalendars(deps.calendar, view.pair, view.programme.timeZone, span);
  const plan = firstPhaseSlots(
    { members: calendars, durationMinutes: terms.meetingMinutes, window, target, now },
    count,
    terms.cadenceWeeks,
  );
  const memberTimes = memberTimesOf(calendars);
  let number = nextMeetingNumber(existing);
  let calendarDown = false;
  const outcomes: PhaseOutcome[] = [];
  for (const { step, target: aim, slot } of plan) {
    if (!slot) {
      outcomes.push({ step, target: aim, problem: 'no_slot' });
      continue;
    }
    const at = { start: slot.start, end: slot.end };
    // Once the calendar is unreachable the rest would only wait out the same retries: they are not tried.
    if (calendarDown) {
      outcomes.push({ step, target: aim, slot: at, problem: 'failed' });
      continue;
    }
    try {
      const record = await recordMeeting(deps, view, actor, { number: number++, ...at }, memberTimes);
      outcomes.push({ step, target: aim, meeting: await createEvent(deps, view, record.value, record.etag) });
    } catch (err) {
      // Nothing booked by this click yet and the partner's click got there first: theirs is the booking.
      if (
        outcomes.every((o) => !o.meeting) &&
        err instanceof PolkuError &&
        err.code === 'booking_in_progress'
      )
        throw err;
      calendarDown = err instanceof PolkuError && (err.kind === 'unavailable' || err.kind === 'throttled');
      outcomes.push({ step, target: aim, slot: at, problem: 'failed', error: err });
    }
  }
  return { planned: count, already: false, outcomes };
}
