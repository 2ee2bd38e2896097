/**
 * Forming pairs: explained suggestions over the programme's volunteers, and
 * the supervisor's confirmation. Each confirmed pair is written atomically
 * (its members' sign-ups, each only if unchanged), so a member who withdrew
 * meanwhile makes that pair fail cleanly while the others are formed.
 */
import { ChangedError, PolkuError, ValidationError } from '../../domain/errors';
import type { MatchInput, MatchResult } from '../../domain/matching/matchTypes';
import { suggestPairs } from '../../domain/matching/suggestPairs';
import { memberIds, type Pair, pairIdFor } from '../../domain/programme/pair';
import { assertNotClosed, type Programme } from '../../domain/programme/programme';
import { spareCapacity, type Volunteer } from '../../domain/programme/volunteer';
import { field, object } from '../../domain/validate';
import type { Actor } from '../actor';
import type {
  ManagerDirectory,
  MembershipRepository,
  PairRepository,
  ProgrammeNotifier,
  Versioned,
  VolunteerRepository,
} from './ports';
import type { ProgrammeService } from './programmeService';

export interface PairingServiceDeps {
  readonly programmeService: ProgrammeService;
  readonly volunteers: VolunteerRepository;
  readonly pairs: PairRepository;
  readonly memberships: MembershipRepository;
  readonly notifier: ProgrammeNotifier;
  /** Opens the new pair's agreement, so the introduction can lead straight into it. */
  readonly onPairFormed?: (pair: Pair, programme: Programme) => Promise<unknown>;
  /** Optional: rules out pairing people with their own supervisor when the directory knows them. */
  readonly managers?: ManagerDirectory;
  readonly now: () => Date;
  readonly onNotifyError: (err: unknown, what: string) => void;
}

export interface ProposedPair {
  readonly mentorId: string;
  readonly aktoriIds: readonly string[];
}

export type ConfirmResult =
  | { readonly status: 'formed'; readonly pair: Pair; readonly unreachable: readonly string[] }
  | {
      readonly status: 'refused';
      readonly proposal: ProposedPair;
      readonly reason:
        | 'not-volunteer'
        | 'withdrawn'
        | 'already-paired'
        | 'wrong-role'
        | 'over-capacity'
        | 'paired-before'
        | 'changed';
    };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PROPOSALS = 500;
const LOOKUP_CONCURRENCY = 16;

export class PairingService {
  constructor(private readonly deps: PairingServiceDeps) {}

  async volunteers(
    actor: Actor,
    programmeId: string,
  ): Promise<{ programme: Programme; volunteers: Volunteer[] }> {
    const programme = (await this.deps.programmeService.getManaged(actor, programmeId)).value;
    const volunteers = (await this.deps.volunteers.list(programmeId)).map((v) => v.value);
    return { programme, volunteers };
  }

  async pairs(actor: Actor, programmeId: string): Promise<Pair[]> {
    await this.deps.programmeService.getManaged(actor, programmeId);
    return this.deps.pairs.list(programmeId);
  }

  async suggest(actor: Actor, programmeId: string): Promise<MatchResult> {
    const { programme, volunteers } = await this.volunteers(actor, programmeId);
    const active = volunteers.filter((v) => v.status === 'active');
    const previous = await this.previousPairs(
      programme.tenantId,
      active.map((v) => v.userId),
    );
    const managers = await this.managersOf(
      programme.tenantId,
      active.map((v) => v.userId),
    );
    return suggestPairs(matchInput(programme, active, previous, managers));
  }

