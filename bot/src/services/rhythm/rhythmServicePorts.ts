/**
 * What the rhythm's services (check-ins, checkpoint, evaluation, learnings)
 * need from storage and Teams. The scheduler's own port is rhythmPorts.ts.
 */
import type { Meeting } from '../../domain/meetings/meeting';
import type { Pair, PairStatus } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { Checkpoint } from '../../domain/rhythm/checkpoint';
import type { Evaluation } from '../../domain/rhythm/evaluation';
import type { Learning } from '../../domain/rhythm/learning';
import type { Membership, Versioned } from '../programmes/ports';

export interface RhythmPairRepository {
  get(programmeId: string, pairId: string): Promise<Pair | undefined>;
  findVersioned(programmeId: string, pairId: string): Promise<Versioned<Pair> | undefined>;
  /** ChangedError when the pair changed since `etag`. */
  updateRhythm(
    programmeId: string,
    pairId: string,
    update: { readonly checkpoint: Checkpoint; readonly status?: PairStatus; readonly concludedAt?: string },
    etag: string,
  ): Promise<string>;
}

export interface CheckInMeetingRepository {
  get(programmeId: string, pairId: string, number: number): Promise<Versioned<Meeting> | undefined>;
  /** ChangedError when the meeting changed since `etag`. */
  replace(meeting: Meeting, etag: string): Promise<Versioned<Meeting>>;
}

export interface LearningRepository {
  get(programmeId: string, id: string): Promise<Versioned<Learning> | undefined>;
  /** ConflictError when the id exists. */
  create(learning: Learning): Promise<Versioned<Learning>>;
  replace(learning: Learning, etag: string): Promise<Versioned<Learning>>;
  listProgrammePage(
    programmeId: string,
    continuationToken?: string,
  ): Promise<{ items: Versioned<Learning>[]; continuationToken?: string }>;
}

export interface EvaluationRepository {
  find(programmeId: string, pairId: string, userId: string): Promise<Evaluation | undefined>;
  /** ConflictError when this member already answered for this pair. */
  create(evaluation: Evaluation): Promise<void>;
  listProgrammePage(
    programmeId: string,
    continuationToken?: string,
  ): Promise<{ items: Evaluation[]; continuationToken?: string }>;
}

export interface MembershipLookup {
  list(tenantId: string, userId: string): Promise<Membership[]>;
}

/** Teams-side effects of the rhythm's answers, one recipient per call (teams/ implements them). */
export interface RhythmNotices {
  /** The checkpoint is decided; told without saying who chose what. */
  checkpointDecided(
    programme: Programme,
    pair: Pair,
    outcome: 'continued' | 'concluded',
    userId: string,
  ): Promise<void>;
  /** A partner proposed a learning: approve or decline it. */
  learningToApprove(programme: Programme, pair: Pair, learning: Learning, userId: string): Promise<void>;
  /** Every member approved: the learning is shared. */
  learningShared(programme: Programme, pair: Pair, learning: Learning, userId: string): Promise<void>;
  /** The proposer's learning was declined and is withdrawn. */
  learningWithdrawn(programme: Programme, pair: Pair, learning: Learning, userId: string): Promise<void>;
  /** Posts an approved learning to the programme's channel. */
  postLearning(programme: Programme, learning: Learning): Promise<void>;
}
