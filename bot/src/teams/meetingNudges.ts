/**
 * Sends the nudge before a meeting to one member's 1:1 chat, with the time in
 * that member's own zone (their mailbox's, recorded at booking).
 */
import type { AgreementTerms } from '../domain/agreement/agreementTypes';
import type { Meeting } from '../domain/meetings/meeting';
import type { Pair } from '../domain/programme/pair';
import type { Programme } from '../domain/programme/programme';
import type { NudgeSender } from '../services/rhythm/dueHandlers';
import { meetingNudgeCard } from './cards/meetingNudgeCard';
import type { ProactiveNotifier } from './proactiveNotifier';

export class MeetingNudges implements NudgeSender {
  constructor(private readonly notifier: Pick<ProactiveNotifier, 'sendPersonal'>) {}

  async nudge(
    programme: Programme,
    pair: Pair,
    meeting: Meeting,
    terms: AgreementTerms | undefined,
    recipientId: string,
    role: 'mentor' | 'aktori',
  ): Promise<void> {
    const partnerNames = [pair.mentorId, ...pair.aktoriIds]
      .filter((id) => id !== recipientId)
      .map((id) => pair.names[id] ?? '');
    await this.notifier.sendPersonal(programme, recipientId, (locale) =>
      meetingNudgeCard(
        {
          role,
          meeting,
          programmeName: programme.name,
          partnerNames,
          timeZone: meeting.memberTimes?.[recipientId]?.timeZone ?? programme.timeZone,
          terms,
        },
        locale,
      ),
    );
  }
}
