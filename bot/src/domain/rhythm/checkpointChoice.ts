/**
 * One member's choice at the checkpoint, judged against the pair as stored.
 * Once the outcome is known it stands: a later click (a stale card, a
 * repeated invoke) changes nothing, so nobody can undo a "conclude" by
 * pressing "continue" afterwards.
 */
import { type Checkpoint, type CheckpointChoice, checkpointOutcome } from './checkpoint';

export type CheckpointJudgement =
  /** The choice is new: store `checkpoint`; `outcome` is set when this choice decided it. */
  | {
      readonly result: 'recorded';
      readonly checkpoint: Checkpoint;
      readonly outcome: 'continued' | 'concluded' | undefined;
    }
  /** The same choice again, or the outcome was already decided: nothing to store. */
  | {
      readonly result: 'repeat' | 'decided';
      readonly checkpoint: Checkpoint;
      readonly outcome: 'continued' | 'concluded' | undefined;
    };

export function judgeCheckpointChoice(
  current: Checkpoint | undefined,
  memberIds: readonly string[],
  input: { readonly userId: string; readonly choice: CheckpointChoice; readonly now: Date },
): CheckpointJudgement {
  const checkpoint: Checkpoint = current ?? { choices: {} };
  if (checkpoint.outcome) return { result: 'decided', checkpoint, outcome: checkpoint.outcome };
  if (checkpoint.choices[input.userId] === input.choice)
    return { result: 'repeat', checkpoint, outcome: undefined };
  const choices = { ...checkpoint.choices, [input.userId]: input.choice };
  const outcome = checkpointOutcome(choices, memberIds);
  return {
    result: 'recorded',
    outcome,
    checkpoint: outcome ? { choices, outcome, decidedAt: input.now.toISOString() } : { choices },
  };
}
