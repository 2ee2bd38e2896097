/**
 * Meetings in Azure Tables: PK programmeId, RK pairId|m0001. A pair's meetings
 * are one RowKey range; a programme's meetings are one partition, so the
 * dashboard reads them page by page instead of once per pair.
 */
import type { TableClient } from '@azure/data-tables';
import type { DashboardMeetingInput } from '../domain/dashboard/buildDashboard';
import type { Meeting } from '../domain/meetings/meeting';
import type { MeetingRepository } from '../services/meetings/meetingPorts';
import type { Versioned } from '../services/programmes/ports';
import { type EntityData, type Stored, TableRepository } from './tableRepository';

interface MeetingEntity extends EntityData {
  pairId: string;
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
  /** JSON: each member's answer to "did you meet?". */
  checkIns: string | undefined;
  /** JSON: each member's time zone and working hours as their mailbox reported them at booking. */
  memberTimes: string | undefined;
  cancelledAt: string | undefined;
}

const rowKey = (pairId: string, n: number) => `${pairId}|m${String(n).padStart(4, '0')}`;

export class TableMeetingStore implements MeetingRepository {
  private readonly repo: TableRepository<MeetingEntity>;

  constructor(client: TableClient) {
    this.repo = new TableRepository<MeetingEntity>(client, 'Meeting');
  }

  async list(programmeId: string, pairId: string): Promise<Versioned<Meeting>[]> {
    const out: Versioned<Meeting>[] = [];
    // '|' sorts before '}', so [pairId|, pairId}) is exactly this pair's rows.
    for await (const s of this.repo.listRange(programmeId, `${pairId}|`, `${pairId}}`))
      out.push(fromStored(s));
    return out;
  }

  async get(programmeId: string, pairId: string, number: number): Promise<Versioned<Meeting> | undefined> {
    const found = await this.repo.find(programmeId, rowKey(pairId, number));
    return found ? fromStored(found) : undefined;
  }

  /** One page of a programme's meetings (every pair), in pair then number order. */
  async listProgrammePage(
    programmeId: string,
    continuationToken?: string,
  ): Promise<{ items: Versioned<Meeting>[]; continuationToken?: string }> {
    const page = await this.repo.listPage(programmeId, continuationToken ? { continuationToken } : {});
    return {
      items: page.items.map(fromStored),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }

  /** One page of a programme's meetings with only what the dashboard shows (no calendar ids, links or hours). */
  async listProgrammeDashboardPage(
    programmeId: string,
    continuationToken?: string,
  ): Promise<{ items: DashboardMeetingInput[]; continuationToken?: string }> {
    const page = await this.repo.listPageSelected(
      programmeId,
      ['pairId', 'number', 'start', 'end', 'status', 'checkIns', 'updatedAt'],
      continuationToken ? { continuationToken } : {},
    );
    return {
      items: page.items.map(({ data: e }) => ({
        pairId: e.pairId,
        number: e.number,
        start: Date.parse(e.start),
        end: Date.parse(e.end),
        status: e.status as Meeting['status'],
        updatedAt: e.updatedAt,
        ...(e.checkIns ? { checkIns: JSON.parse(e.checkIns) as Meeting['checkIns'] } : {}),
      })),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }

  async create(m: Meeting): Promise<Versioned<Meeting>> {
    return { value: m, etag: await this.repo.insert(m.programmeId, rowKey(m.pairId, m.number), toEntity(m)) };
  }

  async replace(m: Meeting, etag: string): Promise<Versioned<Meeting>> {
    return {
      value: m,
      etag: await this.repo.replace(m.programmeId, rowKey(m.pairId, m.number), toEntity(m), etag),
    };
  }
}

/**
 * A meeting's row as this store writes it: for tools that must write many at
 * once as entity-group transactions (the scheduler benchmark's seeding).
 */
export function meetingRow(m: Meeting): { partitionKey: string; rowKey: string } & MeetingEntity {
  return { partitionKey: m.programmeId, rowKey: rowKey(m.pairId, m.number), ...toEntity(m) };
}

function toEntity(m: Meeting): MeetingEntity {
  return {
    pairId: m.pairId,
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
    checkIns: m.checkIns && Object.keys(m.checkIns).length > 0 ? JSON.stringify(m.checkIns) : undefined,
    memberTimes: m.memberTimes ? JSON.stringify(m.memberTimes) : undefined,
    cancelledAt: m.cancelledAt,
  };
}

function fromStored(s: Stored<MeetingEntity>): Versioned<Meeting> {
  const e = s.data;
  return {
    etag: s.etag,
    value: {
      pairId: e.pairId,
      programmeId: s.partitionKey,
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
      ...(e.checkIns ? { checkIns: JSON.parse(e.checkIns) as Meeting['checkIns'] } : {}),
      ...(e.memberTimes ? { memberTimes: JSON.parse(e.memberTimes) as Meeting['memberTimes'] } : {}),
      ...(e.cancelledAt ? { cancelledAt: e.cancelledAt } : {}),
    },
  };
}
