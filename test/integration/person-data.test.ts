/**
 * `npm run person-data` against Azurite, run as an operator would run it (a
 * child process configured by the environment): the export holds exactly one
 * person's rows; delete asks first, then removes the person and takes their
 * name out of pairs and programmes without touching anyone else's rows.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TableServiceClient } from '@azure/data-tables';
import { startAgreement } from '../../bot/src/domain/agreement/agreementMachine';
import type { Pair } from '../../bot/src/domain/programme/pair';
import { DEFAULT_AGREEMENT, type Programme } from '../../bot/src/domain/programme/programme';
import type { Volunteer } from '../../bot/src/domain/programme/volunteer';
import { collectPersonData } from '../../bot/src/services/privacy/collectPersonData';
import { TableAccessStore } from '../../bot/src/store/accessStore';
import { TableAgreementStore } from '../../bot/src/store/agreementStore';
import { TableConversationStore } from '../../bot/src/store/conversationStore';
import { TableEvaluationStore } from '../../bot/src/store/evaluationStore';
import { TableLearningStore } from '../../bot/src/store/learningStore';
import { TableMeetingStore } from '../../bot/src/store/meetingStore';
import { TableMembershipStore, TablePairStore } from '../../bot/src/store/pairStore';
import { TableProgrammeStore } from '../../bot/src/store/programmeStore';
import { createTableClientFactory } from '../../bot/src/store/tableClients';
import { ensureTables, openTables, type Tables } from '../../bot/src/store/tables';
import { TableVolunteerStore } from '../../bot/src/store/volunteerStore';
import { erasePersonData } from '../../scripts/persondata/erase';
import { type AzuriteHandle, startAzurite } from '../support/azurite';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/person-data.ts');
const AT = '2025-03-01T09:00:00.000Z';

const tenantId = randomUUID();
const aino = { id: randomUUID(), name: 'Aino Aaltonen' }; // the person asking
const bertil = { id: randomUUID(), name: 'Bertil Berg' }; // someone else entirely
const cecilia = { id: randomUUID(), name: 'Cecilia Carlsson' }; // Aino's aktori
const dora = { id: randomUUID(), name: 'Dora Dahl' }; // a supervisor
const frans = { id: randomUUID(), name: 'Frans Forsman' }; // Bertil's aktori

const spring = programme('prog-spring', 'Kevät', [dora.id], [aino.id]);
const ainos = programme('prog-aino', 'Ainon ohjelma', [aino.id], []);
const bertils = programme('prog-bertil', 'Bertilin ohjelma', [bertil.id], []);
const ainoPair = pair('pair-ac', spring.id, aino, cecilia);
const bertilPair = pair('pair-bf', spring.id, bertil, frans);

interface Someone {
  readonly id: string;
  readonly name: string;
}

interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

type Snapshot = Map<string, { etag: string; data: Record<string, unknown> }>;

describe('person-data: export and delete one person', function () {
  this.timeout(60000);
  let azurite: AzuriteHandle;
  let tables: Tables;
  const prefix = `pd${Date.now() % 100000}`;
  let tmp = '';

  const run = (args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> =>
    new Promise((resolve, reject) => {
      const childEnv: NodeJS.ProcessEnv = {
        ...process.env,
        TABLES_CONNECTION_STRING: azurite.connectionString,
        TABLE_PREFIX: prefix,
        ...env,
      };
      for (const name of ['TABLES_ENDPOINT', 'MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'POLKU_MODE']) {
        delete childEnv[name];
      }
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', SCRIPT, ...args], {
        cwd: ROOT,
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
  const who = (user: { id: string }) => ['--tenant', tenantId, '--user', user.id];

  before(async () => {
    azurite = await startAzurite();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'polku-person-data-'));
    const factory = createTableClientFactory({
      kind: 'connectionString',
      connectionString: azurite.connectionString,
    });
    tables = openTables(factory, prefix);
    await ensureTables(tables);
    await seed(tables);
  });
  after(async () => {
    await azurite?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses unclear commands with the usage and exit code 2, touching nothing', async () => {
    const before = await snapshot(tables);
    for (const args of [
      [],
      ['export', '--tenant', tenantId],
      ['export', '--tenant', 'not-a-guid', '--user', aino.id],
      ['erase', ...who(aino)],
      ['delete', ...who(aino), '--force'],
    ]) {
      const res = await run(args);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.match(res.stderr, /Usage:/);
      assert.equal(res.stdout, '');
    }
    assert.match(
      (await run(['export', '--tenant', 'x', '--user', aino.id])).stderr,
      /--tenant must be a GUID/,
    );
    assert.deepEqual(await snapshot(tables), before);
  });

  it('says so when the tables are not there (wrong TABLE_PREFIX), and creates none', async () => {
    const res = await run(['export', ...who(aino)], { TABLE_PREFIX: 'nosuch' });
    assert.equal(res.code, 1);
    assert.match(res.stderr, /not found: check .*TABLE_PREFIX/);
    const service = TableServiceClient.fromConnectionString(azurite.connectionString, {
      allowInsecureConnection: true,
    });
    for await (const table of service.listTables()) assert.ok(!table.name?.startsWith('nosuch'), table.name);
  });

  it('exports exactly the person’s rows, grouped by table, without secrets or ETags', async () => {
    const res = await run(['export', ...who(aino)]);
    assert.equal(res.code, 0, res.stderr);
    const doc = JSON.parse(res.stdout) as ExportDoc;
    assert.equal(doc.userId, aino.id);
    assert.equal(doc.tenantId, tenantId);

    const t = doc.tables;
    assert.deepEqual(
      t.conversations.map((r) => [r.partitionKey, r.rowKey, senderOf(r)?.aadObjectId]),
      [
        [tenantId, `user:${aino.id}`, aino.id],
        [tenantId, 'channel:19:general@thread.tacv2', aino.id], // she wrote there last
      ],
    );
    assert.deepEqual(t.access.map((r) => [r.partitionKey, r.rowKey, r.role]).sort(), [
      [`${tenantId}|${aino.id}`, ainos.id, 'owner'],
      [`${tenantId}|${aino.id}`, spring.id, 'participant'],
    ]);
    assert.deepEqual(
      t.memberships.map((r) => [r.rowKey, r.partnerIds]),
      [[`${spring.id}|${ainoPair.id}`, JSON.stringify([cecilia.id])]],
    );
    assert.deepEqual(
      t.participants.map((r) => [r.partitionKey, r.rowKey, r.name, r.role]),
      [[spring.id, aino.id, aino.name, 'mentor']],
    );
    assert.deepEqual(
      t.pairs.map((r) => [r.partitionKey, r.rowKey, r.mentorId]),
      [[spring.id, ainoPair.id, aino.id]],
    );
    assert.deepEqual(
      t.agreements.map((r) => [r.partitionKey, r.rowKey]),
      [
        [ainoPair.id, 'current'],
        [ainoPair.id, 'v00001'],
      ],
    );
    assert.deepEqual(sortById(t.programmes), [
      { id: ainos.id, name: ainos.name, roles: ['owner'] },
      { id: spring.id, name: spring.name, roles: ['coordinator'] },
    ]);

    assert.ok(!res.stdout.includes(bertil.id), 'nothing of Bertil');
    assert.ok(!res.stdout.includes(bertil.name));
    assert.ok(!res.stdout.includes(bertils.id));
    assert.ok(!res.stdout.includes(frans.id), 'nothing of pairs Aino is not in');
    assert.ok(!/"(etag|timestamp|odata\.etag)"/i.test(res.stdout));
    const accountKey = /AccountKey=([^;]+)/.exec(azurite.connectionString)?.[1] ?? '';
    assert.ok(accountKey && !`${res.stdout}${res.stderr}`.includes(accountKey), 'no key printed');
    assert.match(res.stderr, /Storage: http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(connection string\)/);
  });

  it('writes the export to --out, readable by the operator only', async () => {
    const out = path.join(tmp, 'aino.json');
    const res = await run(['export', ...who(aino), '--out', out]);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout, '');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as ExportDoc;
    assert.equal(doc.tables.participants.length, 1);
    assert.equal(fs.statSync(out).mode & 0o777, 0o600);
  });

  it('delete without --yes lists what would change, exits 2 and changes nothing', async () => {
    const before = await snapshot(tables);
    const res = await run(['delete', ...who(aino)]);
    assert.equal(res.code, 2, res.stderr);
    assert.match(res.stdout, /delete 1 conversation reference/);
    assert.match(res.stdout, /delete 2 access row/);
    assert.match(res.stdout, /in 1 channel\/chat reference/);
    assert.match(res.stdout, /in 1 pair/);
    assert.match(res.stdout, /--yes/);
    assert.deepEqual(await snapshot(tables), before);
  });

  it('delete --yes removes the person, keeps pairs and programmes without them, and leaves others alone', async () => {
    const before = await snapshot(tables);
    const res = await run(['delete', ...who(aino), '--yes']);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /conversation references deleted: 1/);
    assert.match(res.stdout, /channel\/chat references with the name replaced: 1/);
    assert.match(res.stdout, /access rows deleted: 2/);
    assert.match(res.stdout, /memberships deleted: 1/);
    assert.match(res.stdout, /volunteer rows deleted: 1/);
    assert.match(res.stdout, /pairs with the name replaced: 1/);
    assert.match(res.stdout, /agreements with the name replaced: 1/);
    assert.match(res.stdout, /meetings cleared of their answers and hours: 1/);
    assert.match(res.stdout, /evaluation answers deleted: 1/);
    assert.match(res.stdout, /programmes left as owner\/coordinator: 2/);
    assert.match(res.stdout, new RegExp(`Warning: programme ${ainos.id} "${ainos.name}" has no owner left`));

    const after = await snapshot(tables);
    const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
    assert.deepEqual(
      removed,
      [
        `access/${tenantId}|${aino.id}/${ainos.id}`,
        `access/${tenantId}|${aino.id}/${spring.id}`,
        `conversations/${tenantId}/user:${aino.id}`,
        `evaluations/${spring.id}/${ainoPair.id}|${aino.id}`,
        `memberships/${tenantId}|${aino.id}/${spring.id}|${ainoPair.id}`,
        `participants/${spring.id}/${aino.id}`,
      ].sort(),
    );
    const changed = [...after.keys()].filter((k) => before.get(k)?.etag !== after.get(k)?.etag).sort();
    assert.deepEqual(
      changed,
      [
        `agreements/${ainoPair.id}/current`,
        `conversations/${tenantId}/channel:19:general@thread.tacv2`,
        `meetings/${spring.id}/${ainoPair.id}|m0001`,
        `pairs/${spring.id}/${ainoPair.id}`,
        `programmes/${tenantId}/${ainos.id}`,
        `programmes/${tenantId}/${spring.id}`,
      ],
      'every other row, Bertil’s and Cecilia’s included, is exactly as it was',
    );

    const pairRow = after.get(`pairs/${spring.id}/${ainoPair.id}`)!.data;
    assert.deepEqual(JSON.parse(String(pairRow.names)), {
      [aino.id]: '(removed)',
      [cecilia.id]: cecilia.name,
    });
    assert.equal(pairRow.mentorId, aino.id, 'the pair stays for Cecilia’s history');
    const meetingRow = after.get(`meetings/${spring.id}/${ainoPair.id}|m0001`)!.data;
    assert.deepEqual(
      Object.keys(JSON.parse(String(meetingRow.checkIns))),
      [cecilia.id],
      'Cecilia’s answer stays',
    );
    assert.deepEqual(Object.keys(JSON.parse(String(meetingRow.memberTimes))), [cecilia.id]);
    const channelRow = after.get(`conversations/${tenantId}/channel:19:general@thread.tacv2`)!.data;
    assert.deepEqual(JSON.parse(String(channelRow.reference)).user, {
      id: `29:${aino.id}`,
      name: '(removed)',
      aadObjectId: aino.id,
    });
    const programmes = new TableProgrammeStore(tables.programmes);
    const springNow = (await programmes.get(tenantId, spring.id)).value;
    assert.deepEqual([springNow.owners, springNow.coordinators], [[dora.id], []]);
    const ainosNow = (await programmes.get(tenantId, ainos.id)).value;
    assert.deepEqual([ainosNow.owners, ainosNow.coordinators, ainosNow.name], [[], [], ainos.name]);
    assert.ok(!JSON.stringify([...after.values()]).includes(aino.name), 'her name is nowhere');
  });

  it('a second delete succeeds and changes nothing', async () => {
    const before = await snapshot(tables);
    const res = await run(['delete', ...who(aino), '--yes']);
    assert.equal(res.code, 0, res.stderr);
    for (const line of [
      'conversation references deleted',
      'channel/chat references with the name replaced',
      'access rows deleted',
      'memberships deleted',
      'volunteer rows deleted',
      'pairs with the name replaced',
      'agreements with the name replaced',
      'programmes left as owner/coordinator',
    ]) {
      assert.match(res.stdout, new RegExp(`${line.replaceAll('/', '\\/')}: 0`));
    }
    assert.doesNotMatch(res.stdout, /Warning/);
    assert.deepEqual(await snapshot(tables), before);

    const exported = await run(['export', ...who(aino)]);
    const t = (JSON.parse(exported.stdout) as ExportDoc).tables;
    assert.deepEqual(counts(t), [1, 0, 0, 0, 0, 0, 0], 'only the channel that keeps her id, not her name');
    assert.equal(senderOf(t.conversations[0]!)?.name, '(removed)');
  });

  it('re-reads a pair someone changed meanwhile (412) and keeps their change', async () => {
    const cecilias = { tenantId, userId: cecilia.id };
    const data = await collectPersonData(tables, cecilias);
    assert.deepEqual(
      data.pairs.map((p) => p.rowKey),
      [ainoPair.id],
    );
    const pairs = new TablePairStore(tables.pairs);
    const names = { [aino.id]: '(removed)', [cecilia.id]: cecilia.name };
    await pairs.save({ ...ainoPair, names, status: 'active' }); // the server, between read and write

    const summary = await erasePersonData(tables, cecilias, data);
    assert.equal(summary.pairsPseudonymised, 1);
    const saved = (await pairs.list(spring.id)).find((p) => p.id === ainoPair.id);
    assert.equal(saved?.status, 'active');
    assert.deepEqual(saved?.names, { [aino.id]: '(removed)', [cecilia.id]: '(removed)' });
  });

  it('Bertil’s export is still whole', async () => {
    const res = await run(['export', ...who(bertil)]);
    assert.equal(res.code, 0, res.stderr);
    const t = (JSON.parse(res.stdout) as ExportDoc).tables;
    assert.deepEqual(counts(t), [2, 2, 1, 1, 1, 2, 1]);
    assert.ok(!res.stdout.includes(aino.id));
  });
});

type ExportRow = Record<string, unknown> & { partitionKey: string; rowKey: string };
interface ExportDoc {
  tenantId: string;
  userId: string;
  tables: {
    conversations: ExportRow[];
    access: ExportRow[];
    memberships: ExportRow[];
    participants: ExportRow[];
    pairs: ExportRow[];
    agreements: ExportRow[];
    programmes: { id: string; name: string; roles: string[] }[];
  };
}

function counts(t: ExportDoc['tables']): number[] {
  return [t.conversations, t.access, t.memberships, t.participants, t.pairs, t.agreements, t.programmes].map(
    (x) => x.length,
  );
}

function senderOf(row: ExportRow): { aadObjectId?: string; name?: string } | undefined {
  return (JSON.parse(String(row.reference)) as { user?: { aadObjectId?: string; name?: string } }).user;
}

function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id.localeCompare(b.id));
}

/** Every row of every table, by table/PK/RK, with its ETag: equal snapshots mean nothing was written. */
async function snapshot(tables: Tables): Promise<Snapshot> {
  const rows: Snapshot = new Map();
  for (const [key, client] of Object.entries(tables)) {
    for await (const e of client.listEntities<Record<string, unknown>>()) {
      const { etag, partitionKey, rowKey, timestamp: _t, ...data } = e;
      rows.set(`${key}/${partitionKey}/${rowKey}`, { etag, data });
    }
  }
  return rows;
}

