/** Evaluation answers in Azure Tables: PK programmeId, RK pairId|userId — one answer per member and pair. */
import type { TableClient } from '@azure/data-tables';
import type { Evaluation } from '../domain/rhythm/evaluation';
import { type EntityData, type Stored, TableRepository } from './tableRepository';

interface EvaluationEntity extends EntityData {
  tenantId: string;
  pairId: string;
  userId: string;
  role: string;
  competence: number;
  dialogue: number;
  goalsReached: string;
  wouldRecommend: boolean;
  /** JSON array of share channels. */
  shareVia: string;
  submittedAt: string;
}

export class TableEvaluationStore {
  private readonly repo: TableRepository<EvaluationEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<EvaluationEntity>(client, 'Evaluation');
  }

  async find(programmeId: string, pairId: string, userId: string): Promise<Evaluation | undefined> {
    const row = await this.repo.find(programmeId, `${pairId}|${userId}`);
    return row ? fromStored(row) : undefined;
  }

  /** ConflictError when this member already answered for this pair: an evaluation is given once. */
  async create(e: Evaluation): Promise<void> {
    await this.repo.insert(e.programmeId, `${e.pairId}|${e.userId}`, toEntity(e));
  }

  async listProgrammePage(
    programmeId: string,
    continuationToken?: string,
  ): Promise<{ items: Evaluation[]; continuationToken?: string }> {
    const page = await this.repo.listPage(programmeId, continuationToken ? { continuationToken } : {});
    return {
      items: page.items.map(fromStored),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }
}

function toEntity(e: Evaluation): EvaluationEntity {
  return {
    tenantId: e.tenantId,
    pairId: e.pairId,
    userId: e.userId,
    role: e.role,
    competence: e.competence,
    dialogue: e.dialogue,
    goalsReached: e.goalsReached,
    wouldRecommend: e.wouldRecommend,
    shareVia: JSON.stringify(e.shareVia),
    submittedAt: e.submittedAt,
  };
}

function fromStored(s: Stored<EvaluationEntity>): Evaluation {
  const e = s.data;
  return {
    programmeId: s.partitionKey,
    tenantId: e.tenantId,
    pairId: e.pairId,
    userId: e.userId,
    role: e.role as Evaluation['role'],
    competence: e.competence as Evaluation['competence'],
    dialogue: e.dialogue as Evaluation['dialogue'],
    goalsReached: e.goalsReached as Evaluation['goalsReached'],
    wouldRecommend: e.wouldRecommend,
    shareVia: JSON.parse(e.shareVia) as Evaluation['shareVia'],
    submittedAt: e.submittedAt,
  };
}
