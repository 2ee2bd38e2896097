/**
 * The tab API as the attack suites see it: every route the server registers
 * (read from bot/src/api/*Routes.ts, so a new route cannot be missed), and a
 * programme world with one caller per role: the owner, a coordinator, both
 * members of one pair, a member of another pair, a stranger in the tenant,
 * and the owner's own object id signed in from another tenant.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mintDevSession } from '../../bot/src/api/devSessions';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { aino, eveliina, jukka, linnea, mikko, onni, sanna } from './programmeSeed';
import { cardAction, invokeCard } from './teamsActivities';
import { startWorld, type World } from './world';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

const API_DIR = path.resolve(__dirname, '../../bot/src/api');

/** Every "METHOD /path" the API registers, straight from the route files' source. */
export function registeredApiRoutes(): string[] {
  const found = new Set<string>();
  for (const file of fs.readdirSync(API_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(API_DIR, file), 'utf8');
    for (const m of source.matchAll(/server\.(get|post|put|del|patch)\(\s*'([^']+)'/g)) {
      const method = m[1] === 'del' ? 'DELETE' : (m[1] as string).toUpperCase();
      found.add(`${method} ${m[2]}`);
    }
  }
  return [...found].sort();
}

/** Routes that answer without signing in, by design. */
export const PUBLIC_ROUTES = ['GET /api/v1/session/options', 'POST /api/v1/dev/sign-in'] as const;
/** Local-mode development helpers: refused (403) in azure mode whoever calls, so not in the role matrix. */
export const DEV_ONLY_ROUTES = ['POST /api/v1/dev/scheduler/tick'] as const;

/** A route template with its parameters filled: any programme, pair and meeting number. */
export function fillRoute(template: string, ids: { programmeId: string; pairId: string }): string {
  return (
    template
      .replaceAll(':programmeId', ids.programmeId)
      .replaceAll(':pairId', ids.pairId)
      .replaceAll(':number', '1')
      // A well-formed learning id that names no learning: past authorisation it is simply not found.
      .replaceAll(':learningId', `l${'0'.repeat(24)}`)
  );
}

export const ROLES = ['owner', 'coordinator', 'thisPair', 'otherPair', 'stranger', 'otherTenant'] as const;
export type Role = (typeof ROLES)[number];

export const OTHER_TENANT_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';
/** The key local mode signs dev sessions with (config.ts default). */
const LOCAL_DEV_KEY = 'polku-local-dev-sessions';

export interface RolesWorld {
  readonly world: World;
  readonly programmeId: string;
  /** The pair of aino (mentor) and eveliina (aktori). */
  readonly pairId: string;
  /** The pair of mikko (mentor) and onni (aktori), same programme. */
  readonly otherPairId: string;
  readonly users: Readonly<Record<Exclude<Role, 'otherTenant'>, DemoUser>>;
  /** A fetch to the API as the role; `path` may hold :programmeId and :pairId. */
  call(
    role: Role,
    method: Method,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** Fills :programmeId and :pairId. */
  fill(path: string): string;
}

export async function signUp(
  world: World,
  user: DemoUser,
  programmeId: string,
  role: 'mentor' | 'aktori',
): Promise<void> {
  await invokeCard(
    world.server.baseUrl,
    cardAction(world.personal(user), 'signup.save', {
      programmeId,
      role,
      [role === 'mentor' ? 'offers' : 'wants']: 'theme:career',
      unit: 'IT',
      languages: 'fi',
    }),
  );
}

export async function startRolesWorld(
  options: { graph?: boolean; env?: Readonly<Record<string, string>> } = {},
): Promise<RolesWorld> {
  const world = await startWorld(options);
  const { programmeId, pairId } = await world.formPair(sanna, aino, eveliina, 'Roolimatriisi');
  await signUp(world, mikko, programmeId, 'mentor');
  await signUp(world, onni, programmeId, 'aktori');
  const formed = await world.api(`/api/v1/programmes/${programmeId}/pairs`, sanna, {
    method: 'POST',
    body: JSON.stringify({ pairs: [{ mentorId: mikko.aadObjectId, aktoriIds: [onni.aadObjectId] }] }),
  });
  const otherPairId = ((await formed.json()) as { results: Array<{ pairId?: string }> }).results[0]?.pairId;
  if (!otherPairId) throw new Error('the second pair was not formed');

  // Jukka becomes a coordinator the way the tab does it: the settings read, then written back with If-Match.
  const read = await world.api(`/api/v1/programmes/${programmeId}`, sanna);
  const { programme, etag } = (await read.json()) as { programme: Record<string, unknown>; etag: string };
  const put = await world.api(`/api/v1/programmes/${programmeId}`, sanna, {
    method: 'PUT',
    headers: { 'if-match': etag },
    body: JSON.stringify({ ...programme, coordinators: [jukka.aadObjectId] }),
  });
  if (put.status !== 200) throw new Error(`coordinator not added: ${put.status} ${await put.text()}`);

  const users = { owner: sanna, coordinator: jukka, thisPair: aino, otherPair: mikko, stranger: linnea };
  // Same object id as the owner, other tenant: ids are only unique within a tenant.
  const foreign = mintDevSession(
    LOCAL_DEV_KEY,
    { tenantId: OTHER_TENANT_ID, userId: sanna.aadObjectId, name: 'Mallory' },
    new Date(),
  ).token;
  const fill = (p: string) => fillRoute(p, { programmeId, pairId });
  return {
    world,
    programmeId,
    pairId,
    otherPairId,
    users,
    fill,
    call(role, method, p, body, headers = {}) {
      const init: RequestInit = {
        method,
        headers,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      };
      if (role !== 'otherTenant') return world.api(fill(p), users[role], init);
      return fetch(`${world.server.baseUrl}${fill(p)}`, {
        ...init,
        headers: { authorization: `Bearer ${foreign}`, 'content-type': 'application/json', ...headers },
      });
    },
  };
}