async function seed(tables: Tables): Promise<void> {
  const conversations = new TableConversationStore(tables.conversations);
  const access = new TableAccessStore(tables.access);
  const programmes = new TableProgrammeStore(tables.programmes);
  const volunteers = new TableVolunteerStore(tables.participants);
  const pairs = new TablePairStore(tables.pairs);
  const memberships = new TableMembershipStore(tables.memberships);

  for (const person of [aino, bertil, cecilia]) {
    await conversations.save({
      tenantId,
      scopeKey: `user:${person.id}`,
      kind: 'personal',
      conversationId: `a:1${person.id}`,
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      userAadObjectId: person.id,
      locale: 'fi-FI',
      reference: { user: { id: `29:${person.id}`, name: person.name, aadObjectId: person.id } },
      updatedAt: AT,
    });
  }
  // A channel's and a group chat's references keep whoever wrote there last.
  for (const [kind, id, sender] of [
    ['channel', '19:general@thread.tacv2', aino],
    ['groupChat', '19:chat@thread.v2', bertil],
  ] as const) {
    await conversations.save({
      tenantId,
      scopeKey: `${kind === 'channel' ? 'channel' : 'chat'}:${id}`,
      kind,
      conversationId: id,
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      reference: {
        conversation: { id, isGroup: true, conversationType: kind, name: '' },
        user: { id: `29:${sender.id}`, name: sender.name, aadObjectId: sender.id },
      },
      updatedAt: AT,
    });
  }

  for (const p of [spring, ainos, bertils]) await programmes.create(p);
  await access.grant(tenantId, aino.id, { programmeId: ainos.id, name: ainos.name, role: 'owner' });
  await access.grant(tenantId, bertil.id, { programmeId: bertils.id, name: bertils.name, role: 'owner' });
  for (const [person, role] of [
    [aino, 'mentor'],
    [cecilia, 'aktori'],
    [bertil, 'mentor'],
    [frans, 'aktori'],
  ] as const) {
    await volunteers.create(volunteer(spring.id, person, role));
    await access.grant(tenantId, person.id, {
      programmeId: spring.id,
      name: spring.name,
      role: 'participant',
    });
  }
  const agreements = new TableAgreementStore(tables.agreements);
  for (const p of [ainoPair, bertilPair]) {
    await pairs.save(p);
    const mentor = p.mentorId === aino.id ? aino : bertil;
    const started = startAgreement({ ...p, pairId: p.id, quick: false, defaults: DEFAULT_AGREEMENT });
    await agreements.create(
      { ...started, lastChange: { by: mentor.id, byName: mentor.name, at: AT, version: 1 } },
      { by: mentor.id, at: AT },
    );
    // A held meeting: both checked in; each member's zone and hours as their mailbox told.
    await new TableMeetingStore(tables.meetings).create({
      pairId: p.id,
      programmeId: p.programmeId,
      tenantId,
      number: 1,
      start: Date.parse(AT),
      end: Date.parse(AT) + 3_600_000,
      status: 'booked',
      organizerId: p.mentorId,
      transactionId: `polku-${p.id}-m1`,
      bookedBy: p.mentorId,
      updatedAt: AT,
      checkIns: Object.fromEntries([p.mentorId, ...p.aktoriIds].map((id) => [id, 'met' as const])),
      memberTimes: Object.fromEntries(
        [p.mentorId, ...p.aktoriIds].map((id) => [
          id,
          { timeZone: 'Europe/Helsinki', daysOfWeek: ['monday'], startTime: '08:00', endTime: '16:00' },
        ]),
      ),
    });
    await new TableEvaluationStore(tables.evaluations).create({
      programmeId: p.programmeId,
      tenantId,
      pairId: p.id,
      userId: p.mentorId,
      role: 'mentor',
      competence: 4,
      dialogue: 5,
      goalsReached: 'partly',
      wouldRecommend: true,
      shareVia: ['documents'],
      submittedAt: AT,
    });
    await new TableLearningStore(tables.learnings).create({
      id: `l${p.id.replace(/[^a-z0-9]/g, '').padEnd(24, '0')}`,
      programmeId: p.programmeId,
      tenantId,
      pairId: p.id,
      text: 'Kysy ensin, neuvo sitten.',
      proposedBy: p.mentorId,
      proposedAt: AT,
      approvals: Object.fromEntries([p.mentorId, ...p.aktoriIds].map((id) => [id, AT])),
      status: 'approved',
    });
    for (const member of [p.mentorId, ...p.aktoriIds]) {
      await memberships.add(tenantId, member, {
        programmeId: p.programmeId,
        pairId: p.id,
        role: member === p.mentorId ? 'mentor' : 'aktori',
        partnerIds: [p.mentorId, ...p.aktoriIds].filter((id) => id !== member),
        programmeName: spring.name,
      });
    }
  }
}

