/**
 * The end of a programme over the real path: an owner closes it (the
 * announcement says so, the sign-up card refuses, no new pairs; its pair
 * carries on), then deletes its data. Tables are dumped before and after:
 * every row of that programme is gone, every row of another programme is
 * exactly as it was. Then the purge itself against Azurite, stopped half
 * way and run again.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { DEMO_TENANT_ID, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { DEFAULT_AGREEMENT, type Programme } from '../../bot/src/domain/programme/programme';
import { en, type Messages } from '../../bot/src/i18n/en';
import { fi } from '../../bot/src/i18n/fi';
import { TableDueStore } from '../../bot/src/store/dueStore';
import { TableProgrammePurge } from '../../bot/src/store/programmePurge';
import { TableProgrammeStore } from '../../bot/src/store/programmeStore';
import { createTableClientFactory } from '../../bot/src/store/tableClients';
import { ensureTables, openTables, type Tables } from '../../bot/src/store/tables';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { aino, eveliina, helmi, jukka, linnea, mikko, onni, pekka, sanna } from '../support/programmeSeed';
import { dumpTables, keysOnly, type TableDump } from '../support/tableDump';
import { allTexts, cardAction, cardOf, invokeCard } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

type Row = Record<string, unknown>;

/** Whether a dumped row belongs to the programme (by the keys docs/architecture.md lists). */
function rowOf(programmeId: string, pairIds: readonly string[]) {
  return (table: string, r: Row): boolean => {
    const pk = String(r.partitionKey);
    const rk = String(r.rowKey);
    switch (table) {
      case 'programmes':
      case 'access':
        return rk === programmeId;
      case 'memberships':
        return rk.startsWith(`${programmeId}|`);
      case 'agreements':
        return pairIds.includes(pk);
      case 'due':
        return r.programmeId === programmeId || pk === `sent|${programmeId}`;
      case 'conversations':
        return false;
      default:
        return pk === programmeId;
    }
  };
}

function without(dump: TableDump, belongs: (table: string, r: Row) => boolean): TableDump {
  return Object.fromEntries(
    Object.entries(dump).map(([table, rows]) => [table, rows.filter((r) => !belongs(table, r))]),
  );
}

function countOf(dump: TableDump, belongs: (table: string, r: Row) => boolean): number {
  return Object.entries(dump).reduce(
    (n, [table, rows]) => n + rows.filter((r) => belongs(table, r)).length,
    0,
  );
}

