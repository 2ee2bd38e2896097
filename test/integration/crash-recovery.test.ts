/**
 * Issue 10 item 1: the server is killed (SIGKILL, no shutdown of any kind)
 * in the middle of an agreement walkthrough, a booking and a nudge fan-out,
 * and a new server process starts on the same Azurite data and table prefix
 * (on the same port, so the world's helpers keep working). Every flow goes on
 * from what was stored: nothing lost, nothing doubled beyond what the design
 * allows (a nudge Teams accepted just before the kill may come once more).
 *
 * To kill an agreement step exactly while its save is in flight, the first
 * server reaches Azurite through a small proxy (test/support/storageProxy.ts) that can hold
 * the next storage transaction, then either drop it (the write never lands)
 * or let it through after the kill (storage made the change, the server
 * never heard of it).
 */
import assert from 'node:assert/strict';
import { TableClient } from '@azure/data-tables';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { en } from '../../bot/src/i18n/en';
import { fi } from '../../bot/src/i18n/fi';
import { sv } from '../../bot/src/i18n/sv';
import type { SentActivity } from '../support/connectorStandIn';
import { bookedEvents } from '../support/emulatorEvents';
import {
  aino,
  eveliina,
  helmi,
  jukka,
  linnea,
  mikko,
  onni,
  pekka,
  sanna,
  ville,
} from '../support/programmeSeed';
import { runSchedulerAt } from '../support/schedulerTick';
import { type ServerHandle, startServer } from '../support/serverProcess';
import { type StorageProxy, startStorageProxy } from '../support/storageProxy';
import { allTexts, cardAction, type InvokeCard, invokeCard } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The UTC instant of `hour`:00 on `ymd` in Helsinki. */
function helsinki(ymd: string, hour: number): string {
  const hourIn = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Helsinki',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  for (const offset of [2, 3]) {
    const at = new Date(
      Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10)), hour - offset),
    );
    if (Number(hourIn.format(at)) === hour) return at.toISOString();
  }
  throw new Error(`no ${hour}:00 in Helsinki on ${ymd}`);
}

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

