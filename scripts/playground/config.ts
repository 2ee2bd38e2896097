/**
 * The Agents Playground's mock Teams (tenant, bot, users, chats, team) built
 * from the demo organisation, so the Playground's people have the same ids as
 * the tab's dev sign-in and the Graph emulator. The Playground reads YAML
 * 1.2, of which JSON is a subset: we write JSON and need no YAML library.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEMO_BOT_ID,
  DEMO_BOT_NAME,
  DEMO_CHANNEL_ID,
  DEMO_CHANNEL_NAME,
  DEMO_TEAM_ID,
  DEMO_TEAM_NAME,
  DEMO_TENANT_ID,
  DEMO_USERS,
  type DemoRole,
  type DemoUser,
} from '../../bot/src/devsupport/demoOrganisation';

/** Schema 0.1.1 wants exactly five users besides the current one. */
const OTHER_USERS = 5;
/** The team's AAD group (Teams sends it in channelData.team.aadGroupId); the demo organisation has none. */
const DEMO_TEAM_AAD_GROUP_ID = '3c1d6a3e-7f0b-4b1e-9a55-0f3a5e2d7c41';
const ROLE_ORDER: readonly DemoRole[] = ['supervisor', 'coordinator', 'mentor', 'aktori'];

export interface PlaygroundUserConfig {
  readonly id: string;
  readonly name: string;
  readonly userPrincipleName: string;
  readonly aadObjectId: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
}

export interface PlaygroundConfig {
  readonly version: '0.1.1';
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundUserConfig;
  readonly users: readonly PlaygroundUserConfig[];
  readonly personalChat: { readonly id: string };
  readonly groupChat: { readonly id: string; readonly name: string };
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly aadGroupId: string;
    readonly channels: readonly { readonly id: string; readonly name: string }[];
  };
}

/** The default current user: the programme's supervisor. */
export const DEFAULT_PLAYGROUND_USER = DEMO_USERS.find((u) => u.role === 'supervisor') ?? DEMO_USERS[0]!;

/**
 * Picks the demo user the Playground plays, by given name, full name or AAD
 * object id; case and accents do not matter ("Aino", "ville jarvinen").
 * Throws naming the choices.
 */
export function selectPlaygroundUser(selector: string | undefined): DemoUser {
  const wanted = fold(selector ?? '');
  if (!wanted) return DEFAULT_PLAYGROUND_USER;
  const found = DEMO_USERS.find(
    (u) => fold(u.givenName) === wanted || fold(u.name) === wanted || u.aadObjectId.toLowerCase() === wanted,
  );
  if (found) return found;
  const choices = DEMO_USERS.map((u) => `${u.givenName} (${u.role})`).join(', ');
  throw new Error(`POLKU_PLAYGROUND_USER="${selector}" is no demo user; choose one of: ${choices}`);
}

function fold(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function asPlaygroundUser(u: DemoUser): PlaygroundUserConfig {
  return {
    id: u.botUserId,
    name: u.name,
    userPrincipleName: u.email,
    aadObjectId: u.aadObjectId,
    givenName: u.givenName,
    surname: u.surname,
    email: u.email,
  };
}

/** Five others, taking roles in turn so every role the current user works with is there. */
export function otherUsersFor(current: DemoUser): DemoUser[] {
  const byRole = ROLE_ORDER.map((role) => DEMO_USERS.filter((u) => u.role === role && u !== current));
  const picked: DemoUser[] = [];
  while (picked.length < OTHER_USERS && byRole.some((list) => list.length > 0)) {
    for (const list of byRole) {
      const next = list.shift();
      if (next && picked.length < OTHER_USERS) picked.push(next);
    }
  }
  return picked;
}

export function buildPlaygroundConfig(current: DemoUser = DEFAULT_PLAYGROUND_USER): PlaygroundConfig {
  const localPart = current.aadObjectId.slice(-12);
  return {
    version: '0.1.1',
    tenantId: DEMO_TENANT_ID,
    bot: { id: `28:${DEMO_BOT_ID}`, name: DEMO_BOT_NAME },
    currentUser: asPlaygroundUser(current),
    users: otherUsersFor(current).map(asPlaygroundUser),
    // One personal chat per user, as in Teams, so stored references do not collide between users.
    personalChat: { id: `a:polku-demo-personal-${localPart}` },
    groupChat: { id: '19:polku-demo-group@thread.v2', name: 'Polku-kahvit' },
    team: {
      id: DEMO_TEAM_ID,
      name: DEMO_TEAM_NAME,
      aadGroupId: DEMO_TEAM_AAD_GROUP_ID,
      channels: [{ id: DEMO_CHANNEL_ID, name: DEMO_CHANNEL_NAME }],
    },
  };
}

/** Writes the config as `playground-<givenName>.yml` under dir and returns its path. */
export function writePlaygroundConfig(dir: string, current: DemoUser = DEFAULT_PLAYGROUND_USER): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `playground-${fold(current.givenName)}.yml`);
  const header =
    '# Generated from bot/src/devsupport/demoOrganisation.ts by scripts/playground; do not edit.\n';
  writeFileSync(file, `${header}${JSON.stringify(buildPlaygroundConfig(current), null, 2)}\n`);
  return file;
}
