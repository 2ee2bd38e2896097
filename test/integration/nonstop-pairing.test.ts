/**
 * Non-stop programmes: a volunteer asks for a pair from their own card, the
 * supervisor gets a card with Polku's suggestion in personal chat, and
 * confirming it forms the pair and introduces both members.
 */
import assert from 'node:assert/strict';
import {
  DEMO_CHANNEL_ID,
  DEMO_CHANNEL_NAME,
  DEMO_TEAM_ID,
  DEMO_TEAM_NAME,
  DEMO_USERS,
  type DemoUser,
} from '../../bot/src/devsupport/demoOrganisation';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type ConnectorStandIn, startConnectorStandIn } from '../support/connectorStandIn';
import { type ServerHandle, startServer } from '../support/serverProcess';
import {
  type ActivityOptions,
  allTexts,
  cardAction,
  cardOf,
  installationUpdate,
  invokeCard,
  postActivity,
} from '../support/teamsActivities';

const [sanna, , aino, , , , eveliina, onni] = DEMO_USERS as DemoUser[] as [
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
];

describe('non-stop programmes: ask for a pair', function () {
  this.timeout(60000);
  let azurite: AzuriteHandle;
  let connector: ConnectorStandIn;
  let server: ServerHandle;

  const inChannel = (user: DemoUser): ActivityOptions => ({
    serviceUrl: connector.serviceUrl,
    user,
    locale: 'fi-FI',
    conversation: { id: DEMO_CHANNEL_ID, conversationType: 'channel' },
    team: { id: DEMO_TEAM_ID, name: DEMO_TEAM_NAME },
  });
  const personal = (user: DemoUser): ActivityOptions => ({
    serviceUrl: connector.serviceUrl,
    user,
    locale: 'fi-FI',
  });
  const invokeAnswer = async (activity: Record<string, unknown>) =>
    (await (await postActivity(server.baseUrl, activity)).json()) as { type: string; value: unknown };

  async function createProgramme(modeKind: 'nonstop' | 'cohort'): Promise<string> {
    const today = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const card = await invokeCard(
      server.baseUrl,
      cardAction(inChannel(sanna), 'programme.create', {
        name: `Ohjelma ${modeKind}`,
        form: 'pair',
        modeKind,
        ...(modeKind === 'cohort'
          ? { startDate: today(30), endDate: today(200), signUpDeadline: today(10) }
          : {}),
        language: 'fi',
      }),
    );
    return String(card.actions?.find((a) => a.verb === 'programme.announce')?.data?.programmeId);
  }

  before(async () => {
    azurite = await startAzurite();
    connector = await startConnectorStandIn({
      roster: DEMO_USERS.map((u) => ({ id: u.botUserId, name: u.name, aadObjectId: u.aadObjectId })),
    });
    server = await startServer({
      TABLES_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: `n${Date.now() % 100000}`,
    });
    const install = installationUpdate(inChannel(sanna), 'add');
    (install.channelData as Record<string, unknown>).channel = {
      id: DEMO_CHANNEL_ID,
      name: DEMO_CHANNEL_NAME,
    };
    await postActivity(server.baseUrl, install);
  });
  after(async () => {
    await server?.stop();
    await connector?.close();
    await azurite?.stop();
  });

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
