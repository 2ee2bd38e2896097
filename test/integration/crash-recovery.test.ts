/**
 * Issue 10 item 1: the server is killed (SIGKILL, no shutdown of any kind)
 * in the middle of an agreement walkthrough, a booking and a nudge fan-out,
 * and a new server process starts on the same Azurite data and table prefix
 * (on the same port, so the world's helpers keep working). Every flow goes on
 * from what was stored: nothing lost, nothing doubled beyond what the design
 * allows (a nudge Teams accepted just before the kill may come once more).
 *
 * To kill an agreement step exactly while its save is in flight, the first
 * server reaches Azurite through a small proxy in this file that can hold
 * the next storage transaction, then either drop it (the write never lands)
 * or let it through after the kill (storage made the change, the server
 * never heard of it).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TableClient } from '@azure/data-tables';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { en } from '../../bot/src/i18n/en';
import { fi } from '../../bot/src/i18n/fi';
import { sv } from '../../bot/src/i18n/sv';
import { azuriteConnectionString } from '../support/azurite';
import type { SentActivity } from '../support/connectorStandIn';
import { aino, eveliina, helmi, jukka, linnea, mikko, onni, pekka, sanna, ville } from '../support/programmeSeed';
import { type ServerHandle, startServer } from '../support/serverProcess';
import { allTexts, cardAction, type InvokeCard, invokeCard } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Same storage, same prefix, same port: a restart as a process manager would do it. */
function serverEnv(world: World, extra: Record<string, string> = {}): Record<string, string> {
  return {
    TABLES_CONNECTION_STRING: world.azurite.connectionString,
    TABLE_PREFIX: world.tablePrefix,
    ...(world.graph ? { GRAPH_BASE_URL: world.graph.baseUrl } : {}),
    ...extra,
  };
}

async function kill(server: ServerHandle): Promise<void> {
  await server.stop('SIGKILL');
  assert.equal(server.child.signalCode, 'SIGKILL', 'killed, not shut down');
}

function table(world: World, name: string): TableClient {
  return TableClient.fromConnectionString(world.azurite.connectionString, `${world.tablePrefix}${name}`, {
    allowInsecureConnection: true,
  });
}

