/**
 * Local mode's "run what is due at…" (POST /api/v1/dev/scheduler/tick): how
 * tests move the scheduler's clock without waiting for it. A status other
 * than 200 fails the test with what the server said.
 */
export interface TickResult {
  readonly read: number;
  readonly handled: number;
  readonly retried: number;
  readonly dropped: number;
}

export async function runSchedulerAt(baseUrl: string, at: number): Promise<TickResult> {
  const res = await fetch(`${baseUrl}/api/v1/dev/scheduler/tick`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ at: new Date(at).toISOString() }),
  });
  if (res.status !== 200) throw new Error(`the scheduler tick answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as TickResult;
}
