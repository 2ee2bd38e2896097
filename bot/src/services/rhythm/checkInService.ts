/**
 * "Did you meet?" after a meeting. Only the answer is kept, on the meeting's
 * record; it is what counts meetings held. The answer is judged against the
 * meeting as stored now, so a card for a meeting moved or cancelled since
 * counts nothing and says what happened instead.
 */
import { ChangedError, PolkuError } from '../../domain/errors';
import type { CheckInAnswer, Meeting } from '../../domain/meetings/meeting';
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import { judgeCheckIn } from '../../domain/rhythm/checkIn';
import type { Actor } from '../actor';
import type { ProgrammeRepository } from '../programmes/ports';
import { memberPair } from './pairMembers';
import type { CheckInMeetingRepository, RhythmPairRepository } from './rhythmServicePorts';

export interface CheckInServiceDeps {
  readonly pairs: Pick<RhythmPairRepository, 'get'>;
  readonly programmes: ProgrammeRepository;
  readonly meetings: CheckInMeetingRepository;
  readonly now: () => Date;
}

export interface CheckInResult {
  readonly result: 'recorded' | 'repeat' | 'cancelled' | 'moved' | 'not-yet';
  readonly meeting: Meeting;
  readonly programme: Programme;
  readonly pair: Pair;
}

export class CheckInService {
  constructor(private readonly deps: CheckInServiceDeps) {}

  async answer(
    actor: Actor,
    input: {
      readonly programmeId: string;
      readonly pairId: string;
      readonly number: number;
      readonly answer: CheckInAnswer;
      readonly shownStart: number;
    },
  ): Promise<CheckInResult> {
    const { programme, pair } = await memberPair(this.deps, actor, input.programmeId, input.pairId);
    // Two members answering at once both land: a lost race is judged again against what the other wrote.
    for (let attempt = 1; ; attempt++) {
      const stored = await this.deps.meetings.get(programme.id, pair.id, input.number);
      if (!stored)
        throw new PolkuError('not_found', 'The meeting was not found', { code: 'meeting_not_found' });
      const judged = judgeCheckIn(stored.value, {
        userId: actor.userId,
        answer: input.answer,
        shownStart: input.shownStart,
        now: this.deps.now().getTime(),
      });
      if (judged.result !== 'recorded')
        return { result: judged.result, meeting: stored.value, programme, pair };
      const meeting: Meeting = { ...stored.value, checkIns: judged.checkIns };
      try {
        await this.deps.meetings.replace(meeting, stored.etag);
        return { result: 'recorded', meeting, programme, pair };
      } catch (err) {
        if (err instanceof ChangedError && attempt < 2) continue;
        throw err;
      }
    }
  }
}
