/**
 * The final evaluation: each member answers once for their pair.
 * Supervisors see the answers only as counts over at least three of them
 * (summariseEvaluations), so nobody's answer can be singled out.
 */
import { ConflictError } from '../../domain/errors';
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import { type EvaluationSummary, summariseEvaluations } from '../../domain/rhythm/evaluation';
import { parseEvaluation } from '../../domain/rhythm/parseEvaluation';
import type { Actor } from '../actor';
import { readAllPages } from '../dashboard/dashboardPorts';
import type { ProgrammeRepository } from '../programmes/ports';
import type { ProgrammeService } from '../programmes/programmeService';
import { memberPair } from './pairMembers';
import type { EvaluationRepository, RhythmPairRepository } from './rhythmServicePorts';

export interface EvaluationServiceDeps {
  readonly pairs: Pick<RhythmPairRepository, 'get'>;
  readonly programmes: ProgrammeRepository;
  readonly managers: Pick<ProgrammeService, 'getManaged'>;
  readonly evaluations: EvaluationRepository;
  readonly now: () => Date;
}

export interface EvaluationResult {
  /** received: stored now; already: this member had answered before (nothing changed). */
  readonly result: 'received' | 'already';
  readonly programme: Programme;
  readonly pair: Pair;
}

export class EvaluationService {
  constructor(private readonly deps: EvaluationServiceDeps) {}

  /** Members only; ValidationError (nothing stored) for a rating outside 1–5 or an unknown value. */
  async submit(actor: Actor, programmeId: string, pairId: string, raw: unknown): Promise<EvaluationResult> {
    const { programme, pair } = await memberPair(this.deps, actor, programmeId, pairId);
    if (await this.deps.evaluations.find(programmeId, pairId, actor.userId))
      return { result: 'already', programme, pair };
    const answers = parseEvaluation(raw);
    try {
      await this.deps.evaluations.create({
        ...answers,
        programmeId,
        tenantId: actor.tenantId,
        pairId,
        userId: actor.userId,
        role: pair.mentorId === actor.userId ? 'mentor' : 'aktori',
        submittedAt: this.deps.now().toISOString(),
      });
    } catch (err) {
      // A repeated invoke raced the first one: the first answer stands.
      if (err instanceof ConflictError) return { result: 'already', programme, pair };
      throw err;
    }
    return { result: 'received', programme, pair };
  }

  /** The pair and programme as a member sees them (to show the card again). */
  async pairFor(
    actor: Actor,
    programmeId: string,
    pairId: string,
  ): Promise<{ programme: Programme; pair: Pair }> {
    return memberPair(this.deps, actor, programmeId, pairId);
  }

  /** Managers only: how many answered, and the counts only when at least three did. */
  async summary(
    actor: Actor,
    programmeId: string,
  ): Promise<{ answers: number; summary?: EvaluationSummary }> {
    await this.deps.managers.getManaged(actor, programmeId);
    const answers = await readAllPages((token) =>
      this.deps.evaluations.listProgrammePage(programmeId, token),
    );
    const summary = summariseEvaluations(answers);
    return summary ? { answers: answers.length, summary } : { answers: answers.length };
  }
}
