/** Pairs (PK programmeId, RK pairId) and memberships (PK tenantId|userId, RK programmeId|pairId) in Azure Tables. */
import type { TableClient } from '@azure/data-tables';
import type { DashboardPairInput } from '../domain/dashboard/buildDashboard';
import type { Pair, PairStatus } from '../domain/programme/pair';
import type { Checkpoint } from '../domain/rhythm/checkpoint';
import type { PairStatusWriter } from '../services/agreements/agreementPorts';
import type {
  Membership,
  MembershipRepository,
  PairRepository,
  Versioned,
} from '../services/programmes/ports';
import { accessPartition } from './accessStore';
import { type EntityData, TableRepository } from './tableRepository';

interface PairEntity extends EntityData {
  tenantId: string;
  form: string;
  mentorId: string;
  aktoriIds: string;
  names: string;
  emails?: string;
  reasons: string;
  status: string;
  formedBy: string;
  formedAt: string;
  agreementStatus?: string;
  goals?: string;
  agreementVersion?: number;
  cadenceWeeks?: number;
  meetingMinutes?: number;
  /** JSON Checkpoint: members' choices and the outcome. */
  checkpoint?: string;
  concludedAt?: string;
}

export class TablePairStore implements PairRepository, PairStatusWriter {
  private readonly repo: TableRepository<PairEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<PairEntity>(client, 'Pair');
  }

  async save(p: Pair): Promise<void> {
    // Merge: confirming a pair again must not wipe the agreement fields written since.
    await this.repo.merge(p.programmeId, p.id, {
      tenantId: p.tenantId,
      form: p.form,
      mentorId: p.mentorId,
      aktoriIds: JSON.stringify(p.aktoriIds),
      names: JSON.stringify(p.names),
      emails: JSON.stringify(p.emails ?? {}),
      reasons: JSON.stringify(p.reasons),
      status: p.status,
      formedBy: p.formedBy,
      formedAt: p.formedAt,
    });
  }

  async get(programmeId: string, pairId: string): Promise<Pair | undefined> {
    const row = await this.repo.find(programmeId, pairId);
    return row ? toPair(programmeId, row.rowKey, row.data) : undefined;
  }

  /** The pair with its ETag, for decisions (the checkpoint) that must not overwrite one made meanwhile. */
  async findVersioned(programmeId: string, pairId: string): Promise<Versioned<Pair> | undefined> {
    const row = await this.repo.find(programmeId, pairId);
    return row ? { value: toPair(programmeId, row.rowKey, row.data), etag: row.etag } : undefined;
  }

  /**
   * Writes the checkpoint (and, when the pair concludes, its status and when)
   * only if the row is unchanged since `etag`: ChangedError otherwise. Other
   * fields (the agreement's) are kept as they are.
   */
  async updateRhythm(
    programmeId: string,
    pairId: string,
    update: { readonly checkpoint: Checkpoint; readonly status?: PairStatus; readonly concludedAt?: string },
    etag: string,
  ): Promise<string> {
    return this.repo.mergeIfUnchanged(
      programmeId,
      pairId,
      {
        checkpoint: JSON.stringify(update.checkpoint),
        ...(update.status ? { status: update.status } : {}),
        ...(update.concludedAt ? { concludedAt: update.concludedAt } : {}),
      },
      etag,
    );
  }

  async updateAgreement(
    programmeId: string,
    pairId: string,
    update: {
      status: 'drafting' | 'in-force' | 'reopened';
      goals: readonly string[];
      version: number;
      cadenceWeeks?: number;
      meetingMinutes?: number;
    },
  ): Promise<void> {
    await this.repo.merge(programmeId, pairId, {
      agreementStatus: update.status,
      goals: JSON.stringify(update.goals),
      agreementVersion: update.version,
      ...(update.cadenceWeeks
        ? { cadenceWeeks: update.cadenceWeeks, meetingMinutes: update.meetingMinutes }
        : {}),
    });
  }

  async list(programmeId: string): Promise<Pair[]> {
    const out: Pair[] = [];
    for await (const s of this.repo.listAll(programmeId)) out.push(toPair(programmeId, s.rowKey, s.data));
    return out;
  }

  /** One page of a programme's pairs as the dashboard reads them. */
  async listDashboardPage(
    programmeId: string,
    continuationToken?: string,
  ): Promise<{ items: DashboardPairInput[]; continuationToken?: string }> {
    const page = await this.repo.listPageSelected(
      programmeId,
      DASHBOARD_COLUMNS,
      continuationToken ? { continuationToken } : {},
    );
    return {
      items: page.items.map((r) => toDashboardPair(programmeId, r.rowKey, r.data)),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }
}

