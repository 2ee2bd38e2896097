/**
 * What each kind of due item does when it falls due. Every handler looks at
 * the state as it is now, not as it was planned: a meeting that was moved
 * or cancelled, a prompt already answered or a pair that concluded makes the
 * item a quiet no-op. Sending is one recipient per item, so a retry after a
 * throttle never repeats a message to someone else.
 */
import type { AgreementTerms } from '../../domain/agreement/agreementTypes';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { DueItem } from '../../domain/rhythm/dueItem';
import type { AgreementRepository } from '../agreements/agreementPorts';
import type { MeetingRepository } from '../meetings/meetingPorts';
import type { PairRepository, ProgrammeRepository } from '../programmes/ports';
import { digestItem } from './rhythmPlanner';
import type { RhythmPrompts } from './rhythmPorts';
import type { DueHandler } from './scheduler';

const DAY = 86_400_000;

export interface NudgeSender {
  nudge(
    programme: Programme,
    pair: Pair,
    meeting: Meeting,
    terms: AgreementTerms | undefined,
    recipientId: string,
    role: 'mentor' | 'aktori',
  ): Promise<void>;
}

/** The weekly digest for one supervisor: counts and pairs needing attention, never content. */
export interface DigestSender {
  sendDigest(programme: Programme, recipientId: string): Promise<void>;
}

/** Marks that a once-only prompt went to someone, so two plans of it never send it twice. */
export interface SentMarks {
  wasSent(item: DueItem): Promise<boolean>;
  markSent(item: DueItem, at: number): Promise<void>;
}

export interface DueHandlerDeps {
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly pairs: Pick<PairRepository, 'get'>;
  readonly meetings: Pick<MeetingRepository, 'get' | 'list'>;
  readonly agreements: Pick<AgreementRepository, 'find'>;
  readonly evaluations: {
    find(programmeId: string, pairId: string, userId: string): Promise<unknown | undefined>;
  };
  readonly due: { schedule(items: readonly DueItem[]): Promise<void> };
  readonly marks: SentMarks;
  readonly prompts: RhythmPrompts;
  readonly nudges: NudgeSender;
  readonly digests: DigestSender;
  /** Sends a sign-up form a Join click left for later (Teams' pace was full). */
  readonly sendSignUpForm?: (item: DueItem) => Promise<void>;
  /** Refreshes a programme's announcement counts (coalesced sign-ups). */
  readonly refreshAnnouncement?: (tenantId: string, programmeId: string) => Promise<void>;
  /**
   * Calls off a calendar event a failed booking may have left, or puts a booked meeting's event back in step
   * after a failed move or cancel (`bookedAt`, the meeting's start then) (BookingService.reconcile).
   */
  readonly reconcile?: (
    programmeId: string,
    pairId: string,
    number: number,
    bookedAt?: number,
  ) => Promise<void>;
}

export function dueHandler(deps: DueHandlerDeps): DueHandler {
  return async (item, now) => {
    const at = now.getTime();
    switch (item.kind) {
      case 'nudge.mentor':
      case 'nudge.aktori':
        return nudge(deps, item, at);
      case 'checkin':
        return checkIn(deps, item);
      case 'checkpoint':
        return checkpoint(deps, item, at);
      case 'evaluation':
        return evaluation(deps, item, at);
      case 'digest':
        return digest(deps, item, at);
      case 'announcement.refresh':
        await deps.refreshAnnouncement?.(item.tenantId, item.programmeId);
        return 'done';
      case 'signup.form':
        await deps.sendSignUpForm?.(item);
        return 'done';
      case 'meeting.reconcile':
        if (deps.reconcile && item.pairId && item.meetingNumber !== undefined) {
          await deps.reconcile(item.programmeId, item.pairId, item.meetingNumber, item.meetingStart);
        }
        return 'done';
    }
  };
}

interface Subject {
  readonly programme: Programme;
  readonly pair: Pair;
  readonly recipientId: string;
}

/** The programme, the pair and the recipient, if the recipient is still a member of it. */
async function subject(deps: DueHandlerDeps, item: DueItem): Promise<Subject | undefined> {
  if (!item.pairId || !item.recipientId) return undefined;
  const [{ value: programme }, pair] = await Promise.all([
    deps.programmes.get(item.tenantId, item.programmeId),
    deps.pairs.get(item.programmeId, item.pairId),
  ]);
  if (!pair || ![pair.mentorId, ...pair.aktoriIds].includes(item.recipientId)) return undefined;
  return { programme, pair, recipientId: item.recipientId };
}

