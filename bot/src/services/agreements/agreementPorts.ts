/** What the agreement service needs from storage and Teams. */
import type { Agreement } from '../../domain/agreement/agreementTypes';
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { Versioned } from '../programmes/ports';

export interface AgreementRepository {
  find(pairId: string): Promise<Versioned<Agreement> | undefined>;
  /** Creates the agreement and its first version row; ConflictError if it exists. */
  create(agreement: Agreement, startedBy: { by: string; at: string }): Promise<Versioned<Agreement>>;
  /**
   * Saves a new state only if unchanged since `etag` (ChangedError otherwise),
   * and in the same transaction records the version it now holds.
   */
  save(agreement: Agreement, etag: string, actor: { by: string; at: string }): Promise<Versioned<Agreement>>;
  /** Every version with who proposed it and who accepted it. */
  versions(pairId: string): Promise<AgreementVersion[]>;
}

export interface AgreementVersion {
  readonly version: number;
  readonly terms: Agreement['terms'];
  readonly proposedBy: string;
  readonly at: string;
  readonly acceptedBy: Readonly<Record<string, string>>;
}

export interface AgreementNotifier {
  /** Tells every member the agreement is in force, with its summary and the next step. */
  agreementInForce(programme: Programme, pair: Pair, agreement: Agreement): Promise<void>;
}

export interface PairStatusWriter {
  /** Keeps the dashboard's row current: the goals in force and the agreement's status. */
  updateAgreement(
    programmeId: string,
    pairId: string,
    update: {
      readonly status: 'drafting' | 'in-force' | 'reopened';
      readonly goals: readonly string[];
      readonly version: number;
      readonly cadenceWeeks?: number;
      readonly meetingMinutes?: number;
    },
  ): Promise<void>;
  get(programmeId: string, pairId: string): Promise<Pair | undefined>;
}
