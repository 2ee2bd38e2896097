/**
 * The running stack: starts children in order, stops them in reverse order
 * (Playground, server, Graph emulator, Azurite) on a signal or when one of them dies.
 */
import { type ChildSpec, prefixed, StackChild } from './child';

export function say(line: string): void {
  process.stdout.write(`${prefixed('npm start', line)}\n`);
}

export class Stack {
  private readonly children: StackChild[] = [];
  private closing = false;

  start(spec: ChildSpec): StackChild {
    const child = new StackChild(spec, (c, code, signal) => void this.fail(c, code, signal));
    this.children.push(child);
    return child;
  }

  /** Polls probe until it returns true; gives up when the stack is closing or the time is up. */
  async waitUntil(
    what: string,
    child: StackChild,
    probe: () => Promise<boolean>,
    timeoutMs = 60000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closing && child.running) {
      if (await probe().catch(() => false)) return;
      if (Date.now() > deadline) {
        await this.fail(child, null, null, `${what} did not answer within ${timeoutMs / 1000} s`);
        return;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    // A dead child or a signal is being dealt with by fail() or shutdown(); never go on from here.
    await new Promise(() => {});
  }

  async shutdown(signal: string): Promise<never> {
    if (this.closing) {
      // A second Ctrl-C while stopping: stop waiting for anyone.
      say(`${signal} again: killing ${this.runningNames() || 'nothing'}`);
      this.killAll();
      process.exit(1);
    }
    this.closing = true;
    say(`${signal}: stopping ${this.runningNames() || 'nothing'}`);
    await this.stopAll();
    say('stopped');
    process.exit(0);
  }

  async fail(child: StackChild, code: number | null, signal: string | null, reason?: string): Promise<never> {
    if (this.closing) return new Promise(() => {});
    this.closing = true;
    const why =
      reason ?? `${child.name} stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`;
    const last = child.lastLines();
    process.stderr.write(
      `\n${why}. ${last.length ? `Its last output:\n${last.map((l) => `  | ${l}`).join('\n')}` : 'It printed nothing.'}\n\n`,
    );
    say(`stopping ${this.runningNames() || 'nothing else'}`);
    await this.stopAll();
    process.exit(1);
  }

  /** Last resort when the launcher exits without shutting down (an uncaught error). */
  killAll(): void {
    for (const child of this.children) child.killNow();
  }

  private runningNames(): string {
    return this.children
      .filter((c) => c.running)
      .reverse()
      .map((c) => c.name)
      .join(', ');
  }

  private async stopAll(): Promise<void> {
    for (const child of [...this.children].reverse()) await child.stop();
  }
}