async function rows<T extends object>(client: TableClient, filter?: string): Promise<Array<T & { partitionKey: string; rowKey: string }>> {
  const out: Array<T & { partitionKey: string; rowKey: string }> = [];
  for await (const e of client.listEntities<T>(filter ? { queryOptions: { filter } } : {}))
    out.push(e as T & { partitionKey: string; rowKey: string });
  return out;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

interface HeldRequest {
  /** Lets the request through to Azurite now; its status (the server may be dead by then). */
  release(): Promise<number>;
  /** The request never reaches storage. */
  drop(): void;
}

/** A loopback HTTP proxy in front of Azurite that can hold one matching request. */
async function startStorageProxy(azuritePort: number) {
  let armed: { match: (method: string, url: string, body: string) => boolean; found: (h: HeldRequest) => void } | undefined;
  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const up = http.request(
        {
          host: '127.0.0.1',
          port: azuritePort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${azuritePort}` },
        },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: Buffer.concat(chunks) }));
          r.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const answer = async (): Promise<number> => {
        try {
          const a = await forward(req, body);
          const { 'transfer-encoding': _chunked, ...headers } = a.headers;
          if (!res.destroyed) {
            res.writeHead(a.status, { ...headers, 'content-length': String(a.body.length) });
            res.end(a.body);
          }
          return a.status;
        } catch {
          res.destroy();
          return 0;
        }
      };
      const hold = armed;
      if (hold?.match(req.method ?? '', req.url ?? '', body.toString())) {
        armed = undefined;
        hold.found({ release: answer, drop: () => res.destroy() });
        return;
      }
      void answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: azuriteConnectionString(port),
    /** Resolves with the next request that matches, held until released or dropped. */
    holdNext(match: (method: string, url: string, body: string) => boolean): Promise<HeldRequest> {
      return new Promise((found) => {
        armed = { match, found };
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The agreement's current row and its version rows are written in one entity-group transaction. */
const agreementTransaction = (prefix: string) => (method: string, url: string, body: string) =>
  method === 'POST' && url.includes('$batch') && body.includes(`${prefix}agreements`);

interface AgreementState {
  version: number;
  status: string;
  terms: { goals: Array<{ text: string }>; meetingMinutes: number };
  members: Array<{ id: string; acceptedVersion: number | null }>;
  inForce: { version: number } | null;
  history: Array<{ version: number; acceptedBy: Record<string, string> }>;
}

const saveOf = (card: InvokeCard) => card.actions?.find((a) => a.verb === 'agreement.save');

describe('crash recovery: SIGKILL mid-flow, then a new process on the same storage', function () {
  this.timeout(180000);

  describe('(a) an agreement walkthrough', () => {
    let world: World;
    let proxy: Awaited<ReturnType<typeof startStorageProxy>>;
    let server: ServerHandle;
    let pairId = '';
    let programmeId = '';
    const act = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
      invokeCard(server.baseUrl, cardAction(world.personal(user), verb, { pairId, ...data }));
    const state = async () =>
      (await (await world.api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as AgreementState;
    /** The step a member is at, from the card the walkthrough opens with. */
    const stepOf = async (user: DemoUser) => {
      const card = await act(user, 'agreement.open', {});
      return card.actions?.some((a) => a.verb === 'agreement.accept') ? 'review' : saveOf(card)?.data?.step;
    };
    /** Starts a click, holds its storage transaction, kills the server; the click's answer never comes. */
    const killDuringSave = async (user: DemoUser, verb: string, data: Record<string, unknown>) => {
      const held = proxy.holdNext(agreementTransaction(world.tablePrefix));
      const click = act(user, verb, data).then(
        () => 'answered',
        () => 'no answer',
      );
      const request = await held;
      await kill(server);
      assert.equal(await click, 'no answer');
      return request;
    };
    const restart = async () => {
      server = await startServer(serverEnv(world, { TABLES_CONNECTION_STRING: proxy.connectionString }), {
        port: server.port,
      });
    };
    const assertConsistent = async () => {
      const s = await state();
      const versions = s.history.map((h) => h.version).sort((a, b) => a - b);
      assert.deepEqual(
        versions,
        Array.from({ length: s.version }, (_, i) => i + 1),
        'one version row per version, none missing, none ahead of the live row',
      );
      return s;
    };

    before(async () => {
      world = await startWorld();
      ({ programmeId, pairId } = await world.formPair(sanna, aino, eveliina, 'Kaatumistesti'));
      proxy = await startStorageProxy(world.azurite.port);
      // The world's own server stops cleanly; from here on the server reaches storage through the proxy.
      await world.server.stop();
      server = world.server;
      await restart();
    });
    after(async () => {
      await server?.stop();
      await proxy?.close();
      await world?.stop();
    });

    it('a step whose save never reached storage is simply still to do after the restart', async () => {
      const open = await act(aino, 'agreement.open', { programmeId });
      assert.equal(saveOf(open)?.data?.step, 'duration');
      const v1 = Number(saveOf(open)?.data?.version);
      const next = await act(aino, 'agreement.save', { step: 'duration', version: v1, durationKind: 'meetings', meetings: '4' });
      assert.equal(saveOf(next)?.data?.step, 'rules');
      const before = await assertConsistent();
      const rules = { step: 'rules', version: before.version, meetingMinutes: '45', cadenceWeeks: '3', place: 'teams', noticeHours: '24' };
      (await killDuringSave(aino, 'agreement.save', rules)).drop();
      await restart();
      const after = await assertConsistent();
      assert.equal(after.version, before.version, 'nothing half-written');
      assert.equal(await stepOf(aino), 'rules', 'Aino is where she was before the lost click');
      // Her card still holds the same version: clicking Next again applies it.
      const again = await act(aino, 'agreement.save', rules);
      assert.equal(saveOf(again)?.data?.step, 'confidentiality');
      const applied = await assertConsistent();
      assert.equal(applied.version, before.version + 1);
      assert.equal(applied.terms.meetingMinutes, 45);
    });

    it('a step storage saved after the server died counts once, and Teams’ resend of the click is a no-op', async () => {
      const before = await assertConsistent();
      assert.equal(await stepOf(eveliina), 'duration', 'each member has their own place');
      await act(eveliina, 'agreement.goto', { step: 'goals' });
      const goals = { step: 'goals', version: before.version, goal1: 'Oppia sietämään keskeneräisyyttä', goal2: '' };
      const held = await killDuringSave(eveliina, 'agreement.save', goals);
      assert.ok([200, 202].includes(await held.release()), 'storage made the change');
      await restart();
      const after = await assertConsistent();
      assert.equal(after.version, before.version + 1, 'the change landed once');
      assert.equal(after.terms.goals[0]?.text, 'Oppia sietämään keskeneräisyyttä');
      assert.equal(await stepOf(eveliina), 'review', 'she goes on from the stored step');
      // Teams resends an invoke it got no answer to: same click, same (now older) version.
      const resent = await act(eveliina, 'agreement.save', goals);
      assert.ok(!/muutti|muuttanut|päivitti/i.test(allTexts(resent).join(' ')), 'not answered as stale');
      assert.equal((await assertConsistent()).version, after.version, 'no second version');
    });

    it('accepting works across a kill, and exactly one version is in force', async () => {
      const { version } = await assertConsistent();
      await act(aino, 'agreement.accept', { version, confidentiality: 'true' });
      world.connector.clear();
      // The second acceptance puts it in force; storage takes it, the server dies before it answers.
      const held = await killDuringSave(eveliina, 'agreement.accept', { version, confidentiality: 'true' });
      assert.ok([200, 202].includes(await held.release()));
      await restart();
      const resent = await act(eveliina, 'agreement.accept', { version, confidentiality: 'true' });
      assert.ok(resent.actions?.some((a) => a.verb === 'agreement.reopen'), 'the in-force card');
      const s = await assertConsistent();
      assert.equal(s.status, 'in-force');
      assert.equal(s.inForce?.version, version);
      const everyone = s.history.filter((h) => Object.keys(h.acceptedBy).length === 2);
      assert.deepEqual(
        everyone.map((h) => h.version),
        [version],
        'exactly one version accepted by both',
      );
      const pairs = (await (await world.api(`/api/v1/programmes/${programmeId}/pairs`, sanna)).json()) as {
        items: Array<{ id: string; agreement: { status: string; goals: string[] } }>;
      };
      const row = pairs.items.find((p) => p.id === pairId)?.agreement;
      assert.equal(row?.status, 'in-force', `the supervisor's view follows: ${JSON.stringify(row)}`);
      assert.deepEqual(row?.goals, ['Oppia sietämään keskeneräisyyttä']);
    });
  });
});
