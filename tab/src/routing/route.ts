/**
 * The tab's pages as URL hashes (#/programmes/<id>/pairing), so the browser's
 * Back works, a reload stays put and a link can be opened in a new tab. No
 * router library: four routes do not need one.
 */
import { useCallback, useEffect, useState } from 'react';

export type Route =
  | { readonly kind: 'list' }
  | { readonly kind: 'new' }
  | { readonly kind: 'programme'; readonly id: string }
  | { readonly kind: 'edit'; readonly id: string }
  | { readonly kind: 'pairing'; readonly id: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts[0] !== 'programmes' || parts.length === 1) return { kind: 'list' };
  if (parts[1] === 'new' && parts.length === 2) return { kind: 'new' };
  const id = parts[1] ?? '';
  if (parts.length === 2) return { kind: 'programme', id };
  if (parts[2] === 'edit' && parts.length === 3) return { kind: 'edit', id };
  if (parts[2] === 'pairing' && parts.length === 3) return { kind: 'pairing', id };
  return { kind: 'list' };
}

export function hrefOf(route: Route): string {
  switch (route.kind) {
    case 'list':
      return '#/programmes';
    case 'new':
      return '#/programmes/new';
    case 'programme':
      return `#/programmes/${encodeURIComponent(route.id)}`;
    case 'edit':
    case 'pairing':
      return `#/programmes/${encodeURIComponent(route.id)}/${route.kind}`;
  }
}

export type Navigate = (route: Route) => void;

export function useRoute(): { route: Route; navigate: Navigate } {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback<Navigate>((next) => {
    // Setting the hash adds a history entry and fires hashchange, which updates the state.
    window.location.hash = hrefOf(next);
  }, []);
  return { route, navigate };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A malformed escape in a hand-typed URL: treat it as text; it will simply match no programme.
    return part;
  }
}
