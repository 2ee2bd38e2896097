/**
 * The supervisor's dashboard API over real HTTP against the real server and
 * Azurite: who gets it (owners and coordinators) and who is refused (pair
 * members, strangers, another tenant, unknown ids), what it counts, and a
 * CSV export that Excel opens safely.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mintDevSession } from '../../bot/src/api/devSessions';
import { DEMO_TENANT_ID, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { DashboardSeed } from '../support/dashboardSeed';
import { aino, eveliina, jukka, mikko, onni, sanna } from '../support/programmeSeed';
import { cardAction, invokeCard } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

const INJECTION = '=HYPERLINK("http://evil.example","klikkaa")';
const SCRIPT_GOAL = '<script>alert("x")</script> Oppia johtamaan';
const DAY = 86_400_000;

describe('the programme dashboard API', function () {
  this.timeout(60000);
  let world: World;
  let programmeId = '';
  let pairId = '';
  let secondPairId = '';

  const get = (path: string, user: DemoUser) => world.api(`/api/v1/programmes/${path}`, user);

  before(async () => {
    world = await startWorld();
    const created = await world.api('/api/v1/programmes?lang=fi', sanna, {
      method: 'POST',
      body: JSON.stringify({
        name: 'Myynnin mentorointi',
        form: 'pair',
        mode: { kind: 'nonstop' },
        aims: ['strengthen'],
        competenceAreas: ['Asiakaskokemus'],
        defaults: { firstPhaseMeetings: 3, cadenceWeeks: 4, meetingMinutes: 60, nudgeLeadHours: 24 },
        language: 'fi',
        coordinators: [jukka.aadObjectId],
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    programmeId = ((await created.json()) as { programme: { id: string } }).programme.id;
    for (const [user, role, topic] of [
      [aino, 'mentor', 'offers'],
      [mikko, 'mentor', 'offers'],
      [eveliina, 'aktori', 'wants'],
      [onni, 'aktori', 'wants'],
    ] as const) {
      await invokeCard(
        world.server.baseUrl,
        cardAction(world.personal(user), 'signup.save', {
          programmeId,
          role,
          [topic]: 'theme:career',
          unit: 'IT',
          languages: 'fi',
        }),
      );
    }
    const confirmed = await world.api(`/api/v1/programmes/${programmeId}/pairs`, sanna, {
      method: 'POST',
      body: JSON.stringify({
        pairs: [
          { mentorId: aino.aadObjectId, aktoriIds: [eveliina.aadObjectId] },
          { mentorId: mikko.aadObjectId, aktoriIds: [onni.aadObjectId] },
        ],
      }),
    });
    const { results } = (await confirmed.json()) as { results: Array<{ pairId: string; mentorId: string }> };
    pairId = results.find((r) => r.mentorId === aino.aadObjectId)?.pairId ?? '';
    secondPairId = results.find((r) => r.mentorId === mikko.aadObjectId)?.pairId ?? '';
    assert.ok(pairId && secondPairId);

    const seed = new DashboardSeed(world.azurite.connectionString, world.tablePrefix);
    await seed.goalsInForce(programmeId, pairId, [INJECTION, SCRIPT_GOAL]);
    const ids = { tenantId: DEMO_TENANT_ID, mentorId: aino.aadObjectId };
    await seed.meeting(programmeId, pairId, ids, 1, new Date(Date.now() - 20 * DAY), true);
    await seed.meeting(programmeId, pairId, ids, 2, new Date(Date.now() + 10 * DAY), false);
    // The second pair formed three weeks ago and has not agreed: it needs attention.
    await seed.formedAt(programmeId, secondPairId, new Date(Date.now() - 21 * DAY));
  });
  after(async () => world?.stop());

  it('gives the owner the figures, each pair with its goals and rhythm, and the funnel', async () => {
    const res = await get(`${programmeId}/dashboard`, sanna);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = (await res.json()) as {
      phase: string;
      figures: Record<string, unknown>;
      pairs: Array<{
        id: string;
        goals: string[];
        meetingsHeld: number;
        nextMeeting: string | null;
        attention: string[];
        members: Array<{ name: string }>;
      }>;
      funnel: Array<{ stage: string; people: number }>;
      evaluations: { all: unknown };
    };
    assert.equal(body.phase, 'ongoing');
    assert.deepEqual(body.figures, {
      volunteers: { mentors: 2, aktoris: 2 },
      pairs: { total: 2, active: 2, concluded: 0 },
      agreementsInForce: 1,
      meetings: { held: 1, booked: 2, upcoming: 1 },
      checkpoints: { continued: 0, concluded: 0, waiting: 0 },
      needAttention: 1,
    });
    const first = body.pairs.find((p) => p.id === pairId);
    assert.deepEqual(first?.goals, [INJECTION, SCRIPT_GOAL], 'goals are data; the tab renders them as text');
    assert.deepEqual(
      first?.members.map((m) => m.name),
      [aino.name, eveliina.name],
    );
    assert.equal(first?.meetingsHeld, 1);
    assert.ok(first?.nextMeeting && Date.parse(first.nextMeeting) > Date.now());
    assert.deepEqual(body.pairs.find((p) => p.id === secondPairId)?.attention, ['no-agreement']);
    assert.deepEqual(
      body.funnel.map((f) => f.people),
      [4, 4, 2, 0],
    );
    assert.equal(body.evaluations.all, null, 'no evaluation shown under three answers');
    const text = JSON.stringify(body);
    assert.doesNotMatch(text, /joinUrl|meetup-join|checkIns|memberTimes|transactionId/, 'rhythm only');
  });

  it('gives a coordinator the same dashboard', async () => {
    const res = await get(`${programmeId}/dashboard`, jukka);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { pairs: unknown[] }).pairs.length, 2);
  });

  it('refuses a pair member and a stranger with 403, for the JSON and the CSV alike', async () => {
    for (const user of [aino, eveliina, mikko]) {
      for (const path of ['dashboard', 'dashboard.csv']) {
        const res = await get(`${programmeId}/${path}`, user);
        assert.equal(res.status, 403, `${user.name} ${path}`);
        const body = (await res.json()) as { error: { code: string } };
        assert.equal(body.error.code, 'not_programme_manager');
        assert.doesNotMatch(JSON.stringify(body), /Oppia|HYPERLINK/);
      }
    }
  });

  it('answers 404 for an unknown programme and for the same programme asked from another tenant', async () => {
    assert.equal((await get(`${randomUUID()}/dashboard`, sanna)).status, 404);
    // The owner's own object id, signed in another tenant: the id alone opens nothing.
    const { token } = mintDevSession(
      'polku-local-dev-sessions',
      { tenantId: randomUUID(), userId: sanna.aadObjectId, name: sanna.name },
      new Date(),
    );
    for (const path of ['dashboard', 'dashboard.csv']) {
      const res = await fetch(`${world.server.baseUrl}/api/v1/programmes/${programmeId}/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 404, path);
    }
  });

  it('refuses a malformed id with 400 and a missing or forged token with 401', async () => {
    assert.equal((await get('not-a-programme/dashboard', sanna)).status, 400);
    const url = `${world.server.baseUrl}/api/v1/programmes/${programmeId}/dashboard`;
    assert.equal((await fetch(url)).status, 401);
    assert.equal(
      (await fetch(url, { headers: { authorization: 'Bearer polku-dev.e30.forged' } })).status,
      401,
    );
  });

  it('exports pairs and goals as an Excel-safe CSV attachment in the asker’s language', async () => {
    const res = await get(`${programmeId}/dashboard.csv?lang=en`, jukka);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename="myynnin-mentorointi-pairs\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...rows] = text.trimEnd().split('\r\n');
    assert.match(header ?? '', /^"Mentor","Mentees","Form","Status","Goal 1","Goal 2",/);
    assert.equal(rows.length, 2);
    const row = rows.find((r) => r.startsWith(`"${aino.name}"`)) ?? '';
    assert.ok(row.includes(`"'=HYPERLINK(""http://evil.example"",""klikkaa"")"`), row);
    assert.ok(row.includes(`"${SCRIPT_GOAL.replace(/"/g, '""')}"`), row);
    assert.ok(!/(^|,)"[=+\-@]/.test(rows.join('\n')), 'no cell starts with a formula character');
    const fi = await (await get(`${programmeId}/dashboard.csv?lang=fi`, sanna)).text();
    assert.match(fi, /"Mentori","Aktorit","Muoto","Tila","Tavoite 1"/);
  });
});
