/** Sends the person back to sign-in when the API says the session has ended (401), wherever it happens. */
import { useEffect } from 'react';
import { problemOf } from '../api/client';
import type { LoadState } from './useLoad';

/** True while the load failed for an ended session: the page shows nothing of its own meanwhile. */
export function useSessionGuard(state: LoadState<unknown>, onUnauthenticated: () => void): boolean {
  const ended = state.status === 'failed' && problemOf(state.error) === 'unauthenticated';
  useEffect(() => {
    if (ended) onUnauthenticated();
  }, [ended, onUnauthenticated]);
  return ended;
}
