/**
 * A pair's meetings for its members ("My mentoring"): the list, free times,
 * booking, moving and cancelling, and the learnings the pair proposed.
 */
import { badResponse, type Call, isRecord } from './http';

export interface PairMeeting {
  readonly number: number;
  readonly start: string;
  readonly end: string;
  readonly status: 'booking' | 'booked' | 'cancelled' | 'failed';
  readonly joinUrl: string | null;
}

export interface Slot {
  readonly start: string;
  readonly end: string;
}

export interface PairLearning {
  readonly id: string;
  readonly text: string;
  readonly status: string;
  readonly proposedAt: string;
  readonly proposedBy: string;
}

export interface MeetingApi {
  meetings(pairId: string): Promise<readonly PairMeeting[]>;
  slots(pairId: string, weeksLater: number): Promise<readonly Slot[]>;
  book(pairId: string, start: string): Promise<PairMeeting>;
  move(pairId: string, number: number, start: string): Promise<PairMeeting>;
  cancel(pairId: string, number: number): Promise<void>;
  pairLearnings(pairId: string): Promise<readonly PairLearning[]>;
}

const STATUSES = ['booking', 'booked', 'cancelled', 'failed'] as const;

export function meetingApi(call: Call): MeetingApi {
  const at = (pairId: string, rest: string) => `/pairs/${encodeURIComponent(pairId)}${rest}`;
  return {
    async meetings(pairId) {
      const p = await call('GET', at(pairId, '/meetings'));
      if (!isRecord(p) || !Array.isArray(p.items)) throw badResponse('/pairs/:id/meetings', 'items');
      return p.items.map(meeting);
    },
    async slots(pairId, weeksLater) {
      const p = await call('GET', at(pairId, `/slots?weeksLater=${weeksLater}`));
      if (!isRecord(p) || !Array.isArray(p.slots)) throw badResponse('/pairs/:id/slots', 'slots');
      return p.slots.map((s) => {
        if (!isRecord(s) || typeof s.start !== 'string' || typeof s.end !== 'string')
          throw badResponse('/pairs/:id/slots', 'slots[]');
        return { start: s.start, end: s.end };
      });
    },
    async book(pairId, start) {
      return meetingOf(await call('POST', at(pairId, '/meetings'), { start }));
    },
    async move(pairId, number, start) {
      return meetingOf(await call('POST', at(pairId, `/meetings/${number}/move`), { start }));
    },
    async cancel(pairId, number) {
      await call('POST', at(pairId, `/meetings/${number}/cancel`), {});
    },
    async pairLearnings(pairId) {
      const p = await call('GET', at(pairId, '/learnings'));
      if (!isRecord(p) || !Array.isArray(p.items)) throw badResponse('/pairs/:id/learnings', 'items');
      return p.items.filter(isRecord).map((l) => ({
        id: String(l.id ?? ''),
        text: typeof l.text === 'string' ? l.text : '',
        status: String(l.status ?? ''),
        proposedAt: String(l.proposedAt ?? ''),
        proposedBy: String(l.proposedBy ?? ''),
      }));
    },
  };
}

/** Booking answers { meeting }; the move route may answer the meeting itself. */
function meetingOf(p: unknown): PairMeeting {
  return meeting(isRecord(p) && isRecord(p.meeting) ? p.meeting : p);
}

function meeting(m: unknown): PairMeeting {
  if (
    !isRecord(m) ||
    typeof m.number !== 'number' ||
    typeof m.start !== 'string' ||
    typeof m.end !== 'string' ||
    !STATUSES.includes(m.status as PairMeeting['status'])
  ) {
    throw badResponse('/pairs/:id/meetings', 'meeting');
  }
  return {
    number: m.number,
    start: m.start,
    end: m.end,
    status: m.status as PairMeeting['status'],
    joinUrl: typeof m.joinUrl === 'string' ? m.joinUrl : null,
  };
}
