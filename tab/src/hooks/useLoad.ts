/**
 * Loads data for a page and offers a retry. A result that arrives after the
 * page moved on (or after a newer attempt started) is dropped, so a slow
 * answer never overwrites a newer one. `refresh` reloads without showing the
 * loading state again (the page keeps its content and focus), and `set`
 * takes a value the page already has (a save's answer) without a round trip.
 */
import { useCallback, useEffect, useState } from 'react';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'loaded'; readonly value: T };

export interface Loaded<T> {
  readonly state: LoadState<T>;
  readonly retry: () => void;
  readonly refresh: () => void;
  readonly set: (value: T) => void;
}

/** `load` must be stable (useCallback): a new function starts a new load. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });

  // A new `attempt` object (retry, refresh) re-runs the load; `quiet` says whether to show loading meanwhile.
  useEffect(() => {
    let current = true;
    if (!attempt.quiet) setState({ status: 'loading' });
    load().then(
      (value) => {
        if (current) setState({ status: 'loaded', value });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const retry = useCallback(() => setAttempt((a) => ({ n: a.n + 1, quiet: false })), []);
  const refresh = useCallback(() => setAttempt((a) => ({ n: a.n + 1, quiet: true })), []);
  const set = useCallback((value: T) => setState({ status: 'loaded', value }), []);
  return { state, retry, refresh, set };
}
