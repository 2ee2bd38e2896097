/**
 * No orphan events, over the real adapters: Azurite for the record, the
 * Graph adapter against the Graph emulator. A create whose connection drops
 * after Graph made the event leaves the record 'failed' and an event in
 * both calendars; reconcile finds it with calendarView by its transactionId
 * and cancels it, so 'failed' means no event. The emulator's calendarView
 * behaves as Graph documents it (a window is required, pages link on).
 */
import assert from 'node:assert/strict';
import { GraphCalendar } from '../../bot/src/calendar/graphCalendar';
import { createGraphClient } from '../../bot/src/calendar/graphClient';
import { loadConfig } from '../../bot/src/config';
import type { PolkuError } from '../../bot/src/domain/errors';
import type { Pair } from '../../bot/src/domain/programme/pair';
import { BookingService } from '../../bot/src/services/meetings/bookingService';
import { TableMeetingStore } from '../../bot/src/store/meetingStore';
import { createTableClientFactory } from '../../bot/src/store/tableClients';
import { ensureTables, openTables } from '../../bot/src/store/tables';
import { type GraphEmulator, startGraphEmulator } from '../../scripts/graph-emulator';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { bookedEvents } from '../support/emulatorEvents';
import { aino, eveliina } from '../support/programmeSeed';
import { aktori as fakeAktori, mentor as fakeMentor, viewOf } from '../unit/meetings/bookingFakes';
import { cohort } from '../unit/teams/cardFixtures';

describe('reconciling a failed booking (Azurite, Graph emulator)', function () {
  this.timeout(60000);
  let azurite: AzuriteHandle;
  let emulator: GraphEmulator;
  let service: BookingService;
  let calendar: GraphCalendar;
  const base = viewOf();
  // The fakes' member ids, with the demo mailboxes behind them.
  const pair: Pair = {
    ...base.pair,
    emails: { [fakeMentor.userId]: aino.email, [fakeAktori.userId]: eveliina.email },
  };
  const view = { ...base, pair };

  const liveEventsOf = (email: string) => bookedEvents(emulator.baseUrl, email);
  /** Three times free in both calendars, from the slot finder (seeded busy days differ from date to date). */
  let free: number[] = [];
  const slot = (i: number) => free[i] as number;

  before(async () => {
    [azurite, emulator] = await Promise.all([startAzurite(), startGraphEmulator()]);
    const config = loadConfig({
      GRAPH_BASE_URL: emulator.baseUrl,
      TABLES_CONNECTION_STRING: azurite.connectionString,
    });
    const tables = openTables(
      createTableClientFactory(config.tables),
      `r${Math.random().toString(36).slice(2, 8)}`,
    );
    await ensureTables(tables);
    calendar = new GraphCalendar(
      createGraphClient({ mode: 'local', graph: config.graph, retryDelaySeconds: 0 }),
      async () => undefined,
    );
    service = new BookingService({
      agreements: { view: async () => view },
      meetings: new TableMeetingStore(tables.meetings),
      calendar,
      pairs: { get: async () => pair },
      programmes: { get: async () => ({ value: cohort, etag: 'x' }) },
      now: () => new Date(),
    });
    free = (await service.suggest(fakeAktori, pair.id)).slots.map((s) => s.start);
    assert.equal(free.length, 3);
  });
  after(async () => {
    await emulator?.stop();
    await azurite?.stop();
  });

  it('cancels the event Graph made for a create that looked failed', async () => {
    const start = slot(0);
    // Every attempt of the create is made by Graph, and every answer is lost.
    emulator.faults.dropAfterProcessing({ method: 'POST', path: '/events$', times: 4 });
    await assert.rejects(
      service.book(fakeAktori, pair.id, start),
      (err: PolkuError) => err.kind === 'unavailable',
    );
    const [failed] = await service.list(fakeAktori, pair.id);
    assert.equal(failed?.status, 'failed');
    const before = (await liveEventsOf(aino.email)).filter((e) => !e.isCancelled);
    assert.equal(before.length, 1, 'one orphan event, thanks to the transactionId');
    assert.equal(before[0]?.transactionId, failed?.transactionId);

    assert.equal(await service.reconcile(cohort.id, pair.id, 1), 'removed');
    assert.equal((await liveEventsOf(aino.email)).filter((e) => !e.isCancelled).length, 0);
    assert.equal((await liveEventsOf(eveliina.email)).filter((e) => !e.isCancelled).length, 0);
    const [settled] = await service.list(fakeAktori, pair.id);
    assert.equal(settled?.status, 'failed');
    assert.ok(settled?.cancelledAt, 'marked reconciled');
    assert.equal(await service.reconcile(cohort.id, pair.id, 1), 'skipped', 'a second run does nothing');
  });

  it('keeps the event when the member retries the same time, instead of removing it', async () => {
    const start = slot(1);
    emulator.faults.dropAfterProcessing({ method: 'POST', path: '/events$', times: 4 });
    await assert.rejects(service.book(fakeAktori, pair.id, start));
    const retried = await service.book(fakeMentor, pair.id, start);
    assert.equal(retried.status, 'booked');
    const live = (await liveEventsOf(aino.email)).filter((e) => !e.isCancelled);
    assert.equal(
      live.filter((e) => e.transactionId === retried.transactionId).length,
      1,
      'exactly one event',
    );
    assert.equal(await service.reconcile(cohort.id, pair.id, retried.number), 'skipped');
  });

  it('calendarView needs a window and pages with nextLink, and findMeeting follows the pages', async () => {
    const origin = emulator.baseUrl;
    const headers = { authorization: 'Bearer x' };
    const noWindow = await fetch(`${origin}/users/${aino.email}/calendarView`, { headers });
    assert.equal(noWindow.status, 400);
    assert.equal(
      ((await noWindow.json()) as { error: { code: string } }).error.code,
      'ErrorInvalidParameter',
    );
    const from = new Date(Date.now()).toISOString();
    const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const first = (await (
      await fetch(
        `${origin}/users/${aino.email}/calendarView?startDateTime=${from}&endDateTime=${to}&$top=2`,
        {
          headers,
        },
      )
    ).json()) as { value: unknown[]; '@odata.nextLink'?: string };
    assert.equal(first.value.length, 2);
    assert.match(String(first['@odata.nextLink']), /\$skip=2/);
    const booked = await service.book(fakeAktori, pair.id, slot(2));
    // A window of two weeks holds the seeded blocks too: the adapter pages until it finds the transactionId.
    const found = await calendar.findMeeting(aino.email, booked.transactionId, {
      start: Date.now(),
      end: Date.now() + 30 * 86_400_000,
    });
    assert.equal(found?.eventId, booked.eventId);
    assert.equal(found?.start, booked.start);
    assert.equal(
      await calendar.findMeeting(aino.email, 'polku-no-such', { start: booked.start, end: booked.end }),
      undefined,
    );
  });
});
