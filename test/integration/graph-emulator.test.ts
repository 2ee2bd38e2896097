/**
 * The Graph emulator (scripts/graph-emulator), a development stand-in for
 * Graph's calendar endpoints, over real HTTP: it answers in Graph's shapes
 * and with Graph's errors, keeps seeded calendars in each mailbox's wall
 * clock across daylight-saving changes, books, moves and cancels meetings
 * idempotently by transactionId, and fails on demand the ways Graph does.
 */
import assert from 'node:assert/strict';
import { DEMO_USERS, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { type GraphEmulator, NO_MAILBOX_USER, startGraphEmulator } from '../../scripts/graph-emulator/index';
import { assertLoopbackOnly } from '../support/loopbackOnly';

const person = (givenName: string): DemoUser => DEMO_USERS.find((u) => u.givenName === givenName)!;
const AINO = person('Aino'); // Europe/Helsinki, 08-16
const HELMI = person('Helmi'); // Europe/Stockholm, 09-17
const VILLE = person('Ville'); // Europe/London

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are Graph JSON read field by field.
  readonly json: any;
}

let em: GraphEmulator;

async function call(method: string, path: string, body?: unknown, headers = {}): Promise<Answer> {
  const url = path.startsWith('/_emulator') ? `http://127.0.0.1:${em.port}${path}` : `${em.baseUrl}${path}`;
  const res = await fetch(url, {
    method,
    headers: {
      authorization: 'Bearer polku-local-development-token',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

type When = string | { dateTime: string; timeZone: string };
/** "2027-03-22T10:00" is UTC; an object names its zone. */
const at = (w: When) => (typeof w === 'string' ? { dateTime: `${w}:00`, timeZone: 'UTC' } : w);

function schedule(who: readonly DemoUser[], from: When, to: When, every = 30, prefer?: string) {
  return call(
    'POST',
    `/users/${encodeURIComponent(who[0]?.email ?? '')}/calendar/getSchedule`,
    {
      schedules: who.map((u) => u.email),
      startTime: at(from),
      endTime: at(to),
      availabilityViewInterval: every,
    },
    prefer ? { prefer: `outlook.timezone="${prefer}"` } : {},
  );
}

/** The availabilityView of each person, in order. */
async function views(who: readonly DemoUser[], from: When, to: When, every = 30): Promise<string[]> {
  const a = await schedule(who, from, to, every);
  assert.equal(a.status, 200, JSON.stringify(a.json));
  return a.json.value.map((s: { availabilityView: string }) => s.availabilityView);
}

async function expectError(answer: Promise<Answer>, status: number, code: string): Promise<Answer> {
  const a = await answer;
  assert.equal(a.status, status, JSON.stringify(a.json));
  assert.equal(a.json.error.code, code);
  assert.equal(typeof a.json.error.message, 'string');
  assert.match(a.json.error.innerError['request-id'], /^[0-9a-f-]{36}$/);
  assert.match(a.json.error.innerError.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  assert.equal(a.headers.get('x-polku-graph-emulator'), 'true');
  return a;
}

/** A Polku-style Teams meeting on Monday 22 March 2027, times in UTC. */
function meeting(start = '10:00', end = '11:00', extra: Record<string, unknown> = {}) {
  return {
    subject: 'Mentoring: Aino & Ville',
    body: { contentType: 'HTML', content: '<p>Polku booked this meeting.</p>' },
    start: at(`2027-03-22T${start}`),
    end: at(`2027-03-22T${end}`),
    attendees: [AINO, VILLE].map((u) => ({
      emailAddress: { address: u.email, name: u.name },
      type: 'required',
    })),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    sensitivity: 'private',
    ...extra,
  };
}

const book = (body: unknown, organizer = AINO.email) => call('POST', `/users/${organizer}/events`, body);
const eventPath = (id: string, user = AINO.email) => `/users/${user}/events/${encodeURIComponent(id)}`;
const booked = async (query = '') => (await call('GET', `/_emulator/events?${query}`)).json.value;

describe('Graph emulator (development stand-in)', () => {
  describe('seeded calendars', () => {
    let clock = new Date('2027-03-15T09:00:00Z');
    before(async () => {
      em = await startGraphEmulator({ port: 0, now: () => clock });
    });
    after(() => em.stop());

    it('listens on loopback only and names itself a stand-in on every answer', async () => {
      assertLoopbackOnly([em.port]);
      assert.match(em.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
      const health = await call('GET', '/_emulator/health');
      assert.equal(health.headers.get('x-polku-graph-emulator'), 'true');
      assert.match(health.json.emulator, /development stand-in/);
    });

    it('wants a bearer token, and says so as Graph does', async () => {
      for (const authorization of ['', 'Basic abc', 'Bearer ']) {
        const path = `/users/${AINO.aadObjectId}/calendar/getSchedule`;
        await expectError(call('POST', path, {}, { authorization }), 401, 'InvalidAuthenticationToken');
      }
    });

    it('keeps the Helsinki team meeting at 10:00 local across the March 2027 change', async () => {
      // Last Sunday of March 2027 is the 28th: EET (UTC+2) before, EEST (UTC+3) after.
      const [before] = await views([AINO], '2027-03-23T00:00', '2027-03-24T00:00');
      assert.equal(before?.length, 48);
      assert.equal(before?.slice(15, 19), '0220', '08:00-09:00Z busy, 07:30 and 09:00 free');
      const [after] = await views([AINO], '2027-03-30T00:00', '2027-03-31T00:00');
      assert.equal(after?.slice(13, 17), '0220', '07:00-08:00Z busy');

      const inUtc = await schedule([AINO], '2027-03-30T00:00', '2027-03-31T00:00');
      assert.deepEqual(
        inUtc.json.value[0].scheduleItems.map((i: { status: string; start: unknown }) => [i.status, i.start]),
        [['busy', { dateTime: '2027-03-30T07:00:00.0000000', timeZone: 'UTC' }]],
      );
      const local = await schedule([AINO], '2027-03-30T00:00', '2027-03-31T00:00', 30, 'FLE Standard Time');
      const [aino] = local.json.value;
      assert.equal(local.headers.get('preference-applied'), 'outlook.timezone="FLE Standard Time"');
      assert.deepEqual(
        [aino.scheduleItems[0].subject, aino.scheduleItems[0].start, aino.scheduleItems[0].end],
        [
          'Team meeting',
          { dateTime: '2027-03-30T10:00:00.0000000', timeZone: 'FLE Standard Time' },
          { dateTime: '2027-03-30T11:00:00.0000000', timeZone: 'FLE Standard Time' },
        ],
      );
      assert.deepEqual(aino.workingHours, {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '16:00:00.0000000',
        timeZone: { name: 'FLE Standard Time' },
      });
    });

    it('counts the 23-hour and 25-hour days in local windows, and follows the October change', async () => {
      const helsinki = (day: string) => ({ dateTime: `${day}T00:00:00`, timeZone: 'Europe/Helsinki' });
      assert.deepEqual(await views([AINO], helsinki('2027-03-28'), helsinki('2027-03-29'), 60), [
        '0'.repeat(23),
      ]);
      clock = new Date('2027-10-15T09:00:00Z');
      try {
        assert.equal((await call('POST', '/_emulator/reset')).status, 204, 'reseeds from the new clock');
        assert.deepEqual(await views([AINO], helsinki('2027-10-31'), helsinki('2027-11-01'), 60), [
          '0'.repeat(25),
        ]);
        // Last Sunday of October 2027 is the 31st: the meeting moves from 07:00Z to 08:00Z.
        const [oct] = await views([AINO], '2027-10-26T00:00', '2027-10-27T00:00', 60);
        assert.equal(oct?.slice(6, 9), '020');
        const [nov] = await views([AINO], '2027-11-02T00:00', '2027-11-03T00:00', 60);
        assert.equal(nov?.slice(7, 10), '020');
      } finally {
        clock = new Date('2027-03-15T09:00:00Z');
        await call('POST', '/_emulator/reset');
      }
    });

    it('answers for a Stockholm mailbox in its own zone and hours', async () => {
      const stockholm = (day: string) => ({
        dateTime: `${day}T00:00:00`,
        timeZone: 'W. Europe Standard Time',
      });
      const a = await schedule([HELMI, AINO], stockholm('2027-03-23'), stockholm('2027-03-24'), 60);
      const [helmi, aino] = a.json.value;
      assert.equal(helmi.scheduleId, HELMI.email);
      assert.equal(helmi.availabilityView.slice(9, 12), '020', '10:00-11:00 Stockholm (09:00Z)');
      assert.equal(aino.availabilityView.slice(8, 11), '020', '10:00-11:00 Helsinki is 09:00 in Stockholm');
      const { startTime, endTime, timeZone } = helmi.workingHours;
      assert.deepEqual(
        [startTime, endTime, timeZone.name],
        ['09:00:00.0000000', '17:00:00.0000000', 'W. Europe Standard Time'],
      );
      const [after] = await views([HELMI], '2027-03-30T00:00', '2027-03-31T00:00', 60);
      assert.equal(after?.slice(7, 10), '020', 'summer time: 08:00Z');
    });

    it('lays out the same blocks for 90 days on every start, and nothing after', async () => {
      const twin = await startGraphEmulator({ port: 0, now: () => clock });
      try {
        const blocks = (m: GraphEmulator) =>
          m.state.allEvents().map((e) => [e.id, e.organizerId, e.startMs, e.endMs, e.showAs].join('|'));
        assert.deepEqual(blocks(twin), blocks(em));
        const aino = em.state.allEvents().filter((e) => e.organizerId === AINO.aadObjectId);
        const statuses = new Set<string>(aino.map((e) => e.showAs));
        for (const s of ['busy', 'tentative', 'oof', 'workingElsewhere']) assert.ok(statuses.has(s), s);
        const last = Math.max(...aino.map((e) => e.endMs));
        assert.ok(last > Date.parse('2027-06-01T00:00:00Z') && last < Date.parse('2027-06-13T00:00:00Z'));
      } finally {
        await twin.stop();
      }
    });

    it('refuses bad windows and intervals with Graph errors', async () => {
      const base = {
        schedules: [AINO.email],
        startTime: at('2027-03-22T00:00'),
        endTime: at('2027-03-23T00:00'),
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ endTime: at('2027-05-24T00:00') }, 'ErrorTimeIntervalTooBig'],
        [{ endTime: at('2027-03-22T00:00') }, 'ErrorInvalidRequest'],
        [{ schedules: [] }, 'ErrorInvalidRequest'],
        [{ schedules: new Array(21).fill(AINO.email) }, 'ErrorInvalidRequest'],
        [{ availabilityViewInterval: 4 }, 'ErrorInvalidRequest'],
        [{ availabilityViewInterval: 1441 }, 'ErrorInvalidRequest'],
        [{ startTime: { dateTime: '2027-03-22T00:00:00Z', timeZone: 'UTC' } }, 'ErrorInvalidRequest'],
        [
          { startTime: { dateTime: '2027-03-22T00:00:00', timeZone: 'Mars/Olympus' } },
          'TimeZoneNotSupportedException',
        ],
      ];
      for (const [change, code] of cases) {
        const path = `/users/${AINO.aadObjectId}/calendar/getSchedule`;
        await expectError(call('POST', path, { ...base, ...change }), 400, code);
      }
      const [sixtyTwo] = await views([AINO], '2027-03-22T00:00', '2027-05-23T00:00', 1440);
      assert.equal(sixtyTwo?.length, 62, 'exactly 62 days is allowed');
    });

    it('reports unknown and mailbox-less addresses inside the answer, and 404s them in the path', async () => {
      const a = await call('POST', `/users/${AINO.email}/calendar/getSchedule`, {
        schedules: [AINO.email, 'nobody@example.com', NO_MAILBOX_USER.email],
        startTime: at('2027-03-22T00:00'),
        endTime: at('2027-03-23T00:00'),
      });
      assert.equal(a.status, 200);
      assert.deepEqual(
        a.json.value.map((s: { scheduleId: string; error?: { responseCode: string } }) => [
          s.scheduleId,
          s.error?.responseCode,
        ]),
        [
          [AINO.email, undefined],
          ['nobody@example.com', '5009'],
          [NO_MAILBOX_USER.email, 'ErrorMailRecipientNotFound'],
        ],
      );
      await expectError(book(meeting(), 'nobody@example.com'), 404, 'ErrorInvalidUser');
      await expectError(book(meeting(), NO_MAILBOX_USER.aadObjectId), 404, 'MailboxNotEnabledForRESTAPI');
      const noMailbox = `/users/${NO_MAILBOX_USER.email}/calendar/getSchedule`;
      await expectError(call('POST', noMailbox, {}), 404, 'MailboxNotEnabledForRESTAPI');
      await expectError(call('GET', eventPath('AAMkAGVtdWxhdG9yNoSuchEvent=')), 404, 'ErrorItemNotFound');
      await expectError(call('GET', '/me/events'), 400, 'BadRequest');
    });
  });

  describe('booking', () => {
    before(async () => {
      const now = () => new Date('2027-03-15T09:00:00Z');
      em = await startGraphEmulator({ port: 0, now, seed: { busyBlocks: false } });
    });
    beforeEach(() => call('POST', '/_emulator/reset'));
    after(() => em.stop());

    it('creates a Teams meeting, returns it by id and shows both people busy', async () => {
      const created = await book(
        meeting('10:00', '11:00', { transactionId: 'pair-1-m1' }),
        AINO.email.toUpperCase(),
      );
      assert.equal(created.status, 201, JSON.stringify(created.json));
      const e = created.json;
      assert.match(e.id, /^AAMk.*=$/);
      assert.match(e.iCalUId, /^040000008200E00074C5B7101A82E008/);
      assert.match(e.onlineMeeting.joinUrl, /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/.*emulator/);
      assert.match(e.webLink, /^https:\/\/outlook\.office365\.com\/owa\/\?itemid=/);
      assert.deepEqual(
        [e.sensitivity, e.showAs, e.isOnlineMeeting, e.onlineMeetingProvider, e.transactionId],
        ['private', 'busy', true, 'teamsForBusiness', 'pair-1-m1'],
      );
      assert.deepEqual(e.start, { dateTime: '2027-03-22T10:00:00.0000000', timeZone: 'UTC' });
      assert.equal(e.organizer.emailAddress.address, AINO.email);
      const invited = e.attendees.map((a: { emailAddress: { address: string } }) => a.emailAddress.address);
      assert.deepEqual(invited, [AINO.email, VILLE.email]);

      const london = { prefer: 'outlook.timezone="Europe/London"' };
      const got = await call('GET', eventPath(e.id, AINO.aadObjectId), undefined, london);
      assert.equal(got.status, 200);
      assert.equal(got.json.id, e.id);
      assert.deepEqual(got.json.start, {
        dateTime: '2027-03-22T10:00:00.0000000',
        timeZone: 'Europe/London',
      });

      assert.deepEqual(await views([AINO, VILLE], '2027-03-22T09:00', '2027-03-22T12:00'), [
        '002200',
        '002200',
      ]);
      const ville = (await schedule([VILLE], '2027-03-22T00:00', '2027-03-23T00:00')).json.value[0];
      assert.equal(ville.scheduleItems[0].isPrivate, true);
      assert.equal(ville.scheduleItems[0].subject, undefined, 'a private meeting shows only as busy');
    });

    it('shows the highest status in each interval; working elsewhere counts as free', async () => {
      for (const [start, end, showAs] of [
        ['10:00', '10:30', 'tentative'],
        ['10:15', '10:45', 'busy'],
        ['11:00', '11:30', 'tentative'],
        ['11:20', '11:40', 'oof'],
        ['12:00', '13:00', 'workingElsewhere'],
        ['13:00', '14:00', 'free'],
      ] as const) {
        const day = (t: string) => at(`2027-03-22T${t}`);
        assert.equal((await book({ subject: showAs, start: day(start), end: day(end), showAs })).status, 201);
      }
      const a = await schedule([AINO], '2027-03-22T10:00', '2027-03-22T14:00', 60);
      assert.equal(a.json.value[0].availabilityView, '2300');
      assert.deepEqual(
        a.json.value[0].scheduleItems.map((i: { status: string }) => i.status),
        ['tentative', 'busy', 'tentative', 'oof', 'workingElsewhere'],
        'free items are not listed',
      );
      const [partial] = await views([AINO], '2027-03-22T10:00', '2027-03-22T11:10', 20);
      assert.equal(partial, '2221', 'a last, shorter interval still counts');
    });

    it('returns the first event for a repeated transactionId and creates nothing more', async () => {
      const body = meeting('10:00', '11:00', { transactionId: 'pair-1-m2' });
      const first = await book(body, AINO.aadObjectId);
      const second = await book(body, AINO.email);
      assert.equal(second.status, 201);
      assert.equal(second.json.id, first.json.id);
      assert.equal(second.json.onlineMeeting.joinUrl, first.json.onlineMeeting.joinUrl);
      assert.equal((await booked()).length, 1);
      // Another organiser with the same transactionId is another event.
      const other = await book(body, VILLE.email);
      assert.notEqual(other.json.id, first.json.id);
      assert.equal((await booked()).length, 2);
    });

    it('moves a meeting with PATCH and frees the old time', async () => {
      const { json: e } = await book(meeting('10:00', '11:00'));
      const moved = await call('PATCH', eventPath(e.id), {
        start: { dateTime: '2027-03-22T13:00:00', timeZone: 'Europe/Helsinki' },
        end: { dateTime: '2027-03-22T14:00:00', timeZone: 'Europe/Helsinki' },
      });
      assert.equal(moved.status, 200);
      assert.deepEqual(moved.json.start, { dateTime: '2027-03-22T11:00:00.0000000', timeZone: 'UTC' });
      assert.equal(moved.json.originalStartTimeZone, 'Europe/Helsinki');
      assert.deepEqual(await views([AINO, VILLE], '2027-03-22T10:00', '2027-03-22T12:00', 60), ['02', '02']);
      await expectError(
        call('PATCH', eventPath(e.id), { end: at('2027-03-22T10:00') }),
        400,
        'ErrorInvalidRequest',
      );
      await expectError(call('PATCH', eventPath(e.id), { iCalUId: 'x' }), 400, 'ErrorInvalidRequest');
    });

    it('cancels a meeting for everyone; the id then answers 404', async () => {
      const { json: e } = await book(meeting('10:00', '11:00', { transactionId: 'pair-1-m3' }));
      const cancelled = await call('POST', `${eventPath(e.id)}/cancel`, { comment: 'Pair ended' });
      assert.equal(cancelled.status, 202);
      assert.equal(cancelled.json, undefined);
      assert.deepEqual(await views([AINO, VILLE], '2027-03-22T10:00', '2027-03-22T11:00', 60), ['0', '0']);
      await expectError(call('GET', eventPath(e.id)), 404, 'ErrorItemNotFound');
      await expectError(call('POST', `${eventPath(e.id)}/cancel`, {}), 404, 'ErrorItemNotFound');
      const [kept] = await booked(`user=${AINO.email}&includeCancelled=true`);
      assert.deepEqual([kept.isCancelled, kept.cancelComment], [true, 'Pair ended']);
    });

    it('refuses a meeting without a subject, ending before it starts, or inviting no address', async () => {
      await expectError(book(meeting('10:00', '11:00', { subject: ' ' })), 400, 'ErrorInvalidRequest');
      await expectError(book(meeting('11:00', '10:00')), 400, 'ErrorInvalidRequest');
      const nobody = { attendees: [{ emailAddress: { name: 'X' } }] };
      await expectError(book(meeting('10:00', '11:00', nobody)), 400, 'ErrorInvalidRecipients');
      assert.equal((await booked()).length, 0);
    });

    it('throttles with Retry-After, then answers', async () => {
      em.faults.throttle(7, { method: 'POST', path: '/calendar/getSchedule$' });
      const throttled = schedule([AINO], '2027-03-22T00:00', '2027-03-23T00:00');
      assert.equal((await expectError(throttled, 429, 'TooManyRequests')).headers.get('retry-after'), '7');
      assert.equal((await schedule([AINO], '2027-03-22T00:00', '2027-03-23T00:00')).status, 200);
    });

    it('answers 503 as often as asked through /_emulator/faults, and only for matching requests', async () => {
      const armed = await call('POST', '/_emulator/faults', { kind: 'unavailable', times: 2, method: 'GET' });
      assert.equal(armed.status, 201);
      assert.equal((await call('POST', '/_emulator/faults', { kind: 'explode' })).status, 400);
      const created = await book(meeting());
      assert.equal(created.status, 201, 'a POST does not match a GET-only fault');
      await expectError(call('GET', eventPath(created.json.id)), 503, 'ServiceNotAvailable');
      await expectError(call('GET', eventPath(created.json.id)), 503, 'ServiceNotAvailable');
      assert.equal((await call('GET', eventPath(created.json.id))).status, 200);
      assert.deepEqual((await call('GET', '/_emulator/faults')).json.value, []);
    });

    it('delays an answer', async () => {
      em.faults.delay(400);
      const started = Date.now();
      assert.equal((await schedule([AINO], '2027-03-22T00:00', '2027-03-23T00:00')).status, 200);
      assert.ok(Date.now() - started >= 380, `took ${Date.now() - started} ms`);
    });

    it('drops the connection before processing: nothing is created', async () => {
      em.faults.drop({ method: 'POST', path: '/events$' });
      await assert.rejects(book(meeting('10:00', '11:00', { transactionId: 'pair-1-m4' })), TypeError);
      assert.equal((await booked()).length, 0);
    });

    it('drops the connection after processing: the event exists, and a retry with its transactionId gets it', async () => {
      em.faults.dropAfterProcessing({ method: 'POST', path: '/events$' });
      const body = meeting('10:00', '11:00', { transactionId: 'pair-1-m5' });
      await assert.rejects(book(body), TypeError);
      const [made] = await booked();
      assert.equal(made.transactionId, 'pair-1-m5');
      const retry = await book(body);
      assert.equal(retry.status, 201);
      assert.equal(retry.json.id, made.id);
      assert.equal((await booked()).length, 1);
      const log = (await call('GET', '/_emulator/requests')).json.value;
      assert.deepEqual(
        log.map((r: { status: unknown; fault?: string }) => [r.status, r.fault]),
        [
          ['dropped', 'dropAfterProcessing'],
          [201, undefined],
        ],
      );
    });
  });
});
