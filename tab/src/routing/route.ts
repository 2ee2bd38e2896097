/**
 * The tab's pages as URL hashes (#/programmes/<id>/pairing), so the browser's
 * Back works, a reload stays put and a link can be opened in a new tab. No
 * router library: a handful of routes do not need one.
 */
import { useCallback, useEffect, useState } from 'react';

export type Route =
  | { readonly kind: 'me' }
  | { readonly kind: 'agreement'; readonly pairId: string }
  | { readonly kind: 'list' }
  | { readonly kind: 'new' }
  | { readonly kind: 'programme'; readonly id: string }
  | { readonly kind: 'edit'; readonly id: string }
  | { readonly kind: 'pairing'; readonly id: string }
  | { readonly kind: 'dashboard'; readonly id: string };

/**
 * Where an empty hash leads: the personal tab (view=me) opens on "My mentoring", a channel tab saved with
 * its programme on that programme's dashboard, everything else on the programmes.
 */
export type Landing = 'me' | 'list' | { readonly kind: 'dashboard'; readonly id: string };

export function parseRoute(hash: string, landing: Landing = 'list'): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return typeof landing === 'string' ? { kind: landing } : landing;
  if (parts[0] === 'me') {
    if (parts.length === 1) return { kind: 'me' };
    if (parts[1] === 'pairs' && parts[2] && parts.length === 3)
      return { kind: 'agreement', pairId: parts[2] };
    return { kind: 'me' };
  }
  if (parts[0] !== 'programmes' || parts.length === 1) return { kind: 'list' };
  if (parts[1] === 'new' && parts.length === 2) return { kind: 'new' };
  const id = parts[1] ?? '';
  if (parts.length === 2) return { kind: 'programme', id };
  if (parts[2] === 'edit' && parts.length === 3) return { kind: 'edit', id };
  if (parts[2] === 'pairing' && parts.length === 3) return { kind: 'pairing', id };
  if (parts[2] === 'dashboard' && parts.length === 3) return { kind: 'dashboard', id };
  return { kind: 'list' };
}

export function hrefOf(route: Route): string {
  switch (route.kind) {
    case 'me':
      return '#/me';
    case 'agreement':
      return `#/me/pairs/${encodeURIComponent(route.pairId)}`;
    case 'list':
      return '#/programmes';
    case 'new':
      return '#/programmes/new';
    case 'programme':
      return `#/programmes/${encodeURIComponent(route.id)}`;
    case 'edit':
    case 'pairing':
    case 'dashboard':
      return `#/programmes/${encodeURIComponent(route.id)}/${route.kind}`;
  }
}

/** The header's section for a route: "My mentoring" or "Programmes". */
export function sectionOf(route: Route): 'me' | 'programmes' {
  return route.kind === 'me' || route.kind === 'agreement' ? 'me' : 'programmes';
}

export type Navigate = (route: Route) => void;

export function useRoute(landing: Landing = 'list'): { route: Route; navigate: Navigate } {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash, landing));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash, landing));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [landing]);
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
