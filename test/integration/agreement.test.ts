/**
 * A pair agrees how they work, over the real path: invokes to /api/messages
 * from both members (at the same moment, and twice), Azurite, and the
 * supervisor's API seeing the goals once the agreement is in force.
 */
import assert from 'node:assert/strict';
import { TableClient } from '@azure/data-tables';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { aino, eveliina, onni, sanna } from '../support/programmeSeed';
import {
  allTexts,
  cardAction,
  cardOf,
  type InvokeCard,
  invokeCard,
  message,
  postActivity,
} from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

describe('the agreement walkthrough', function () {
  this.timeout(90000);
  let world: World;
  let server: World['server'];
  let connector: World['connector'];
  let programmeId = '';
  let pairId = '';

  const personal = (user: DemoUser) => world.personal(user);
  const api = (path: string, user: DemoUser) => world.api(path, user);
  const act = (user: DemoUser, verb: string, data: Record<string, unknown>) =>
    invokeCard(server.baseUrl, cardAction(personal(user), verb, { pairId, ...data }));
  const actionOf = (card: InvokeCard, verb: string) => card.actions?.find((a) => a.verb === verb);

  before(async () => {
    world = await startWorld();
    ({ server, connector } = world);
    programmeId = await world.createProgramme(sanna, {
      name: 'Sopimustesti',
      form: 'pair',
      modeKind: 'nonstop',
      language: 'fi',
    });
    await invokeCard(
      server.baseUrl,
      cardAction(personal(aino), 'signup.save', {
        programmeId,
        role: 'mentor',
        offers: 'theme:career',
        unit: 'IT',
        languages: 'fi',
      }),
    );
    await invokeCard(
      server.baseUrl,
      cardAction(personal(eveliina), 'signup.save', {
        programmeId,
        role: 'aktori',
        wants: 'theme:career',
        unit: 'Myynti',
        languages: 'fi',
      }),
    );
    connector.clear();
    const res = await world.api(`/api/v1/programmes/${programmeId}/pairs`, sanna, {
      method: 'POST',
      body: JSON.stringify({ pairs: [{ mentorId: aino.aadObjectId, aktoriIds: [eveliina.aadObjectId] }] }),
    });
    const { results } = (await res.json()) as { results: Array<{ pairId: string }> };
    pairId = results[0]!.pairId;
  });
  after(async () => world?.stop());

  it('keeps both members’ mailboxes from the Teams roster with the pair (booking needs them)', async () => {
    const pairs = TableClient.fromConnectionString(
      world.azurite.connectionString,
      `${world.tablePrefix}pairs`,
      {
        allowInsecureConnection: true,
      },
    );
    const row = await pairs.getEntity<{ emails: string }>(programmeId, pairId);
    assert.deepEqual(JSON.parse(row.emails), {
      [aino.aadObjectId]: aino.email,
      [eveliina.aadObjectId]: eveliina.email,
    });
  });

  it('opens from the introduction card at the first step for each member', async () => {
    const [intro] = await connector.waitForActivities(`a:1on1-${aino.botUserId}`, 1);
    const start = (cardOf(intro!.activity) as unknown as InvokeCard).actions?.find(
      (a) => a.verb === 'agreement.open',
    );
    assert.deepEqual(start?.data, { programmeId, pairId });
    const first = await act(aino, 'agreement.open', { programmeId });
    assert.ok(actionOf(first, 'agreement.save'), 'a step with Next');
    assert.equal(actionOf(first, 'agreement.save')?.data?.step, 'duration');
    assert.equal(actionOf(first, 'agreement.back'), undefined, 'no Back on the first step');
  });

  it('walks the four steps with Next and Back, and resumes where the person left', async () => {
    let card = await act(aino, 'agreement.save', {
      step: 'duration',
      version: 1,
      durationKind: 'meetings',
      meetings: '4',
    });
    assert.equal(actionOf(card, 'agreement.save')?.data?.step, 'rules');
    card = await act(aino, 'agreement.back', { step: 'rules' });
    assert.equal(actionOf(card, 'agreement.save')?.data?.step, 'duration');
    const resumed = await act(aino, 'agreement.open', {});
    assert.equal(actionOf(resumed, 'agreement.save')?.data?.step, 'duration', 'resumable');
  });

  it('refuses bad input on the card itself and changes nothing', async () => {
    const res = await api(`/api/v1/pairs/${pairId}/agreement`, aino);
    assert.equal(res.status, 200, await res.clone().text());
    const before = (await res.json()) as { version: number };
    const card = await act(aino, 'agreement.save', {
      step: 'rules',
      version: before.version,
      meetingMinutes: '90',
    });
    assert.match(allTexts(card).join(' '), /Tapaamisen pituus/);
    const goals = await act(eveliina, 'agreement.save', {
      step: 'goals',
      version: before.version,
      goal1: 'x'.repeat(201),
    });
    assert.ok(actionOf(goals, 'agreement.save'));
    const after = (await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as {
      version: number;
    };
    assert.equal(after.version, before.version);
  });

  it('loses no update when both members change different steps at the same moment, twice over', async () => {
    for (let round = 0; round < 2; round++) {
      const { version } = (await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as {
        version: number;
      };
      const [a, b] = await Promise.all([
        act(aino, 'agreement.save', {
          step: 'rules',
          version,
          meetingMinutes: round ? '60' : '45',
          cadenceWeeks: '4',
          place: 'teams',
          noticeHours: '48',
        }),
        act(eveliina, 'agreement.save', { step: 'goals', version, goal1: `Tavoite ${round}`, goal2: '' }),
      ]);
      const texts = [...allTexts(a), ...allTexts(b)].join(' ');
      const state = (await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as {
        version: number;
        terms: { meetingMinutes: number; goals: Array<{ text: string }> };
      };
      // One landed first; the other was either applied after it or answered as stale (and said by whom).
      const both =
        state.terms.meetingMinutes === (round ? 60 : 45) && state.terms.goals[0]?.text === `Tavoite ${round}`;
      assert.ok(
        both || /muutti|muuttanut|päivitti/i.test(texts),
        `round ${round}: ${JSON.stringify(state.terms)}`,
      );
      assert.ok(state.version > version);
    }
  });

  it('accepts only with the confidentiality statement, and a duplicated accept has one effect', async () => {
    const goals = await act(eveliina, 'agreement.goto', { step: 'goals' });
    const version = Number(actionOf(goals, 'agreement.save')?.data?.version);
    await act(eveliina, 'agreement.save', { step: 'goals', version, goal1: 'Oppia johtamaan muutosta' });
    const { version: v } = (await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as {
      version: number;
    };
    const refused = await act(aino, 'agreement.accept', { version: v });
    assert.ok(actionOf(refused, 'agreement.accept'), 'still asks for acceptance');
    const accept = cardAction(personal(aino), 'agreement.accept', {
      pairId,
      version: v,
      confidentiality: 'true',
    });
    const [r1, r2] = await Promise.all([
      postActivity(server.baseUrl, accept),
      postActivity(server.baseUrl, accept),
    ]);
    assert.deepEqual([r1.status, r2.status], [200, 200]);
    const state = (await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as {
      status: string;
      members: Array<{ id: string; acceptedVersion: number | null }>;
      history: Array<{ version: number; acceptedBy: Record<string, string> }>;
    };
    assert.equal(state.status, 'drafting', 'one member is not everyone');
    assert.equal(state.members.find((m) => m.id === aino.aadObjectId)?.acceptedVersion, v);
    assert.deepEqual(Object.keys(state.history.find((h) => h.version === v)?.acceptedBy ?? {}), [
      aino.aadObjectId,
    ]);
  });

  it('is in force when both accepted the same version; members are told; the supervisor sees the goals', async () => {
    const { version } = (await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as {
      version: number;
    };
    connector.clear();
    const card = await act(eveliina, 'agreement.accept', { version, confidentiality: 'true' });
    assert.ok(actionOf(card, 'agreement.reopen'), 'the in-force card offers to reopen');
    await connector.waitForActivities(`a:1on1-${aino.botUserId}`, 1);
    await connector.waitForActivities(`a:1on1-${eveliina.botUserId}`, 1);
    const pairs = (await (await api(`/api/v1/programmes/${programmeId}/pairs`, sanna)).json()) as {
      items: Array<{ id: string; agreement: { status: string; goals: string[] } }>;
    };
    assert.deepEqual(pairs.items.find((p) => p.id === pairId)?.agreement.status, 'in-force');
    assert.deepEqual(pairs.items.find((p) => p.id === pairId)?.agreement.goals, ['Oppia johtamaan muutosta']);
    const rhythm = pairs.items.find((p) => p.id === pairId)?.agreement as unknown as {
      cadenceWeeks: number;
      meetingMinutes: number;
    };
    assert.equal(rhythm.cadenceWeeks, 4, JSON.stringify(rhythm));
    assert.ok([45, 60].includes(rhythm.meetingMinutes), JSON.stringify(rhythm));
  });

  it('answers a stale card with the current one, naming who changed it', async () => {
    const state = (await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as {
      version: number;
    };
    await act(aino, 'agreement.reopen', { version: state.version });
    const stale = await act(eveliina, 'agreement.save', {
      step: 'rules',
      version: state.version,
      meetingMinutes: '45',
      cadenceWeeks: '2',
    });
    assert.match(allTexts(stale).join(' '), /Aino/);
    const after = (await (await api(`/api/v1/pairs/${pairId}/agreement`, aino)).json()) as {
      status: string;
      terms: { cadenceWeeks: number };
      inForce: unknown;
    };
    assert.equal(after.status, 'reopened');
    assert.notEqual(after.terms.cadenceWeeks, 2, 'the stale change was not applied');
    assert.ok(after.inForce, 'the accepted version stays in force meanwhile');
  });

  it('refuses everyone outside the pair, and the agreement command shows a member their agreement', async () => {
    const refused = await act(onni, 'agreement.open', {});
    assert.equal(refused.actions?.length ?? 0, 0);
    assert.equal((await api(`/api/v1/pairs/${pairId}/agreement`, onni)).status, 403);
    assert.equal(
      (await api(`/api/v1/pairs/${pairId}/agreement`, sanna)).status,
      403,
      'the supervisor sees goals, not the agreement',
    );
    assert.ok(!server.logs().includes('Oppia johtamaan muutosta'), 'goals never reach the log');
    connector.clear();
    await postActivity(server.baseUrl, message(personal(eveliina), 'sopimus'));
    const [reply] = await connector.waitForActivities(`a:personal-${eveliina.aadObjectId}`, 1);
    assert.ok(cardOf(reply!.activity), 'a card with the agreement');
  });
});
