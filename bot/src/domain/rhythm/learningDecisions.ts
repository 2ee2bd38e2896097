/**
 * What a member's answer does to a proposed learning. Every member approves
 * the same text (the proposer by proposing); one "no" withdraws it, because
 * each member is bound by the pair's confidentiality terms.
 */
import { isApprovedByAll, type Learning } from './learning';

export type LearningJudgement =
  /** Store `learning`; `nowApproved` when this answer was the last approval needed. */
  | { readonly result: 'changed'; readonly learning: Learning; readonly nowApproved: boolean }
  /** Nothing to store: a repeat, or the learning is already approved or withdrawn. */
  | { readonly result: 'unchanged'; readonly learning: Learning };

export function approveLearning(
  learning: Learning,
  memberIds: readonly string[],
  userId: string,
  now: Date,
): LearningJudgement {
  if (learning.status !== 'proposed' || Object.hasOwn(learning.approvals, userId))
    return { result: 'unchanged', learning };
  const approvals = { ...learning.approvals, [userId]: now.toISOString() };
  const nowApproved = isApprovedByAll({ approvals }, memberIds);
  return {
    result: 'changed',
    nowApproved,
    learning: { ...learning, approvals, status: nowApproved ? 'approved' : 'proposed' },
  };
}

/** A "no" withdraws the proposal; an approved learning stays shared (it may already be in the feed). */
export function declineLearning(learning: Learning): LearningJudgement {
  if (learning.status !== 'proposed') return { result: 'unchanged', learning };
  return { result: 'changed', nowApproved: false, learning: { ...learning, status: 'withdrawn' } };
}

/** When the last member approved: the latest approval. */
export function approvedAt(learning: Pick<Learning, 'approvals' | 'status'>): string | undefined {
  if (learning.status !== 'approved') return undefined;
  return Object.values(learning.approvals).sort().at(-1);
}
