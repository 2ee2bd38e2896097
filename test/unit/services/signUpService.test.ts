/**
 * Signing up reads as little as it can (every request is storage CPU on the
 * bot's hottest turn) without skipping a check: a first sign-up is created
 * without looking first, a change is read and replaced, and a programme the
 * card action already read is not read again.
 */
import assert from 'node:assert/strict';
import { PolkuError } from '../../../bot/src/domain/errors';
import type { Programme } from '../../../bot/src/domain/programme/programme';
import { ProgrammeService } from '../../../bot/src/services/programmes/programmeService';
import { SignUpService } from '../../../bot/src/services/programmes/signUpService';
import { FakeAccess, FakeProgrammes, FakeVolunteers, RecordingNotifier } from './fakes';

const T = 'tenant';
const now = () => new Date('2026-11-22T10:00:00Z');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const boss = { tenantId: T, userId: id(1), name: 'Sanna' };
const ville = { tenantId: T, userId: id(2), name: 'Ville' };
const form = { role: 'mentor', offers: 'theme:career', unit: 'Talous', languages: 'fi', capacity: '1' };

/** Counts the reads the service makes. */
class CountingVolunteers extends FakeVolunteers {
  finds = 0;
  override async find(programmeId: string, userId: string) {
    this.finds++;
    return super.find(programmeId, userId);
  }
}
class CountingProgrammes extends FakeProgrammes {
  gets = 0;
  override async get(tenantId: string, programmeId: string) {
    this.gets++;
    return super.get(tenantId, programmeId);
  }
}

async function world() {
  const programmes = new CountingProgrammes();
  const volunteers = new CountingVolunteers();
  const notifier = new RecordingNotifier();
  const access = new FakeAccess();
  const programmeService = new ProgrammeService({ programmes, volunteers, access, notifier, now });
  const signUps = new SignUpService({
    programmes,
    volunteers,
    access,
    notifier,
    programmeService,
    now,
    onNotifyError: (err) => {
      throw err;
    },
  });
  const created = await programmeService.create(
    boss,
    { name: 'P', form: 'pair', mode: { kind: 'nonstop' } },
    { locale: 'fi' },
  );
  return { programmes, volunteers, notifier, access, signUps, programme: created.value };
}

