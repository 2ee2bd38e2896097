/**
 * What the Graph emulator holds in one mailbox's calendar, booked through
 * the API (its seeded busy time left out, cancelled events too), read from
 * its test-only `GET /_emulator/events`.
 */
import type { DebugEvent } from '../../scripts/graph-emulator/debug';

export async function bookedEvents(graphBaseUrl: string, mailbox: string): Promise<DebugEvent[]> {
  const origin = graphBaseUrl.replace(/\/v1\.0$/, '');
  const res = await fetch(
    `${origin}/_emulator/events?user=${encodeURIComponent(mailbox)}&includeSeeded=false`,
  );
  if (!res.ok) throw new Error(`the Graph emulator's event list answered ${res.status}`);
  return ((await res.json()) as { value: DebugEvent[] }).value;
}