  /**
   * Non-stop programmes: a volunteer asks for a pair now. Polku finds the
   * best suggestion that includes them and asks the owners to confirm it;
   * nothing is formed until a manager confirms.
   */
  async requestPair(actor: Actor, programmeId: string): Promise<'asked' | 'none'> {
    const programme = (await this.deps.programmeService.programmeOf(actor.tenantId, programmeId)).value;
    assertNotClosed(programme);
    if (programme.mode.kind !== 'nonstop') {
      throw new PolkuError('conflict', 'Pairs are formed together in this programme', {
        code: 'not_nonstop',
      });
    }
    const volunteers = (await this.deps.volunteers.list(programmeId)).map((v) => v.value);
    const me = volunteers.find((v) => v.userId === actor.userId);
    if (!me || me.status === 'withdrawn')
      throw new PolkuError('not_found', 'You have not signed up', { code: 'not_signed_up' });
    if (me.pairIds.length > 0)
      throw new PolkuError('conflict', 'You are already paired', { code: 'already_paired' });
    const active = volunteers.filter((v) => v.status === 'active');
    const previous = await this.previousPairs(
      programme.tenantId,
      active.map((v) => v.userId),
    );
    const managers = await this.managersOf(
      programme.tenantId,
      active.map((v) => v.userId),
    );
    const suggestion = suggestPairs(matchInput(programme, active, previous, managers)).suggestions.find(
      (s) => s.mentorId === me.userId || s.aktoriIds.includes(me.userId),
    );
    if (!suggestion) return 'none';
    // Only the requester's own pair is proposed: one mentor and this aktori (or this mentor and one aktori).
    const proposal =
      me.role === 'aktori'
        ? { ...suggestion, aktoriIds: [me.userId] }
        : { ...suggestion, aktoriIds: suggestion.aktoriIds.slice(0, 1) };
    const names = Object.fromEntries(volunteers.map((v) => [v.userId, v.name]));
    await this.deps.notifier.askToConfirmPair(programme, me, proposal, names);
    return 'asked';
  }

  async confirm(actor: Actor, programmeId: string, raw: unknown): Promise<ConfirmResult[]> {
    const { proposals, tellUnpaired } = parseConfirmation(raw);
    const programme = (await this.deps.programmeService.getManaged(actor, programmeId)).value;
    assertNotClosed(programme);
    const byId = new Map((await this.deps.volunteers.list(programmeId)).map((v) => [v.value.userId, v]));
    const previous = await this.previousPartnersOf(
      programme.tenantId,
      proposals.flatMap((p) => [p.mentorId, ...p.aktoriIds]),
    );

    const results: ConfirmResult[] = [];
    for (const proposal of proposals) {
      results.push(await this.formOne(actor, programme, proposal, byId, previous));
    }
    if (tellUnpaired) await this.tellUnpaired(programme);
    return results;
  }

