/** The box `npm start` prints once everything answers: where to click. */
import { DEMO_USERS } from '../../bot/src/devsupport/demoOrganisation';
import type { DevStackSettings } from './settings';

export const READY_MARKER = 'Polku is ready';

export function readyBox(settings: DevStackSettings, seconds: number): string {
  const { user, locale } = settings;
  const others = DEMO_USERS.filter((u) => u !== user).map((u) => u.givenName);
  const rows = [
    `${READY_MARKER} (local mode, ${seconds.toFixed(1)} s)`,
    '',
    `Teams (Agents Playground)  http://127.0.0.1:${settings.playground.port}`,
    `  you are ${user.name} (${user.role}), locale ${locale}`,
    `  someone else:  POLKU_PLAYGROUND_USER=${others[0] ?? 'Aino'} npm start`,
    `    (${others.join(', ')})`,
    `  in English:    POLKU_PLAYGROUND_LOCALE=en-GB npm start`,
    `Tab (dev sign-in)          http://127.0.0.1:${settings.server.port}/tab/`,
    `Health                     http://127.0.0.1:${settings.server.port}/healthz`,
    `Table storage (Azurite)    http://127.0.0.1:${settings.azurite.port}  data: ${settings.azuriteLocation}`,
    `Graph emulator (stand-in)  http://127.0.0.1:${settings.graph.port}/v1.0  bookings: /_emulator/events`,
    `Rhythm now (nudges, check-ins, digest as of a later time):`,
    `  curl -X POST 127.0.0.1:${settings.server.port}/api/v1/dev/scheduler/tick -d '{"at":"<ISO time>"}' -H 'content-type: application/json'`,
    '',
    'All on loopback only. Ctrl-C stops everything.',
  ];
  const width = Math.max(...rows.map((r) => r.length));
  const line = '─'.repeat(width + 2);
  return [`┌${line}┐`, ...rows.map((r) => `│ ${r.padEnd(width)} │`), `└${line}┘`].join('\n');
}
