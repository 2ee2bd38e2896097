/**
 * One process of the stack: started in its own process group (so a terminal's
 * Ctrl-C reaches only the launcher, which stops the stack in order), its
 * output printed line by line behind its name, its last lines kept for when it
 * dies.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from './settings';

const KEEP_LINES = 30;
const STOP_TIMEOUT_MS = 8000;
const useColour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const COLOURS: Readonly<Record<string, string>> = {
  azurite: '36',
  graph: '34',
  server: '32',
  playground: '35',
  tab: '33',
};

export function prefixed(name: string, line: string): string {
  const label = name.padEnd(10);
  const colour = COLOURS[name];
  return useColour && colour ? `\x1b[${colour}m${label}\x1b[0m ${line}` : `${label} ${line}`;
}

export interface ChildSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Turns one output line into what is printed (e.g. pino JSON into level + message). */
  readonly format?: (line: string) => string;
  /** Skip a line identical to one of the last lines (for a child that says things twice). */
  readonly dedupe?: boolean;
}

export class StackChild {
  readonly name: string;
  readonly process: ChildProcess;
  private readonly lines: string[] = [];
  private readonly exited: Promise<void>;
  private stopping = false;
  private readonly dedupe: boolean;

  constructor(
    spec: ChildSpec,
    onUnexpectedExit: (child: StackChild, code: number | null, signal: string | null) => void,
  ) {
    this.name = spec.name;
    this.dedupe = spec.dedupe ?? false;
    this.process = spawn(spec.command, [...spec.args], {
      cwd: ROOT,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const format = spec.format ?? ((l: string) => l);
    for (const stream of [this.process.stdout, this.process.stderr]) {
      let partial = '';
      stream?.on('data', (d: Buffer) => {
        const parts = (partial + d.toString()).split('\n');
        partial = parts.pop() ?? '';
        for (const line of parts) this.print(format(line.replace(/\r$/, '')));
      });
      stream?.on('end', () => {
        if (partial) this.print(format(partial));
        partial = '';
      });
    }
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        if (!this.stopping) onUnexpectedExit(this, code, signal);
        resolve();
      });
      this.process.once('error', (err) => {
        this.print(`could not start: ${err.message}`);
        if (!this.stopping) onUnexpectedExit(this, null, null);
        resolve();
      });
    });
  }

  /** Prints a line as this child's and keeps it among the last lines. */
  print(line: string): void {
    if (!line.trim() || (this.dedupe && this.lines.includes(line))) return;
    this.lines.push(line);
    if (this.lines.length > KEEP_LINES) this.lines.shift();
    process.stdout.write(`${prefixed(this.name, line)}\n`);
  }

  lastLines(): readonly string[] {
    return this.lines;
  }

  get running(): boolean {
    return (
      this.process.exitCode === null && this.process.signalCode === null && this.process.pid !== undefined
    );
  }

  private signal(sig: NodeJS.Signals): void {
    const pid = this.process.pid;
    if (pid === undefined) return;
    try {
      // The whole group, so nothing the child started is left behind.
      if (process.platform === 'win32') this.process.kill(sig);
      else process.kill(-pid, sig);
    } catch {
      // Already gone.
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited in time. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.running) return;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** Last resort when the launcher itself is going away. */
  killNow(): void {
    this.stopping = true;
    if (this.running) this.signal('SIGKILL');
  }
}
