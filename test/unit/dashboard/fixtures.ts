/** Plain domain values for the dashboard's tests: a pair, its meetings, answers and learnings. */
import type { Meeting } from '../../../bot/src/domain/meetings/meeting';
import { meetingTransactionId } from '../../../bot/src/domain/meetings/meeting';
import type { Pair } from '../../../bot/src/domain/programme/pair';
import type { Evaluation } from '../../../bot/src/domain/rhythm/evaluation';
import type { Learning } from '../../../bot/src/domain/rhythm/learning';

export const DAY = 86_400_000;
export const NOW = Date.parse('2026-03-16T09:00:00Z');

export function pair(id: string, overrides: Partial<Pair> = {}): Pair {
  const mentorId = `${id}-m`;
  const aktoriId = `${id}-a`;
  return {
    id,
    programmeId: 'prog',
    tenantId: 't',
    form: 'pair',
    mentorId,
    aktoriIds: [aktoriId],
    names: { [mentorId]: `Mentor ${id}`, [aktoriId]: `Aktori ${id}` },
    reasons: [],
    status: 'formed',
    formedBy: 'sup',
    formedAt: new Date(NOW - 30 * DAY).toISOString(),
    ...overrides,
  };
}

export const inForce = (goals: readonly string[] = ['Oppia']): NonNullable<Pair['agreement']> => ({
  status: 'in-force',
  goals,
  version: 1,
  cadenceWeeks: 4,
  meetingMinutes: 60,
});

export function meeting(
  pairId: string,
  number: number,
  start: number,
  options: { status?: Meeting['status']; met?: boolean } = {},
): Meeting {
  return {
    pairId,
    programmeId: 'prog',
    tenantId: 't',
    number,
    start,
    end: start + 3_600_000,
    status: options.status ?? 'booked',
    organizerId: `${pairId}-m`,
    transactionId: meetingTransactionId(pairId, number),
    bookedBy: `${pairId}-m`,
    updatedAt: new Date(Math.min(start, NOW)).toISOString(),
    ...(options.met ? { checkIns: { [`${pairId}-m`]: 'met' as const } } : {}),
  };
}

export function evaluation(pairId: string, userId: string, role: Evaluation['role']): Evaluation {
  return {
    programmeId: 'prog',
    tenantId: 't',
    pairId,
    userId,
    role,
    competence: 4,
    dialogue: 5,
    goalsReached: 'partly',
    wouldRecommend: true,
    shareVia: ['documents'],
    submittedAt: new Date(NOW).toISOString(),
  };
}

export function learning(
  id: string,
  pairId: string,
  status: Learning['status'],
  proposedAt: number,
): Learning {
  return {
    id,
    programmeId: 'prog',
    tenantId: 't',
    pairId,
    text: `Learning ${id}`,
    proposedBy: `${pairId}-m`,
    proposedAt: new Date(proposedAt).toISOString(),
    approvals: {},
    status,
  };
}
