/**
 * Runs the real server as a child process, as production does (no test
 * hooks inside it), and waits until /healthz answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, waitFor } from './ports';

export interface ServerHandle {
  readonly port: number;
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** Everything the server logged (JSON lines), for assertions about logs. */
  logs(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const ROOT = path.resolve(__dirname, '../..');

export async function startServer(
  env: Record<string, string>,
  /** healthyStatus: the /healthz status that counts as started (503 to start against storage that is down). */
  options: { port?: number; healthyStatus?: number } = {},
): Promise<ServerHandle> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'bot/src/index.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      LOG_LEVEL: 'info',
      TAB_DIST_DIR: path.join(ROOT, 'dist/tab'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(
    `server on ${port}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      const res = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
      return res?.status === (options.healthyStatus ?? 200) ? true : undefined;
    },
    30000,
  );
  return {
    port,
    baseUrl,
    child,
    logs: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        // Ended already (killed with a signal leaves exitCode null): 'exit' will not come again.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
