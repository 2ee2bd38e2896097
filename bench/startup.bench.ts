/**
 * Start-up and idle memory (issue 9, item 6): time from spawning the
 * compiled server to its first healthy GET /healthz (storage reachable),
 * against a bare node + restify process answering its first request, and
 * the resident memory of each once healthy. Starts alternate between the two
 * and the figures are medians. Memory after load is reported by the bot-turns
 * benchmark; other benchmarks use bench/memory.ts's residentMemory(pid).
 * `npx tsx bench/startup.bench.ts`; `npm run bench -- --only startup`.
 */
import { startAzurite } from '../test/support/azurite';
import { BARE_RESTIFY, buildPolku, polkuEnv, startTimed } from './benchProcess';
import { residentMemory } from './memory';
import { median, round } from './stats';

const STARTS = 7;

export async function runStartupBench(): Promise<Record<string, unknown>> {
  const azurite = await startAzurite();
  try {
    const entry = buildPolku();
    const polku = { startMs: [] as number[], rssMiB: [] as number[] };
    const bare = { startMs: [] as number[], rssMiB: [] as number[] };
    const ratios: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      // A fresh table prefix each time: every start also creates its tables, as a first deployment does.
      const p = await startTimed('polku-startup', [entry], polkuEnv(azurite.connectionString, `start${i}`));
      polku.startMs.push(p.startMs);
      polku.rssMiB.push((await residentMemory(p.pid)).rssMiB);
      await p.stop();
      const b = await startTimed('bare-restify', BARE_RESTIFY);
      bare.startMs.push(b.startMs);
      bare.rssMiB.push((await residentMemory(b.pid)).rssMiB);
      await b.stop();
      ratios.push(p.startMs / b.startMs);
    }
    return {
      starts: STARTS,
      polku: { startMs: round(median(polku.startMs)), idleRssMiB: median(polku.rssMiB) },
      bareRestify: { startMs: round(median(bare.startMs)), idleRssMiB: median(bare.rssMiB) },
      startRatio: round(median(ratios), 2),
      rssRatio: round(median(polku.rssMiB) / median(bare.rssMiB), 2),
    };
  } finally {
    await azurite.stop();
  }
}

export function printStartup(report: Record<string, unknown>): void {
  const p = report.polku as { startMs: number; idleRssMiB: number };
  const b = report.bareRestify as { startMs: number; idleRssMiB: number };
  process.stdout.write(
    `medians of ${String(report.starts)} starts\n` +
      'process         start → healthy ms   idle RSS MiB\n' +
      `polku           ${String(p.startMs).padStart(18)}${String(p.idleRssMiB).padStart(15)}\n` +
      `bare restify    ${String(b.startMs).padStart(18)}${String(b.idleRssMiB).padStart(15)}\n` +
      `ratio           ${`${String(report.startRatio)}×`.padStart(18)}${`${String(report.rssRatio)}×`.padStart(15)}\n`,
  );
}

if (require.main === module) {
  runStartupBench().then(printStartup, (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
