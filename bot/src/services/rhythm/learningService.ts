/**
 * Learnings a pair offers its unit. A member proposes; it is shared only
 * when every member has approved the same text, and one "no" withdraws it.
 * Approved learnings make the programme's feed, and a supervisor may post
 * one to the programme's channel (once).
 */
import { createHash } from 'node:crypto';
import { ChangedError, ConflictError, PolkuError } from '../../domain/errors';
import { memberIds, type Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import { LEARNING_MAX_LENGTH, type Learning } from '../../domain/rhythm/learning';
import {
  approveLearning,
  declineLearning,
  type LearningJudgement,
} from '../../domain/rhythm/learningDecisions';
import { text } from '../../domain/validate';
import type { Actor } from '../actor';
import { readAllPages } from '../dashboard/dashboardPorts';
import type { ProgrammeRepository, Versioned } from '../programmes/ports';
import type { ProgrammeService } from '../programmes/programmeService';
import { memberPair, programmeOfMyPair } from './pairMembers';
import type {
  LearningRepository,
  MembershipLookup,
  RhythmNotices,
  RhythmPairRepository,
} from './rhythmServicePorts';

export interface LearningServiceDeps {
  readonly pairs: Pick<RhythmPairRepository, 'get'>;
  readonly programmes: ProgrammeRepository;
  readonly managers: Pick<ProgrammeService, 'getManaged'>;
  readonly memberships: MembershipLookup;
  readonly learnings: LearningRepository;
  readonly notices: RhythmNotices;
  readonly now: () => Date;
  /** A message failed after the learning was stored: logged, never undone. */
  readonly onNotifyError: (err: unknown, what: string) => void;
}

export interface LearningAnswer {
  /** changed: stored now; unchanged: a repeat, or the learning was already approved or withdrawn. */
  readonly result: 'changed' | 'unchanged';
  readonly learning: Learning;
  readonly programme: Programme;
  readonly pair: Pair;
}

const MAX_ATTEMPTS = 3;

export class LearningService {
  constructor(private readonly deps: LearningServiceDeps) {}

  /**
   * Proposes a learning for the pair and asks the partners to approve it.
   * Its id comes from the pair, the proposer and the text, so a repeated
   * message or request names the same learning and asks nobody twice.
   */
  async propose(
    actor: Actor,
    programmeId: string,
    pairId: string,
    rawText: unknown,
  ): Promise<{ result: 'proposed' | 'repeat'; learning: Learning; pair: Pair }> {
    const { programme, pair } = await memberPair(this.deps, actor, programmeId, pairId);
    const body = text(rawText, 'learning', { max: LEARNING_MAX_LENGTH, required: true, multiline: true });
    const now = this.deps.now().toISOString();
    const fresh: Learning = {
      id: learningId(pairId, actor.userId, body),
      programmeId,
      tenantId: actor.tenantId,
      pairId,
      text: body,
      proposedBy: actor.userId,
      proposedAt: now,
      approvals: { [actor.userId]: now },
      status: 'proposed',
    };
    let learning: Learning;
    try {
      learning = (await this.deps.learnings.create(fresh)).value;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const existing = await this.deps.learnings.get(programmeId, fresh.id);
      if (!existing) throw err;
      // The same text again after it was declined is a new proposal; otherwise it is the one already made.
      if (existing.value.status !== 'withdrawn') return { result: 'repeat', learning: existing.value, pair };
      learning = (await this.deps.learnings.replace(fresh, existing.etag)).value;
    }
    await this.tell(
      memberIds(pair).filter((id) => id !== actor.userId),
      'learning approval',
      (userId) => this.deps.notices.learningToApprove(programme, pair, learning, userId),
    );
    return { result: 'proposed', learning, pair };
  }

  async approve(actor: Actor, programmeId: string, learningId: string): Promise<LearningAnswer> {
    const answer = await this.answer(actor, programmeId, learningId, (l, members) =>
      approveLearning(l, members, actor.userId, this.deps.now()),
    );
    if (answer.result === 'changed' && answer.learning.status === 'approved') {
      const { programme, pair, learning } = answer;
      await this.tell(
        memberIds(pair).filter((id) => id !== actor.userId),
        'learning shared',
        (userId) => this.deps.notices.learningShared(programme, pair, learning, userId),
      );
    }
    return answer;
  }

  async decline(actor: Actor, programmeId: string, learningId: string): Promise<LearningAnswer> {
    const answer = await this.answer(actor, programmeId, learningId, (l) => declineLearning(l));
    const { programme, pair, learning } = answer;
    if (answer.result === 'changed' && learning.proposedBy !== actor.userId) {
      await this.tell([learning.proposedBy], 'learning withdrawn', (userId) =>
        this.deps.notices.learningWithdrawn(programme, pair, learning, userId),
      );
    }
    return answer;
  }

  /** The programme of one of the person's own pairs (the API names only the pair); refuses anyone else. */
  async programmeOfPair(actor: Actor, pairId: string): Promise<string> {
    return programmeOfMyPair(this.deps.memberships, actor, pairId);
  }

  /** The pair's learnings in every status, newest first: members only. */
  async listForPair(actor: Actor, pairId: string): Promise<Learning[]> {
    const programmeId = await programmeOfMyPair(this.deps.memberships, actor, pairId);
    await memberPair(this.deps, actor, programmeId, pairId);
    return newestFirst((await this.all(programmeId)).filter((l) => l.pairId === pairId));
  }

  /** The programme's feed: approved learnings only, newest first; owners and coordinators only. */
  async listForProgramme(actor: Actor, programmeId: string): Promise<Learning[]> {
    await this.deps.managers.getManaged(actor, programmeId);
    return newestFirst((await this.all(programmeId)).filter((l) => l.status === 'approved'));
  }

  /**
   * Posts an approved learning to the programme's channel, once. The post is
   * claimed with an ETag write before it is sent, so two clicks at once post
   * once; a failed post releases the claim so it can be tried again.
   */
  async share(
    actor: Actor,
    programmeId: string,
    learningId: string,
  ): Promise<{ result: 'posted' | 'already'; learning: Learning }> {
    const programme = (await this.deps.managers.getManaged(actor, programmeId)).value;
    for (let attempt = 1; ; attempt++) {
      const stored = await this.found(programmeId, learningId, actor);
      if (stored.value.status !== 'approved')
        throw new PolkuError('conflict', 'Only an approved learning can be shared', {
          code: 'learning_not_approved',
        });
      if (stored.value.sharedToChannelAt) return { result: 'already', learning: stored.value };
      const claimed: Learning = { ...stored.value, sharedToChannelAt: this.deps.now().toISOString() };
      let etag: string;
      try {
        etag = (await this.deps.learnings.replace(claimed, stored.etag)).etag;
      } catch (err) {
        if (err instanceof ChangedError && attempt < MAX_ATTEMPTS) continue;
        throw err;
      }
      try {
        await this.deps.notices.postLearning(programme, claimed);
      } catch (err) {
        const { sharedToChannelAt: _, ...released } = claimed;
        await this.deps.learnings.replace(released, etag);
        throw err;
      }
      return { result: 'posted', learning: claimed };
    }
  }

  private async answer(
    actor: Actor,
    programmeId: string,
    learningId: string,
    judge: (learning: Learning, members: readonly string[]) => LearningJudgement,
  ): Promise<LearningAnswer> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.found(programmeId, learningId, actor);
      const { programme, pair } = await memberPair(this.deps, actor, programmeId, stored.value.pairId);
      const judged = judge(stored.value, memberIds(pair));
      if (judged.result === 'unchanged')
        return { result: 'unchanged', learning: stored.value, programme, pair };
      try {
        await this.deps.learnings.replace(judged.learning, stored.etag);
      } catch (err) {
        // Another member answered at the same moment: judge this answer again against theirs.
        if (err instanceof ChangedError && attempt < MAX_ATTEMPTS) continue;
        throw err;
      }
      return { result: 'changed', learning: judged.learning, programme, pair };
    }
  }

  private async found(programmeId: string, learningId: string, actor: Actor): Promise<Versioned<Learning>> {
    const stored = await this.deps.learnings.get(programmeId, learningId);
    if (!stored || stored.value.tenantId !== actor.tenantId)
      throw new PolkuError('not_found', 'The learning was not found', { code: 'learning_not_found' });
    return stored;
  }

  private async all(programmeId: string): Promise<Learning[]> {
    const items = await readAllPages((token) => this.deps.learnings.listProgrammePage(programmeId, token));
    return items.map((i) => i.value);
  }

  private async tell(userIds: readonly string[], what: string, send: (userId: string) => Promise<void>) {
    await Promise.all(
      userIds.map((userId) => send(userId).catch((err: unknown) => this.deps.onNotifyError(err, what))),
    );
  }
}

/** Stable for the same pair, proposer and text; safe as a RowKey. */
export function learningId(pairId: string, proposerId: string, body: string): string {
  return `l${createHash('sha256').update(`${pairId}|${proposerId}|${body}`).digest('hex').slice(0, 24)}`;
}

function newestFirst(items: Learning[]): Learning[] {
  return items.sort((a, b) => (a.proposedAt < b.proposedAt ? 1 : a.proposedAt > b.proposedAt ? -1 : 0));
}