/** The meeting as planned: still booked at the same time. */
async function plannedMeeting(deps: DueHandlerDeps, item: DueItem): Promise<Meeting | undefined> {
  if (!item.pairId || item.meetingNumber === undefined) return undefined;
  const found = await deps.meetings.get(item.programmeId, item.pairId, item.meetingNumber);
  const meeting = found?.value;
  if (meeting?.status !== 'booked' || meeting.start !== item.meetingStart) return undefined;
  return meeting;
}

async function nudge(deps: DueHandlerDeps, item: DueItem, now: number): Promise<'done'> {
  const meeting = await plannedMeeting(deps, item);
  // A nudge after the meeting has started helps nobody.
  if (!meeting || meeting.start <= now) return 'done';
  const s = await subject(deps, item);
  if (!s || s.pair.status === 'concluded') return 'done';
  const agreement = await deps.agreements.find(meeting.pairId);
  const role = item.kind === 'nudge.mentor' ? 'mentor' : 'aktori';
  await deps.nudges.nudge(s.programme, s.pair, meeting, agreement?.value.inForce?.terms, s.recipientId, role);
  return 'done';
}

async function checkIn(deps: DueHandlerDeps, item: DueItem): Promise<'done'> {
  const meeting = await plannedMeeting(deps, item);
  if (!meeting || !item.recipientId || meeting.checkIns?.[item.recipientId]) return 'done';
  const s = await subject(deps, item);
  if (!s) return 'done';
  await deps.prompts.askCheckIn(s.programme, s.pair, meeting, s.recipientId);
  return 'done';
}

async function checkpoint(deps: DueHandlerDeps, item: DueItem, now: number): Promise<'done'> {
  if (!(await plannedMeeting(deps, item))) return 'done';
  const s = await subject(deps, item);
  if (!s || s.pair.status === 'concluded' || s.pair.checkpoint?.outcome) return 'done';
  if (s.pair.checkpoint?.choices[s.recipientId]) return 'done';
  const once = { ...item, dueAt: 0, meetingNumber: 0 };
  if (await deps.marks.wasSent(once)) return 'done';
  await deps.prompts.askCheckpoint(s.programme, s.pair, s.recipientId);
  await deps.marks.markSent(once, now);
  return 'done';
}

async function evaluation(deps: DueHandlerDeps, item: DueItem, now: number): Promise<'done'> {
  const s = await subject(deps, item);
  if (!s || !(await stillTheEnd(deps, item, now))) return 'done';
  if (await deps.evaluations.find(item.programmeId, s.pair.id, s.recipientId)) return 'done';
  const once = { ...item, dueAt: 0, meetingNumber: 0 };
  if (await deps.marks.wasSent(once)) return 'done';
  await deps.prompts.askEvaluation(s.programme, s.pair, s.recipientId);
  await deps.marks.markSent(once, now);
  return 'done';
}

/**
 * Whether the agreement in force still ends where this item was planned: the
 * last agreed meeting is still booked and still the last, or the agreed end
 * date has come. A pair that continued at the checkpoint has new terms, and
 * their own plan.
 */
async function stillTheEnd(deps: DueHandlerDeps, item: DueItem, now: number): Promise<boolean> {
  if (!item.pairId) return false;
  const terms = (await deps.agreements.find(item.pairId))?.value.inForce?.terms;
  if (!terms) return false;
  if (terms.duration.kind === 'until') {
    return item.meetingNumber === undefined && now >= Date.parse(`${terms.duration.endDate}T00:00:00Z`) - DAY;
  }
  const meeting = await plannedMeeting(deps, item);
  if (!meeting) return false;
  const booked = (await deps.meetings.list(item.programmeId, item.pairId))
    .map((m) => m.value)
    .filter((m) => m.status === 'booked')
    .sort((a, b) => a.start - b.start);
  return booked.findIndex((m) => m.number === meeting.number) + 1 === terms.duration.meetings;
}

async function digest(deps: DueHandlerDeps, item: DueItem, now: number): Promise<'done'> {
  const { value: programme } = await deps.programmes.get(item.tenantId, item.programmeId);
  if (item.recipientId) {
    if (programme.owners.includes(item.recipientId))
      await deps.digests.sendDigest(programme, item.recipientId);
    return 'done';
  }
  // The programme's weekly item fans out into one item per supervisor, and plans next week's.
  await deps.due.schedule([
    ...programme.owners.map((recipientId) => ({ ...item, recipientId, dueAt: item.dueAt })),
    digestItem(programme, Math.max(now, item.dueAt) + 60_000),
  ]);
  return 'done';
}
