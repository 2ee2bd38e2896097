/**
 * Non-stop programmes: a volunteer asks for a pair from their own card, the
 * supervisor gets a card with Polku's suggestion in personal chat, and
 * confirming it forms the pair and introduces both members.
 */
import assert from 'node:assert/strict';
import { aino, eveliina, onni, sanna } from '../support/programmeSeed';
import { allTexts, cardAction, cardOf, invokeCard, postActivity } from '../support/teamsActivities';
import { startWorld, type World } from '../support/world';

describe('non-stop programmes: ask for a pair', function () {
  this.timeout(60000);
  let world: World;
  let server: World['server'];
  let connector: World['connector'];
  const personal = (user: typeof sanna) => world.personal(user);
  const invokeAnswer = async (activity: Record<string, unknown>) =>
    (await (await postActivity(server.baseUrl, activity)).json()) as { type: string; value: unknown };

  async function createProgramme(modeKind: 'nonstop' | 'cohort'): Promise<string> {
    const today = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    return world.createProgramme(sanna, {
      name: `Ohjelma ${modeKind}`,
      form: 'pair',
      modeKind,
      ...(modeKind === 'cohort'
        ? { startDate: today(30), endDate: today(200), signUpDeadline: today(10) }
        : {}),
      language: 'fi',
    });
  }

  before(async () => {
    world = await startWorld();
    ({ server, connector } = world);
  });
  after(async () => world?.stop());

  it('offers "find me a pair" to a non-stop volunteer, asks the supervisor, and forms the pair on confirmation', async () => {
    const programmeId = await createProgramme('nonstop');
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
    const state = await invokeCard(
      server.baseUrl,
      cardAction(personal(eveliina), 'signup.save', {
        programmeId,
        role: 'aktori',
        wants: 'theme:career',
        unit: 'Myynti',
        languages: 'fi',
      }),
    );
    assert.ok(
      state.actions?.some((a) => a.verb === 'pair.request'),
      'the state card offers to find a pair now',
    );

    connector.clear();
    const asked = await invokeAnswer(cardAction(personal(eveliina), 'pair.request', { programmeId }));
    assert.equal(asked.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(asked.value), /esihenkilö/);
    const [request] = await connector.waitForActivities(`a:1on1-${sanna.botUserId}`, 1);
    const requestCard = cardOf(request!.activity) as unknown as {
      actions: Array<{ verb: string; data: Record<string, unknown> }>;
    };
    const confirm = requestCard.actions.find((a) => a.verb === 'pair.confirm')!;
    assert.deepEqual(confirm.data, {
      programmeId,
      mentorId: aino.aadObjectId,
      aktoriIds: [eveliina.aadObjectId],
    });
    assert.match(allTexts(requestCard).join(' '), /Aino Mäkinen/);

    // Only a manager can confirm: Eveliina forging the supervisor's click changes nothing.
    const forged = await invokeCard(
      server.baseUrl,
      cardAction(personal(eveliina), 'pair.confirm', confirm.data),
    );
    assert.equal(forged.actions?.length ?? 0, 0);
    assert.equal(connector.sent.filter((s) => s.conversationId === `a:1on1-${aino.botUserId}`).length, 0);

    const formed = await invokeCard(
      server.baseUrl,
      cardAction(personal(sanna), 'pair.confirm', confirm.data),
    );
    assert.match(allTexts(formed).join(' '), /Pari muodostettu/);
    await connector.waitForActivities(`a:1on1-${aino.botUserId}`, 1);
    await connector.waitForActivities(`a:1on1-${eveliina.botUserId}`, 1);
  });

  it('tells a volunteer plainly when no pair is free, and a cohort volunteer that pairs are formed together', async () => {
    const nonstop = await createProgramme('nonstop');
    await invokeCard(
      server.baseUrl,
      cardAction(personal(onni), 'signup.save', {
        programmeId: nonstop,
        role: 'aktori',
        wants: 'theme:career',
        unit: 'IT',
        languages: 'fi',
      }),
    );
    const none = await invokeAnswer(cardAction(personal(onni), 'pair.request', { programmeId: nonstop }));
    assert.match(String(none.value), /Sopivaa paria ei juuri nyt/);

    const cohort = await createProgramme('cohort');
    const state = await invokeCard(
      server.baseUrl,
      cardAction(personal(onni), 'signup.save', {
        programmeId: cohort,
        role: 'aktori',
        wants: 'theme:career',
        unit: 'IT',
        languages: 'fi',
      }),
    );
    assert.ok(!state.actions?.some((a) => a.verb === 'pair.request'));
    const refused = await invokeCard(
      server.baseUrl,
      cardAction(personal(onni), 'pair.request', { programmeId: cohort }),
    );
    assert.match(allTexts(refused).join(' '), /esihenkilö muodostaa parit/);
  });
});
