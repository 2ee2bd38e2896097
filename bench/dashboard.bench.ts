/**
 * Dashboard benchmark (issue 9 item 2, issue 7 item 5): programmes of 500
 * and 5,000 pairs in Azurite; the dashboard API's p50/p95 and the storage
 * requests each call makes, against a raw read of the same five partitions
 * (paged queries, no conversion, the kinds in parallel) in the same run.
 * Storage requests are counted by a loopback proxy in front of Azurite that
 * both the server and the raw read go through. Goal: p50 ≤ 1.2× the raw
 * read, and requests that grow with pages (1,000 entities each), not pairs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { DEMO_TENANT_ID, DEMO_USERS } from '../bot/src/devsupport/demoOrganisation';
import type { Meeting } from '../bot/src/domain/meetings/meeting';
import { meetingTransactionId } from '../bot/src/domain/meetings/meeting';
import { pairIdFor } from '../bot/src/domain/programme/pair';
import { TableEvaluationStore } from '../bot/src/store/evaluationStore';
import { TableLearningStore } from '../bot/src/store/learningStore';
import { TableMeetingStore } from '../bot/src/store/meetingStore';
import { TablePairStore } from '../bot/src/store/pairStore';
import { TABLE_NAMES } from '../bot/src/store/tables';
import { TableVolunteerStore } from '../bot/src/store/volunteerStore';
import { startAzurite } from '../test/support/azurite';
import { startServer } from '../test/support/serverProcess';
import { inPool } from './dueSeed';
import { median, percentile, round } from './stats';

const SIZES = [500, 5000] as const;
const RUNS: Record<number, number> = { 500: 15, 5000: 7 };
const DAY = 86_400_000;
const KINDS = ['participants', 'pairs', 'meetings', 'learnings', 'evaluations'] as const;

export async function runDashboardBench(): Promise<Record<string, unknown>> {
  const azurite = await startAzurite();
  const proxy = await countingProxy(azurite.connectionString);
  const tablePrefix = `b${Math.random().toString(36).slice(2, 8)}`;
  const server = await startServer({
    TABLES_CONNECTION_STRING: proxy.connectionString,
    TABLE_PREFIX: tablePrefix,
    LOG_LEVEL: 'warn',
    API_RATE_PER_SECOND: '1000',
    API_RATE_BURST: '1000',
  });
  const owner = DEMO_USERS[0]!;
  try {
    const token = await signIn(server.baseUrl, owner.aadObjectId);
    const out: Record<string, unknown> = {};
    for (const pairs of SIZES) {
      const programmeId = await createProgramme(server.baseUrl, token, `Bench ${pairs}`);
      const seeded = await seed(azurite.connectionString, tablePrefix, programmeId, pairs);
      const raw = KINDS.map((k) =>
        TableClient.fromConnectionString(proxy.connectionString, `${tablePrefix}${TABLE_NAMES[k]}`, {
          allowInsecureConnection: true,
        }),
      );
      const rawRead = async () => {
        await Promise.all(
          raw.map(async (client) => {
            let n = 0;
            const pages = client
              .listEntities({ queryOptions: { filter: `PartitionKey eq '${programmeId}'` } })
              .byPage({ maxPageSize: 1000 });
            for await (const page of pages) n += page.length;
            return n;
          }),
        );
      };
      const api = async () => {
        const res = await fetch(`${server.baseUrl}/api/v1/programmes/${programmeId}/dashboard`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await res.json()) as { pairs?: unknown[] };
        if (res.status !== 200 || body.pairs?.length !== pairs)
          throw new Error(`dashboard answered ${res.status}`);
      };
      // Warm both paths (JIT, connections), then alternate so drift hits both alike.
      await rawRead();
      await api();
      const rawMs: number[] = [];
      const apiMs: number[] = [];
      const rawRequests: number[] = [];
      const apiRequests: number[] = [];
      for (let i = 0; i < (RUNS[pairs] ?? 5); i++) {
        for (const [fn, ms, requests] of [
          [rawRead, rawMs, rawRequests],
          [api, apiMs, apiRequests],
        ] as const) {
          proxy.reset();
          const t0 = performance.now();
          await fn();
          ms.push(performance.now() - t0);
          requests.push(proxy.count());
        }
      }
      const figures = {
        entities: seeded,
        raw: { p50: round(median(rawMs)), p95: round(percentile(rawMs, 95)), requests: median(rawRequests) },
        api: { p50: round(median(apiMs)), p95: round(percentile(apiMs, 95)), requests: median(apiRequests) },
        ratioP50: round(median(apiMs) / median(rawMs), 2),
        goal: 'api p50 <= 1.2x raw; requests grow with pages, not pairs',
      };
      out[`pairs${pairs}`] = figures;
    }
    return out;
  } finally {
    await server.stop();
    await proxy.close();
    await azurite.stop();
  }
}

export function printDashboard(report: Record<string, unknown>): void {
  process.stdout.write('pairs  entities  raw p50/p95 ms  raw req  api p50/p95 ms  api req  api/raw p50\n');
  for (const [key, v] of Object.entries(report)) {
    const f = v as {
      entities: number;
      raw: { p50: number; p95: number; requests: number };
      api: { p50: number; p95: number; requests: number };
      ratioP50: number;
    };
    process.stdout.write(
      `${key.replace('pairs', '').padStart(5)}  ${String(f.entities).padStart(8)}  ${`${f.raw.p50}/${f.raw.p95}`.padStart(14)}  ${String(f.raw.requests).padStart(7)}  ${`${f.api.p50}/${f.api.p95}`.padStart(14)}  ${String(f.api.requests).padStart(7)}  ${String(f.ratioP50).padStart(11)}\n`,
    );
  }
}

/**
 * Seeds one programme through Polku's own stores (their real entity shapes),
 * collected in memory and written as entity-group transactions of 100.
 */
