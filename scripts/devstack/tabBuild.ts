/** Builds the tab when its build is missing or older than its sources, so /tab/ shows current code. */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { prefixed } from './child';
import { ROOT } from './settings';

const SOURCES = ['tab/src', 'tab/public', 'tab/index.html', 'tab/vite.config.mts'];

function newestMtime(entry: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Why the tab needs building, or undefined when its build is current. */
export function tabBuildReason(distDir: string): string | undefined {
  const index = path.join(distDir, 'index.html');
  let built: number;
  try {
    built = statSync(index).mtimeMs;
  } catch {
    return `${path.relative(ROOT, index)} is missing`;
  }
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  return sources > built ? `tab sources changed since ${path.relative(ROOT, index)} was built` : undefined;
}

/** Runs `npm run build:tab`, printing its output as "tab"; resolves with its exit code. */
export function buildTab(): Promise<number> {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', '--silent', 'build:tab'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const print = (d: Buffer) => {
      for (const line of d.toString().split('\n'))
        if (line.trim()) process.stdout.write(`${prefixed('tab', line)}\n`);
    };
    child.stdout.on('data', print);
    child.stderr.on('data', print);
    child.once('error', (err) => {
      process.stdout.write(`${prefixed('tab', `could not run npm: ${err.message}`)}\n`);
      resolve(1);
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
