/** Start-up, health, shutdown and binding of the real server process. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../../bot/src/devsupport/demoOrganisation';
import { type AzuriteHandle, azuriteConnectionString, startAzurite } from '../support/azurite';
import { type ConnectorStandIn, startConnectorStandIn } from '../support/connectorStandIn';
import { isLoopbackAddress, listeningSockets } from '../support/listeners';
import { freePort, waitFor } from '../support/ports';
import { startServer } from '../support/serverProcess';
import { message, postActivity } from '../support/teamsActivities';

const ROOT = path.resolve(__dirname, '../..');

function runServerExpectingExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'bot/src/index.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('server lifecycle', function () {
  this.timeout(60000);
  let azurite: AzuriteHandle;
  const prefix = () => `t${Math.random().toString(36).slice(2, 8)}`;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => azurite?.stop());

  it('refuses to start with a bad configuration, naming every problem (exit 78)', async () => {
    const { code, output } = await runServerExpectingExit({
      PORT: 'eighty',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'x',
    });
    assert.equal(code, 78);
    assert.match(output, /PORT must be a whole number/);
    assert.match(output, /HOST must be a loopback address in local mode/);
    assert.match(output, /LOG_LEVEL/);
  });

  it('says clearly when its port is taken', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    try {
      const { code, output } = await runServerExpectingExit({
        PORT: String(port),
        TABLES_CONNECTION_STRING: azurite.connectionString,
        TABLE_PREFIX: prefix(),
      });
      assert.equal(code, 1);
      assert.match(output, new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('listens on loopback only in local mode', async () => {
    const server = await startServer({
      TABLES_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: prefix(),
    });
    try {
      const mine = listeningSockets().filter((l) => l.port === server.port);
      assert.ok(mine.length > 0, 'the server is listening');
      for (const l of mine) assert.ok(isLoopbackAddress(l.address), `bound to ${l.address}`);
    } finally {
      await server.stop();
    }
  });

  it('finishes an in-flight turn on SIGTERM, then exits 0', async () => {
    const connector: ConnectorStandIn = await startConnectorStandIn();
    const server = await startServer({
      TABLES_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: prefix(),
    });
    try {
      connector.setDelay(1500);
      const user = DEMO_USERS[3]!;
      const pending = postActivity(
        server.baseUrl,
        message({ serviceUrl: connector.serviceUrl, user }, 'help'),
      );
      await new Promise((r) => setTimeout(r, 400));
      const exited = server.stop('SIGTERM');
      const res = await pending;
      assert.equal(res.status, 200);
      assert.equal(await exited, 0);
      assert.equal(connector.sent.length, 1, 'the reply was delivered before exit');
      await assert.rejects(fetch(`${server.baseUrl}/healthz`), 'no longer accepting');
    } finally {
      await connector.close();
    }
  });

  it('reports storage reachability on /healthz, and recovers when storage returns', async () => {
    const location = mkdtempSync(path.join(os.tmpdir(), 'polku-azurite-'));
    const own = await startAzurite({ location });
    const server = await startServer({
      TABLES_CONNECTION_STRING: own.connectionString,
      TABLE_PREFIX: prefix(),
    });
    try {
      assert.deepEqual(await (await fetch(`${server.baseUrl}/healthz`)).json(), {
        status: 'ok',
        storage: 'reachable',
      });
      await own.stop();
      const down = await fetch(`${server.baseUrl}/healthz`);
      assert.equal(down.status, 503);
      assert.deepEqual(await down.json(), { status: 'unhealthy', storage: 'unreachable' });
      const back = await startAzurite({ port: own.port, location });
      try {
        await waitFor('healthy again', async () =>
          (await fetch(`${server.baseUrl}/healthz`)).status === 200 ? true : undefined,
        );
      } finally {
        await back.stop();
      }
    } finally {
      await server.stop();
      rmSync(location, { recursive: true, force: true });
    }
  });

  it('starts while storage is down, serves unhealthy, and becomes healthy when storage comes up', async () => {
    const port = await freePort();
    const server = await startServer(
      { TABLES_CONNECTION_STRING: azuriteConnectionString(port), TABLE_PREFIX: prefix() },
      { healthyStatus: 503 },
    );
    try {
      const late = await startAzurite({ port });
      try {
        await waitFor('healthy', async () =>
          (await fetch(`${server.baseUrl}/healthz`)).status === 200 ? true : undefined,
        );
      } finally {
        await late.stop();
      }
    } finally {
      await server.stop();
    }
  });
});