  private async formOne(
    actor: Actor,
    programme: Programme,
    proposal: ProposedPair,
    byId: Map<string, Versioned<Volunteer>>,
    previous: Map<string, Set<string>>,
  ): Promise<ConfirmResult> {
    const refuse = (reason: Extract<ConfirmResult, { status: 'refused' }>['reason']): ConfirmResult => ({
      status: 'refused',
      proposal,
      reason,
    });
    const pairId = pairIdFor(programme.id, proposal.mentorId, proposal.aktoriIds);
    const members = [proposal.mentorId, ...proposal.aktoriIds].map((id) => byId.get(id));
    if (members.some((m) => m === undefined)) return refuse('not-volunteer');
    const versioned = members as Versioned<Volunteer>[];
    // Confirming the same pair again (a retried request) finds it already formed: the same answer, nothing twice.
    if (versioned.every((m) => m.value.pairIds.includes(pairId))) {
      const existing = await this.deps.pairs.get(programme.id, pairId);
      if (existing) return { status: 'formed', pair: existing, unreachable: [] };
    }
    if (versioned.some((m) => m.value.status === 'withdrawn')) return refuse('withdrawn');
    const [mentor, ...aktoris] = versioned as [Versioned<Volunteer>, ...Versioned<Volunteer>[]];
    const peer = programme.form === 'peer';
    if (!peer && (mentor.value.role !== 'mentor' || aktoris.some((a) => a.value.role !== 'aktori'))) {
      return refuse('wrong-role');
    }
    // Aktoris (and peers) are in one pair; a mentor takes as many as their capacity allows.
    if ((peer ? versioned : aktoris).some((m) => m.value.pairIds.length > 0)) return refuse('already-paired');
    if (!peer && spareCapacity(mentor.value) < aktoris.length) return refuse('over-capacity');
    const ids = [proposal.mentorId, ...proposal.aktoriIds];
    if (ids.some((a) => ids.some((b) => a !== b && previous.get(a)?.has(b)))) return refuse('paired-before');

    const at = this.deps.now().toISOString();
    const updated = versioned.map((m) => {
      const pairIds = [...m.value.pairIds, pairId];
      const full = spareCapacity({ ...m.value, pairIds }) === 0 || peer;
      return {
        value: { ...m.value, pairIds, status: full ? ('paired' as const) : m.value.status, updatedAt: at },
        etag: m.etag,
      };
    });
    try {
      const etags = await this.deps.volunteers.replaceAll(updated);
      // The same mentor may appear in the next proposal: keep the map current.
      updated.forEach((u, i) => {
        byId.set(u.value.userId, { value: u.value, etag: etags[i] ?? '' });
      });
    } catch (err) {
      if (err instanceof ChangedError) return refuse('changed');
      throw err;
    }
    const pair: Pair = {
      id: pairId,
      programmeId: programme.id,
      tenantId: programme.tenantId,
      form: programme.form,
      mentorId: proposal.mentorId,
      aktoriIds: proposal.aktoriIds,
      names: Object.fromEntries(versioned.map((m) => [m.value.userId, m.value.name])),
      emails: Object.fromEntries(
        versioned.flatMap((m) => (m.value.email ? [[m.value.userId, m.value.email]] : [])),
      ),
      reasons: [],
      status: 'formed',
      formedBy: actor.userId,
      formedAt: at,
    };
    await this.deps.pairs.save(pair);
    await Promise.all(
      versioned.map((m) =>
        this.deps.memberships.add(programme.tenantId, m.value.userId, {
          programmeId: programme.id,
          pairId,
          role: m.value.userId === proposal.mentorId ? 'mentor' : 'aktori',
          partnerIds: memberIds(pair).filter((id) => id !== m.value.userId),
          programmeName: programme.name,
        }),
      ),
    );
    await this.deps.onPairFormed?.(pair, programme);
    let unreachable: readonly string[] = [];
    try {
      unreachable = (await this.deps.notifier.introducePair(programme, pair)).unreachable;
    } catch (err) {
      this.deps.onNotifyError(err, 'introduce pair');
      unreachable = memberIds(pair);
    }
    return { status: 'formed', pair, unreachable };
  }

  private async tellUnpaired(programme: Programme): Promise<void> {
    const left = (await this.deps.volunteers.list(programme.id)).filter(
      (v) => v.value.status === 'active' && v.value.pairIds.length === 0,
    );
    await Promise.all(
      left.map((v) =>
        this.deps.notifier
          .tellUnpaired(programme, v.value)
          .catch((err: unknown) => this.deps.onNotifyError(err, 'tell unpaired')),
      ),
    );
  }

  private async previousPartnersOf(
    tenantId: string,
    userIds: readonly string[],
  ): Promise<Map<string, Set<string>>> {
    const unique = [...new Set(userIds)];
    const out = new Map<string, Set<string>>();
    // Bounded fan-out: one partition read per person, never all at once.
    for (let i = 0; i < unique.length; i += LOOKUP_CONCURRENCY) {
      const batch = unique.slice(i, i + LOOKUP_CONCURRENCY);
      const partners = await Promise.all(
        batch.map((id) => this.deps.memberships.previousPartners(tenantId, id)),
      );
      batch.forEach((id, j) => {
        out.set(id, new Set(partners[j]));
      });
    }
    return out;
  }

  private async managersOf(tenantId: string, userIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const directory = this.deps.managers;
    if (!directory) return out;
    for (let i = 0; i < userIds.length; i += LOOKUP_CONCURRENCY) {
      const batch = userIds.slice(i, i + LOOKUP_CONCURRENCY);
      const found = await Promise.all(batch.map((id) => directory.managerOf(tenantId, id)));
      batch.forEach((id, j) => {
        const manager = found[j];
        if (manager) out.set(id, manager);
      });
    }
    return out;
  }

