import type { Draft, FieldErrors } from '../../model/programmeDraft';

export interface SectionProps {
  readonly draft: Draft;
  readonly set: (patch: Partial<Draft>) => void;
  readonly errors: FieldErrors;
}

/** Adds or removes one value of a multi-choice. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}
