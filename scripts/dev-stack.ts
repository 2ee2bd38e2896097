/**
 * `npm start`: the local stack on loopback only. Azurite (table storage,
 * data kept in .local/azurite), the Graph emulator (a development stand-in
 * for Graph's calendar endpoints, scripts/graph-emulator), the Polku server
 * in local mode, and the Microsoft 365 Agents Playground as the Teams client,
 * each started once the one before it answers. Ctrl-C stops them all; if one
 * dies, the rest stop.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { followFile } from './devstack/fileFollower';
import { formatPinoLine } from './devstack/pinoLine';
import { busyPortProblems } from './devstack/ports';
import { readyBox } from './devstack/readyBox';
import { type DevStackSettings, ROOT, readSettings, SettingsError } from './devstack/settings';
import { Stack, say } from './devstack/stack';
import { buildTab, tabBuildReason } from './devstack/tabBuild';
import { playgroundCommand } from './playground/startPlayground';

const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** Server settings a developer may set in the shell; everything else is fixed to local mode. */
const SERVER_PASSTHROUGH = [
  'LOG_LEVEL',
  'TABLE_PREFIX',
  'GRAPH_BASE_URL',
  'POLKU_DEV_SESSION_KEY',
  'TZ',
  'LANG',
];

function exitWith(message: string): never {
  process.stderr.write(`npm start cannot start Polku:\n  ${message}\n`);
  process.exit(1);
}

async function answers(url: string, ok: (status: number) => boolean): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  return ok(res.status);
}

function serverEnv(settings: DevStackSettings): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  for (const name of SERVER_PASSTHROUGH) if (process.env[name]) env[name] = process.env[name];
  return {
    ...env,
    POLKU_MODE: 'local',
    HOST: '127.0.0.1',
    PORT: String(settings.server.port),
    TABLES_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${settings.azurite.port}/devstoreaccount1;`,
    TAB_DIST_DIR: settings.tabDistDir,
    // A GRAPH_BASE_URL set in the shell wins; otherwise the server talks to the emulator started here.
    GRAPH_BASE_URL: process.env.GRAPH_BASE_URL || `http://127.0.0.1:${settings.graph.port}/v1.0`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  let settings: DevStackSettings;
  try {
    settings = readSettings();
  } catch (err) {
    if (err instanceof SettingsError) exitWith(err.message);
    throw err;
  }
  const problems = await busyPortProblems([
    settings.azurite,
    settings.graph,
    settings.server,
    settings.playground,
  ]);
  if (problems.length > 0) exitWith(problems.join('\n  '));

  if (settings.buildTab) {
    const reason = tabBuildReason(settings.tabDistDir);
    if (reason) {
      say(`building the tab (${reason})`);
      const code = await buildTab();
      if (code !== 0) exitWith(`npm run build:tab failed (exit code ${code}); see its output above`);
    }
  }

  const stack = new Stack();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void stack.shutdown(signal));
  process.on('exit', () => stack.killAll());

  mkdirSync(settings.azuriteLocation, { recursive: true });
  const azurite = stack.start({
    name: 'azurite',
    command: process.execPath,
    args: [
      path.join(ROOT, 'node_modules/azurite/dist/src/table/main.js'),
      '--disableTelemetry',
      '--silent',
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(settings.azurite.port),
      '--location',
      settings.azuriteLocation,
    ],
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  await stack.waitUntil('Azurite', azurite, () =>
    answers(`http://127.0.0.1:${settings.azurite.port}/devstoreaccount1/Tables`, () => true),
  );

  const graph = stack.start({
    name: 'graph',
    command: process.execPath,
    args: ['--require', 'tsx/cjs', path.join(ROOT, 'scripts/graph-emulator/main.ts')],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      POLKU_GRAPH_PORT: String(settings.graph.port),
      ...(process.env.POLKU_GRAPH_ZONE_NAMES
        ? { POLKU_GRAPH_ZONE_NAMES: process.env.POLKU_GRAPH_ZONE_NAMES }
        : {}),
    },
  });
  await stack.waitUntil('The Graph emulator', graph, () =>
    answers(`http://127.0.0.1:${settings.graph.port}/_emulator/health`, (s) => s === 200),
  );

  const server = stack.start({
    name: 'server',
    command: process.execPath,
    // restify on Node 20 warns about process.binding on every start; it is not ours to fix.
    args: ['--disable-warning=DEP0111', '--require', 'tsx/cjs', path.join(ROOT, 'bot/src/index.ts')],
    env: serverEnv(settings),
    format: formatPinoLine,
  });
  await stack.waitUntil('The Polku server', server, () =>
    answers(`http://127.0.0.1:${settings.server.port}/healthz`, (s) => s === 200),
  );

  const { command, args, env, logFile } = playgroundCommand({
    serverPort: settings.server.port,
    port: settings.playground.port,
    user: settings.user,
    locale: settings.locale,
    workDir: path.join(settings.localDir, 'playground'),
  });
  // It prints some lines both to its pipe and to its log file ("<console method> <message>").
  const playground = stack.start({ name: 'playground', command, args, env, dedupe: true });
  followFile(logFile, (line) =>
    playground.print(
      line.replace(/^(log|info|debug) /, '').replace(/^(warn|error) /, (m) => `${m.trim().toUpperCase()} `),
    ),
  );
  await stack.waitUntil('The Agents Playground', playground, () =>
    answers(`http://127.0.0.1:${settings.playground.port}/_debug/ping`, (s) => s === 200),
  );

  process.stdout.write(`\n${readyBox(settings, (performance.now() - started) / 1000)}\n\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `npm start failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
