/**
 * One pair as the supervisor's dashboard shows it: who, the form, the goals
 * in force, where the pair is, its meeting rhythm and what needs attention.
 * Goals and rhythm only — the pair row never carries anything else.
 */
import { type Meeting, meetingHeld, meetingUpcoming } from '../meetings/meeting';
import type { Pair, PairStatus } from '../programme/pair';
import type { ProgrammeForm } from '../programme/vocabulary';
import { type AttentionFlag, agreementInForce, attentionFlags, isConcluded, parseTime } from './attention';

/** Where the pair is, as one value to filter by. */
export const PAIR_STAGES = ['agreeing', 'active', 'continued', 'concluded'] as const;
export type PairStage = (typeof PAIR_STAGES)[number];

export interface PairMember {
  readonly id: string;
  readonly name: string;
  readonly role: 'mentor' | 'aktori';
}

export interface PairRow {
  readonly id: string;
  readonly form: ProgrammeForm;
  readonly members: readonly PairMember[];
  readonly goals: readonly string[];
  readonly status: PairStatus;
  readonly stage: PairStage;
  readonly agreementStatus: 'none' | 'drafting' | 'in-force' | 'reopened';
  readonly checkpoint: 'continued' | 'concluded' | 'waiting' | 'none';
  readonly meetingsHeld: number;
  /** Booked meetings, past and future (not cancelled or failed). */
  readonly meetingsBooked: number;
  readonly meetingsUpcoming: number;
  /** Start of the next booked meeting (epoch ms). */
  readonly nextMeeting: number | undefined;
  /** The latest thing that happened: forming, a booking or check-in, the checkpoint, a learning (epoch ms). */
  readonly lastActivity: number;
  readonly formedAt: string;
  readonly attention: readonly AttentionFlag[];
}

export interface PairRowInput {
  readonly pair: Omit<Pair, 'reasons' | 'emails' | 'formedBy'>;
  readonly meetings: readonly Pick<Meeting, 'start' | 'end' | 'status' | 'checkIns' | 'updatedAt'>[];
  /** When this pair last proposed a learning (epoch ms), if ever. */
  readonly lastLearningAt: number | undefined;
  readonly firstPhaseMeetings: number;
}

export function pairRow(input: PairRowInput, now: number): PairRow {
  const { pair, meetings } = input;
  const formed = parseTime(pair.formedAt) ?? 0;
  let held = 0;
  let booked = 0;
  let upcoming = 0;
  let nextMeeting: number | undefined;
  let lastActivity = Math.max(formed, input.lastLearningAt ?? 0);
  for (const m of meetings) {
    lastActivity = Math.max(lastActivity, parseTime(m.updatedAt) ?? 0);
    if (m.status !== 'booked') continue;
    booked++;
    if (meetingHeld(m)) held++;
    if (meetingUpcoming(m, now)) {
      upcoming++;
      if (nextMeeting === undefined || m.start < nextMeeting) nextMeeting = m.start;
    }
  }
  lastActivity = Math.max(
    lastActivity,
    parseTime(pair.checkpoint?.decidedAt) ?? 0,
    parseTime(pair.concludedAt) ?? 0,
  );
  const attention = attentionFlags({ pair, meetings, firstPhaseMeetings: input.firstPhaseMeetings }, now);
  return {
    id: pair.id,
    form: pair.form,
    members: [pair.mentorId, ...pair.aktoriIds].map((id) => ({
      id,
      name: pair.names[id] ?? '',
      role: id === pair.mentorId ? 'mentor' : 'aktori',
    })),
    // The pair row holds only the goals in force (and none while nothing is in force).
    goals: pair.agreement?.goals ?? [],
    status: pair.status,
    stage: stageOf(pair),
    agreementStatus: pair.agreement?.status ?? 'none',
    checkpoint: pair.checkpoint?.outcome ?? (attention.includes('checkpoint-waiting') ? 'waiting' : 'none'),
    meetingsHeld: held,
    meetingsBooked: booked,
    meetingsUpcoming: upcoming,
    nextMeeting,
    lastActivity,
    formedAt: pair.formedAt,
    attention,
  };
}

function stageOf(pair: Pick<Pair, 'status' | 'concludedAt' | 'checkpoint' | 'agreement'>): PairStage {
  if (isConcluded(pair)) return 'concluded';
  if (pair.checkpoint?.outcome === 'continued') return 'continued';
  return agreementInForce(pair) ? 'active' : 'agreeing';
}
