/** What `npm start` reads from its environment, in one place. */
import path from 'node:path';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { selectPlaygroundUser } from '../playground/config';
import { DEFAULT_PLAYGROUND_PORT } from '../playground/startPlayground';

export const ROOT = path.resolve(__dirname, '../..');

export interface PortSetting {
  readonly name: string;
  readonly port: number;
  readonly envVar: string;
}

export interface DevStackSettings {
  readonly azurite: PortSetting;
  /** The Graph emulator (a development stand-in for Microsoft Graph's calendar endpoints). */
  readonly graph: PortSetting;
  readonly server: PortSetting;
  readonly playground: PortSetting;
  /** Git-ignored state: Azurite's data and the Playground's generated config and log. */
  readonly localDir: string;
  readonly azuriteLocation: string;
  /** Only the default build folder is rebuilt; an explicit TAB_DIST_DIR is used as it is. */
  readonly tabDistDir: string;
  readonly buildTab: boolean;
  readonly user: DemoUser;
  readonly locale: string;
}

export class SettingsError extends Error {}

function port(env: NodeJS.ProcessEnv, envVar: string, fallback: number, name: string): PortSetting {
  const raw = env[envVar]?.trim();
  if (!raw) return { name, port: fallback, envVar };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new SettingsError(`${envVar} must be a port number 1-65535, not "${raw}"`);
  }
  return { name, port: value, envVar };
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): DevStackSettings {
  const localDir = path.resolve(ROOT, env.POLKU_LOCAL_DIR?.trim() || '.local');
  let user: DemoUser;
  try {
    user = selectPlaygroundUser(env.POLKU_PLAYGROUND_USER);
  } catch (err) {
    throw new SettingsError((err as Error).message);
  }
  const explicitTab = env.TAB_DIST_DIR?.trim();
  return {
    azurite: port(env, 'POLKU_AZURITE_PORT', 10002, 'Azurite table storage'),
    graph: port(env, 'POLKU_GRAPH_PORT', 4010, 'Graph emulator'),
    server: port(env, 'PORT', 3978, 'Polku server'),
    playground: port(env, 'POLKU_PLAYGROUND_PORT', DEFAULT_PLAYGROUND_PORT, 'Agents Playground'),
    localDir,
    azuriteLocation: path.join(localDir, 'azurite'),
    tabDistDir: explicitTab ? path.resolve(ROOT, explicitTab) : path.join(ROOT, 'dist/tab'),
    buildTab: !explicitTab,
    user,
    locale: env.POLKU_PLAYGROUND_LOCALE?.trim() || user.locale,
  };
}
