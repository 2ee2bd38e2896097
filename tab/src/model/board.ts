/**
 * The pairing board as plain data: Polku's suggestions as rows the
 * supervisor accepts, removes or changes, plus pairs they add by hand. A
 * person is in at most one row (the server refuses the same person twice in
 * one confirmation); whoever is in no row is free for a manual pair.
 */
import type { Form, ProposedPair, Suggestions, Volunteer } from '../api/programmeTypes';

export interface Row {
  readonly key: string;
  readonly mentorId: string;
  readonly aktoriIds: readonly string[];
  /** Polku's reason in plain words; dropped once the supervisor changes the row. */
  readonly explanation: string;
  readonly origin: 'suggested' | 'changed' | 'manual';
  readonly accepted: boolean;
}

export interface Board {
  readonly rows: readonly Row[];
  /** Why Polku left someone without a suggestion (server's code), by id. */
  readonly why: Readonly<Record<string, string>>;
  readonly next: number;
}

export type BoardAction =
  | { readonly type: 'load'; readonly suggestions: Suggestions }
  | { readonly type: 'clear' }
  | { readonly type: 'accept'; readonly key: string; readonly accepted: boolean }
  | { readonly type: 'remove'; readonly key: string }
  | { readonly type: 'setMentor'; readonly key: string; readonly mentorId: string }
  | { readonly type: 'swapAktori'; readonly key: string; readonly aktoriId: string; readonly withId: string }
  | { readonly type: 'add'; readonly mentorId: string; readonly aktoriId: string };

export const emptyBoard: Board = { rows: [], why: {}, next: 0 };

export function boardReducer(board: Board, action: BoardAction): Board {
  switch (action.type) {
    case 'load':
      return {
        rows: action.suggestions.suggestions.map((s, i) => ({
          key: `s${i}`,
          mentorId: s.mentorId,
          aktoriIds: s.aktoriIds,
          explanation: s.explanation,
          origin: 'suggested',
          accepted: true,
        })),
        why: Object.fromEntries(action.suggestions.unmatched.map((u) => [u.id, u.why])),
        next: action.suggestions.suggestions.length,
      };
    case 'clear':
      return emptyBoard;
    case 'accept':
      return mapRow(board, action.key, (r) => ({ ...r, accepted: action.accepted }));
    case 'remove':
      return { ...board, rows: board.rows.filter((r) => r.key !== action.key) };
    case 'setMentor':
      return mapRow(board, action.key, (r) => changed({ ...r, mentorId: action.mentorId }));
    case 'swapAktori': {
      const other = board.rows.find((r) => r.key !== action.key && r.aktoriIds.includes(action.withId));
      const replace = (ids: readonly string[], from: string, to: string) =>
        ids.map((id) => (id === from ? to : id));
      return {
        ...board,
        rows: board.rows.map((r) => {
          if (r.key === action.key)
            return changed({ ...r, aktoriIds: replace(r.aktoriIds, action.aktoriId, action.withId) });
          if (r === other)
            return changed({ ...r, aktoriIds: replace(r.aktoriIds, action.withId, action.aktoriId) });
          return r;
        }),
      };
    }
    case 'add':
      return {
        ...board,
        rows: [
          ...board.rows,
          {
            key: `m${board.next}`,
            mentorId: action.mentorId,
            aktoriIds: [action.aktoriId],
            explanation: '',
            origin: 'manual',
            accepted: true,
          },
        ],
        next: board.next + 1,
      };
  }
}

function mapRow(board: Board, key: string, f: (r: Row) => Row): Board {
  return { ...board, rows: board.rows.map((r) => (r.key === key ? f(r) : r)) };
}

function changed(r: Row): Row {
  return { ...r, origin: r.origin === 'manual' ? 'manual' : 'changed', explanation: '' };
}

export function accepted(board: Board): ProposedPair[] {
  return board.rows.filter((r) => r.accepted).map((r) => ({ mentorId: r.mentorId, aktoriIds: r.aktoriIds }));
}

function inRows(board: Board): Set<string> {
  return new Set(board.rows.flatMap((r) => [r.mentorId, ...r.aktoriIds]));
}

/** Active volunteers who are in no row: the ones a manual pair or a change can use. */
export function freeVolunteers(board: Board, volunteers: readonly Volunteer[]): Volunteer[] {
  const taken = inRows(board);
  return volunteers.filter((v) => v.status === 'active' && !taken.has(v.userId));
}

/** In peer mentoring anyone can take either part; otherwise roles decide. */
export function canMentor(v: Volunteer, form: Form): boolean {
  return form === 'peer' || v.role === 'mentor';
}

export function canBeMentored(v: Volunteer, form: Form): boolean {
  return form === 'peer' || v.role === 'aktori';
}

/** Mentors a row can switch to: free, able to mentor, with room for the row's aktoris. */
export function mentorChoices(
  board: Board,
  row: Row,
  volunteers: readonly Volunteer[],
  form: Form,
): Volunteer[] {
  return freeVolunteers(board, volunteers).filter(
    (v) => canMentor(v, form) && (form === 'peer' || v.capacity >= row.aktoriIds.length),
  );
}

/** Who an aktori of a row can be swapped with: aktoris of other rows, and free aktoris. */
export function swapChoices(
  board: Board,
  row: Row,
  volunteers: readonly Volunteer[],
  form: Form,
): { inRows: Volunteer[]; free: Volunteer[] } {
  const byId = new Map(volunteers.map((v) => [v.userId, v]));
  const others = board.rows
    .filter((r) => r.key !== row.key)
    .flatMap((r) => r.aktoriIds)
    .flatMap((id) => byId.get(id) ?? []);
  const free = freeVolunteers(board, volunteers).filter((v) => canBeMentored(v, form));
  return { inRows: others, free };
}
