import assert from 'node:assert/strict';
import { PolkuError } from '../../../bot/src/domain/errors';
import type { Volunteer } from '../../../bot/src/domain/programme/volunteer';
import { PairingService } from '../../../bot/src/services/programmes/pairingService';
import { ProgrammeService } from '../../../bot/src/services/programmes/programmeService';
import {
  FakeAccess,
  FakeMemberships,
  FakePairs,
  FakeProgrammes,
  FakeVolunteers,
  RecordingNotifier,
} from './fakes';

const T = 'tenant';
const now = () => new Date('2026-11-22T10:00:00Z');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const boss = { tenantId: T, userId: id(1), name: 'Sanna' };

function world(managers?: Record<string, string>) {
  const programmes = new FakeProgrammes();
  const volunteers = new FakeVolunteers();
  const notifier = new RecordingNotifier();
  const programmeService = new ProgrammeService({
    programmes,
    volunteers,
    access: new FakeAccess(),
    notifier,
    now,
  });
  const pairs = new FakePairs();
  const memberships = new FakeMemberships();
  const pairing = new PairingService({
    programmeService,
    volunteers,
    pairs,
    memberships,
    notifier,
    now,
    onNotifyError: (err) => {
      throw err;
    },
    ...(managers ? { managers: { managerOf: async (_t, userId) => managers[userId] } } : {}),
  });
  return { programmes, volunteers, notifier, programmeService, pairing, pairs, memberships };
}

async function seed(
  w: ReturnType<typeof world>,
  form: 'pair' | 'peer' = 'pair',
  mode: 'nonstop' | 'cohort' = 'nonstop',
) {
  const created = await w.programmeService.create(
    boss,
    {
      name: 'P',
      form,
      mode:
        mode === 'nonstop'
          ? { kind: 'nonstop' }
          : { kind: 'cohort', startDate: '2027-01-10', endDate: '2027-12-01' },
      ...(mode === 'cohort' ? { signUpDeadline: '2026-12-31' } : {}),
    },
    { locale: 'fi' },
  );
  return created.value.id;
}

function volunteer(
  programmeId: string,
  n: number,
  role: 'mentor' | 'aktori',
  extra: Partial<Volunteer> = {},
): Volunteer {
  return {
    programmeId,
    userId: id(n),
    name: `Person ${n}`,
    role,
    offers: role === 'mentor' ? ['theme:career'] : [],
    wants: role === 'aktori' ? ['theme:career'] : [],
    unit: `Unit ${n}`,
    languages: ['fi'],
    capacity: 1,
    note: '',
    status: 'active',
    pairIds: [],
    signedUpAt: now().toISOString(),
    updatedAt: now().toISOString(),
    ...extra,
  };
}

