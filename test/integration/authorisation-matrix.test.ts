/**
 * Every tab API route × every role, against the real server: allowed or
 * refused exactly as designed. The table below is the design; the first test
 * fails when a route file registers a route the table does not list, so a new
 * route gets its row before it ships.
 *
 * Reading a cell: 2xx = allowed. 403 = refused with "not yours"; 404 = the
 * thing does not exist for this caller (another tenant's programme is not
 * found in theirs). 409/412/400 on a mutation = the caller got past
 * authorisation and the request itself was refused (a stale ETag, an
 * agreement not in force): only allowed roles may ever see those.
 */
import assert from 'node:assert/strict';
import { jukka, sanna } from '../support/programmeSeed';
import {
  DEV_ONLY_ROUTES,
  type Method,
  PUBLIC_ROUTES,
  ROLES,
  type Role,
  type RolesWorld,
  registeredApiRoutes,
  startRolesWorld,
} from '../support/tabApiRoutes';

type Row = readonly [method: Method, path: string, body: unknown, expected: Readonly<Record<Role, number>>];

const all = (status: number): Record<Role, number> =>
  Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, number>;
//                      owner coord thisPair otherPair stranger otherTenant
const row = (o: number, c: number, tp: number, op: number, s: number, ot: number): Record<Role, number> => ({
  owner: o,
  coordinator: c,
  thisPair: tp,
  otherPair: op,
  stranger: s,
  otherTenant: ot,
});

/** A UTC time in the past: a booking that gets past authorisation is refused for its time, never booked. */
const PAST = '2020-01-06T09:00:00.000Z';

const MATRIX: readonly Row[] = [
  // Who am I, and what is mine: everyone signed in, each sees only their own.
  ['GET', '/api/v1/me', undefined, all(200)],
  ['GET', '/api/v1/programmes', undefined, all(200)],
  ['GET', '/api/v1/me/pairs', undefined, all(200)],
  ['GET', '/api/v1/me/data', undefined, all(200)],
  ['GET', '/api/v1/channels', undefined, all(200)],
  // Anyone may start a programme (and becomes its owner); without a channel it is just a draft.
  ['POST', '/api/v1/programmes', { name: 'Oma ohjelma', form: 'pair', modeKind: 'nonstop' }, all(201)],
  // A programme: its managers, and its volunteers see it; nobody else in the tenant; no other tenant.
  ['GET', '/api/v1/programmes/:programmeId', undefined, row(200, 200, 200, 200, 403, 404)],
  ['PUT', '/api/v1/programmes/:programmeId', { name: 'Muutettu' }, row(412, 412, 403, 403, 403, 404)],
  ['POST', '/api/v1/programmes/:programmeId/announce', {}, row(200, 200, 403, 403, 403, 404)],
  ['GET', '/api/v1/programmes/:programmeId/volunteers', undefined, row(200, 200, 403, 403, 403, 404)],
  ['GET', '/api/v1/programmes/:programmeId/suggestions', undefined, row(200, 200, 403, 403, 403, 404)],
  ['GET', '/api/v1/programmes/:programmeId/pairs', undefined, row(200, 200, 403, 403, 403, 404)],
  [
    'POST',
    '/api/v1/programmes/:programmeId/pairs',
    { pairs: [{ mentorId: sanna.aadObjectId, aktoriIds: [jukka.aadObjectId] }] },
    row(200, 200, 403, 403, 403, 404),
  ],
  // A pair's own things: its members only. The supervisor sees goals through the programme's pairs, not here.
  ['GET', '/api/v1/pairs/:pairId/agreement', undefined, row(403, 403, 200, 403, 403, 403)],
  ['GET', '/api/v1/pairs/:pairId/meetings', undefined, row(403, 403, 200, 403, 403, 403)],
  ['GET', '/api/v1/pairs/:pairId/slots', undefined, row(403, 403, 409, 403, 403, 403)],
  ['POST', '/api/v1/pairs/:pairId/meetings', { start: PAST }, row(403, 403, 409, 403, 403, 403)],
  // Moving or cancelling meeting 1, which this pair has not booked: members get past authorisation to "not found".
  ['GET', '/api/v1/pairs/:pairId/meetings/:number/slots', undefined, row(403, 403, 404, 403, 403, 403)],
  ['POST', '/api/v1/pairs/:pairId/meetings/:number/move', { start: PAST }, row(403, 403, 404, 403, 403, 403)],
  ['POST', '/api/v1/pairs/:pairId/meetings/:number/cancel', {}, row(403, 403, 404, 403, 403, 403)],
  // Learnings: a pair's own for its members; the approved feed and sharing for the programme's managers.
  ['GET', '/api/v1/pairs/:pairId/learnings', undefined, row(403, 403, 200, 403, 403, 403)],
  ['POST', '/api/v1/pairs/:pairId/learnings', { text: 'Kysy ensin.' }, row(403, 403, 201, 403, 403, 403)],
  ['GET', '/api/v1/programmes/:programmeId/learnings', undefined, row(200, 200, 403, 403, 403, 404)],
  [
    'POST',
    '/api/v1/programmes/:programmeId/learnings/:learningId/share',
    {},
    row(404, 404, 403, 403, 403, 404),
  ],
  // The dashboard, its export and evaluation totals: the programme's managers only.
  ['GET', '/api/v1/programmes/:programmeId/dashboard', undefined, row(200, 200, 403, 403, 403, 404)],
  ['GET', '/api/v1/programmes/:programmeId/dashboard.csv', undefined, row(200, 200, 403, 403, 403, 404)],
  [
    'GET',
    '/api/v1/programmes/:programmeId/evaluations/summary',
    undefined,
    row(200, 200, 403, 403, 403, 404),
  ],
  // Ending a programme: its owners only; coordinators run it but do not end it. Keep these rows last:
  // the owner's close is real and stops pairing. The purge names the wrong programme, so an owner gets
  // past authorisation to "the name does not match" (400) and nothing is deleted.
  ['POST', '/api/v1/programmes/:programmeId/close', {}, row(200, 403, 403, 403, 403, 404)],
  [
    'DELETE',
    '/api/v1/programmes/:programmeId',
    { confirmName: 'Not this programme' },
    row(400, 403, 403, 403, 403, 404),
  ],
];