describe('signing up', () => {
  it('creates a first sign-up without reading the volunteer first, and reuses the programme it is given', async () => {
    const w = await world();
    const { outcome, volunteer } = await w.signUps.signUp(ville, w.programme.id, form, w.programme);
    assert.equal(outcome, 'created');
    assert.equal(volunteer.status, 'active');
    assert.equal(w.volunteers.finds, 0);
    assert.equal(w.programmes.gets, 0);
    assert.deepEqual(
      w.notifier.calls.map((c) => c.what),
      ['confirmSignUp'],
    );
  });

  it('updates the same row on a second save, keeping when the person first signed up', async () => {
    const w = await world();
    const first = await w.signUps.signUp(ville, w.programme.id, form);
    const second = await w.signUps.signUp(ville, w.programme.id, { ...form, unit: 'HR' });
    assert.equal(second.outcome, 'updated');
    assert.equal(second.volunteer.unit, 'HR');
    assert.equal(second.volunteer.signedUpAt, first.volunteer.signedUpAt);
    assert.equal((await w.volunteers.list(w.programme.id)).length, 1);
  });

  it('takes a repeat of what is saved (Teams resending the click) as a no-op: no write, nobody told', async () => {
    const w = await world();
    await w.signUps.signUp(ville, w.programme.id, form);
    const row = await w.volunteers.find(w.programme.id, ville.userId);
    const told = w.notifier.calls.length;
    const again = await w.signUps.signUp(ville, w.programme.id, form, undefined, { shown: '' });
    assert.equal(again.outcome, 'unchanged');
    assert.equal((await w.volunteers.find(w.programme.id, ville.userId))?.etag, row?.etag);
    assert.equal(w.notifier.calls.length, told);
  });

  it('grants tab access on a repeat too: it may be the retry of a save whose grant failed', async () => {
    const w = await world();
    const grant = w.access.grant.bind(w.access);
    let failNext = true;
    w.access.grant = async (...args) => {
      if (failNext) {
        failNext = false;
        throw new Error('storage blip');
      }
      return grant(...args);
    };
    await assert.rejects(w.signUps.signUp(ville, w.programme.id, form), /storage blip/);
    const again = await w.signUps.signUp(ville, w.programme.id, form);
    assert.equal(again.outcome, 'unchanged');
    assert.deepEqual(
      (await w.access.listForUser(T, ville.userId)).map((a) => [a.programmeId, a.role]),
      [[w.programme.id, 'participant']],
    );
  });

  it('leaves the programme’s owner an owner in their list when they sign up to it themselves', async () => {
    const w = await world();
    await w.signUps.signUp(boss, w.programme.id, form);
    const roles = (await w.access.listForUser(T, boss.userId)).map((a) => a.role);
    assert.ok(roles.length > 0 && roles.every((r) => r === 'owner'), roles.join(', '));
  });

  it('refuses a late click from a form older than the saved sign-up; a form showing it saves', async () => {
    const w = await world();
    await w.signUps.signUp(ville, w.programme.id, form, undefined, { shown: '' });
    const saved = await w.volunteers.find(w.programme.id, ville.userId);
    await assert.rejects(
      w.signUps.signUp(ville, w.programme.id, { ...form, unit: 'HR' }, undefined, { shown: '' }),
      (err: unknown) => err instanceof PolkuError && err.code === 'sign_up_changed',
    );
    const fresh = await w.signUps.signUp(ville, w.programme.id, { ...form, unit: 'HR' }, undefined, {
      shown: saved?.value.updatedAt ?? '',
    });
    assert.equal(fresh.outcome, 'updated');
    assert.equal(fresh.volunteer.unit, 'HR');
  });

  it('refuses a change once paired', async () => {
    const w = await world();
    const { volunteer } = await w.signUps.signUp(ville, w.programme.id, form);
    const row = await w.volunteers.find(w.programme.id, ville.userId);
    await w.volunteers.replace({ ...volunteer, status: 'paired', pairIds: ['p1'] }, row?.etag ?? '');
    await assert.rejects(
      w.signUps.signUp(ville, w.programme.id, form),
      (err: unknown) => err instanceof PolkuError && err.code === 'already_paired',
    );
  });

  it('reads the programme itself when the one given is not the one asked for', async () => {
    const w = await world();
    const other: Programme = { ...w.programme, id: id(99), tenantId: 'another-tenant' };
    await w.signUps.signUp(ville, w.programme.id, form, other);
    assert.equal(w.programmes.gets, 1);
  });

  it('refreshes the announcement at once while the channel has room, and leaves it to the scheduler when not', async () => {
    const w = await world();
    const announced: Programme = { ...w.programme, announcement: { activityId: 'a1', conversationId: 'c1' } };
    const later: string[] = [];
    const signUps = new SignUpService({
      programmes: w.programmes,
      volunteers: w.volunteers,
      access: new FakeAccess(),
      notifier: w.notifier,
      programmeService: new ProgrammeService({
        programmes: w.programmes,
        volunteers: w.volunteers,
        access: new FakeAccess(),
        notifier: w.notifier,
        now,
      }),
      now,
      onNotifyError: (err) => {
        throw err;
      },
      refreshAnnouncementLater: async (p) => {
        later.push(p.id);
      },
    });
    await signUps.signUp(ville, announced.id, form, announced);
    assert.equal(w.notifier.calls.filter((c) => c.what === 'updateAnnouncement').length, 1);
    assert.deepEqual(later, []);
    w.notifier.channelBusy = true;
    await signUps.signUp(boss, announced.id, { ...form, role: 'aktori', wants: 'theme:career' }, announced);
    assert.equal(w.notifier.calls.filter((c) => c.what === 'updateAnnouncement').length, 1, 'not at once');
    assert.deepEqual(later, [announced.id], 'left to the scheduler');
  });
});