async function seed(
  connectionString: string,
  prefix: string,
  programmeId: string,
  count: number,
): Promise<number> {
  const collected = new Map<string, Map<string, TableEntity>>();
  const collector = (table: string) => {
    const put = async (entity: TableEntity, mode: 'Merge' | 'Replace' = 'Replace') => {
      const key = `${table}\u0000${entity.partitionKey}`;
      const rows = collected.get(key) ?? new Map<string, TableEntity>();
      collected.set(key, rows);
      rows.set(entity.rowKey, mode === 'Merge' ? { ...rows.get(entity.rowKey), ...entity } : entity);
      return { etag: '' };
    };
    return { tableName: table, createEntity: put, upsertEntity: put } as unknown as TableClient;
  };
  const pairsStore = new TablePairStore(collector(TABLE_NAMES.pairs));
  const volunteers = new TableVolunteerStore(collector(TABLE_NAMES.participants));
  const meetings = new TableMeetingStore(collector(TABLE_NAMES.meetings));
  const learnings = new TableLearningStore(collector(TABLE_NAMES.learnings));
  const evaluations = new TableEvaluationStore(collector(TABLE_NAMES.evaluations));
  const now = Date.now();
  const guid = (n: number, kind: number) => `00000000-0000-4000-8${kind}00-${String(n).padStart(12, '0')}`;
  for (let i = 0; i < count; i++) {
    const mentorId = guid(i, 1);
    const aktoriId = guid(i, 2);
    const id = pairIdFor(programmeId, mentorId, [aktoriId]);
    const formedAt = new Date(now - (30 + (i % 120)) * DAY).toISOString();
    for (const [userId, role] of [
      [mentorId, 'mentor'],
      [aktoriId, 'aktori'],
    ] as const) {
      await volunteers.create({
        programmeId,
        userId,
        name: `${role} ${i}`,
        role,
        offers: role === 'mentor' ? ['theme:career'] : [],
        wants: role === 'aktori' ? ['theme:career'] : [],
        unit: 'IT',
        languages: ['fi'],
        capacity: 1,
        note: '',
        status: 'paired',
        pairIds: [id],
        signedUpAt: formedAt,
        updatedAt: formedAt,
      });
    }
    await pairsStore.save({
      id,
      programmeId,
      tenantId: DEMO_TENANT_ID,
      form: 'pair',
      mentorId,
      aktoriIds: [aktoriId],
      names: { [mentorId]: `Mentori ${i}`, [aktoriId]: `Aktori ${i}` },
      emails: {},
      reasons: [],
      status: 'active',
      formedBy: guid(0, 9),
      formedAt,
    });
    if (i % 5 !== 0) {
      await pairsStore.updateAgreement(programmeId, id, {
        status: 'in-force',
        goals: [`Tavoite ${i}: oppia johtamaan muutosta`, 'Rakentaa verkosto'],
        version: 1,
        cadenceWeeks: 4,
        meetingMinutes: 60,
      });
      for (let n = 1; n <= 3; n++) {
        const start = now + (n - 3) * 28 * DAY + (i % 40) * 3_600_000;
        const m: Meeting = {
          pairId: id,
          programmeId,
          tenantId: DEMO_TENANT_ID,
          number: n,
          start,
          end: start + 3_600_000,
          status: 'booked',
          organizerId: mentorId,
          transactionId: meetingTransactionId(id, n),
          joinUrl: `https://teams.microsoft.com/l/meetup-join/${id}-${n}`,
          bookedBy: mentorId,
          updatedAt: new Date(Math.min(start, now)).toISOString(),
          ...(start < now ? { checkIns: { [mentorId]: 'met' as const, [aktoriId]: 'met' as const } } : {}),
          memberTimes: {
            [mentorId]: {
              timeZone: 'Europe/Helsinki',
              daysOfWeek: ['monday'],
              startTime: '08:00',
              endTime: '16:00',
            },
          },
        };
        await meetings.create(m);
      }
    }
    if (i % 3 === 0) {
      for (const [userId, role] of [
        [mentorId, 'mentor'],
        [aktoriId, 'aktori'],
      ] as const) {
        await evaluations.create({
          programmeId,
          tenantId: DEMO_TENANT_ID,
          pairId: id,
          userId,
          role,
          competence: ((i % 5) + 1) as 1,
          dialogue: (((i + 2) % 5) + 1) as 1,
          goalsReached: 'partly',
          wouldRecommend: i % 2 === 0,
          shareVia: ['documents'],
          submittedAt: new Date(now - DAY).toISOString(),
        });
      }
    }
    if (i % 10 === 0) {
      await learnings.create({
        id: `l${String(i).padStart(8, '0')}`,
        programmeId,
        tenantId: DEMO_TENANT_ID,
        pairId: id,
        text: `Opittu ${i}: palaverit lyhyemmiksi`,
        proposedBy: mentorId,
        proposedAt: new Date(now - (i % 30) * DAY).toISOString(),
        approvals: { [mentorId]: new Date(now).toISOString() },
        status: i % 20 === 0 ? 'approved' : 'proposed',
      });
    }
  }
  const tasks: (() => Promise<unknown>)[] = [];
  let entities = 0;
  for (const [key, rows] of collected) {
    const [table] = key.split('\u0000') as [string];
    const client = TableClient.fromConnectionString(connectionString, `${prefix}${table}`, {
      allowInsecureConnection: true,
    });
    const all = [...rows.values()];
    entities += all.length;
    for (let i = 0; i < all.length; i += 100) {
      const batch = all.slice(i, i + 100).map((e): TransactionAction => ['upsert', e, 'Replace']);
      tasks.push(() => client.submitTransaction(batch));
    }
  }
  await inPool(tasks, 8);
  return entities;
}

