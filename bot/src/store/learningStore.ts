/** Learnings in Azure Tables: PK programmeId, RK learningId — a programme's feed is one partition. */
import type { TableClient } from '@azure/data-tables';
import type { Learning } from '../domain/rhythm/learning';
import type { Versioned } from '../services/programmes/ports';
import { type EntityData, type Stored, TableRepository } from './tableRepository';

interface LearningEntity extends EntityData {
  tenantId: string;
  pairId: string;
  text: string;
  proposedBy: string;
  proposedAt: string;
  /** JSON: member id → approved at. */
  approvals: string;
  status: string;
  sharedToChannelAt: string | undefined;
}

export class TableLearningStore {
  private readonly repo: TableRepository<LearningEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<LearningEntity>(client, 'Learning');
  }

  async get(programmeId: string, id: string): Promise<Versioned<Learning> | undefined> {
    const row = await this.repo.find(programmeId, id);
    return row ? fromStored(row) : undefined;
  }

  /** ConflictError when the id exists (a repeated proposal with the same id is the same learning). */
  async create(l: Learning): Promise<Versioned<Learning>> {
    return { value: l, etag: await this.repo.insert(l.programmeId, l.id, toEntity(l)) };
  }

  async replace(l: Learning, etag: string): Promise<Versioned<Learning>> {
    return { value: l, etag: await this.repo.replace(l.programmeId, l.id, toEntity(l), etag) };
  }

  async listProgrammePage(
    programmeId: string,
    continuationToken?: string,
  ): Promise<{ items: Versioned<Learning>[]; continuationToken?: string }> {
    const page = await this.repo.listPage(programmeId, continuationToken ? { continuationToken } : {});
    return {
      items: page.items.map(fromStored),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }
}

function toEntity(l: Learning): LearningEntity {
  return {
    tenantId: l.tenantId,
    pairId: l.pairId,
    text: l.text,
    proposedBy: l.proposedBy,
    proposedAt: l.proposedAt,
    approvals: JSON.stringify(l.approvals),
    status: l.status,
    sharedToChannelAt: l.sharedToChannelAt,
  };
}

function fromStored(s: Stored<LearningEntity>): Versioned<Learning> {
  const e = s.data;
  return {
    etag: s.etag,
    value: {
      id: s.rowKey,
      programmeId: s.partitionKey,
      tenantId: e.tenantId,
      pairId: e.pairId,
      text: e.text,
      proposedBy: e.proposedBy,
      proposedAt: e.proposedAt,
      approvals: JSON.parse(e.approvals) as Learning['approvals'],
      status: e.status as Learning['status'],
      ...(e.sharedToChannelAt ? { sharedToChannelAt: e.sharedToChannelAt } : {}),
    },
  };
}
