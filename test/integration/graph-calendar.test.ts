/**
 * The Graph calendar adapter against the Graph emulator over real HTTP,
 * with faults injected: every create ends booked exactly once or clearly
 * not booked.
 */
import assert from 'node:assert/strict';
import { GraphCalendar } from '../../bot/src/calendar/graphCalendar';
import { createGraphClient } from '../../bot/src/calendar/graphClient';
import { loadConfig } from '../../bot/src/config';
import { DEMO_USERS, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { PolkuError } from '../../bot/src/domain/errors';
import { type GraphEmulator, NO_MAILBOX_USER, startGraphEmulator } from '../../scripts/graph-emulator';
import { bookedEvents } from '../support/emulatorEvents';

const aino = DEMO_USERS[2] as DemoUser;
const eveliina = DEMO_USERS[6] as DemoUser;
const helmi = DEMO_USERS.find((u) => u.timeZone === 'Europe/Stockholm') as DemoUser;
const DAY = 86_400_000;

describe('Graph calendar adapter against the Graph emulator', function () {
  this.timeout(60000);
  let emulator: GraphEmulator;
  let calendar: GraphCalendar;
  const noSleep = async () => undefined;

  before(async () => {
    emulator = await startGraphEmulator({ port: 0 });
    const config = loadConfig({ GRAPH_BASE_URL: emulator.baseUrl });
    // Short retry delays keep the test fast; Retry-After from the emulator still applies.
    calendar = new GraphCalendar(
      createGraphClient({ mode: 'local', graph: config.graph, retryDelaySeconds: 0 }),
      noSleep,
    );
  });
  beforeEach(() => emulator.reset());
  after(async () => emulator?.stop());

  const eventsOf = (user: DemoUser) => bookedEvents(emulator.baseUrl, user.email);
  const meeting = (transactionId: string, startInDays = 7) => {
    const start = Math.floor((Date.now() + startInDays * DAY) / 3_600_000) * 3_600_000;
    return {
      organizer: aino.email,
      subject: 'Mentorointitapaaminen',
      bodyHtml: '<p>Polku varasi tämän tapaamisen.</p>',
      start,
      end: start + 60 * 60_000,
      attendees: [
        { email: aino.email, name: aino.name },
        { email: eveliina.email, name: eveliina.name },
      ],
      transactionId,
    };
  };

  it('reads both members’ busy times and working hours, zones as IANA names', async () => {
    const window = { start: Date.now(), end: Date.now() + 14 * DAY };
    const [a, h] = await calendar.getSchedules([aino.email, helmi.email], window);
    assert.equal(a?.email.toLowerCase(), aino.email.toLowerCase());
    assert.equal(a?.workingHours?.timeZone, 'Europe/Helsinki');
    assert.match(h?.workingHours?.timeZone ?? '', /^Europe\//);
    assert.match(a?.workingHours?.startTime ?? '', /^\d\d:\d\d$/);
    assert.ok((a?.busy.length ?? 0) > 0, 'seeded busy blocks');
    for (const b of a?.busy ?? []) assert.ok(b.start < b.end);
  });

  it('says plainly when a member has no mailbox', async () => {
    await assert.rejects(
      calendar.getSchedules([aino.email, NO_MAILBOX_USER.email], {
        start: Date.now(),
        end: Date.now() + DAY,
      }),
      (e: unknown) => e instanceof PolkuError && e.code === 'no_mailbox',
    );
  });

  it('books a Teams meeting with a join link that both calendars show as busy', async () => {
    const booked = await calendar.createMeeting(meeting('pair-1-meeting-1'));
    assert.ok(booked.eventId);
    assert.match(booked.joinUrl ?? '', /^https:\/\/teams\.microsoft\.com\//);
    const m = meeting('x');
    const [a, e] = await calendar.getSchedules([aino.email, eveliina.email], {
      start: m.start - DAY,
      end: m.end + DAY,
    });
    for (const s of [a, e])
      assert.ok(
        s?.busy.some((b) => b.start <= m.start && b.end >= m.end),
        'busy at the meeting',
      );
  });

  it('retries a throttled create and books exactly once', async () => {
    emulator.faults.throttle(1, { method: 'POST', path: '/users/.*/events$', times: 2 });
    const booked = await calendar.createMeeting(meeting('pair-2-meeting-1'));
    assert.ok(booked.eventId);
    assert.equal((await eventsOf(aino)).length, 1);
    const again = await calendar.createMeeting(meeting('pair-2-meeting-1'));
    assert.equal(again.eventId, booked.eventId, 'the same transactionId names the same event');
  });

  it('when the connection drops after Graph created the event, the retry returns that event: one meeting', async () => {
    const before = (await eventsOf(aino)).length;
    emulator.faults.dropAfterProcessing({ method: 'POST', path: '/users/.*/events$' });
    const booked = await calendar.createMeeting(meeting('pair-3-meeting-1'));
    assert.ok(booked.eventId);
    assert.equal((await eventsOf(aino)).length, before + 1, 'exactly one event was created');
  });

  it('when Graph stays unavailable, the create fails plainly and nothing is booked', async () => {
    const before = (await eventsOf(aino)).length;
    emulator.faults.unavailable({ method: 'POST', path: '/users/.*/events$', times: 10 });
    await assert.rejects(
      calendar.createMeeting(meeting('pair-4-meeting-1')),
      (e: unknown) => e instanceof PolkuError && e.kind === 'unavailable',
    );
    assert.equal((await eventsOf(aino)).length, before);
  });

  it('moves and cancels a meeting', async () => {
    const m = meeting('pair-5-meeting-1');
    const booked = await calendar.createMeeting(m);
    const later = { start: m.start + DAY, end: m.end + DAY };
    await calendar.moveMeeting(aino.email, booked.eventId, later);
    const [moved] = await calendar.getSchedules([eveliina.email], {
      start: later.start - 3_600_000,
      end: later.end + 3_600_000,
    });
    assert.ok(moved?.busy.some((b) => b.start === later.start && b.end === later.end));
    await calendar.cancelMeeting(aino.email, booked.eventId, 'Peruttu');
    const [after] = await calendar.getSchedules([eveliina.email], {
      start: later.start - 3_600_000,
      end: later.end + 3_600_000,
    });
    assert.ok(!after?.busy.some((b) => b.start === later.start && b.end === later.end), 'freed');
    // Graph answers a second cancel with 404: what cancel wants is already true, so a retry is harmless.
    await calendar.cancelMeeting(aino.email, booked.eventId, 'again');
    await assert.rejects(
      calendar.moveMeeting(aino.email, booked.eventId, later),
      (e: unknown) => e instanceof PolkuError && e.code === 'event_missing',
    );
  });
});
