/**
 * How the agreement service reads: with the programme the card names, the
 * pair and the programme are asked for alongside the agreement (one round
 * trip, not two), and a hint that does not match the agreement is never
 * believed. Fake stores record the order of calls and answers.
 */
import assert from 'node:assert/strict';
import { startAgreement } from '../../../bot/src/domain/agreement/agreementMachine';
import type { Agreement } from '../../../bot/src/domain/agreement/agreementTypes';
import { isPolkuError } from '../../../bot/src/domain/errors';
import type { Pair } from '../../../bot/src/domain/programme/pair';
import type { Programme } from '../../../bot/src/domain/programme/programme';
import type { Actor } from '../../../bot/src/services/actor';
import { AgreementService } from '../../../bot/src/services/agreements/agreementService';
import { aktori, cohort, mentor, NOW, pair } from '../teams/cardFixtures';

const OTHER_PROGRAMME = '0b7e5c1a-2d3f-4e5a-8b9c-1d2e3f4a5b6c';

function world() {
  const events: string[] = [];
  const agreement: Agreement = startAgreement({
    pairId: pair.id,
    programmeId: cohort.id,
    tenantId: cohort.tenantId,
    mentorId: mentor.userId,
    aktoriIds: [aktori.userId],
    quick: false,
    defaults: cohort.defaults,
  });
  const programmes = new Map<string, Programme>([
    [cohort.id, cohort],
    [OTHER_PROGRAMME, { ...cohort, id: OTHER_PROGRAMME, name: 'Toinen' }],
  ]);
  const pairs = new Map<string, Pair>([
    [`${cohort.id}/${pair.id}`, pair],
    // The same pair id under another programme: what a forged card would point at.
    [`${OTHER_PROGRAMME}/${pair.id}`, { ...pair, programmeId: OTHER_PROGRAMME, mentorId: 'someone-else' }],
  ]);
  // Each read answers on a later turn of the event loop, so what was asked before an answer is visible.
  const later = <T>(what: string, value: T) => {
    events.push(`ask ${what}`);
    return new Promise<T>((resolve) =>
      setImmediate(() => {
        events.push(`answer ${what}`);
        resolve(value);
      }),
    );
  };
  let etag = 1;
  const service = new AgreementService({
    agreements: {
      find: (pairId) =>
        later('agreement', pairId === pair.id ? { value: agreement, etag: String(etag) } : undefined),
      create: async () => {
        throw new Error('not in these tests');
      },
      save: async (a) => ({ value: a, etag: String(++etag) }),
      versions: async () => [],
    },
    pairs: {
      get: (programmeId, pairId) => later(`pair ${programmeId}`, pairs.get(`${programmeId}/${pairId}`)),
      updateAgreement: async () => undefined,
    },
    programmes: {
      get: (_tenantId: string, id: string) => {
        const p = programmes.get(id);
        return p ? later(`programme ${id}`, { value: p, etag: '1' }) : Promise.reject(new Error('no such'));
      },
    } as unknown as ConstructorParameters<typeof AgreementService>[0]['programmes'],
    notifier: { agreementInForce: async () => undefined },
    memberships: {
      list: (_tenantId, userId) =>
        later(
          'memberships',
          [mentor.userId, aktori.userId].includes(userId)
            ? [
                {
                  programmeId: cohort.id,
                  pairId: pair.id,
                  role: userId === mentor.userId ? ('mentor' as const) : ('aktori' as const),
                  partnerIds: [userId === mentor.userId ? aktori.userId : mentor.userId],
                  programmeName: cohort.name,
                },
              ]
            : [],
        ),
    },
    now: () => NOW,
    onNotifyError: () => undefined,
  });
  return { service, events };
}

const asMentor: Actor = { tenantId: cohort.tenantId, userId: mentor.userId, name: mentor.name };

describe('the agreement service reading a pair’s agreement', () => {
  it('asks for the pair and programme the card names before the agreement has answered', async () => {
    const { service, events } = world();
    const view = await service.view(asMentor, pair.id, cohort.id);
    assert.equal(view.programme.id, cohort.id);
    const answered = events.indexOf('answer agreement');
    assert.ok(events.indexOf(`ask pair ${cohort.id}`) < answered, events.join(', '));
    assert.ok(events.indexOf(`ask programme ${cohort.id}`) < answered, events.join(', '));
    assert.equal(events.filter((e) => e.startsWith('ask')).length, 3, 'three reads, none twice');
  });

  it('saves a step with the same single round of reads', async () => {
    const { service, events } = world();
    const result = await service.act(
      asMentor,
      pair.id,
      {
        kind: 'save-step',
        step: 'duration',
        values: { durationKind: 'meetings', meetings: '4' },
        version: 1,
      },
      cohort.id,
    );
    assert.equal(result.outcome.result, 'changed');
    const answered = events.indexOf('answer agreement');
    assert.ok(events.indexOf(`ask pair ${cohort.id}`) < answered, events.join(', '));
    assert.equal(events.filter((e) => e.startsWith('ask')).length, 3);
  });

  it('believes the agreement, not the card: a hint naming another programme is read, then set aside', async () => {
    const { service, events } = world();
    const view = await service.view(asMentor, pair.id, OTHER_PROGRAMME);
    assert.equal(view.programme.id, cohort.id, 'the agreement’s programme');
    assert.equal(view.pair.mentorId, mentor.userId, 'the agreement’s pair, not the look-alike');
    assert.ok(events.includes(`ask pair ${cohort.id}`), 'the right pair read after the agreement answered');
  });

  it('answers "sopimus" for a person with one pair in two rounds of reads after their pair list', async () => {
    const { service, events } = world();
    const { pairs, only } = await service.mineWithOnly(asMentor);
    assert.equal(pairs.length, 1);
    assert.equal(only?.programme.id, cohort.id);
    const answered = events.indexOf('answer agreement');
    assert.ok(events.indexOf(`ask programme ${cohort.id}`) < answered, events.join(', '));
    assert.equal(
      events.filter((e) => e.startsWith('ask')).length,
      4,
      'memberships, agreement, pair, programme',
    );
  });

  it('still refuses someone outside the pair, whatever the card names', async () => {
    const { service } = world();
    const outsider: Actor = { tenantId: cohort.tenantId, userId: 'someone-else', name: 'X' };
    for (const hint of [cohort.id, OTHER_PROGRAMME, undefined]) {
      await assert.rejects(
        service.view(outsider, pair.id, hint),
        (err: unknown) => isPolkuError(err) && err.kind === 'forbidden',
      );
    }
  });
});
