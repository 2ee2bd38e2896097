/** Plain in-memory stand-ins for the programme service's ports: unit tests only. */
import { ChangedError, ConflictError, NotFoundError } from '../../../bot/src/domain/errors';
import type { Pair } from '../../../bot/src/domain/programme/pair';
import type { Programme } from '../../../bot/src/domain/programme/programme';
import type { Volunteer } from '../../../bot/src/domain/programme/volunteer';
import type {
  AccessRepository,
  Membership,
  MembershipRepository,
  PairRepository,
  ProgrammeNotifier,
  ProgrammeRepository,
  Versioned,
  VolunteerCounts,
  VolunteerRepository,
} from '../../../bot/src/services/programmes/ports';
import type { ProgrammeAccess } from '../../../bot/src/store/accessStore';

let etagCounter = 0;
const nextEtag = () => `e${++etagCounter}`;

export class FakeProgrammes implements ProgrammeRepository {
  readonly rows = new Map<string, Versioned<Programme>>();
  async create(p: Programme) {
    if (this.rows.has(p.id)) throw new ConflictError('Programme');
    const v = { value: p, etag: nextEtag() };
    this.rows.set(p.id, v);
    return v;
  }
  async get(_tenantId: string, id: string) {
    const v = this.rows.get(id);
    if (!v) throw new NotFoundError('Programme');
    return v;
  }
  async replace(p: Programme, etag: string) {
    if (this.rows.get(p.id)?.etag !== etag) throw new ChangedError('Programme');
    const v = { value: p, etag: nextEtag() };
    this.rows.set(p.id, v);
    return v;
  }
}

export class FakeVolunteers implements VolunteerRepository {
  readonly rows = new Map<string, Versioned<Volunteer>>();
  private key = (p: string, u: string) => `${p}/${u}`;
  async find(programmeId: string, userId: string) {
    return this.rows.get(this.key(programmeId, userId));
  }
  async create(v: Volunteer) {
    if (this.rows.has(this.key(v.programmeId, v.userId))) throw new ConflictError('Volunteer');
    const row = { value: v, etag: nextEtag() };
    this.rows.set(this.key(v.programmeId, v.userId), row);
    return row;
  }
  async replace(v: Volunteer, etag: string) {
    if (this.rows.get(this.key(v.programmeId, v.userId))?.etag !== etag) throw new ChangedError('Volunteer');
    const row = { value: v, etag: nextEtag() };
    this.rows.set(this.key(v.programmeId, v.userId), row);
    return row;
  }
  async replaceAll(items: readonly Versioned<Volunteer>[]) {
    for (const i of items) {
      if (this.rows.get(this.key(i.value.programmeId, i.value.userId))?.etag !== i.etag)
        throw new ChangedError('Volunteer');
    }
    return items.map((i) => {
      const row = { value: i.value, etag: nextEtag() };
      this.rows.set(this.key(i.value.programmeId, i.value.userId), row);
      return row.etag;
    });
  }
  async list(programmeId: string) {
    return [...this.rows.values()].filter((r) => r.value.programmeId === programmeId);
  }
  async roles(programmeId: string) {
    return (await this.list(programmeId)).map(({ value: { role, status } }) => ({ role, status }));
  }
}

export class FakePairs implements PairRepository {
  readonly rows = new Map<string, Pair>();
  async save(p: Pair) {
    this.rows.set(p.id, p);
  }
  async get(_programmeId: string, pairId: string) {
    return this.rows.get(pairId);
  }
  async list(programmeId: string) {
    return [...this.rows.values()].filter((p) => p.programmeId === programmeId);
  }
}

export class FakeMemberships implements MembershipRepository {
  readonly rows: Array<{ userId: string; m: Membership }> = [];
  async add(_tenantId: string, userId: string, m: Membership) {
    this.rows.push({ userId, m });
  }
  async list(_tenantId: string, userId: string) {
    return this.rows.filter((r) => r.userId === userId).map((r) => r.m);
  }
  async previousPartners(_tenantId: string, userId: string) {
    return this.rows.filter((r) => r.userId === userId).flatMap((r) => [...r.m.partnerIds]);
  }
}

export class FakeAccess implements AccessRepository {
  readonly rows: Array<{ userId: string; access: ProgrammeAccess }> = [];
  async grant(_tenantId: string, userId: string, access: ProgrammeAccess) {
    this.rows.push({ userId, access });
  }
  async listForUser(_tenantId: string, userId: string) {
    return this.rows.filter((r) => r.userId === userId).map((r) => r.access);
  }
}

/** Records what would have been sent. */
export class RecordingNotifier implements ProgrammeNotifier {
  readonly calls: Array<{ what: string; args: unknown[] }> = [];
  async postAnnouncement(...args: unknown[]) {
    this.calls.push({ what: 'postAnnouncement', args });
    return { activityId: 'a1', conversationId: 'c1' };
  }
  async updateAnnouncement(...args: unknown[]) {
    this.calls.push({ what: 'updateAnnouncement', args });
  }
  /** The channel has room unless a test says otherwise: then the refresh is left for later. */
  channelBusy = false;
  async updateAnnouncementIfFree(programme: Programme, counts: () => Promise<VolunteerCounts>) {
    if (this.channelBusy) return false;
    this.calls.push({ what: 'updateAnnouncement', args: [programme, await counts()] });
    return true;
  }
  async confirmSignUp(...args: unknown[]) {
    this.calls.push({ what: 'confirmSignUp', args });
  }
  async introducePair(...args: unknown[]) {
    this.calls.push({ what: 'introducePair', args });
    return { unreachable: [] };
  }
  async askToConfirmPair(...args: unknown[]) {
    this.calls.push({ what: 'askToConfirmPair', args });
  }
  async tellUnpaired(...args: unknown[]) {
    this.calls.push({ what: 'tellUnpaired', args });
  }
}