describe('PairingService', () => {
  it('never suggests pairing someone with their own supervisor when the directory knows them', async () => {
    const w = world({ [id(20)]: id(10) });
    const p = await seed(w);
    await w.volunteers.create(volunteer(p, 10, 'mentor'));
    await w.volunteers.create(volunteer(p, 11, 'mentor', { offers: ['theme:networking'] }));
    await w.volunteers.create(volunteer(p, 20, 'aktori'));
    const { suggestions } = await w.pairing.suggest(boss, p);
    assert.deepEqual(
      suggestions.map((s) => [s.mentorId, s.aktoriIds]),
      [[id(11), [id(20)]]],
      'the better-fitting mentor is the aktori’s supervisor, so the other is chosen',
    );
    const without = world();
    const q = await seed(without);
    await without.volunteers.create(volunteer(q, 10, 'mentor'));
    await without.volunteers.create(volunteer(q, 11, 'mentor', { offers: ['theme:networking'] }));
    await without.volunteers.create(volunteer(q, 20, 'aktori'));
    assert.equal((await without.pairing.suggest(boss, q)).suggestions[0]?.mentorId, id(10));
  });

  it('lets a mentor take pairs up to capacity in one confirmation, and refuses beyond it', async () => {
    const w = world();
    const p = await seed(w);
    await w.volunteers.create(volunteer(p, 10, 'mentor', { capacity: 2 }));
    for (const n of [20, 21, 22]) await w.volunteers.create(volunteer(p, n, 'aktori'));
    const results = await w.pairing.confirm(boss, p, {
      pairs: [20, 21, 22].map((n) => ({ mentorId: id(10), aktoriIds: [id(n)] })),
    });
    assert.deepEqual(
      results.map((r) => (r.status === 'formed' ? 'formed' : r.reason)),
      ['formed', 'formed', 'over-capacity'],
    );
    const mentor = await w.volunteers.find(p, id(10));
    assert.equal(mentor?.value.status, 'paired');
    assert.equal(mentor?.value.pairIds.length, 2);
    assert.equal(w.notifier.calls.filter((c) => c.what === 'introducePair').length, 2);
  });

  it('refuses wrong roles, strangers and former partners, and changes nothing for them', async () => {
    const w = world();
    const p = await seed(w);
    await w.volunteers.create(volunteer(p, 10, 'mentor'));
    await w.volunteers.create(volunteer(p, 11, 'mentor'));
    await w.volunteers.create(volunteer(p, 20, 'aktori'));
    await w.memberships.add(T, id(10), {
      programmeId: 'old',
      pairId: 'old',
      role: 'mentor',
      partnerIds: [id(20)],
      programmeName: 'old',
    });
    const results = [];
    for (const proposal of [
      { mentorId: id(20), aktoriIds: [id(11)] },
      { mentorId: id(10), aktoriIds: [id(99)] },
      { mentorId: id(10), aktoriIds: [id(20)] },
    ]) {
      results.push(...(await w.pairing.confirm(boss, p, { pairs: [proposal] })));
    }
    assert.deepEqual(
      results.map((r) => (r.status === 'refused' ? r.reason : r.status)),
      ['wrong-role', 'not-volunteer', 'paired-before'],
    );
    assert.equal(w.pairs.rows.size, 0);
    assert.ok((await w.volunteers.list(p)).every((v) => v.value.pairIds.length === 0));
  });

  it('refuses confirmation by anyone but the programme’s managers', async () => {
    const w = world();
    const p = await seed(w);
    await w.volunteers.create(volunteer(p, 10, 'mentor'));
    await w.volunteers.create(volunteer(p, 20, 'aktori'));
    await assert.rejects(
      w.pairing.confirm({ tenantId: T, userId: id(10), name: 'x' }, p, {
        pairs: [{ mentorId: id(10), aktoriIds: [id(20)] }],
      }),
      (e: unknown) => e instanceof PolkuError && e.kind === 'forbidden',
    );
    assert.equal(w.pairs.rows.size, 0);
  });

  it('rejects malformed confirmations before touching anything', async () => {
    const w = world();
    const p = await seed(w);
    for (const body of [
      {},
      { pairs: [] },
      { pairs: [{ mentorId: 'x', aktoriIds: [id(2)] }] },
      { pairs: [{ mentorId: id(1), aktoriIds: [] }] },
      { pairs: [{ mentorId: id(1), aktoriIds: [id(1)] }] },
      {
        pairs: [
          { mentorId: id(1), aktoriIds: [id(2)] },
          { mentorId: id(3), aktoriIds: [id(2)] },
        ],
      },
      { pairs: [{ mentorId: id(1), aktoriIds: [id(2)] }], tellUnpaired: 'yes' },
    ]) {
      await assert.rejects(
        w.pairing.confirm(boss, p, body),
        (e: unknown) => e instanceof PolkuError && e.kind === 'invalid',
        JSON.stringify(body),
      );
    }
  });

  it('proposes the requester’s own pair to the owners in a non-stop programme, and forms nothing yet', async () => {
    const w = world();
    const p = await seed(w);
    await w.volunteers.create(volunteer(p, 10, 'mentor', { capacity: 3 }));
    await w.volunteers.create(volunteer(p, 20, 'aktori'));
    await w.volunteers.create(volunteer(p, 21, 'aktori'));
    assert.equal(await w.pairing.requestPair({ tenantId: T, userId: id(21), name: 'x' }, p), 'asked');
    const ask = w.notifier.calls.find((c) => c.what === 'askToConfirmPair');
    const suggestion = ask?.args[2] as { mentorId: string; aktoriIds: string[] };
    assert.deepEqual([suggestion.mentorId, suggestion.aktoriIds], [id(10), [id(21)]]);
    assert.equal(w.pairs.rows.size, 0);
  });

  it('refuses a pair request in a cohort programme', async () => {
    const w = world();
    const p = await seed(w, 'pair', 'cohort');
    await w.volunteers.create(volunteer(p, 20, 'aktori'));
    await assert.rejects(
      w.pairing.requestPair({ tenantId: T, userId: id(20), name: 'x' }, p),
      (e: unknown) => e instanceof PolkuError && e.code === 'not_nonstop',
    );
  });
});