describe('tab API authorisation matrix: every route × every role', function () {
  this.timeout(120000);
  let roles: RolesWorld;

  before(async () => {
    roles = await startRolesWorld({ graph: true });
  });
  after(async () => roles?.world.stop());

  it('lists every route the server registers (add a row to MATRIX for a new route)', () => {
    const inTable = new Set([...MATRIX.map(([m, p]) => `${m} ${p}`), ...PUBLIC_ROUTES, ...DEV_ONLY_ROUTES]);
    const missing = registeredApiRoutes().filter((r) => !inTable.has(r));
    assert.deepEqual(missing, [], 'routes without a row in the authorisation matrix');
  });

  for (const [method, path, body, expected] of MATRIX) {
    it(`${method} ${path}`, async () => {
      const seen: Partial<Record<Role, number>> = {};
      for (const role of ROLES) {
        const headers: Record<string, string> = method === 'PUT' ? { 'if-match': 'W/"stale"' } : {};
        const res = await roles.call(role, method, path, body, headers);
        seen[role] = res.status;
        const text = await res.text();
        if (res.status >= 400) {
          const error = (JSON.parse(text) as { error: { code: string; message: string } }).error;
          assert.ok(error.code && error.message, `${role}: one error shape`);
          assert.ok(
            !text.includes(roles.programmeId) || res.status < 403,
            `${role}: a refusal echoes no ids`,
          );
        }
      }
      assert.deepEqual(seen, expected);
    });
  }

  it('answers "mine" routes with the caller’s own rows only', async () => {
    const mine = async (role: Role, path: string) => (await roles.call(role, 'GET', path)).json();
    const pairsOf = async (role: Role) =>
      ((await mine(role, '/api/v1/me/pairs')) as { items: Array<{ pairId: string }> }).items.map(
        (p) => p.pairId,
      );
    assert.deepEqual(await pairsOf('thisPair'), [roles.pairId]);
    assert.deepEqual(await pairsOf('otherPair'), [roles.otherPairId]);
    assert.deepEqual(await pairsOf('stranger'), []);
    assert.deepEqual(
      await pairsOf('otherTenant'),
      [],
      'the owner’s object id in another tenant owns nothing here',
    );
    const programmes = (await mine('otherTenant', '/api/v1/programmes')) as { items: Array<{ id: string }> };
    assert.ok(!programmes.items.some((p) => p.id === roles.programmeId));
    for (const role of ROLES) {
      const data = (await mine(role, '/api/v1/me/data')) as { userId: string; tenantId: string };
      const user = role === 'otherTenant' ? sanna : roles.users[role];
      assert.equal(data.userId, user.aadObjectId, `${role} gets their own data`);
    }
    const foreignData = JSON.stringify(await mine('otherTenant', '/api/v1/me/data'));
    assert.ok(!foreignData.includes(roles.programmeId), 'nothing of the other tenant’s owner leaks');
  });
});
