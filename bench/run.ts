/**
 * `npm run bench [-- --out file.json]`: every benchmark, one JSON report.
 * Figures that matter are ratios against a baseline measured in the same
 * run (these machines are noisy); each suite reports its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMatchingBench } from './matching.bench';
import { runSlotsBench } from './slots.bench';

const SUITES: Record<string, () => Promise<Record<string, unknown>>> = {
  matching: runMatchingBench,
  slots: runSlotsBench,
};

async function main(): Promise<void> {
  const outFlag = process.argv.indexOf('--out');
  const out =
    outFlag >= 0 && process.argv[outFlag + 1]
      ? path.resolve(process.argv[outFlag + 1] as string)
      : path.resolve(__dirname, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const report: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? '',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
  };
  for (const [name, run] of Object.entries(SUITES)) {
    process.stdout.write(`\n== ${name}\n`);
    const started = Date.now();
    report[name] = await run();
    process.stdout.write(`(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nreport: ${out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