function toPair(programmeId: string, id: string, e: PairEntity): Pair {
  return {
    ...toDashboardPair(programmeId, id, e),
    emails: JSON.parse(e.emails ?? '{}') as Record<string, string>,
    reasons: JSON.parse(e.reasons) as Pair['reasons'],
    formedBy: e.formedBy,
  };
}

/** The columns the dashboard reads: all but the matching reasons, mailboxes and who formed the pair. */
const DASHBOARD_COLUMNS = [
  'tenantId',
  'form',
  'mentorId',
  'aktoriIds',
  'names',
  'status',
  'formedAt',
  'agreementStatus',
  'goals',
  'agreementVersion',
  'cadenceWeeks',
  'meetingMinutes',
  'checkpoint',
  'concludedAt',
] as const;

function toDashboardPair(
  programmeId: string,
  id: string,
  e: Pick<PairEntity, (typeof DASHBOARD_COLUMNS)[number]>,
): DashboardPairInput {
  return {
    id,
    programmeId,
    tenantId: e.tenantId,
    form: e.form as Pair['form'],
    mentorId: e.mentorId,
    aktoriIds: JSON.parse(e.aktoriIds) as string[],
    names: JSON.parse(e.names) as Record<string, string>,
    status: e.status as Pair['status'],
    formedAt: e.formedAt,
    ...(e.agreementStatus
      ? {
          agreement: {
            status: e.agreementStatus as NonNullable<Pair['agreement']>['status'],
            goals: JSON.parse(e.goals ?? '[]') as string[],
            version: e.agreementVersion ?? 0,
            ...(e.cadenceWeeks ? { cadenceWeeks: e.cadenceWeeks, meetingMinutes: e.meetingMinutes } : {}),
          },
        }
      : {}),
    ...(e.checkpoint ? { checkpoint: JSON.parse(e.checkpoint) as NonNullable<Pair['checkpoint']> } : {}),
    ...(e.concludedAt ? { concludedAt: e.concludedAt } : {}),
  };
}

interface MembershipEntity extends EntityData {
  programmeId: string;
  pairId: string;
  role: string;
  partnerIds: string;
  programmeName: string;
}

export class TableMembershipStore implements MembershipRepository {
  private readonly repo: TableRepository<MembershipEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<MembershipEntity>(client, 'Membership');
  }

  async add(tenantId: string, userId: string, m: Membership): Promise<void> {
    await this.repo.upsert(accessPartition(tenantId, userId), `${m.programmeId}|${m.pairId}`, {
      programmeId: m.programmeId,
      pairId: m.pairId,
      role: m.role,
      partnerIds: JSON.stringify(m.partnerIds),
      programmeName: m.programmeName,
    });
  }

  async list(tenantId: string, userId: string): Promise<Membership[]> {
    const out: Membership[] = [];
    for await (const s of this.repo.listAll(accessPartition(tenantId, userId))) {
      out.push({
        programmeId: s.data.programmeId,
        pairId: s.data.pairId,
        role: s.data.role as Membership['role'],
        partnerIds: JSON.parse(s.data.partnerIds) as string[],
        programmeName: s.data.programmeName,
      });
    }
    return out;
  }

  async previousPartners(tenantId: string, userId: string): Promise<string[]> {
    const partners = new Set<string>();
    for await (const s of this.repo.listAll(accessPartition(tenantId, userId))) {
      for (const id of JSON.parse(s.data.partnerIds) as string[]) partners.add(id);
    }
    return [...partners];
  }
}
