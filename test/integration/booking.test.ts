/**
 * Booking a pair's meeting over the real path: the tab API on the real
 * server, both calendars in the Graph emulator, Azurite for the record.
 * Exactly one event per meeting, whatever the network does.
 */
import assert from 'node:assert/strict';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { bookedEvents } from '../support/emulatorEvents';
import { aino, eveliina, onni, sanna } from '../support/programmeSeed';
import { cardAction, invokeCard } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

describe('booking a pair’s meetings (tab API, Graph emulator)', function () {
  this.timeout(90000);
  let world: World;
  let pairId = '';

  const api = (path: string, user: DemoUser, init?: RequestInit) => world.api(path, user, init);
  const eventsOf = (user: DemoUser) => bookedEvents(world.graph!.baseUrl, user.email);
  const act = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
    invokeCard(world.server.baseUrl, cardAction(world.personal(user), verb, { pairId, ...data }));
  const version = async () =>
    ((await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as { version: number }).version;

  before(async () => {
    world = await startWorld({ graph: true });
    ({ pairId } = await world.formPair(sanna, aino, eveliina, 'Varaustesti'));
  });
  after(async () => world?.stop());

  it('offers no times before the agreement is in force', async () => {
    const res = await api(`/api/v1/pairs/${pairId}/slots`, aino);
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'agreement_not_in_force');
  });

  it('offers three times on different days in both members’ working hours once the agreement is in force', async () => {
    await act(eveliina, 'agreement.save', {
      step: 'goals',
      version: await version(),
      goal1: 'Oppia neuvottelemaan',
    });
    const v = await version();
    await act(aino, 'agreement.accept', { version: v, confidentiality: 'true' });
    await act(eveliina, 'agreement.accept', { version: v, confidentiality: 'true' });
    const res = await api(`/api/v1/pairs/${pairId}/slots`, eveliina);
    assert.equal(res.status, 200, await res.clone().text());
    const { slots, durationMinutes } = (await res.json()) as {
      slots: Array<{ start: string; end: string }>;
      durationMinutes: number;
    };
    assert.equal(slots.length, 3);
    const days = new Set(slots.map((s) => s.start.slice(0, 10)));
    assert.equal(days.size, 3, 'different days');
    for (const s of slots) {
      assert.equal((Date.parse(s.end) - Date.parse(s.start)) / 60_000, durationMinutes);
      const hour = Number(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Helsinki',
          hour: '2-digit',
          hourCycle: 'h23',
        }).format(new Date(s.start)),
      );
      assert.ok(hour >= 8 && hour < 16, `inside Helsinki working hours: ${s.start}`);
    }
  });

  it('books one Teams meeting with both attendees, even when the connection drops after Graph made it', async () => {
    const { slots } = (await (await api(`/api/v1/pairs/${pairId}/slots`, aino)).json()) as {
      slots: Array<{ start: string }>;
    };
    world.graph!.faults.dropAfterProcessing({ method: 'POST', path: '/users/.*/events$' });
    const res = await api(`/api/v1/pairs/${pairId}/meetings`, aino, {
      method: 'POST',
      body: JSON.stringify({ start: slots[0]!.start }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { meeting } = (await res.json()) as {
      meeting: { status: string; joinUrl: string; number: number };
    };
    assert.equal(meeting.status, 'booked');
    assert.match(meeting.joinUrl, /^https:\/\/teams\.microsoft\.com\//);
    const events = await eventsOf(aino);
    assert.equal(events.length, 1, 'exactly one event');
    assert.equal(events[0]?.attendees?.length, 2);
    // The same click again (a retried request) books nothing more.
    const again = await api(`/api/v1/pairs/${pairId}/meetings`, eveliina, {
      method: 'POST',
      body: JSON.stringify({ start: slots[0]!.start }),
    });
    assert.equal(again.status, 201);
    assert.equal((await eventsOf(aino)).length, 1);
  });

  it('refuses a time that is no longer free, and anyone outside the pair', async () => {
    const { items } = (await (await api(`/api/v1/pairs/${pairId}/meetings`, eveliina)).json()) as {
      items: Array<{ start: string }>;
    };
    // Fifteen minutes into the booked meeting: busy in both calendars now.
    const overlapping = new Date(Date.parse(items[0]!.start) + 15 * 60_000).toISOString();
    const taken = await api(`/api/v1/pairs/${pairId}/meetings`, aino, {
      method: 'POST',
      body: JSON.stringify({ start: overlapping }),
    });
    assert.equal(taken.status, 409);
    assert.equal(((await taken.json()) as { error: { code: string } }).error.code, 'slot_taken');
    for (const path of ['slots', 'meetings'])
      assert.equal((await api(`/api/v1/pairs/${pairId}/${path}`, onni)).status, 403);
    assert.equal(
      (await api(`/api/v1/pairs/${pairId}/slots`, sanna)).status,
      403,
      'the supervisor does not book for the pair',
    );
  });

  it('tells plainly when the calendar stays unavailable, and books nothing', async () => {
    const { slots } = (await (await api(`/api/v1/pairs/${pairId}/slots?weeksLater=4`, aino)).json()) as {
      slots: Array<{ start: string }>;
    };
    const before = (await eventsOf(aino)).length;
    world.graph!.faults.unavailable({ method: 'POST', path: '/users/.*/events$', times: 10 });
    const res = await api(`/api/v1/pairs/${pairId}/meetings`, aino, {
      method: 'POST',
      body: JSON.stringify({ start: slots[0]!.start }),
    });
    assert.equal(res.status, 503);
    assert.equal((await eventsOf(aino)).length, before);
    world.graph!.faults.clear();
    const retry = await api(`/api/v1/pairs/${pairId}/meetings`, aino, {
      method: 'POST',
      body: JSON.stringify({ start: slots[0]!.start }),
    });
    assert.equal(retry.status, 201, 'a retry books it');
    assert.equal((await eventsOf(aino)).length, before + 1);
  });
  it('offers times near a booked meeting for moving it, and says nobody has checked in yet', async () => {
    const { items } = (await (await api(`/api/v1/pairs/${pairId}/meetings`, aino)).json()) as {
      items: Array<{ number: number; start: string; status: string; checkIn: string | null }>;
    };
    const first = items.find((m) => m.status === 'booked');
    assert.ok(first);
    assert.equal(first.checkIn, null);
    const res = await api(`/api/v1/pairs/${pairId}/meetings/${first.number}/slots`, eveliina);
    assert.equal(res.status, 200, await res.clone().text());
    const { slots } = (await res.json()) as { slots: Array<{ start: string; end: string }> };
    assert.ok(slots.length > 0 && slots.length <= 3, `${slots.length} times`);
    for (const s of slots) {
      assert.notEqual(s.start, first.start, 'never the time it already has');
      // Near its current time (the window around it), not a cadence later as for a new booking.
      assert.ok(Math.abs(Date.parse(s.start) - Date.parse(first.start)) <= 5 * 86_400_000, s.start);
    }
    assert.equal((await api(`/api/v1/pairs/${pairId}/meetings/${first.number}/slots`, onni)).status, 403);
  });
});
