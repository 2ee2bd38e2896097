/**
 * What the programme service needs from the outside world, declared here
 * and implemented by store/ (Azure Tables) and teams/ (Bot Framework).
 */
import type { PairSuggestion } from '../../domain/matching/matchTypes';
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { Volunteer } from '../../domain/programme/volunteer';
import type { ProgrammeAccess } from '../../store/accessStore';

export interface Versioned<T> {
  readonly value: T;
  /** Opaque concurrency token (the entity's ETag). */
  readonly etag: string;
}

export interface ProgrammeRepository {
  create(programme: Programme): Promise<Versioned<Programme>>;
  get(tenantId: string, programmeId: string): Promise<Versioned<Programme>>;
  /** Replaces only if unchanged since `etag`; throws ChangedError otherwise. */
  replace(programme: Programme, etag: string): Promise<Versioned<Programme>>;
}

export interface VolunteerRepository {
  find(programmeId: string, userId: string): Promise<Versioned<Volunteer> | undefined>;
  /** Creates; throws ConflictError if the person already signed up. */
  create(volunteer: Volunteer): Promise<Versioned<Volunteer>>;
  replace(volunteer: Volunteer, etag: string): Promise<Versioned<Volunteer>>;
  /** All of one programme's volunteers at once, each only if unchanged; ChangedError and nothing written otherwise. */
  replaceAll(items: readonly Versioned<Volunteer>[]): Promise<string[]>;
  list(programmeId: string): Promise<Versioned<Volunteer>[]>;
  /** Each volunteer's role and status only, for counting: every sign-up recounts, so it reads little. */
  roles(programmeId: string): Promise<Pick<Volunteer, 'role' | 'status'>[]>;
}

export interface AccessRepository {
  grant(tenantId: string, userId: string, access: ProgrammeAccess): Promise<void>;
  listForUser(tenantId: string, userId: string): Promise<ProgrammeAccess[]>;
}

export interface PairRepository {
  /** Idempotent: the pair id is derived from its members. */
  save(pair: Pair): Promise<void>;
  get(programmeId: string, pairId: string): Promise<Pair | undefined>;
  list(programmeId: string): Promise<Pair[]>;
}

export interface MembershipRepository {
  /** Records that the person is in the pair, with the partners they were paired with. */
  add(tenantId: string, userId: string, membership: Membership): Promise<void>;
  /** The person's pairs, in every programme. */
  list(tenantId: string, userId: string): Promise<Membership[]>;
  /** Everyone the person has been paired with before, in any programme. */
  previousPartners(tenantId: string, userId: string): Promise<string[]>;
}

export interface Membership {
  readonly programmeId: string;
  readonly pairId: string;
  readonly role: 'mentor' | 'aktori';
  readonly partnerIds: readonly string[];
  readonly programmeName: string;
}

export interface VolunteerCounts {
  readonly mentors: number;
  readonly aktoris: number;
}

/** Teams-side effects of programme work; teams/ implements it with proactive messages. */
export interface ProgrammeNotifier {
  /** Posts the announcement card to the programme's channel. */
  postAnnouncement(
    programme: Programme,
    counts: VolunteerCounts,
  ): Promise<{ activityId: string; conversationId: string }>;
  /** Refreshes the counts on the posted card, waiting for Teams' limit for the channel if need be. */
  updateAnnouncement(programme: Programme, counts: VolunteerCounts): Promise<void>;
  /**
   * Refreshes the counts now if the channel's send limit has room, and
   * answers false if not: the caller leaves the refresh to the scheduler, so
   * a burst of sign-ups becomes a few refreshes instead of one each.
   */
  updateAnnouncementIfFree(programme: Programme, counts: () => Promise<VolunteerCounts>): Promise<boolean>;
  /** Confirms a sign-up (or its change or withdrawal) in the person's personal chat. */
  confirmSignUp(programme: Programme, volunteer: Volunteer): Promise<void>;
  /** Introduces a new pair to each member in personal chat. Returns who could not be reached. */
  introducePair(programme: Programme, pair: Pair): Promise<{ readonly unreachable: readonly string[] }>;
  /** Asks the programme's owners to confirm a suggested pair for someone who asked for one (non-stop). */
  askToConfirmPair(
    programme: Programme,
    requester: Volunteer,
    suggestion: PairSuggestion,
    names: Readonly<Record<string, string>>,
  ): Promise<void>;
  /** Tells a volunteer kindly that no pair was found this time and they stay in the pool. */
  tellUnpaired(programme: Programme, volunteer: Volunteer): Promise<void>;
}

/**
 * Who a person's supervisor is, when the organisation's directory says so
 * (Microsoft Graph /users/{id}/manager). Optional: without it Polku cannot
 * rule out pairing someone with their own supervisor, and says nothing.
 */
export interface ManagerDirectory {
  /** The person's manager's object id, or undefined when not known. */
  managerOf(tenantId: string, userId: string): Promise<string | undefined>;
}