describe('programme end: close and purge over the API and the cards', function () {
  this.timeout(180000);
  let world: World;
  let a = { programmeId: '', pairId: '' }; // closed and purged
  let b = { programmeId: '', pairId: '' }; // another programme, untouched
  const NAME_A = 'Päättyvä ohjelma';

  const api = (path: string, user: DemoUser, init?: RequestInit) => world.api(path, user, init);
  const errorOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; message: string } }).error;
  const purge = (user: DemoUser, programmeId: string, body: unknown) =>
    api(`/api/v1/programmes/${programmeId}`, user, { method: 'DELETE', body: JSON.stringify(body) });

  /** The agreement in force, a meeting booked (meetings and due items), a learning proposed. */
  async function runPair(pairId: string, mentor: DemoUser, aktori: DemoUser): Promise<void> {
    const act = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
      invokeCard(world.server.baseUrl, cardAction(world.personal(user), verb, { pairId, ...data }));
    const version = async () =>
      ((await (await api(`/api/v1/pairs/${pairId}/agreement`, mentor)).json()) as { version: number })
        .version;
    await act(aktori, 'agreement.save', { step: 'goals', version: await version(), goal1: 'Oppia uutta' });
    const v = await version();
    await act(mentor, 'agreement.accept', { version: v, confidentiality: 'true' });
    await act(aktori, 'agreement.accept', { version: v, confidentiality: 'true' });
    const slots = (await (await api(`/api/v1/pairs/${pairId}/slots`, mentor)).json()) as {
      slots: Array<{ start: string }>;
    };
    const booked = await api(`/api/v1/pairs/${pairId}/meetings`, mentor, {
      method: 'POST',
      body: JSON.stringify({ start: slots.slots[0]?.start }),
    });
    assert.equal(booked.status, 201, await booked.clone().text());
    const learning = await api(`/api/v1/pairs/${pairId}/learnings`, aktori, {
      method: 'POST',
      body: JSON.stringify({ text: 'Kysy ensin, vastaa sitten.' }),
    });
    assert.equal(learning.status, 201, await learning.clone().text());
  }

  /** Rows no flow here writes yet (an evaluation, a once-only mark), with their real keys. */
  async function seedExtras(programmeId: string, pairId: string, member: DemoUser): Promise<void> {
    const client = (name: string) =>
      TableClient.fromConnectionString(world.azurite.connectionString, `${world.tablePrefix}${name}`, {
        allowInsecureConnection: true,
      });
    await client('evaluations').createEntity({
      partitionKey: programmeId,
      rowKey: `${pairId}|${member.aadObjectId}`,
      pairId,
      userId: member.aadObjectId,
    });
    const due = new TableDueStore(client('due'));
    const item = {
      kind: 'evaluation' as const,
      dueAt: Date.now() + 30 * 86_400_000,
      tenantId: DEMO_TENANT_ID,
      programmeId,
      pairId,
      recipientId: member.aadObjectId,
    };
    await due.schedule([item]);
    await due.markSent({ ...item, dueAt: 0, meetingNumber: 0 }, Date.now());
  }

  const dump = () => dumpTables(world.azurite.connectionString, world.tablePrefix);

  before(async () => {
    world = await startWorld({ graph: true, env: { SCHEDULER_TICK_SECONDS: '0' } });
    a = await world.formPair(sanna, aino, eveliina, NAME_A);
    b = await world.formPair(jukka, mikko, onni, 'Jatkuva ohjelma');
    await runPair(a.pairId, aino, eveliina);
    await runPair(b.pairId, mikko, onni);
    await seedExtras(a.programmeId, a.pairId, aino);
    await seedExtras(b.programmeId, b.pairId, mikko);
    // Helmi coordinates programme A, the way the tab adds a coordinator.
    const read = (await (await api(`/api/v1/programmes/${a.programmeId}`, sanna)).json()) as {
      programme: Record<string, unknown>;
      etag: string;
    };
    const put = await api(`/api/v1/programmes/${a.programmeId}`, sanna, {
      method: 'PUT',
      headers: { 'if-match': read.etag },
      body: JSON.stringify({ ...read.programme, coordinators: [helmi.aadObjectId] }),
    });
    assert.equal(put.status, 200, await put.text());
    const announced = await api(`/api/v1/programmes/${a.programmeId}/announce`, sanna, {
      method: 'POST',
      body: '{}',
    });
    assert.equal(announced.status, 200, await announced.text());
  });
  after(async () => world?.stop());

  it('refuses to purge an open programme, and lets only owners close', async () => {
    const open = await purge(sanna, a.programmeId, { confirmName: NAME_A });
    assert.equal(open.status, 409);
    assert.equal((await errorOf(open)).code, 'programme_not_closed');
    for (const user of [helmi, aino, linnea]) {
      const res = await api(`/api/v1/programmes/${a.programmeId}/close`, user, {
        method: 'POST',
        body: '{}',
      });
      assert.equal(res.status, 403, user.name);
      assert.equal((await errorOf(res)).code, 'not_programme_owner');
    }
    const detail = (await (await api(`/api/v1/programmes/${a.programmeId}`, helmi)).json()) as {
      isOwner: boolean;
      programme: { closedAt: string | null };
    };
    assert.equal(detail.isOwner, false, 'a coordinator is not offered closing');
    assert.equal(detail.programme.closedAt, null);
  });

  it('closes once: the announcement says so, and closing again changes nothing', async () => {
    world.connector.clear();
    const res = await api(`/api/v1/programmes/${a.programmeId}/close`, sanna, { method: 'POST', body: '{}' });
    assert.equal(res.status, 200, await res.clone().text());
    const first = (await res.json()) as { programme: { closedAt: string }; etag: string };
    assert.ok(first.programme.closedAt, 'closed');
    const update = world.connector.sent.find((s) => s.method === 'PUT');
    assert.ok(update, 'the posted announcement was updated in place');
    const card = allTexts(cardOf(update.activity));
    assert.ok(card.includes(fi['announce.programmeClosed']), 'it says the programme has closed');
    assert.ok(!JSON.stringify(cardOf(update.activity)).includes('signup.open'), 'and offers no join buttons');
    const again = await api(`/api/v1/programmes/${a.programmeId}/close`, sanna, {
      method: 'POST',
      body: '{}',
    });
    assert.equal(again.status, 200);
    const second = (await again.json()) as { programme: { closedAt: string }; etag: string };
    assert.equal(second.programme.closedAt, first.programme.closedAt, 'idempotent');
    assert.equal(second.etag, first.etag, 'nothing was written');
  });

  it('refuses sign-ups from the card in the person’s language, and forms no new pairs', async () => {
    const saved = await invokeCard(
      world.server.baseUrl,
      cardAction(world.personal(pekka, 'en-GB'), 'signup.save', {
        programmeId: a.programmeId,
        role: 'mentor',
        offers: 'theme:career',
        unit: 'IT',
        languages: 'fi',
      }),
    );
    const closedText = (m: Messages) => m['signupClosed.programmeClosed'].replace('{programme}', NAME_A);
    assert.ok(allTexts(saved).includes(closedText(en)), JSON.stringify(allTexts(saved)));
    const opened = await invokeCard(
      world.server.baseUrl,
      cardAction(world.personal(pekka), 'signup.open', { programmeId: a.programmeId, role: 'aktori' }),
    );
    assert.ok(allTexts(opened).includes(closedText(fi)), 'in Finnish for a Finnish Teams');
    const volunteers = (await (
      await api(`/api/v1/programmes/${a.programmeId}/volunteers`, sanna)
    ).json()) as {
      items: Array<{ userId: string }>;
    };
    assert.ok(!volunteers.items.some((v) => v.userId === pekka.aadObjectId), 'no sign-up was saved');

    const pairs = await api(`/api/v1/programmes/${a.programmeId}/pairs`, sanna, {
      method: 'POST',
      body: JSON.stringify({ pairs: [{ mentorId: aino.aadObjectId, aktoriIds: [eveliina.aadObjectId] }] }),
    });
    assert.equal(pairs.status, 409);
    assert.equal((await errorOf(pairs)).code, 'programme_closed');
    // The pair already meeting carries on.
    assert.equal((await api(`/api/v1/pairs/${a.pairId}/meetings`, aino)).status, 200);
  });

  it('refuses a purge by anyone but an owner, and without the exact name', async () => {
    const before = await dump();
    for (const user of [helmi, aino, linnea]) {
      const res = await purge(user, a.programmeId, { confirmName: NAME_A });
      assert.equal(res.status, 403, user.name);
      assert.equal((await errorOf(res)).code, 'not_programme_owner');
    }
    for (const body of [{ confirmName: 'Päättyvä' }, { confirmName: NAME_A.toUpperCase() }]) {
      const res = await purge(sanna, a.programmeId, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const error = await errorOf(res);
      assert.equal(error.code, 'confirm_name_mismatch');
      assert.match(error.message, /name/);
    }
    const missing = await purge(sanna, a.programmeId, {});
    assert.equal(missing.status, 400);
    const form = await fetch(`${world.server.baseUrl}/api/v1/programmes/${a.programmeId}`, {
      method: 'DELETE',
      headers: {
        authorization: (await tokenOf(sanna)) ?? '',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `confirmName=${encodeURIComponent(NAME_A)}`,
    });
    assert.equal(form.status, 415, 'a form post cannot confirm it');
    const jukkasOpen = await purge(jukka, b.programmeId, { confirmName: 'Jatkuva ohjelma' });
    assert.equal(jukkasOpen.status, 409, 'programme B is still open');
    assert.deepEqual(await dump(), before, 'no refusal changed anything');
  });

  it('deletes every row of the programme and none of another programme’s', async () => {
    const before = await dump();
    const ofA = rowOf(a.programmeId, [a.pairId]);
    const ofB = rowOf(b.programmeId, [b.pairId]);
    for (const table of [
      'programmes',
      'participants',
      'pairs',
      'memberships',
      'access',
      'agreements',
      'meetings',
      'due',
      'learnings',
      'evaluations',
    ]) {
      assert.ok(
        before[table]?.some((r) => ofA(table, r)),
        `programme A has ${table} rows to delete`,
      );
      assert.ok(
        before[table]?.some((r) => ofB(table, r)),
        `programme B has ${table} rows to keep`,
      );
    }
    assert.ok(
      before.due?.some((r) => String(r.partitionKey) === `sent|${a.programmeId}`),
      'and a once-only mark',
    );

    const res = await purge(sanna, a.programmeId, { confirmName: ` ${NAME_A} ` });
    assert.equal(res.status, 200, await res.clone().text());
    const body = (await res.json()) as { deleted: Record<string, number>; calendarEventsKept: boolean };
    assert.equal(body.calendarEventsKept, true);
    assert.equal(body.deleted.programmes, 1);
    const total = Object.values(body.deleted).reduce((n, c) => n + c, 0);
    assert.equal(total, countOf(before, ofA), 'it reports every row it deleted');

    const after = await dump();
    assert.equal(countOf(after, ofA), 0, 'nothing of programme A is left');
    assert.ok(!JSON.stringify(after).includes(a.programmeId), 'its id appears nowhere');
    assert.ok(!JSON.stringify(after).includes(a.pairId), 'nor its pair’s');
    assert.deepEqual(after, without(before, ofA), 'every other row is exactly as it was (ETags too)');
  });

  it('answers a second purge with 404 and changes nothing; the other programme goes on', async () => {
    const before = await dump();
    const res = await purge(sanna, a.programmeId, { confirmName: NAME_A });
    assert.equal(res.status, 404);
    assert.equal((await errorOf(res)).code, 'programme_not_found');
    assert.equal(
      (await api(`/api/v1/programmes/${a.programmeId}/close`, sanna, { method: 'POST', body: '{}' })).status,
      404,
    );
    assert.deepEqual(keysOnly(await dump(), ['conversations']), keysOnly(before, ['conversations']));
    const mine = (await (await api('/api/v1/programmes', sanna)).json()) as { items: Array<{ id: string }> };
    assert.ok(!mine.items.some((p) => p.id === a.programmeId), 'gone from the owner’s list');
    assert.equal((await api(`/api/v1/pairs/${b.pairId}/meetings`, mikko)).status, 200);
  });

  async function tokenOf(user: DemoUser): Promise<string | undefined> {
    const res = await fetch(`${world.server.baseUrl}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user.aadObjectId }),
    });
    return `Bearer ${((await res.json()) as { token: string }).token}`;
  }
});

describe('programme purge: a run that stops half way is finished by the next', function () {
  this.timeout(60000);
  let azurite: AzuriteHandle;
  let tables: Tables;
  const tenantId = randomUUID();
  const prefix = `pp${Date.now() % 100000}`;
  const people = Array.from({ length: 6 }, () => randomUUID());
  const [owner, mentor1, aktori1, mentor2, aktori2, other] = people as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  before(async () => {
    azurite = await startAzurite();
    tables = openTables(
      createTableClientFactory({ kind: 'connectionString', connectionString: azurite.connectionString }),
      prefix,
    );
    await ensureTables(tables);
  });
  after(async () => azurite?.stop());

  it('deletes the rest on the second run, and only that programme’s rows', async () => {
    const gone = programme(randomUUID(), [owner]);
    const kept = programme(randomUUID(), [other]);
    const goneRows = await seed(tables, gone, [
      [mentor1, aktori1],
      [mentor2, aktori2],
    ]);
    await seed(tables, kept, [[mentor1, other]]);
    const before = await dumpTables(azurite.connectionString, prefix);
    const ofGone = (table: string, r: Row) =>
      goneRows.some((g) => g.table === table && g.pk === r.partitionKey && g.rk === r.rowKey);

    // The network fails after the first membership is deleted: due items, agreements, meetings and
    // the rest are gone, some memberships too; the people's index rows and the programme row remain.
    const failing = { ...tables, memberships: failAfter(tables.memberships, 1) };
    await assert.rejects(new TableProgrammePurge(failing).eraseRows(gone));
    const half = await dumpTables(azurite.connectionString, prefix);
    assert.ok(countOf(half, ofGone) > 0 && countOf(half, ofGone) < goneRows.length, 'stopped half way');
    assert.ok(
      half.programmes?.some((r) => r.rowKey === gone.id),
      'the programme row stays until the end',
    );

    const purge = new TableProgrammePurge(tables);
    await purge.eraseRows(gone);
    await purge.deleteProgramme(gone.tenantId, gone.id);
    const after = await dumpTables(azurite.connectionString, prefix);
    assert.equal(countOf(after, ofGone), 0, 'the second run finished');
    assert.deepEqual(after, without(before, ofGone), 'the other programme is untouched');
    // A third run over nothing is harmless.
    assert.deepEqual(
      Object.values(await purge.eraseRows(gone)).reduce((n, c) => n + c, 0),
      0,
    );
  });

  function programme(id: string, owners: string[]): Programme {
    const at = new Date().toISOString();
    return {
      id,
      tenantId,
      name: `Ohjelma ${id.slice(0, 4)}`,
      description: '',
      form: 'pair',
      mode: { kind: 'nonstop' },
      aims: ['develop'],
      competenceAreas: [],
      defaults: DEFAULT_AGREEMENT,
      signUpDeadline: undefined,
      timeZone: 'Europe/Helsinki',
      language: 'fi',
      owners,
      coordinators: [],
      channel: undefined,
      announcement: undefined,
      createdBy: owners[0] ?? '',
      createdAt: at,
      updatedAt: at,
      closedAt: at,
    };
  }

  /** One programme's rows in every table, keyed as the stores key them; returns their keys. */
  async function seed(
    t: Tables,
    p: Programme,
    pairs: Array<[string, string]>,
  ): Promise<Array<{ table: string; pk: string; rk: string }>> {
    const rows: Array<{ table: string; pk: string; rk: string }> = [];
    const put = async (table: keyof Tables, pk: string, rk: string, data: Row = {}) => {
      await t[table].upsertEntity({ partitionKey: pk, rowKey: rk, ...data });
      rows.push({ table, pk, rk });
    };
    await new TableProgrammeStore(t.programmes).create(p);
    rows.push({ table: 'programmes', pk: p.tenantId, rk: p.id });
    await put('access', `${tenantId}|${p.owners[0]}`, p.id, { role: 'owner' });
    const due = new TableDueStore(t.due);
    for (const [i, [m, ak]] of pairs.entries()) {
      const pairId = `pair-${p.id.slice(0, 8)}-${i}`;
      await put('pairs', p.id, pairId, { mentorId: m, aktoriIds: JSON.stringify([ak]) });
      for (const [who, role] of [
        [m, 'mentor'],
        [ak, 'aktori'],
      ] as const) {
        await put('participants', p.id, who, { role, status: 'paired' });
        await put('access', `${tenantId}|${who}`, p.id, { role: 'participant' });
        await put('memberships', `${tenantId}|${who}`, `${p.id}|${pairId}`, { programmeId: p.id, pairId });
        await put('evaluations', p.id, `${pairId}|${who}`);
      }
      await put('agreements', pairId, 'current');
      await put('agreements', pairId, 'v00001');
      await put('meetings', p.id, `${pairId}|m0001`);
      await put('learnings', p.id, `l-${pairId}`);
      // Due items in a past bucket (held back after a failure) and a future one, and a once-only mark.
      for (const dueAt of [Date.now() - 3_600_000, Date.now() + 86_400_000]) {
        await due.schedule([{ kind: 'checkin', dueAt, tenantId, programmeId: p.id, pairId, recipientId: m }]);
      }
      await due.markSent(
        { kind: 'checkpoint', dueAt: 0, tenantId, programmeId: p.id, pairId, recipientId: ak },
        1,
      );
    }
    // The due items' keys, as stored.
    for await (const e of t.due.listEntities<Row>()) {
      if (e.programmeId === p.id)
        rows.push({ table: 'due', pk: String(e.partitionKey), rk: String(e.rowKey) });
    }
    return rows;
  }
});

/** A table client whose deletes fail like a dropped connection after `n` succeeded. */
function failAfter(client: TableClient, n: number): TableClient {
  let done = 0;
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'deleteEntity') {
        return async (...args: Parameters<TableClient['deleteEntity']>) => {
          if (done++ >= n) throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' });
          return target.deleteEntity(...args);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
