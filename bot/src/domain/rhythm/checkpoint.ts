/**
 * The checkpoint after the first phase (DOMAIN.md, step 7): each member
 * chooses to continue or conclude. The pair continues only if everyone
 * chooses to; one "conclude" ends it kindly, without asking who.
 */
export const CHECKPOINT_CHOICES = ['continue', 'conclude'] as const;
export type CheckpointChoice = (typeof CHECKPOINT_CHOICES)[number];

export interface Checkpoint {
  /** Member id → choice. */
  readonly choices: Readonly<Record<string, CheckpointChoice>>;
  readonly outcome?: 'continued' | 'concluded';
  readonly decidedAt?: string;
}

/** The outcome once it is known: any "conclude" decides at once; "continue" needs everyone. */
export function checkpointOutcome(
  choices: Readonly<Record<string, CheckpointChoice>>,
  memberIds: readonly string[],
): 'continued' | 'concluded' | undefined {
  const given = memberIds.map((id) => choices[id]);
  if (given.includes('conclude')) return 'concluded';
  if (given.every((c) => c === 'continue')) return 'continued';
  return undefined;
}
