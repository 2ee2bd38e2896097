/** Programmes in Azure Tables: PK tenantId, RK programmeId. Lists and nested settings are JSON columns. */
import type { TableClient } from '@azure/data-tables';
import type { Programme } from '../domain/programme/programme';
import type { ProgrammeRepository, Versioned } from '../services/programmes/ports';
import { type EntityData, type Stored, TableRepository } from './tableRepository';

interface ProgrammeEntity extends EntityData {
  name: string;
  description: string;
  form: string;
  mode: string;
  aims: string;
  competenceAreas: string;
  defaults: string;
  signUpDeadline: string | undefined;
  timeZone: string;
  language: string;
  owners: string;
  coordinators: string;
  channel: string | undefined;
  announcement: string | undefined;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | undefined;
}

export class TableProgrammeStore implements ProgrammeRepository {
  private readonly repo: TableRepository<ProgrammeEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<ProgrammeEntity>(client, 'Programme');
  }

  async create(p: Programme): Promise<Versioned<Programme>> {
    const etag = await this.repo.insert(p.tenantId, p.id, toEntity(p));
    return { value: p, etag };
  }

  async get(tenantId: string, programmeId: string): Promise<Versioned<Programme>> {
    return fromStored(await this.repo.get(tenantId, programmeId));
  }

  async replace(p: Programme, etag: string): Promise<Versioned<Programme>> {
    const next = await this.repo.replace(p.tenantId, p.id, toEntity(p), etag);
    return { value: p, etag: next };
  }
}

function toEntity(p: Programme): ProgrammeEntity {
  return {
    name: p.name,
    description: p.description,
    form: p.form,
    mode: JSON.stringify(p.mode),
    aims: JSON.stringify(p.aims),
    competenceAreas: JSON.stringify(p.competenceAreas),
    defaults: JSON.stringify(p.defaults),
    signUpDeadline: p.signUpDeadline,
    timeZone: p.timeZone,
    language: p.language,
    owners: JSON.stringify(p.owners),
    coordinators: JSON.stringify(p.coordinators),
    channel: p.channel ? JSON.stringify(p.channel) : undefined,
    announcement: p.announcement ? JSON.stringify(p.announcement) : undefined,
    createdBy: p.createdBy,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    closedAt: p.closedAt,
  };
}

function fromStored(s: Stored<ProgrammeEntity>): Versioned<Programme> {
  const e = s.data;
  return {
    etag: s.etag,
    value: {
      id: s.rowKey,
      tenantId: s.partitionKey,
      name: e.name,
      description: e.description ?? '',
      form: e.form as Programme['form'],
      mode: JSON.parse(e.mode) as Programme['mode'],
      aims: JSON.parse(e.aims) as Programme['aims'],
      competenceAreas: JSON.parse(e.competenceAreas) as Programme['competenceAreas'],
      defaults: JSON.parse(e.defaults) as Programme['defaults'],
      signUpDeadline: e.signUpDeadline || undefined,
      timeZone: e.timeZone,
      language: (e.language ?? 'fi') as Programme['language'],
      owners: JSON.parse(e.owners) as string[],
      coordinators: JSON.parse(e.coordinators) as string[],
      channel: e.channel ? (JSON.parse(e.channel) as Programme['channel']) : undefined,
      announcement: e.announcement ? (JSON.parse(e.announcement) as Programme['announcement']) : undefined,
      createdBy: e.createdBy,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      ...(e.closedAt ? { closedAt: e.closedAt } : {}),
    },
  };
}