  private async previousPairs(tenantId: string, userIds: readonly string[]): Promise<[string, string][]> {
    const partners = await this.previousPartnersOf(tenantId, userIds);
    const pairs: [string, string][] = [];
    for (const [a, set] of partners) for (const b of set) if (a < b) pairs.push([a, b]);
    return pairs;
  }
}

export function matchInput(
  programme: Programme,
  active: readonly Volunteer[],
  previousPairs: [string, string][],
  managers: ReadonlyMap<string, string> = new Map(),
): MatchInput {
  const candidate = (v: Volunteer) => {
    const supervisorId = managers.get(v.userId);
    return {
      id: v.userId,
      name: v.name,
      unit: v.unit,
      languages: v.languages,
      ...(supervisorId ? { supervisorId } : {}),
    };
  };
  if (programme.form === 'peer') {
    return {
      form: 'peer',
      mentors: [],
      aktoris: [],
      peers: active.map((v) => ({ ...candidate(v), offers: v.offers, wants: v.wants })),
      previousPairs,
    };
  }
  return {
    form: programme.form,
    mentors: active
      .filter((v) => v.role === 'mentor')
      .map((v) => ({ ...candidate(v), offers: v.offers, capacity: v.capacity })),
    aktoris: active.filter((v) => v.role === 'aktori').map((v) => ({ ...candidate(v), wants: v.wants })),
    previousPairs,
  };
}

function parseConfirmation(raw: unknown): { proposals: ProposedPair[]; tellUnpaired: boolean } {
  const input = object(raw);
  const list = field(input, 'pairs');
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PROPOSALS) {
    throw new ValidationError(`pairs must list 1 to ${MAX_PROPOSALS} pairs`, {
      field: 'pairs',
      rule: 'range',
      limit: MAX_PROPOSALS,
    });
  }
  const seen = new Set<string>();
  const mentors = new Set<string>();
  const proposals = list.map((item): ProposedPair => {
    const p = object(item, 'pairs');
    const mentorId = field(p, 'mentorId');
    const aktoriIds = field(p, 'aktoriIds');
    if (typeof mentorId !== 'string' || !GUID.test(mentorId)) {
      throw new ValidationError('mentorId must be an Entra object id', {
        field: 'pairs.mentorId',
        rule: 'format',
      });
    }
    if (!Array.isArray(aktoriIds) || aktoriIds.length === 0 || aktoriIds.length > 5) {
      throw new ValidationError('aktoriIds must list 1 to 5 people', {
        field: 'pairs.aktoriIds',
        rule: 'range',
        limit: 5,
      });
    }
    for (const id of aktoriIds) {
      if (typeof id !== 'string' || !GUID.test(id)) {
        throw new ValidationError('aktoriIds must be Entra object ids', {
          field: 'pairs.aktoriIds',
          rule: 'format',
        });
      }
      // An aktori is in one pair; a mentor may lead several (up to their capacity, checked when forming).
      if (seen.has(id) || id === mentorId || mentors.has(id)) {
        throw new ValidationError('An aktori can be in only one pair', {
          field: 'pairs',
          rule: 'not-allowed',
        });
      }
      seen.add(id);
    }
    if (seen.has(mentorId)) {
      throw new ValidationError('A person cannot be both mentor and aktori', {
        field: 'pairs',
        rule: 'not-allowed',
      });
    }
    mentors.add(mentorId);
    return { mentorId, aktoriIds: aktoriIds as string[] };
  });
  const tellUnpaired = field(input, 'tellUnpaired');
  if (tellUnpaired !== undefined && typeof tellUnpaired !== 'boolean') {
    throw new ValidationError('tellUnpaired must be true or false', {
      field: 'tellUnpaired',
      rule: 'format',
    });
  }
  return { proposals, tellUnpaired: tellUnpaired === true };
}
