/**
 * CPU time a process has used so far (user + system), read from
 * /proc/<pid>/stat (Linux): on a 2-core machine the server, Azurite and the
 * load generator share the cores, so CPU per turn says who the limit is.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function cpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The pid of the process whose command line contains every one of `parts` (e.g. Azurite on its port). */
export function findPid(parts: readonly string[]): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue; // the process ended while we looked
    }
    if (parts.every((p) => cmdline.includes(p))) return Number(entry);
  }
  throw new Error(`no process with ${parts.join(' ')}`);
}
