/**
 * Servers under benchmark as child processes: Polku compiled as production
 * runs it (`node dist/...`, not through tsx, so start-up is what App Service
 * sees), the echo bot, and a bare restify process. Each start is timed from
 * spawn to its first healthy answer, polled every few milliseconds.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort } from '../test/support/ports';

export const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const BUILD_DIR = path.join(RESULTS, '.server-build');

export interface BenchProcess {
  readonly pid: number;
  readonly baseUrl: string;
  /** Spawn to the first healthy answer, ms. */
  readonly startMs: number;
  /** Where the process's stdout and stderr went (its JSON log lines). */
  readonly logFile: string;
  stop(): Promise<void>;
}

/** Compiles the server once per bench run into bench/results (git-ignored); returns its entry. */
export function buildPolku(): string {
  const entry = path.join(BUILD_DIR, 'bot', 'src', 'index.js');
  // A clean build: a file deleted from the source must not linger in what is measured.
  rmSync(BUILD_DIR, { recursive: true, force: true });
  try {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        BUILD_DIR,
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );
  } catch (err) {
    // tsc still emits on type errors (someone's file in progress); only a missing entry is fatal.
    if (!existsSync(entry)) throw err;
    process.stdout.write('(tsc reported type errors; benchmarking what it emitted)\n');
  }
  return entry;
}

export function polkuEnv(connectionString: string, tablePrefix: string): Record<string, string> {
  return {
    TABLES_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: tablePrefix,
    LOG_LEVEL: 'info',
    TAB_DIST_DIR: path.join(ROOT, 'dist/tab'),
  };
}

/** A bare restify process answering GET /healthz: the floor for start-up time and memory. */
export const BARE_RESTIFY = [
  '-e',
  `const s = require('restify').createServer();
   s.get('/healthz', (req, res, next) => { res.send(200, { status: 'ok' }); next(); });
   s.listen(Number(process.env.PORT), '127.0.0.1');`,
];

export const ECHO_BOT = ['--require', 'tsx/cjs', path.join(ROOT, 'bench', 'echoBot.ts')];

/** Spawns `node args…` with PORT set and waits until GET /healthz answers 200. */
export async function startTimed(
  name: string,
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<BenchProcess> {
  const port = await freePort();
  mkdirSync(RESULTS, { recursive: true });
  const logFile = path.join(RESULTS, `${name}.log`);
  const log = openSync(logFile, 'w');
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = started + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
    if ((await healthStatus(`${baseUrl}/healthz`)) === 200) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not healthy within ${timeoutMs} ms; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const startMs = performance.now() - started;
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name} has no pid`);
  return {
    pid,
    baseUrl,
    startMs,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The status of one GET, or 0 while nothing listens yet. */
function healthStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(2000, () => req.destroy());
    req.on('error', () => resolve(0));
  });
}
