/** Pairs (PK programmeId, RK pairId) and memberships (PK tenantId|userId, RK programmeId|pairId) in Azure Tables. */
import type { TableClient } from '@azure/data-tables';
import type { Pair } from '../domain/programme/pair';
import type { Membership, MembershipRepository, PairRepository } from '../services/programmes/ports';
import { accessPartition } from './accessStore';
import { type EntityData, TableRepository } from './tableRepository';

interface PairEntity extends EntityData {
  tenantId: string;
  form: string;
  mentorId: string;
  aktoriIds: string;
  names: string;
  reasons: string;
  status: string;
  formedBy: string;
  formedAt: string;
}

export class TablePairStore implements PairRepository {
  private readonly repo: TableRepository<PairEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<PairEntity>(client, 'Pair');
  }

  async save(p: Pair): Promise<void> {
    await this.repo.upsert(p.programmeId, p.id, {
      tenantId: p.tenantId,
      form: p.form,
      mentorId: p.mentorId,
      aktoriIds: JSON.stringify(p.aktoriIds),
      names: JSON.stringify(p.names),
      reasons: JSON.stringify(p.reasons),
      status: p.status,
      formedBy: p.formedBy,
      formedAt: p.formedAt,
    });
  }

  async list(programmeId: string): Promise<Pair[]> {
    const out: Pair[] = [];
    for await (const s of this.repo.listAll(programmeId)) {
      const e = s.data;
      out.push({
        id: s.rowKey,
        programmeId,
        tenantId: e.tenantId,
        form: e.form as Pair['form'],
        mentorId: e.mentorId,
        aktoriIds: JSON.parse(e.aktoriIds) as string[],
        names: JSON.parse(e.names) as Record<string, string>,
        reasons: JSON.parse(e.reasons) as Pair['reasons'],
        status: e.status as Pair['status'],
        formedBy: e.formedBy,
        formedAt: e.formedAt,
      });
    }
    return out;
  }
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

  async previousPartners(tenantId: string, userId: string): Promise<string[]> {
    const partners = new Set<string>();
    for await (const s of this.repo.listAll(accessPartition(tenantId, userId))) {
      for (const id of JSON.parse(s.data.partnerIds) as string[]) partners.add(id);
    }
    return [...partners];
  }
}
