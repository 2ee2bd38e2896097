/**
 * Which programmes a person may see, and as what: one row per person and
 * programme, so "my programmes" is a single partition read. Programme
 * creation and pairing (later) keep it current.
 */
import type { TableClient } from '@azure/data-tables';
import { type EntityData, TableRepository } from './tableRepository';

export type ProgrammeRole = 'owner' | 'coordinator' | 'participant';

export interface ProgrammeAccess {
  readonly programmeId: string;
  readonly name: string;
  readonly role: ProgrammeRole;
}

interface AccessEntity extends EntityData {
  name: string;
  role: string;
}

export function accessPartition(tenantId: string, userId: string): string {
  return `${tenantId}|${userId}`;
}

export class TableAccessStore {
  private readonly repo: TableRepository<AccessEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<AccessEntity>(client, 'Programme access');
  }

  async grant(tenantId: string, userId: string, access: ProgrammeAccess): Promise<void> {
    await this.repo.upsert(accessPartition(tenantId, userId), access.programmeId, {
      name: access.name,
      role: access.role,
    });
  }

  async listForUser(tenantId: string, userId: string): Promise<ProgrammeAccess[]> {
    const items: ProgrammeAccess[] = [];
    for await (const row of this.repo.listAll(accessPartition(tenantId, userId))) {
      items.push({ programmeId: row.rowKey, name: row.data.name, role: row.data.role as ProgrammeRole });
    }
    return items;
  }
}
