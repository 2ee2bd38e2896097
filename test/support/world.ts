/**
 * The world most integration tests start from: Azurite, a connector
 * stand-in that knows the demo team's roster, the real server, and Polku
 * installed in the demo team's mentoring channel.
 */
import {
  DEMO_CHANNEL_ID,
  DEMO_CHANNEL_NAME,
  DEMO_TEAM_ID,
  DEMO_TEAM_NAME,
  DEMO_USERS,
  type DemoUser,
} from '../../bot/src/devsupport/demoOrganisation';
import { createTableClientFactory } from '../../bot/src/store/tableClients';
import { openTables, type Tables } from '../../bot/src/store/tables';
import { type GraphEmulator, startGraphEmulator } from '../../scripts/graph-emulator';
import { type AzuriteHandle, startAzurite } from './azurite';
import { type ConnectorStandIn, startConnectorStandIn } from './connectorStandIn';
import { type ServerHandle, startServer } from './serverProcess';
import {
  type ActivityOptions,
  cardAction,
  channelInstallationUpdate,
  invokeCard,
  postActivity,
} from './teamsActivities';

/** The server's own tables on the world's storage, for tests that read what it stored. */
export function worldTables(world: Pick<World, 'azurite' | 'tablePrefix'>): Tables {
  return openTables(
    createTableClientFactory({ kind: 'connectionString', connectionString: world.azurite.connectionString }),
    world.tablePrefix,
  );
}

export interface World {
  readonly azurite: AzuriteHandle;
  readonly connector: ConnectorStandIn;
  readonly server: ServerHandle;
  /** The Graph emulator, when asked for. */
  readonly graph: GraphEmulator | undefined;
  readonly tablePrefix: string;
  /** The user speaking in the demo channel. */
  inChannel(user: DemoUser, locale?: string): ActivityOptions;
  /** The user in their 1:1 chat with Polku. */
  personal(user: DemoUser, locale?: string): ActivityOptions;
  /** A fetch to the tab API as the user (dev sign-in). */
  api(path: string, user: DemoUser, init?: RequestInit): Promise<Response>;
  /** Creates a programme from the channel card as the user and returns its id. */
  createProgramme(user: DemoUser, values: Record<string, unknown>): Promise<string>;
  /**
   * The usual start of a pair's story: `supervisor` creates a non-stop programme, mentor and aktori sign up
   * from their cards, and the supervisor confirms them as a pair through the tab API.
   */
  formPair(
    supervisor: DemoUser,
    mentor: DemoUser,
    aktori: DemoUser,
    programmeName: string,
  ): Promise<{ programmeId: string; pairId: string }>;
  stop(): Promise<void>;
}

/**
 * options.graph: also start the Graph emulator and point the server at it; options.env: more server
 * settings; options.azuriteLocation: keep Azurite's data in that folder (to stop and restart it).
 */
export async function startWorld(
  options: { graph?: boolean; env?: Readonly<Record<string, string>>; azuriteLocation?: string } = {},
): Promise<World> {
  const tablePrefix = `w${Math.random().toString(36).slice(2, 9)}`;
  const graph = options.graph ? await startGraphEmulator({ port: 0 }) : undefined;
  const [azurite, connector] = await Promise.all([
    startAzurite(options.azuriteLocation ? { location: options.azuriteLocation } : {}),
    startConnectorStandIn({
      roster: DEMO_USERS.map((u) => ({
        id: u.botUserId,
        name: u.name,
        aadObjectId: u.aadObjectId,
        email: u.email,
        userPrincipalName: u.email,
      })),
    }),
  ]);
  const server = await startServer({
    TABLES_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: tablePrefix,
    ...(graph ? { GRAPH_BASE_URL: graph.baseUrl } : {}),
    ...options.env,
  });
  const inChannel = (user: DemoUser, locale = 'fi-FI'): ActivityOptions => ({
    serviceUrl: connector.serviceUrl,
    user,
    locale,
    conversation: { id: DEMO_CHANNEL_ID, conversationType: 'channel' },
    team: { id: DEMO_TEAM_ID, name: DEMO_TEAM_NAME },
  });
  const installer = DEMO_USERS[0] as DemoUser;
  await postActivity(
    server.baseUrl,
    channelInstallationUpdate({ ...inChannel(installer), channelName: DEMO_CHANNEL_NAME }, 'add'),
  );
  const tokens = new Map<string, string>();
  const api = async (path: string, user: DemoUser, init: RequestInit = {}) => {
    let token = tokens.get(user.aadObjectId);
    if (!token) {
      const res = await fetch(`${server.baseUrl}/api/v1/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: user.aadObjectId }),
      });
      token = ((await res.json()) as { token: string }).token;
      tokens.set(user.aadObjectId, token);
    }
    return fetch(`${server.baseUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(init.headers ?? {}),
      },
    });
  };
  const personal = (user: DemoUser, locale = 'fi-FI'): ActivityOptions => ({
    serviceUrl: connector.serviceUrl,
    user,
    locale,
  });
  const createProgramme = async (user: DemoUser, values: Record<string, unknown>): Promise<string> => {
    const card = await invokeCard(server.baseUrl, cardAction(inChannel(user), 'programme.create', values));
    const id = card.actions?.find((a) => a.verb === 'programme.announce')?.data?.programmeId;
    if (typeof id !== 'string')
      throw new Error(`no programme was created: ${JSON.stringify(card).slice(0, 300)}`);
    return id;
  };
  return {
    azurite,
    connector,
    server,
    graph,
    tablePrefix,
    inChannel,
    personal,
    api,
    createProgramme,
    async formPair(supervisor, mentor, aktori, programmeName) {
      const programmeId = await createProgramme(supervisor, {
        name: programmeName,
        form: 'pair',
        modeKind: 'nonstop',
        language: 'fi',
      });
      for (const [user, role, topic] of [
        [mentor, 'mentor', 'offers'],
        [aktori, 'aktori', 'wants'],
      ] as const) {
        await invokeCard(
          server.baseUrl,
          cardAction(personal(user), 'signup.save', {
            programmeId,
            role,
            [topic]: 'theme:career',
            unit: 'IT',
            languages: 'fi',
          }),
        );
      }
      const res = await api(`/api/v1/programmes/${programmeId}/pairs`, supervisor, {
        method: 'POST',
        body: JSON.stringify({ pairs: [{ mentorId: mentor.aadObjectId, aktoriIds: [aktori.aadObjectId] }] }),
      });
      const { results } = (await res.json()) as { results: Array<{ status: string; pairId?: string }> };
      const pairId = results[0]?.pairId;
      if (results[0]?.status !== 'formed' || !pairId)
        throw new Error(`the pair was not formed: ${JSON.stringify(results)}`);
      return { programmeId, pairId };
    },
    async stop() {
      await server.stop();
      await connector.close();
      await azurite.stop();
      await graph?.stop();
    },
  };
}
