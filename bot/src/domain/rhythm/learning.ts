/**
 * A learning or idea a pair offers its unit. It leaves the pair only when
 * every member has approved the same text: the confidentiality terms of
 * their agreement bind each of them, so nobody shares for the others.
 */
export const LEARNING_MAX_LENGTH = 1000;

export type LearningStatus = 'proposed' | 'approved' | 'withdrawn';

export interface Learning {
  readonly id: string;
  readonly programmeId: string;
  readonly tenantId: string;
  readonly pairId: string;
  readonly text: string;
  readonly proposedBy: string;
  readonly proposedAt: string;
  /** Member id → when they approved this text. */
  readonly approvals: Readonly<Record<string, string>>;
  readonly status: LearningStatus;
  /** Set when a supervisor posted it to the programme's channel. */
  readonly sharedToChannelAt?: string;
}

/** Approved once every member of the pair has approved; the proposer's proposal counts as their approval. */
export function isApprovedByAll(
  learning: Pick<Learning, 'approvals'>,
  memberIds: readonly string[],
): boolean {
  return memberIds.every((id) => Object.hasOwn(learning.approvals, id));
}
