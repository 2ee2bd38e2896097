/**
 * Keeps the due items in step with the calendar: a booked meeting plans its
 * nudges, check-ins and prompts; a moved one drops the old plan and makes a
 * new one; a cancelled one drops its plan. Whatever is missed here (a crash
 * between the booking and this) is caught when an item falls due: handlers
 * look at the meeting as it is then.
 */
import type { Agreement } from '../../domain/agreement/agreementTypes';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { DueItem } from '../../domain/rhythm/dueItem';
import { nextDigestTime, planMeeting } from '../../domain/rhythm/planMeeting';
import type { AgreementRepository } from '../agreements/agreementPorts';
import type { MeetingRepository, MeetingScheduleListener } from '../meetings/meetingPorts';
import type { PairRepository, ProgrammeRepository } from '../programmes/ports';

export interface DueScheduling {
  schedule(items: readonly DueItem[]): Promise<void>;
  unschedule(items: readonly DueItem[]): Promise<void>;
}

export interface RhythmPlannerDeps {
  readonly due: DueScheduling;
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly pairs: Pick<PairRepository, 'get'>;
  readonly meetings: Pick<MeetingRepository, 'list'>;
  readonly agreements: Pick<AgreementRepository, 'find'>;
  readonly now: () => Date;
}

interface PlanningRead {
  readonly programme: Programme;
  readonly pair: Pair | undefined;
  readonly agreement: Agreement | undefined;
  readonly meetings: readonly Meeting[];
}

const RECONCILE_AFTER_MS = 10 * 60_000;
const REFRESH_EVERY_MS = 10_000;

export class RhythmPlanner implements MeetingScheduleListener {
  constructor(private readonly deps: RhythmPlannerDeps) {}

  async meetingBooked(meeting: Meeting): Promise<void> {
    const read = await this.read(meeting);
    await this.deps.due.schedule(this.plan(meeting, read));
  }

  /** The old plan and the new come from one read of the programme, pair, agreement and meetings. */
  async meetingMoved(meeting: Meeting, previous: Meeting): Promise<void> {
    const read = await this.read(meeting);
    const next = this.plan(meeting, read);
    const keep = new Set(next.map(itemId));
    await this.deps.due.unschedule(this.plan(previous, read).filter((i) => !keep.has(itemId(i))));
    await this.deps.due.schedule(next);
  }

  async meetingCancelled(meeting: Meeting): Promise<void> {
    const read = await this.read(meeting);
    await this.deps.due.unschedule(this.plan({ ...meeting, status: 'booked' }, read));
  }

  async meetingFailed(meeting: Meeting): Promise<void> {
    await this.planReconcile(meeting);
  }

  /** A crash between the record and Graph's answer leaves a 'booking' record: the same look, ten minutes on. */
  async bookingStarted(meeting: Meeting): Promise<void> {
    await this.planReconcile(meeting);
  }

  private async planReconcile(meeting: Meeting): Promise<void> {
    await this.deps.due.schedule([
      {
        kind: 'meeting.reconcile',
        tenantId: meeting.tenantId,
        programmeId: meeting.programmeId,
        pairId: meeting.pairId,
        meetingNumber: meeting.number,
        // A booked meeting here is one whose move or cancel failed: reconciling then checks its event
        // against the record (reconcileMeeting.ts); without it, only an unsettled booking is looked at.
        ...(meeting.status === 'booked' ? { meetingStart: meeting.start } : {}),
        // Long enough for Graph to have recovered from whatever failed the create.
        dueAt: this.deps.now().getTime() + RECONCILE_AFTER_MS,
      },
    ]);
  }

  /**
   * A refresh of the announcement's counts, at the next ten-second mark:
   * every sign-up in those ten seconds names the same item, so a burst
   * becomes one refresh.
   */
  async planAnnouncementRefresh(programme: Pick<Programme, 'id' | 'tenantId'>): Promise<void> {
    const now = this.deps.now().getTime();
    await this.deps.due.schedule([
      {
        kind: 'announcement.refresh',
        tenantId: programme.tenantId,
        programmeId: programme.id,
        dueAt: Math.ceil((now + 1) / REFRESH_EVERY_MS) * REFRESH_EVERY_MS,
      },
    ]);
  }

  /** The programme's weekly digest: planned when it gets its first pair, then each digest plans the next. */
  async planDigest(programme: Pick<Programme, 'id' | 'tenantId' | 'timeZone'>): Promise<void> {
    await this.deps.due.schedule([digestItem(programme, this.deps.now().getTime())]);
  }

  /** What planning a meeting of this pair needs, read side by side. */
  private async read(meeting: Meeting): Promise<PlanningRead> {
    const [{ value: programme }, pair, agreement, meetings] = await Promise.all([
      this.deps.programmes.get(meeting.tenantId, meeting.programmeId),
      this.deps.pairs.get(meeting.programmeId, meeting.pairId),
      this.deps.agreements.find(meeting.pairId),
      this.deps.meetings.list(meeting.programmeId, meeting.pairId),
    ]);
    return { programme, pair, agreement: agreement?.value, meetings: meetings.map((m) => m.value) };
  }

  private plan(meeting: Meeting, { programme, pair, agreement, meetings }: PlanningRead): DueItem[] {
    if (!pair) return [];
    const booked = meetings
      .map((m) => (m.number === meeting.number ? meeting : m))
      .filter((m) => m.status === 'booked')
      .sort((a, b) => a.start - b.start);
    const ordinal = booked.findIndex((m) => m.number === meeting.number) + 1;
    return planMeeting(meeting, {
      programme: {
        id: programme.id,
        tenantId: programme.tenantId,
        timeZone: programme.timeZone,
        nudgeLeadHours: programme.defaults.nudgeLeadHours,
        firstPhaseMeetings: programme.defaults.firstPhaseMeetings,
        nudgeAktori: programme.defaults.nudgeAktori,
      },
      pair,
      terms: termsInForce(agreement),
      ordinal: ordinal > 0 ? ordinal : booked.length + 1,
    });
  }
}

export function digestItem(programme: Pick<Programme, 'id' | 'tenantId' | 'timeZone'>, now: number): DueItem {
  return {
    kind: 'digest',
    tenantId: programme.tenantId,
    programmeId: programme.id,
    dueAt: nextDigestTime(now, programme.timeZone),
  };
}

function termsInForce(agreement: Agreement | undefined) {
  const terms = agreement?.inForce?.terms;
  return terms ? { checkpoint: terms.checkpoint, duration: terms.duration } : undefined;
}

function itemId(i: DueItem): string {
  return `${i.kind}|${i.dueAt}|${i.recipientId ?? ''}|${i.meetingNumber ?? ''}`;
}
