import assert from 'node:assert/strict';
import { ChangedError, PolkuError } from '../../../bot/src/domain/errors';
import { DEFAULT_AGREEMENT, type Programme } from '../../../bot/src/domain/programme/programme';
import {
  type ProgrammeDataEraser,
  ProgrammeLifecycleService,
} from '../../../bot/src/services/programmes/programmeLifecycleService';
import { FakeProgrammes, RecordingNotifier } from './fakes';

const T = 'tenant';
const now = () => new Date('2026-11-22T10:00:00Z');
const owner = { tenantId: T, userId: 'owner', name: 'Sanna' };
const coordinator = { tenantId: T, userId: 'coord', name: 'Jukka' };
const ID = '00000000-0000-4000-8000-000000000001';

function programme(over: Partial<Programme> = {}): Programme {
  return {
    id: ID,
    tenantId: T,
    name: 'Kevään ohjelma',
    description: '',
    form: 'pair',
    mode: { kind: 'nonstop' },
    aims: ['develop'],
    competenceAreas: [],
    defaults: DEFAULT_AGREEMENT,
    signUpDeadline: undefined,
    timeZone: 'Europe/Helsinki',
    language: 'fi',
    owners: ['owner'],
    coordinators: ['coord'],
    channel: undefined,
    announcement: { activityId: 'a1', conversationId: 'c1' },
    createdBy: 'owner',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

function world(p: Programme = programme()) {
  const programmes = new FakeProgrammes();
  programmes.rows.set(p.id, { value: p, etag: 'e0' });
  const notifier = new RecordingNotifier();
  const calls: string[] = [];
  const eraser: ProgrammeDataEraser = {
    async eraseRows(x) {
      calls.push(`rows:${x.id}`);
      return { participants: 2, pairs: 1 };
    },
    async deleteProgramme(_t, id) {
      calls.push(`programme:${id}`);
      programmes.rows.delete(id);
    },
  };
  const service = new ProgrammeLifecycleService({
    programmes,
    eraser,
    notifier,
    counts: async () => ({ mentors: 1, aktoris: 1 }),
    now,
  });
  return { programmes, notifier, calls, service };
}

const code = (c: string) => (err: unknown) => err instanceof PolkuError && err.code === c;

describe('closing and purging a programme', () => {
  it('closes once, updates the announcement, and answers a second close the same', async () => {
    const w = world();
    const first = await w.service.close(owner, ID);
    assert.equal(first.value.closedAt, now().toISOString());
    const second = await w.service.close(owner, ID);
    assert.equal(second.etag, first.etag, 'nothing written the second time');
    const updates = w.notifier.calls.filter((c) => c.what === 'updateAnnouncement');
    assert.equal(updates.length, 2, 'the card is refreshed each time (repairs a failed first update)');
    assert.equal((updates[0]?.args[0] as Programme | undefined)?.closedAt, now().toISOString());
  });

  it('keeps a concurrent edit when closing', async () => {
    const w = world();
    const replace = w.programmes.replace.bind(w.programmes);
    let first = true;
    w.programmes.replace = async (p, etag) => {
      if (first) {
        first = false;
        // Someone renames the programme between the read and the write.
        w.programmes.rows.set(ID, { value: { ...programme(), name: 'Uusi nimi' }, etag: 'e-edit' });
        throw new ChangedError('Programme');
      }
      return replace(p, etag);
    };
    const closed = await w.service.close(owner, ID);
    assert.equal(closed.value.name, 'Uusi nimi');
    assert.ok(closed.value.closedAt);
  });

  it('refuses in order: not owner (403), not closed (409), name (400); nothing is erased', async () => {
    const open = world();
    await assert.rejects(
      open.service.close(coordinator, ID),
      (err) => err instanceof PolkuError && err.kind === 'forbidden',
    );
    await assert.rejects(
      open.service.purge(coordinator, ID, { confirmName: 'Kevään ohjelma' }),
      code('not_programme_owner'),
    );
    await assert.rejects(open.service.purge(owner, ID, { confirmName: 'x' }), code('programme_not_closed'));
    const closed = world(programme({ closedAt: '2026-11-01T00:00:00Z' }));
    await assert.rejects(
      closed.service.purge(owner, ID, { confirmName: 'Kevään' }),
      code('confirm_name_mismatch'),
    );
    await assert.rejects(
      closed.service.purge(owner, ID, {}),
      (e) => e instanceof PolkuError && e.kind === 'invalid',
    );
    await assert.rejects(closed.service.purge(owner, ID, 'Kevään ohjelma'), (e) => e instanceof PolkuError);
    assert.deepEqual([...open.calls, ...closed.calls], []);
  });

  it('erases the rows, then the programme row last; a second purge is "not found"', async () => {
    const w = world(programme({ closedAt: '2026-11-01T00:00:00Z' }));
    // The name as a person types it: composed differently and with spaces around it.
    const counts = await w.service.purge(owner, ID, { confirmName: ' Kevään ohjelma '.normalize('NFD') });
    assert.deepEqual(counts, { participants: 2, pairs: 1, programmes: 1 });
    assert.deepEqual(w.calls, [`rows:${ID}`, `programme:${ID}`]);
    await assert.rejects(
      w.service.purge(owner, ID, { confirmName: 'Kevään ohjelma' }),
      code('programme_not_found'),
    );
  });
});
