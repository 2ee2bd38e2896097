/**
 * The start of a pair's story in the Agents Playground tests, seeded over
 * HTTP as Teams would send it: Polku installed in the demo channel, a
 * non-stop programme created there by the supervisor, mentor and aktori
 * signed up from their own chats, and the pair formed through the tab API.
 */
import assert from 'node:assert/strict';
import {
  DEMO_CHANNEL_ID,
  DEMO_CHANNEL_NAME,
  DEMO_TEAM_ID,
  DEMO_TEAM_NAME,
  type DemoUser,
} from '../../bot/src/devsupport/demoOrganisation';
import { buildPlaygroundConfig } from '../../scripts/playground/config';
import type { Person, PlaygroundStack } from './playgroundPage';
import {
  type ActivityOptions,
  cardAction,
  channelInstallationUpdate,
  invokeCard,
  postActivity,
} from './teamsActivities';

/** An activity as this person's Playground sends it from their personal chat. */
export function fromPersonalChat({ user, playground }: Person): ActivityOptions {
  return {
    serviceUrl: `${playground.url}/_connector`,
    user,
    locale: user.locale,
    conversation: { id: buildPlaygroundConfig(user).personalChat.id, conversationType: 'personal' },
  };
}

export async function seedPlaygroundPair(
  stack: PlaygroundStack,
  o: {
    readonly supervisor: DemoUser;
    readonly mentor: Person;
    readonly aktori: Person;
    readonly programmeName: string;
  },
): Promise<{ programmeId: string; pairId: string }> {
  const baseUrl = stack.baseUrl;
  const inChannel: ActivityOptions = {
    serviceUrl: `${o.mentor.playground.url}/_connector`,
    user: o.supervisor,
    locale: o.supervisor.locale,
    conversation: { id: DEMO_CHANNEL_ID, conversationType: 'channel' },
    team: { id: DEMO_TEAM_ID, name: DEMO_TEAM_NAME },
  };
  const installed = await postActivity(
    baseUrl,
    channelInstallationUpdate({ ...inChannel, channelName: DEMO_CHANNEL_NAME }, 'add'),
  );
  assert.equal(installed.status, 200, await installed.text());
  const created = await invokeCard(
    baseUrl,
    cardAction(inChannel, 'programme.create', {
      name: o.programmeName,
      form: 'pair',
      modeKind: 'nonstop',
      language: 'fi',
    }),
  );
  const programmeId = String(
    created.actions?.find((a) => a.verb === 'programme.announce')?.data?.programmeId,
  );
  assert.match(programmeId, /^[0-9a-f-]{36}$/, JSON.stringify(created));
  for (const [person, role, topic, unit] of [
    [o.mentor, 'mentor', 'offers', 'Asiakaspalvelu'],
    [o.aktori, 'aktori', 'wants', 'Myynti'],
  ] as const) {
    await invokeCard(
      baseUrl,
      cardAction(fromPersonalChat(person), 'signup.save', {
        programmeId,
        role,
        [topic]: 'theme:career',
        unit,
        languages: 'fi',
      }),
    );
  }
  const { results } = (await stack.api(o.supervisor, 'POST', `/programmes/${programmeId}/pairs`, {
    pairs: [{ mentorId: o.mentor.user.aadObjectId, aktoriIds: [o.aktori.user.aadObjectId] }],
  })) as { results: Array<{ status: string; pairId: string; unreachable?: string[] }> };
  assert.deepEqual(
    results.map((r) => [r.status, r.unreachable]),
    [['formed', []]],
  );
  return { programmeId, pairId: results[0]!.pairId };
}
