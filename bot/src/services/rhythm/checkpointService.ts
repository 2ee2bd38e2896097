/**
 * The checkpoint after the first phase: each member chooses to continue or
 * to conclude. Everyone continuing reopens the agreement for a new phase
 * (through the agreement service's own reopen, so versions and the
 * dashboard stay right) and booking goes on; one "conclude" ends the pair
 * kindly and the evaluation is asked for at once. Nobody is told who chose what.
 */
import { agreementStatus } from '../../domain/agreement/agreementTypes';
import { ChangedError } from '../../domain/errors';
import { memberIds, type Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { CheckpointChoice } from '../../domain/rhythm/checkpoint';
import { judgeCheckpointChoice } from '../../domain/rhythm/checkpointChoice';
import type { Actor } from '../actor';
import type { AgreementService } from '../agreements/agreementService';
import type { ProgrammeRepository } from '../programmes/ports';
import { isMember, notPairMember } from './pairMembers';
import type { RhythmPrompts } from './rhythmPorts';
import type { RhythmNotices, RhythmPairRepository } from './rhythmServicePorts';

export interface CheckpointServiceDeps {
  readonly pairs: RhythmPairRepository;
  readonly programmes: ProgrammeRepository;
  readonly agreements: Pick<AgreementService, 'view' | 'act'>;
  readonly notices: Pick<RhythmNotices, 'checkpointDecided'>;
  readonly prompts: Pick<RhythmPrompts, 'askEvaluation'>;
  readonly now: () => Date;
  /** A follow-up (a message, the reopen) failed after the choice was stored: logged, never undone. */
  readonly onFollowUpError: (err: unknown, what: string) => void;
}

export interface CheckpointResult {
  /** recorded: this choice was stored; repeat: the same choice again; decided: the outcome already stood. */
  readonly result: 'recorded' | 'repeat' | 'decided';
  readonly outcome: 'continued' | 'concluded' | undefined;
  readonly programme: Programme;
  readonly pair: Pair;
}

const MAX_ATTEMPTS = 3;

export class CheckpointService {
  constructor(private readonly deps: CheckpointServiceDeps) {}

  async choose(
    actor: Actor,
    input: { readonly programmeId: string; readonly pairId: string; readonly choice: CheckpointChoice },
  ): Promise<CheckpointResult> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.deps.pairs.findVersioned(input.programmeId, input.pairId);
      const pair = stored?.value;
      if (!stored || !pair || pair.tenantId !== actor.tenantId || !isMember(pair, actor.userId))
        throw notPairMember();
      const programme = (await this.deps.programmes.get(actor.tenantId, input.programmeId)).value;
      if (pair.status === 'concluded' && !pair.checkpoint?.outcome)
        return { result: 'decided', outcome: 'concluded', programme, pair };
      const now = this.deps.now();
      const judged = judgeCheckpointChoice(pair.checkpoint, memberIds(pair), {
        userId: actor.userId,
        choice: input.choice,
        now,
      });
      if (judged.result !== 'recorded')
        return { result: judged.result, outcome: judged.outcome, programme, pair };
      const concluded = judged.outcome === 'concluded';
      try {
        await this.deps.pairs.updateRhythm(
          pair.programmeId,
          pair.id,
          {
            checkpoint: judged.checkpoint,
            ...(concluded ? { status: 'concluded' as const, concludedAt: now.toISOString() } : {}),
          },
          stored.etag,
        );
      } catch (err) {
        // The other member chose at the same moment: judge this choice again against theirs.
        if (err instanceof ChangedError && attempt < MAX_ATTEMPTS) continue;
        throw err;
      }
      const after: Pair = {
        ...pair,
        checkpoint: judged.checkpoint,
        ...(concluded ? { status: 'concluded' as const, concludedAt: now.toISOString() } : {}),
      };
      if (judged.outcome) await this.followUp(actor, programme, after, judged.outcome);
      return { result: 'recorded', outcome: judged.outcome, programme, pair: after };
    }
  }

  /** The person who decided sees the outcome in place of their card; everyone else is told in their chat. */
  private async followUp(
    actor: Actor,
    programme: Programme,
    pair: Pair,
    outcome: 'continued' | 'concluded',
  ): Promise<void> {
    if (outcome === 'continued') await this.reopenAgreement(actor, pair);
    const others = memberIds(pair).filter((id) => id !== actor.userId);
    await Promise.all(
      others.map((userId) =>
        this.deps.notices
          .checkpointDecided(programme, pair, outcome, userId)
          .catch((err: unknown) => this.deps.onFollowUpError(err, 'checkpoint outcome')),
      ),
    );
    if (outcome !== 'concluded') return;
    await Promise.all(
      memberIds(pair).map((userId) =>
        this.deps.prompts
          .askEvaluation(programme, pair, userId)
          .catch((err: unknown) => this.deps.onFollowUpError(err, 'evaluation card')),
      ),
    );
  }

  /** A new phase starts from the agreement in force; one already reopened (or never in force) is left as it is. */
  private async reopenAgreement(actor: Actor, pair: Pair): Promise<void> {
    try {
      const view = await this.deps.agreements.view(actor, pair.id);
      if (agreementStatus(view.agreement) !== 'in-force') return;
      await this.deps.agreements.act(actor, pair.id, { kind: 'reopen', version: view.agreement.version });
    } catch (err) {
      // The choice stands either way; the members can still reopen it themselves from the agreement.
      this.deps.onFollowUpError(err, 'agreement reopen');
    }
  }
}
