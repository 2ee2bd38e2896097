/**
 * `npm start` (scripts/dev-stack.ts) as a developer meets it: it starts
 * Azurite, the Graph emulator, the server and the Agents Playground on loopback, says where to
 * click, and on Ctrl-C stops everything and exits 0; a busy port stops it
 * before it starts anything, with a message saying which port and what to do.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { READY_MARKER } from '../../scripts/devstack/readyBox';
import { listeningSockets } from '../support/listeners';
import { assertLoopbackOnly } from '../support/loopbackOnly';
import { freePort, freePorts, waitFor } from '../support/ports';
import { commandLine, descendantPids, isRunning } from '../support/processTree';

const ROOT = path.resolve(__dirname, '../..');

interface Launched {
  readonly child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function launch(env: Record<string, string>): Launched {
  const inherited = { ...process.env };
  for (const name of [
    'PORT',
    'POLKU_PLAYGROUND_USER',
    'POLKU_PLAYGROUND_LOCALE',
    'TAB_DIST_DIR',
    'MICROSOFT_APP_ID',
    'POLKU_GRAPH_PORT',
    'GRAPH_BASE_URL',
  ]) {
    delete inherited[name];
  }
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'scripts/dev-stack.ts')], {
    cwd: ROOT,
    env: { ...inherited, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('npm start (scripts/dev-stack.ts)', function () {
  this.timeout(90000);
  let dir: string;
  let running: Launched | undefined;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'polku-dev-stack-'));
  });

  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGINT');
      await running.exited;
    }
    running = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the stack on loopback, prints where to click, and stops everything on SIGINT', async () => {
    const [azuritePort, graphPort, serverPort, playgroundPort] = (await freePorts(4)) as [
      number,
      number,
      number,
      number,
    ];
    const ports = { azurite: azuritePort, graph: graphPort, server: serverPort, playground: playgroundPort };
    // A built tab of its own, so the test neither builds nor depends on dist/tab.
    const tabDir = path.join(dir, 'tab');
    mkdirSync(tabDir);
    writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>Polku tab stand-in</title>');

    const started = Date.now();
    running = launch({
      POLKU_AZURITE_PORT: String(ports.azurite),
      POLKU_GRAPH_PORT: String(ports.graph),
      PORT: String(ports.server),
      POLKU_PLAYGROUND_PORT: String(ports.playground),
      POLKU_LOCAL_DIR: path.join(dir, 'local'),
      TAB_DIST_DIR: tabDir,
      LOG_LEVEL: 'info',
    });
    const stack = running;
    await waitFor(
      'the ready box',
      async () => {
        if (stack.child.exitCode !== null)
          throw new Error(`dev-stack exited ${stack.child.exitCode}:\n${stack.output()}`);
        return stack.output().includes(READY_MARKER) ? true : undefined;
      },
      60000,
    );
    console.log(`      ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const out = stack.output();
    const playgroundUrl = `http://127.0.0.1:${ports.playground}`;
    const tabUrl = `http://127.0.0.1:${ports.server}/tab/`;
    const healthUrl = `http://127.0.0.1:${ports.server}/healthz`;
    const graphUrl = `http://127.0.0.1:${ports.graph}/v1.0`;
    for (const url of [playgroundUrl, tabUrl, healthUrl, graphUrl])
      assert.ok(out.includes(url), `box names ${url}`);
    assert.match(out, /you are Sanna Virtanen \(supervisor\), locale fi-FI/);
    assert.match(out, /POLKU_PLAYGROUND_USER=/);
    assert.match(
      out,
      /^server {5}INFO {3}Polku listening on/m,
      'server logs are printed compactly behind its name',
    );

    const playground = await fetch(playgroundUrl);
    assert.equal(playground.status, 200);
    assert.match(await playground.text(), /<html/i);
    const tab = await fetch(tabUrl);
    assert.equal(tab.status, 200);
    assert.match(await tab.text(), /Polku tab stand-in/);
    const health = await fetch(healthUrl);
    assert.equal(health.status, 200);
    await health.arrayBuffer();
    const graph = await fetch(`http://127.0.0.1:${ports.graph}/_emulator/health`);
    assert.equal(graph.status, 200);
    assert.equal(graph.headers.get('x-polku-graph-emulator'), 'true');
    await graph.arrayBuffer();
    assertLoopbackOnly([ports.azurite, ports.graph, ports.server, ports.playground]);

    const children = descendantPids(stack.child.pid!);
    assert.ok(
      children.length >= 4,
      `expected Azurite, Graph emulator, server and Playground, found pids ${children.join(', ')}`,
    );
    stack.child.kill('SIGINT');
    assert.equal(await stack.exited, 0, stack.output());
    const alive = children.filter(isRunning);
    assert.deepEqual(alive, [], `still running after SIGINT: ${alive.join(', ')}`);
    const stillListening = listeningSockets().filter((l) => Object.values(ports).includes(l.port));
    assert.deepEqual(stillListening, []);
    assert.match(stack.output(), /SIGINT: stopping playground, server, graph, azurite/);
  });

  it('stops the rest and exits non-zero with the last output when a child dies', async () => {
    const [azuritePort, graphPort, serverPort, playgroundPort] = (await freePorts(4)) as [
      number,
      number,
      number,
      number,
    ];
    const ports = { azurite: azuritePort, graph: graphPort, server: serverPort, playground: playgroundPort };
    running = launch({
      POLKU_AZURITE_PORT: String(ports.azurite),
      POLKU_GRAPH_PORT: String(ports.graph),
      PORT: String(ports.server),
      POLKU_PLAYGROUND_PORT: String(ports.playground),
      POLKU_LOCAL_DIR: path.join(dir, 'local'),
      TAB_DIST_DIR: dir,
    });
    const stack = running;
    await waitFor(
      'the ready box',
      async () => (stack.output().includes(READY_MARKER) ? true : undefined),
      60000,
    ).catch((err: unknown) => {
      throw new Error(`${String(err)}; npm start said:\n${stack.output().slice(-2000)}`);
    });
    const children = descendantPids(stack.child.pid!);
    const server = children.find((pid) => commandLine(pid).includes('bot/src/index.ts'));
    assert.ok(server, 'the server process');
    process.kill(server, 'SIGKILL');
    assert.equal(await stack.exited, 1);
    assert.match(
      stack.output(),
      /server stopped unexpectedly \(signal SIGKILL\)\. Its last output:\n {2}\| INFO +Polku listening/,
    );
    assert.match(stack.output(), /stopping playground, graph, azurite/);
    assert.deepEqual(children.filter(isRunning), []);
  });

  it('refuses to start when a port is taken, naming the port and how to free or change it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      running = launch({
        POLKU_AZURITE_PORT: String(await freePort()),
        POLKU_GRAPH_PORT: String(await freePort()),
        PORT: String(taken),
        POLKU_PLAYGROUND_PORT: String(await freePort()),
        POLKU_LOCAL_DIR: path.join(dir, 'local'),
        TAB_DIST_DIR: dir,
      });
      const code = await running.exited;
      const out = running.output();
      assert.notEqual(code, 0);
      assert.match(out, new RegExp(`Port ${taken} \\(Polku server\\) is already in use on 127\\.0\\.0\\.1`));
      assert.match(out, new RegExp(`ss -ltnp 'sport = :${taken}'`));
      assert.match(out, /PORT=<free port> npm start/);
      assert.doesNotMatch(out, /^(azurite|graph|server|playground) /m, 'nothing was started');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