function programme(id: string, name: string, owners: string[], coordinators: string[]): Programme {
  return {
    id,
    tenantId,
    name,
    description: '',
    form: 'pair',
    mode: { kind: 'nonstop' },
    aims: ['develop'],
    competenceAreas: ['Asiakaskokemus'],
    defaults: DEFAULT_AGREEMENT,
    signUpDeadline: undefined,
    timeZone: 'Europe/Helsinki',
    language: 'fi',
    owners,
    coordinators,
    channel: undefined,
    announcement: undefined,
    createdBy: owners[0] ?? '',
    createdAt: AT,
    updatedAt: AT,
  };
}

function volunteer(programmeId: string, person: Someone, role: 'mentor' | 'aktori'): Volunteer {
  return {
    programmeId,
    userId: person.id,
    name: person.name,
    role,
    offers: role === 'mentor' ? ['area:Asiakaskokemus'] : [],
    wants: role === 'aktori' ? ['area:Asiakaskokemus'] : [],
    unit: 'Asiakaspalvelu',
    languages: ['fi'],
    capacity: 1,
    note: '',
    status: 'paired',
    pairIds: [],
    signedUpAt: AT,
    updatedAt: AT,
  };
}

function pair(id: string, programmeId: string, mentor: Someone, aktori: Someone): Pair {
  return {
    id,
    programmeId,
    tenantId,
    form: 'pair',
    mentorId: mentor.id,
    aktoriIds: [aktori.id],
    names: { [mentor.id]: mentor.name, [aktori.id]: aktori.name },
    reasons: [],
    status: 'formed',
    formedBy: dora.id,
    formedAt: AT,
  };
}