async function signIn(baseUrl: string, userId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function createProgramme(baseUrl: string, token: string, name: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/programmes?lang=fi`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      form: 'pair',
      mode: { kind: 'nonstop' },
      aims: ['strengthen'],
      competenceAreas: ['Asiakaskokemus'],
      defaults: { firstPhaseMeetings: 3, cadenceWeeks: 4, meetingMinutes: 60, nudgeLeadHours: 24 },
      language: 'fi',
    }),
  });
  if (res.status !== 201)
    throw new Error(`creating the programme answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { programme: { id: string } }).programme.id;
}

/** A loopback HTTP proxy in front of Azurite that counts the requests passing through it. */
async function countingProxy(
  connectionString: string,
): Promise<{ connectionString: string; count(): number; reset(): void; close(): Promise<void> }> {
  const target = new URL(/TableEndpoint=([^;]+)/i.exec(connectionString)?.[1] ?? '');
  let requests = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    requests++;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const path = target.pathname.replace(/\/$/, '');
  return {
    connectionString: connectionString.replace(
      /TableEndpoint=[^;]+/i,
      `TableEndpoint=http://127.0.0.1:${port}${path}`,
    ),
    count: () => requests,
    reset: () => {
      requests = 0;
    },
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

if (require.main === module) {
  runDashboardBench().then(
    (r) => {
      printDashboard(r);
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
