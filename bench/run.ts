/**
 * `npm run bench [-- --out file.json] [-- --only name[,name]]`: every
 * benchmark (or the named ones), a table each, one JSON report. Figures that
 * matter are ratios against a baseline measured in the same run (these
 * machines are noisy); each suite reports its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printBotTurns, runBotTurnsBench } from './botTurns.bench';
import { printDashboard, runDashboardBench } from './dashboard.bench';
import { printTable as printMatching, runMatchingBench } from './matching.bench';
import { printScheduler, runSchedulerBench } from './scheduler.bench';
import { printTable as printSlots, runSlotsBench } from './slots.bench';
import { printStartup, runStartupBench } from './startup.bench';

interface Suite {
  readonly run: () => Promise<Record<string, unknown>>;
  readonly print: (figures: Record<string, unknown>) => void;
}

const SUITES: Record<string, Suite> = {
  matching: { run: runMatchingBench, print: printMatching },
  slots: { run: runSlotsBench, print: printSlots },
  'bot-turns': { run: () => runBotTurnsBench(), print: printBotTurns },
  startup: { run: runStartupBench, print: printStartup },
  dashboard: { run: runDashboardBench, print: printDashboard },
  scheduler: { run: runSchedulerBench, print: printScheduler },
};

/** --only a,b: those suites; an unknown name stops the run before anything starts. */
function chosenSuites(): [string, Suite][] {
  const flag = process.argv.indexOf('--only');
  if (flag < 0) return Object.entries(SUITES);
  const names = (process.argv[flag + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(n in SUITES));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes suite names from: ${Object.keys(SUITES).join(', ')}`);
  }
  return names.map((n) => [n, SUITES[n] as Suite]);
}

async function main(): Promise<void> {
  const suites = chosenSuites();
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
      // Other work on the machine skews absolute figures (ratios less so): the 1-minute load when the run began.
      loadAverageAtStart: os.loadavg()[0],
    },
  };
  for (const [name, suite] of suites) {
    process.stdout.write(`\n== ${name}\n`);
    const started = Date.now();
    const figures = await suite.run();
    report[name] = figures;
    suite.print(figures);
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
