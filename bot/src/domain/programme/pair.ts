/**
 * A pair (or group) formed in a programme. Its id is derived from the
 * programme and the members, so confirming the same pair twice — a retried
 * request, a double click — names the same pair and creates nothing twice.
 */
import type { Reason } from '../matching/matchTypes';
import type { Checkpoint } from '../rhythm/checkpoint';
import type { ProgrammeForm } from './vocabulary';

export type PairStatus = 'formed' | 'agreeing' | 'active' | 'concluded';

export interface Pair {
  readonly id: string;
  readonly programmeId: string;
  readonly tenantId: string;
  readonly form: ProgrammeForm;
  readonly mentorId: string;
  readonly aktoriIds: readonly string[];
  /** Display names at forming time, for cards and the dashboard. */
  readonly names: Readonly<Record<string, string>>;
  /** Members' mailbox addresses as known at forming time (booking needs them). */
  readonly emails?: Readonly<Record<string, string>>;
  readonly reasons: readonly Reason[];
  readonly status: PairStatus;
  readonly formedBy: string;
  readonly formedAt: string;
  /** The agreement as the supervisor may see it: its status and the goals in force, nothing else. */
  readonly agreement?: {
    readonly status: 'drafting' | 'in-force' | 'reopened';
    readonly goals: readonly string[];
    readonly version: number;
    /** The rhythm in force: how often and how long the pair meets. */
    readonly cadenceWeeks?: number;
    readonly meetingMinutes?: number;
  };
  /** The checkpoint after the first phase: each member's choice and the outcome (no reasons are asked). */
  readonly checkpoint?: Checkpoint;
  /** When the pair concluded (checkpoint or agreed end). */
  readonly concludedAt?: string;
}

export function memberIds(pair: Pick<Pair, 'mentorId' | 'aktoriIds'>): string[] {
  return [pair.mentorId, ...pair.aktoriIds];
}

/** FNV-1a, 64 bits: a stable short id from text; collisions matter only within one programme. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

export function pairIdFor(programmeId: string, mentorId: string, aktoriIds: readonly string[]): string {
  return `p${fnv1a64([programmeId, mentorId, ...[...aktoriIds].sort()].join('|'))}`;
}
