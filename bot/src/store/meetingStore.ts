/** A pair's meetings in Azure Tables: PK pairId, RK m0001… — one partition read lists them in order. */
import type { TableClient } from '@azure/data-tables';
import type { Meeting } from '../domain/meetings/meeting';
import type { MeetingRepository } from '../services/meetings/meetingPorts';
import type { Versioned } from '../services/programmes/ports';
import { type EntityData, type Stored, TableRepository } from './tableRepository';

interface MeetingEntity extends EntityData {
  programmeId: string;
  tenantId: string;
  number: number;
  start: string;
  end: string;
  status: string;
  organizerId: string;
  transactionId: string;
  eventId: string | undefined;
  joinUrl: string | undefined;
  bookedBy: string;
  updatedAt: string;
}

const rowKey = (n: number) => `m${String(n).padStart(4, '0')}`;

export class TableMeetingStore implements MeetingRepository {
  private readonly repo: TableRepository<MeetingEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<MeetingEntity>(client, 'Meeting');
  }

  async list(pairId: string): Promise<Versioned<Meeting>[]> {
    const out: Versioned<Meeting>[] = [];
    for await (const s of this.repo.listAll(pairId)) out.push(fromStored(s));
    return out;
  }

  async create(m: Meeting): Promise<Versioned<Meeting>> {
    return { value: m, etag: await this.repo.insert(m.pairId, rowKey(m.number), toEntity(m)) };
  }

  async replace(m: Meeting, etag: string): Promise<Versioned<Meeting>> {
    return { value: m, etag: await this.repo.replace(m.pairId, rowKey(m.number), toEntity(m), etag) };
  }
}

function toEntity(m: Meeting): MeetingEntity {
  return {
    programmeId: m.programmeId,
    tenantId: m.tenantId,
    number: m.number,
    start: new Date(m.start).toISOString(),
    end: new Date(m.end).toISOString(),
    status: m.status,
    organizerId: m.organizerId,
    transactionId: m.transactionId,
    eventId: m.eventId,
    joinUrl: m.joinUrl,
    bookedBy: m.bookedBy,
    updatedAt: m.updatedAt,
  };
}

function fromStored(s: Stored<MeetingEntity>): Versioned<Meeting> {
  const e = s.data;
  return {
    etag: s.etag,
    value: {
      pairId: s.partitionKey,
      programmeId: e.programmeId,
      tenantId: e.tenantId,
      number: e.number,
      start: Date.parse(e.start),
      end: Date.parse(e.end),
      status: e.status as Meeting['status'],
      organizerId: e.organizerId,
      transactionId: e.transactionId,
      ...(e.eventId ? { eventId: e.eventId } : {}),
      ...(e.joinUrl ? { joinUrl: e.joinUrl } : {}),
      bookedBy: e.bookedBy,
      updatedAt: e.updatedAt,
    },
  };
}