async function rows<T extends object>(
  client: TableClient,
  filter?: string,
): Promise<Array<T & { partitionKey: string; rowKey: string }>> {
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
    let proxy: StorageProxy;
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
      const next = await act(aino, 'agreement.save', {
        step: 'duration',
        version: v1,
        durationKind: 'meetings',
        meetings: '4',
      });
      assert.equal(saveOf(next)?.data?.step, 'rules');
      const before = await assertConsistent();
      const rules = {
        step: 'rules',
        version: before.version,
        meetingMinutes: '45',
        cadenceWeeks: '3',
        place: 'teams',
        noticeHours: '24',
      };
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
      const goals = {
        step: 'goals',
        version: before.version,
        goal1: 'Oppia sietämään keskeneräisyyttä',
        goal2: '',
      };
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
      const killedAt = Date.now();
      await restart();
      // Teams gives up on the unanswered invoke and Eveliina clicks again, later than a live request could
      // still be finishing (20 s): the repeat finishes what the dead process left.
      await new Promise((r) => setTimeout(r, Math.max(0, killedAt + 21_000 - Date.now())));
      const resent = await act(eveliina, 'agreement.accept', { version, confidentiality: 'true' });
      assert.ok(
        resent.actions?.some((a) => a.verb === 'agreement.reopen'),
        'the in-force card',
      );
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
      // The members' "in force" messages went with the process that died; the repeat sent them: one each.
      const told = world.connector.sent.filter((m) =>
        JSON.stringify(m.activity.attachments ?? []).includes('"verb":"agreement.reopen"'),
      );
      assert.equal(new Set(told.map((m) => m.conversationId)).size, 2, 'both members told');
      assert.equal(told.length, 2, 'once each');
    });
  });

  describe('(b) a booking', () => {
    let world: World;
    let server: ServerHandle;
    let pairId = '';
    let programmeId = '';
    const env = { SCHEDULER_TICK_SECONDS: '0' };
    const api = (path: string, user: DemoUser, init?: RequestInit) => world.api(path, user, init);
    const act = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
      invokeCard(server.baseUrl, cardAction(world.personal(user), verb, { pairId, ...data }));
    const liveEvents = (user: DemoUser) => bookedEvents(world.graph!.baseUrl, user.email);
    const meetings = async () =>
      (
        (await (await api(`/api/v1/pairs/${pairId}/meetings`, aino)).json()) as {
          items: Array<{ number: number; start: string; status: string }>;
        }
      ).items;
    const book = (start: string, user: DemoUser = aino) =>
      api(`/api/v1/pairs/${pairId}/meetings`, user, { method: 'POST', body: JSON.stringify({ start }) });
    const tick = (at: number) => runSchedulerAt(server.baseUrl, at);
    /** Graph holds the create for `holdMs`; the server is killed while it waits, and Graph then makes the event. */
    const killDuringCreate = async (start: string, holdMs = 3000) => {
      world.graph!.faults.delay(holdMs, { method: 'POST', path: '/users/.*/events$' });
      const asked = Date.now();
      const click = book(start).then(
        (r) => `answered ${r.status}`,
        () => 'no answer',
      );
      const meetingRows = table(world, 'meetings');
      await until('the booking record', async () => {
        const found = await rows<{ status: string; start: string }>(
          meetingRows,
          `PartitionKey eq '${programmeId}'`,
        );
        return found.some((m) => m.status === 'booking' && Date.parse(m.start) === Date.parse(start))
          ? true
          : undefined;
      });
      await sleep(300); // the create is on its way to Graph, held there
      await kill(server);
      assert.equal(await click, 'no answer');
      await sleep(Math.max(0, holdMs - (Date.now() - asked)) + 500);
      server = await startServer(serverEnv(world, env), { port: server.port });
    };

    before(async () => {
      world = await startWorld({ graph: true, env });
      server = world.server;
      ({ programmeId, pairId } = await world.formPair(sanna, aino, eveliina, 'Varauskaatuminen'));
      const version = async () =>
        ((await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as { version: number })
          .version;
      await act(eveliina, 'agreement.save', {
        step: 'goals',
        version: await version(),
        goal1: 'Oppia priorisoimaan',
      });
      const v = await version();
      await act(aino, 'agreement.accept', { version: v, confidentiality: 'true' });
      await act(eveliina, 'agreement.accept', { version: v, confidentiality: 'true' });
    });
    after(async () => {
      await server?.stop();
      await world?.stop();
    });

    it('a create that Graph made while the server died ends as one booked meeting and one event when retried', async () => {
      const { slots } = (await (await api(`/api/v1/pairs/${pairId}/slots`, aino)).json()) as {
        slots: Array<{ start: string }>;
      };
      const start = slots[0]!.start;
      await killDuringCreate(start);
      const [stored] = await meetings();
      assert.ok(['booking', 'failed', 'booked'].includes(stored!.status), stored!.status);
      assert.equal((await liveEvents(aino)).length, 1, 'Graph made the event although nobody heard of it');
      const retry = await book(start, eveliina);
      assert.equal(retry.status, 201, await retry.clone().text());
      const after = await meetings();
      assert.deepEqual(
        after.map((m) => m.status),
        ['booked'],
        'one booked record',
      );
      assert.equal((await liveEvents(aino)).length, 1, 'exactly one event');
      assert.equal((await liveEvents(eveliina)).length, 1, 'one invitation');
    });

    it('a killed booking nobody retries leaves no orphan event once the scheduler has looked at it', async () => {
      const { slots } = (await (await api(`/api/v1/pairs/${pairId}/slots?weeksLater=3`, aino)).json()) as {
        slots: Array<{ start: string }>;
      };
      const start = slots[0]!.start;
      const before = (await liveEvents(aino)).length;
      await killDuringCreate(start);
      assert.equal((await liveEvents(aino)).length, before + 1, 'an orphan for now');
      const stuck = (await meetings()).find((m) => m.start === start);
      assert.ok(stuck && ['booking', 'failed'].includes(stuck.status), JSON.stringify(stuck));
      // Long after the crash, the scheduler (any instance) looks at what the crash left.
      for (const after of [11, 20, 40]) await tick(Date.now() + after * MINUTE);
      assert.equal((await liveEvents(aino)).length, before, 'the orphan was called off');
      assert.equal((await liveEvents(eveliina)).length, before, 'in both calendars');
      const settled = (await meetings()).find((m) => m.start === start);
      assert.equal(settled?.status, 'failed', 'not booked, plainly');
      // And the pair can book that time afresh: one more event, one more booked record.
      const again = await book(start);
      assert.equal(again.status, 201, await again.clone().text());
      assert.equal((await liveEvents(aino)).length, before + 1);
      assert.equal((await meetings()).filter((m) => m.status === 'booked').length, 2);
    });
  });

  describe('(c) a nudge fan-out', () => {
    let world: World;
    let server: ServerHandle;
    const env = { SCHEDULER_TICK_SECONDS: '0' };
    /** Five pairs, none sharing a member, so all their meetings fit the same Tuesday afternoon (after the 10-11 team meeting, London time too). */
    const PAIRS: Array<[supervisor: DemoUser, mentor: DemoUser, aktori: DemoUser]> = [
      [sanna, aino, eveliina],
      [sanna, mikko, helmi],
      [sanna, pekka, onni],
      [sanna, linnea, ville],
      [aino, jukka, sanna],
    ];
    const HOURS = [13, 14, 15, 16];
    const DELAY_MS = 2500;
    const pairIds: string[] = [];
    const expected = new Set<string>();
    let tickAt = 0;
    const figures: Record<string, number> = {};

    const tick = (at: number) =>
      fetch(`${server.baseUrl}/api/v1/dev/scheduler/tick`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ at: new Date(at).toISOString() }),
      });
    const isNudge = (s: SentActivity) => {
      const json = JSON.stringify(s.activity.attachments ?? []);
      return [en, fi, sv].some((c) => json.includes(JSON.stringify(c['nudge.mentor.title']).slice(1, -1)));
    };
    const isDigest = (s: SentActivity) => {
      const json = JSON.stringify(s.activity.attachments ?? []);
      return [en, fi, sv].some((c) => json.includes(JSON.stringify(c['digest.confidential']).slice(1, -1)));
    };
    const programmeOf = (s: SentActivity) =>
      /Tuuppaus \d/.exec(JSON.stringify(s.activity.attachments))?.[0] ?? '?';
    /** Which meeting a nudge is about, from its Move button. */
    const meetingOf = (s: SentActivity) => {
      const card = s.activity.attachments?.[0]?.content as {
        actions?: Array<{ verb?: string; data?: { pairId?: string; number?: number } }>;
      };
      const move = card.actions?.find((a) => a.verb === 'meeting.moveOptions')?.data;
      return `${move?.pairId}|${move?.number}`;
    };

    before(async () => {
      world = await startWorld({ graph: true, env });
      server = world.server;
      // The Tuesday at least eight days ahead: demo calendars hold only 10-11 on Tuesdays.
      const day = new Date(Date.now() + 8 * DAY);
      while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
      const ymd = day.toISOString().slice(0, 10);
      for (const [i, [supervisor, mentor, aktori]] of PAIRS.entries()) {
        const { pairId } = await world.formPair(supervisor, mentor, aktori, `Tuuppaus ${i + 1}`);
        pairIds.push(pairId);
        const act = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
          invokeCard(server.baseUrl, cardAction(world.personal(user), verb, { pairId, ...data }));
        const version = async () =>
          (
            (await (await world.api(`/api/v1/pairs/${pairId}/agreement`, mentor)).json()) as {
              version: number;
            }
          ).version;
        await act(aktori, 'agreement.save', {
          step: 'goals',
          version: await version(),
          goal1: `Tavoite ${i + 1}`,
        });
        const v = await version();
        await act(mentor, 'agreement.accept', { version: v, confidentiality: 'true' });
        await act(aktori, 'agreement.accept', { version: v, confidentiality: 'true' });
        for (const hour of HOURS) {
          const res = await world.api(`/api/v1/pairs/${pairId}/meetings`, mentor, {
            method: 'POST',
            body: JSON.stringify({ start: helsinki(ymd, hour) }),
          });
          assert.equal(res.status, 201, `pair ${i + 1} at ${hour}: ${await res.clone().text()}`);
          const { meeting } = (await res.json()) as { meeting: { number: number } };
          expected.add(`${pairId}|${meeting.number}`);
        }
      }
      // One tick at the moment every nudge is due and no meeting has started.
      const due = await rows<{ kind: string; dueAt: number }>(table(world, 'due'));
      const nudgeItems = due.filter((d) => d.kind === 'nudge.mentor');
      assert.equal(nudgeItems.length, expected.size, 'one nudge planned per meeting');
      tickAt = Math.max(...nudgeItems.map((d) => d.dueAt));
      assert.ok(tickAt < Date.parse(helsinki(ymd, HOURS[0]!)), 'all due before the first meeting starts');
      figures.due = nudgeItems.length;
      figures.digestsDue = due.filter((d) => d.kind === 'digest' && d.dueAt <= tickAt).length;
      figures.reconcilesDue = due.filter((d) => d.kind === 'meeting.reconcile' && d.dueAt <= tickAt).length;
    });
    after(async () => {
      world?.connector.setDelay(0);
      await server?.stop();
      await world?.stop();
    });

    it('delivers every due nudge (and digest) after a kill mid-fan-out; repeats only what was in flight', async () => {
      const { connector } = world;
      connector.clear();
      connector.setDelay(DELAY_MS);
      const killedTick = tick(tickAt).then(
        (r) => `answered ${r.status}`,
        () => 'no answer',
      );
      // The scheduler works 16 items at a time: the first wave is answered after DELAY_MS, and the second
      // is then held in the stand-in.
      await until('the first sends', async () => (connector.sent.length > 0 ? true : undefined), 20000);
      await sleep(DELAY_MS / 2);
      await kill(server);
      const deliveredBeforeKill = connector.sent.length;
      assert.equal(await killedTick, 'no answer');
      // Whatever reached the stand-in before the kill is recorded once its delay is over: Teams took those.
      await sleep(DELAY_MS + 1000);
      const inFlight = connector.sent.length - deliveredBeforeKill;
      connector.setDelay(0);
      const beforeRestart = connector.sent.length;
      server = await startServer(serverEnv(world, env), { port: server.port });
      // Before the killed process's leases (two minutes) run out, no nudge is taken over (the per-supervisor
      // digest items it fanned out just before dying were never claimed: those go now)...
      const nudgesBeforeRestart = connector.sent.filter(isNudge).length;
      const early = await tick(tickAt + MINUTE);
      assert.equal(early.status, 200);
      assert.equal(
        connector.sent.filter(isNudge).length,
        nudgesBeforeRestart,
        'leased nudges wait for their lease',
      );
      // ...after them, the new process finishes the fan-out.
      const late = await tick(tickAt + 3 * MINUTE);
      assert.equal(late.status, 200, await late.clone().text());
      await tick(tickAt + 10 * MINUTE);

      const count = (keys: string[]) => {
        const per = new Map<string, number>();
        for (const k of keys) per.set(k, (per.get(k) ?? 0) + 1);
        return per;
      };
      const nudges = count(connector.sent.filter(isNudge).map(meetingOf));
      const digests = count(connector.sent.filter(isDigest).map(programmeOf));
      const lost = [...expected].filter((m) => !nudges.has(m));
      const duplicates = [...nudges.values(), ...digests.values()].reduce((sum, n) => sum + n - 1, 0);
      Object.assign(figures, {
        deliveredBeforeKill,
        inFlight,
        afterRestart: connector.sent.length - beforeRestart,
        nudgesDelivered: [...nudges.values()].reduce((a, b) => a + b, 0),
        distinctNudges: nudges.size,
        digests: digests.size,
        lost: lost.length,
        duplicates,
      });
      console.log(`      figures: ${JSON.stringify(figures)}`);
      assert.ok(deliveredBeforeKill > 0 && inFlight > 0, 'killed mid-fan-out, with sends in flight');
      assert.ok(
        connector.sent.length - beforeRestart > duplicates,
        'some due items had not reached Teams at the kill, and the new process sent them',
      );
      assert.deepEqual(lost, [], 'no nudge lost');
      assert.ok(
        [...nudges.keys()].every((m) => expected.has(m)),
        'nothing sent that was not due',
      );
      assert.equal(digests.size, PAIRS.length, 'every programme’s digest');
      assert.ok(
        duplicates <= inFlight,
        `duplicates (${duplicates}) within the sends in flight (${inFlight})`,
      );
      const leftOver = await rows<{ kind: string; dueAt: number }>(table(world, 'due'));
      assert.equal(leftOver.filter((d) => d.dueAt <= tickAt).length, 0, 'every item that was due is done');
    });
  });
});
