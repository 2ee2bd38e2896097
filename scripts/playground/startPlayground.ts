/**
 * Starts the Microsoft 365 Agents Playground (the local Teams client) for one
 * demo user, on loopback only, and waits until it answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { DEFAULT_PLAYGROUND_USER, writePlaygroundConfig } from './config';

const ROOT = path.resolve(__dirname, '../..');
// node_modules/.bin/agentsplayground is this file; running it with our own node keeps one Node version.
const CLI = path.join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');
export const DEFAULT_PLAYGROUND_PORT = 56150;

export interface PlaygroundOptions {
  /** Port of the Polku server whose /api/messages the Playground talks to. */
  readonly serverPort: number;
  readonly port?: number;
  readonly user?: DemoUser;
  /** Locale the activities carry; defaults to the user's own (the Playground itself always says en-US). */
  readonly locale?: string;
  /** Where the generated config and the Playground's log go. */
  readonly workDir: string;
  /** Each line the Playground prints to stdout or stderr (most of what it says goes to logFile). */
  readonly onLine?: (line: string) => void;
  readonly timeoutMs?: number;
}

export interface PlaygroundHandle {
  readonly url: string;
  readonly port: number;
  readonly user: DemoUser;
  readonly locale: string;
  readonly configPath: string;
  /** The Playground logs to this file, not to a pipe (it writes to the console only on a TTY). */
  readonly logFile: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Arguments and environment for the Playground child; exported for callers that supervise it themselves. */
export function playgroundCommand(
  options: PlaygroundOptions & { port: number; user: DemoUser; locale: string },
) {
  const configPath = writePlaygroundConfig(options.workDir, options.user);
  const logFile = path.join(options.workDir, `playground-${options.port}.log`);
  const appEndpoint = `http://127.0.0.1:${options.serverPort}/api/messages`;
  const preloads = ['loopbackOnly.cjs', 'teamsLocale.cjs']
    .map((f) => `--require ${JSON.stringify(path.join(__dirname, f))}`)
    .join(' ');
  const args = [
    CLI,
    '--app-endpoint',
    appEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(options.port),
    '--service-url',
    `http://127.0.0.1:${options.port}/_connector`,
    '--disable-telemetry',
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, preloads].filter(Boolean).join(' '),
    POLKU_PLAYGROUND_APP_ENDPOINT: appEndpoint,
    POLKU_PLAYGROUND_LOCALE: options.locale,
  };
  return { command: process.execPath, args, env, configPath, logFile, appEndpoint };
}

/** The end of the Playground's log file: where it says why it stopped (it logs there, not to a pipe). */
function logTail(logFile: string, lines = 15): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log file)';
  }
}

async function waitForPlayground(url: string, child: ChildProcess, logFile: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const code = child.exitCode ?? child.signalCode;
      throw new Error(
        `Playground exited (${code}) before answering; its log ${logFile} ends:\n${logTail(logFile)}`,
      );
    }
    const res = await fetch(`${url}/_debug/ping`).catch(() => undefined);
    if (res?.ok) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Playground did not answer ${url}/_debug/ping in ${timeoutMs} ms:\n${logTail(logFile)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundHandle> {
  const port = options.port ?? DEFAULT_PLAYGROUND_PORT;
  const user = options.user ?? DEFAULT_PLAYGROUND_USER;
  const locale = options.locale ?? user.locale;
  const { command, args, env, configPath, logFile } = playgroundCommand({ ...options, port, user, locale });
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.trim()) options.onLine?.(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitForPlayground(url, child, logFile, options.timeoutMs ?? 30000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, user, locale, configPath, logFile, child, stop };
}
