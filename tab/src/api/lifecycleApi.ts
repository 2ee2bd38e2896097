/**
 * Ending a programme (owners only): close it, then delete its data. The
 * server refuses anyone else, a programme still open and a name that does
 * not match; these calls only carry the request.
 */
import { badResponse, type Call, isRecord } from './http';
import { saved } from './programmeApi';
import type { Saved } from './programmeTypes';

export interface LifecycleApi {
  /** Idempotent: closing a closed programme answers it as it is. */
  closeProgramme(id: string): Promise<Saved>;
  /** Deletes everything Polku holds for a closed programme; `confirmName` must be its name. */
  purgeProgramme(
    id: string,
    confirmName: string,
  ): Promise<{ readonly deleted: Readonly<Record<string, number>> }>;
}

export function lifecycleApi(call: Call): LifecycleApi {
  const at = (id: string, rest = '') => `/programmes/${encodeURIComponent(id)}${rest}`;
  return {
    async closeProgramme(id) {
      return saved(await call('POST', at(id, '/close'), {}), '/close');
    },
    async purgeProgramme(id, confirmName) {
      const p = await call('DELETE', at(id), { confirmName });
      if (!isRecord(p) || !isRecord(p.deleted)) throw badResponse('/programmes/:id', 'deleted');
      const deleted = Object.fromEntries(
        Object.entries(p.deleted).map(([table, n]) => [table, Number(n) || 0]),
      );
      return { deleted };
    },
  };
}
