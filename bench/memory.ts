/**
 * Resident memory of a running process, read from /proc (Linux): the hook
 * other benchmarks use to report a server's memory after their own load
 * (e.g. the dashboard's 5,000 pairs): `await residentMemory(server.pid)`.
 */
import { readFile } from 'node:fs/promises';

export interface ResidentMemory {
  /** Resident set size now (VmRSS), MiB. */
  readonly rssMiB: number;
  /** The highest resident set size so far (VmHWM), MiB. */
  readonly peakMiB: number;
}

export async function residentMemory(pid: number): Promise<ResidentMemory> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!m?.[1]) throw new Error(`/proc/${pid}/status has no ${field} (not Linux, or the process is gone)`);
    return Number(m[1]);
  };
  return { rssMiB: Math.round(kib('VmRSS') / 102.4) / 10, peakMiB: Math.round(kib('VmHWM') / 102.4) / 10 };
}
