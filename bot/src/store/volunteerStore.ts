/** Volunteers in Azure Tables (table "participants"): PK programmeId, RK userId — one partition read lists a programme's volunteers. */
import type { TableClient } from '@azure/data-tables';
import type { Volunteer } from '../domain/programme/volunteer';
import type { Versioned, VolunteerRepository } from '../services/programmes/ports';
import { type EntityData, type Stored, TableRepository } from './tableRepository';

interface VolunteerEntity extends EntityData {
  name: string;
  email?: string | undefined;
  role: string;
  offers: string;
  wants: string;
  unit: string;
  languages: string;
  capacity: number;
  note: string;
  status: string;
  pairIds: string | undefined;
  signedUpAt: string;
  updatedAt: string;
}

export class TableVolunteerStore implements VolunteerRepository {
  private readonly repo: TableRepository<VolunteerEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<VolunteerEntity>(client, 'Volunteer');
  }

  async find(programmeId: string, userId: string): Promise<Versioned<Volunteer> | undefined> {
    const s = await this.repo.find(programmeId, userId);
    return s ? fromStored(s) : undefined;
  }

  async create(v: Volunteer): Promise<Versioned<Volunteer>> {
    return { value: v, etag: await this.repo.insert(v.programmeId, v.userId, toEntity(v)) };
  }

  async replace(v: Volunteer, etag: string): Promise<Versioned<Volunteer>> {
    return { value: v, etag: await this.repo.replace(v.programmeId, v.userId, toEntity(v), etag) };
  }

  /** Marks several volunteers at once, each only if unchanged: all or none. Returns the new ETags in order. */
  async replaceAll(items: readonly { value: Volunteer; etag: string }[]): Promise<string[]> {
    const programmeId = items[0]?.value.programmeId;
    if (!programmeId) return [];
    return this.repo.replaceAll(
      programmeId,
      items.map((i) => ({ rowKey: i.value.userId, data: toEntity(i.value), etag: i.etag })),
    );
  }

  async list(programmeId: string): Promise<Versioned<Volunteer>[]> {
    const out: Versioned<Volunteer>[] = [];
    for await (const s of this.repo.listAll(programmeId)) out.push(fromStored(s));
    return out;
  }

  /** One page of a programme's volunteers as the dashboard counts them: who, as what, and whether still in. */
  async listDashboardPage(
    programmeId: string,
    continuationToken?: string,
  ): Promise<{ items: Pick<Volunteer, 'userId' | 'role' | 'status'>[]; continuationToken?: string }> {
    const page = await this.repo.listPageSelected(
      programmeId,
      ['role', 'status'],
      continuationToken ? { continuationToken } : {},
    );
    return {
      items: page.items.map((r) => ({
        userId: r.rowKey,
        role: r.data.role as Volunteer['role'],
        status: r.data.status as Volunteer['status'],
      })),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }

  async roles(programmeId: string): Promise<Pick<Volunteer, 'role' | 'status'>[]> {
    const out: Pick<Volunteer, 'role' | 'status'>[] = [];
    for await (const e of this.repo.listProperties(programmeId, ['role', 'status'])) {
      out.push({ role: e.role as Volunteer['role'], status: e.status as Volunteer['status'] });
    }
    return out;
  }
}

function toEntity(v: Volunteer): VolunteerEntity {
  return {
    name: v.name,
    email: v.email,
    role: v.role,
    offers: JSON.stringify(v.offers),
    wants: JSON.stringify(v.wants),
    unit: v.unit,
    languages: JSON.stringify(v.languages),
    capacity: v.capacity,
    note: v.note,
    status: v.status,
    pairIds: JSON.stringify(v.pairIds),
    signedUpAt: v.signedUpAt,
    updatedAt: v.updatedAt,
  };
}

function fromStored(s: Stored<VolunteerEntity>): Versioned<Volunteer> {
  const e = s.data;
  return {
    etag: s.etag,
    value: {
      programmeId: s.partitionKey,
      userId: s.rowKey,
      name: e.name,
      ...(e.email ? { email: e.email } : {}),
      role: e.role as Volunteer['role'],
      offers: JSON.parse(e.offers) as string[],
      wants: JSON.parse(e.wants) as string[],
      unit: e.unit,
      languages: JSON.parse(e.languages) as Volunteer['languages'],
      capacity: e.capacity,
      note: e.note ?? '',
      status: e.status as Volunteer['status'],
      pairIds: e.pairIds ? (JSON.parse(e.pairIds) as string[]) : [],
      signedUpAt: e.signedUpAt,
      updatedAt: e.updatedAt,
    },
  };
}
