/** Which pairs the table shows, and in what order: search, status and attention filters, and sorting. */
import type { AttentionFlag, DashboardPair, PairStage } from '../../api/dashboardTypes';

export const SORTS = ['attention', 'names', 'nextMeeting', 'lastActivity', 'meetings'] as const;
export type SortKey = (typeof SORTS)[number];

export interface PairView {
  readonly search: string;
  readonly stage: PairStage | 'all';
  readonly attention: AttentionFlag | 'any' | 'none' | 'all';
  readonly sort: SortKey;
}

export const DEFAULT_VIEW: PairView = { search: '', stage: 'all', attention: 'all', sort: 'attention' };

export function namesOf(p: DashboardPair): string {
  return p.members.map((m) => m.name).join(', ');
}

export function viewPairs(pairs: readonly DashboardPair[], view: PairView, locale: string): DashboardPair[] {
  const needle = view.search.trim().toLocaleLowerCase(locale);
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const shown = pairs.filter((p) => {
    if (view.stage !== 'all' && p.stage !== view.stage) return false;
    if (view.attention === 'any' && p.attention.length === 0) return false;
    if (view.attention === 'none' && p.attention.length > 0) return false;
    if (view.attention !== 'all' && view.attention !== 'any' && view.attention !== 'none')
      if (!p.attention.includes(view.attention)) return false;
    if (!needle) return true;
    return [namesOf(p), ...p.goals].some((text) => text.toLocaleLowerCase(locale).includes(needle));
  });
  const byNames = (a: DashboardPair, b: DashboardPair) => collator.compare(namesOf(a), namesOf(b));
  // Missing times sort last whatever the key: "none booked" is not "soonest".
  const byTime = (key: 'nextMeeting' | 'lastActivity') => (a: DashboardPair, b: DashboardPair) =>
    (a[key] ?? '\uffff').localeCompare(b[key] ?? '\uffff') || byNames(a, b);
  const compare: Record<SortKey, (a: DashboardPair, b: DashboardPair) => number> = {
    attention: (a, b) => b.attention.length - a.attention.length || byNames(a, b),
    names: byNames,
    nextMeeting: byTime('nextMeeting'),
    lastActivity: byTime('lastActivity'),
    meetings: (a, b) => b.meetingsHeld - a.meetingsHeld || byNames(a, b),
  };
  return shown.sort(compare[view.sort]);
}
