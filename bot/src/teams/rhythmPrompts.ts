/**
 * The rhythm's cards sent to a person's 1:1 chat: the scheduler's prompts
 * (check-in, checkpoint, evaluation) and what the checkpoint and learning
 * answers tell the others. Each call is for one recipient; sending goes
 * through the proactive notifier, which keeps to Teams' limits.
 */
import type { Meeting } from '../domain/meetings/meeting';
import type { Pair } from '../domain/programme/pair';
import type { Programme } from '../domain/programme/programme';
import type { Learning } from '../domain/rhythm/learning';
import type { RhythmPrompts } from '../services/rhythm/rhythmPorts';
import type { RhythmNotices } from '../services/rhythm/rhythmServicePorts';
import { checkInCard } from './cards/checkInCard';
import { checkpointCard, checkpointOutcomeCard } from './cards/checkpointCard';
import { evaluationCard } from './cards/evaluationCard';
import { learningApprovalCard, learningChannelCard, learningStateCard } from './cards/learningCards';
import type { ProactiveNotifier } from './proactiveNotifier';

export class TeamsRhythmPrompts implements RhythmPrompts, RhythmNotices {
  constructor(private readonly notifier: Pick<ProactiveNotifier, 'sendPersonal' | 'postToChannel'>) {}

  async askCheckIn(programme: Programme, pair: Pair, meeting: Meeting, userId: string): Promise<void> {
    // The time as the person lives it: their mailbox's zone when the meeting was booked.
    const timeZone = meeting.memberTimes?.[userId]?.timeZone ?? programme.timeZone;
    await this.notifier.sendPersonal(programme, userId, (locale) =>
      checkInCard({ programme, pair, meeting, timeZone }, locale),
    );
  }

  async askCheckpoint(programme: Programme, pair: Pair, userId: string): Promise<void> {
    await this.notifier.sendPersonal(programme, userId, (locale) => checkpointCard(programme, pair, locale));
  }

  async askEvaluation(programme: Programme, pair: Pair, userId: string): Promise<void> {
    await this.notifier.sendPersonal(programme, userId, (locale) => evaluationCard(programme, pair, locale));
  }

  async checkpointDecided(
    programme: Programme,
    pair: Pair,
    outcome: 'continued' | 'concluded',
    userId: string,
  ): Promise<void> {
    await this.notifier.sendPersonal(programme, userId, (locale) =>
      checkpointOutcomeCard(programme, pair, outcome, locale),
    );
  }

  async learningToApprove(
    programme: Programme,
    pair: Pair,
    learning: Learning,
    userId: string,
  ): Promise<void> {
    await this.notifier.sendPersonal(programme, userId, (locale) =>
      learningApprovalCard(programme, pair, learning, locale),
    );
  }

  async learningShared(programme: Programme, _pair: Pair, learning: Learning, userId: string): Promise<void> {
    await this.notifier.sendPersonal(programme, userId, (locale) =>
      learningStateCard(learning, 'shared', locale),
    );
  }

  async learningWithdrawn(
    programme: Programme,
    _pair: Pair,
    learning: Learning,
    userId: string,
  ): Promise<void> {
    await this.notifier.sendPersonal(programme, userId, (locale) =>
      learningStateCard(learning, 'withdrawn', locale),
    );
  }

  async postLearning(programme: Programme, learning: Learning): Promise<void> {
    await this.notifier.postToChannel(programme, (locale) =>
      learningChannelCard(programme, learning, locale),
    );
  }
}
