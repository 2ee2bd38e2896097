/**
 * A pair's meetings and learnings for its members ("My mentoring"): the
 * list, free times, booking, moving and cancelling; the pair's learnings and
 * proposing one. The server's contract: bot/src/api/meetingRoutes.ts and
 * bot/src/api/learningRoutes.ts.
 */
import { badResponse, type Call, isRecord, isStringArray } from './http';

export type MeetingStatus = 'booking' | 'booked' | 'cancelled' | 'failed';

export interface PairMeeting {
  readonly number: number;
  /** ISO times (UTC); shown in the viewer's own time zone. */
  readonly start: string;
  readonly end: string;
  readonly status: MeetingStatus;
  /** As the calendar gave it; check it is https before offering it as a link. */
  readonly joinUrl: string | null;
  readonly cancelledAt: string | null;
  /** What the members' check-ins say: met, did not meet, or nobody answered yet (null). */
  readonly checkIn: 'met' | 'not-met' | null;
}

export interface Slot {
  readonly start: string;
  readonly end: string;
}

export type LearningStatus = 'proposed' | 'approved' | 'withdrawn';

export interface PairLearning {
  readonly id: string;
  readonly text: string;
  /** A status a newer server may add is kept as is and shown as unknown. */
  readonly status: LearningStatus | (string & {});
  readonly proposedBy: string;
  readonly proposedAt: string;
  /** Member ids; the proposer's proposal counts as their approval. */
  readonly approvedBy: readonly string[];
  readonly approvedAt: string | null;
  readonly sharedToChannelAt: string | null;
}

/** A move or cancel: the meeting as it is now; `changed` false when it already was so. */
export interface MeetingChange {
  readonly meeting: PairMeeting;
  readonly changed: boolean;
}

export interface MeetingApi {
  meetings(pairId: string): Promise<readonly PairMeeting[]>;
  /** Up to three free times; `weeksLater` (0–8) looks that many weeks further on. */
  slots(pairId: string, weeksLater: number): Promise<readonly Slot[]>;
  /** Times for moving meeting `number`: near its current time (its own block counts as free). */
  moveSlots(pairId: string, number: number, weeksLater: number): Promise<readonly Slot[]>;
  book(pairId: string, start: string): Promise<PairMeeting>;
  move(pairId: string, number: number, start: string): Promise<MeetingChange>;
  cancel(pairId: string, number: number): Promise<MeetingChange>;
  pairLearnings(pairId: string): Promise<readonly PairLearning[]>;
  proposeLearning(pairId: string, text: string): Promise<PairLearning>;
}

const STATUSES: readonly string[] = ['booking', 'booked', 'cancelled', 'failed'];

export function meetingApi(call: Call): MeetingApi {
  const at = (pairId: string, rest: string) => `/pairs/${encodeURIComponent(pairId)}${rest}`;
  return {
    async meetings(pairId) {
      const p = await call('GET', at(pairId, '/meetings'));
      if (!isRecord(p) || !Array.isArray(p.items)) throw badResponse('/pairs/:id/meetings', 'items');
      return p.items.map(meeting);
    },
    async slots(pairId, weeksLater) {
      return slotsIn(await call('GET', at(pairId, `/slots?weeksLater=${weeksLater}`)));
    },
    async moveSlots(pairId, number, weeksLater) {
      return slotsIn(await call('GET', at(pairId, `/meetings/${number}/slots?weeksLater=${weeksLater}`)));
    },
    async book(pairId, start) {
      return meetingIn(await call('POST', at(pairId, '/meetings'), { start }));
    },
    async move(pairId, number, start) {
      return change(await call('POST', at(pairId, `/meetings/${number}/move`), { start }));
    },
    async cancel(pairId, number) {
      return change(await call('POST', at(pairId, `/meetings/${number}/cancel`), {}));
    },
    async pairLearnings(pairId) {
      const p = await call('GET', at(pairId, '/learnings'));
      if (!isRecord(p) || !Array.isArray(p.items)) throw badResponse('/pairs/:id/learnings', 'items');
      return p.items.map(learning);
    },
    async proposeLearning(pairId, text) {
      const p = await call('POST', at(pairId, '/learnings'), { text });
      if (!isRecord(p)) throw badResponse('/pairs/:id/learnings', 'learning');
      return learning(p.learning);
    },
  };
}

function slotsIn(p: unknown): Slot[] {
  if (!isRecord(p) || !Array.isArray(p.slots)) throw badResponse('/pairs/:id/slots', 'slots');
  return p.slots.map((s) => {
    if (!isRecord(s) || typeof s.start !== 'string' || typeof s.end !== 'string')
      throw badResponse('/pairs/:id/slots', 'slots[]');
    return { start: s.start, end: s.end };
  });
}

/** Booking, moving and cancelling answer { meeting, … }. */
function meetingIn(p: unknown): PairMeeting {
  if (!isRecord(p)) throw badResponse('/pairs/:id/meetings', 'meeting');
  return meeting(p.meeting);
}

function change(p: unknown): MeetingChange {
  return { meeting: meetingIn(p), changed: !(isRecord(p) && p.changed === false) };
}

function meeting(m: unknown): PairMeeting {
  if (
    !isRecord(m) ||
    typeof m.number !== 'number' ||
    typeof m.start !== 'string' ||
    typeof m.end !== 'string' ||
    !STATUSES.includes(String(m.status))
  ) {
    throw badResponse('/pairs/:id/meetings', 'meeting');
  }
  return {
    number: m.number,
    start: m.start,
    end: m.end,
    status: m.status as MeetingStatus,
    joinUrl: typeof m.joinUrl === 'string' ? m.joinUrl : null,
    cancelledAt: typeof m.cancelledAt === 'string' ? m.cancelledAt : null,
    checkIn: m.checkIn === 'met' || m.checkIn === 'not-met' ? m.checkIn : null,
  };
}

function learning(l: unknown): PairLearning {
  if (
    !isRecord(l) ||
    typeof l.id !== 'string' ||
    typeof l.text !== 'string' ||
    typeof l.status !== 'string' ||
    typeof l.proposedBy !== 'string' ||
    typeof l.proposedAt !== 'string'
  ) {
    throw badResponse('/pairs/:id/learnings', 'learning');
  }
  return {
    id: l.id,
    text: l.text,
    status: l.status,
    proposedBy: l.proposedBy,
    proposedAt: l.proposedAt,
    approvedBy: isStringArray(l.approvedBy) ? l.approvedBy : [],
    approvedAt: typeof l.approvedAt === 'string' ? l.approvedAt : null,
    sharedToChannelAt: typeof l.sharedToChannelAt === 'string' ? l.sharedToChannelAt : null,
  };
}
