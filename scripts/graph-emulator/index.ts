/**
 * Polku's Graph emulator: a DEVELOPMENT STAND-IN for the few Microsoft Graph
 * calendar endpoints Polku uses (getSchedule; create, get, update and cancel
 * an event), so `npm start` and the integration tests run Polku's real Graph
 * adapter over real HTTP without a tenant. It is not Microsoft Graph, says so
 * in every answer (`x-polku-graph-emulator: true`), and is never used in azure
 * mode. See README.md beside this file for what it emulates and where it
 * knowingly differs.
 */
import type { RequestLogEntry } from './debug';
import { Faults } from './faults';
import type { ZoneNames } from './schedule';
import { createEmulatorServer, listen } from './server';
import { type EmulatorSeed, EmulatorState } from './state';

export { NO_MAILBOX_USER } from './directory';
export type { FaultKind, FaultSpec } from './faults';
export { SEED_DAYS, TEAM_MEETING } from './seed';
export { EMULATOR_HEADER } from './server';
export type { EmulatorSeed } from './state';

export const DEFAULT_GRAPH_EMULATOR_PORT = 4010;

export interface GraphEmulatorOptions {
  /** 4010 by default; 0 picks a free port. */
  readonly port?: number;
  /** Loopback only, by design. */
  readonly host?: '127.0.0.1';
  /** Which people have mailboxes and whether their calendars get busy blocks. */
  readonly seed?: EmulatorSeed;
  /** The emulator's clock: seeds are laid out from it and events stamped with it. */
  readonly now?: () => Date;
  /**
   * How working hours name the mailbox zone: 'windows' ("FLE Standard Time")
   * as Exchange reports it (default), or 'iana' ("Europe/Helsinki").
   */
  readonly zoneNames?: ZoneNames;
  /** One line per Graph request, for a console. */
  readonly log?: (line: string) => void;
}

export interface GraphEmulator {
  /** http://127.0.0.1:<port>/v1.0, what GRAPH_BASE_URL points to. */
  readonly baseUrl: string;
  readonly port: number;
  readonly state: EmulatorState;
  readonly faults: Faults;
  /** The last Graph requests, oldest first. */
  readonly requests: readonly RequestLogEntry[];
  /** Seeded calendars again, no faults, an empty request log. */
  reset(): void;
  stop(): Promise<void>;
}

export async function startGraphEmulator(options: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The Graph emulator listens on 127.0.0.1 only');
  const now = options.now ?? (() => new Date());
  const state = new EmulatorState(options.seed ?? {}, now);
  const faults = new Faults();
  const requests: RequestLogEntry[] = [];
  const reset = () => {
    state.reset();
    faults.clear();
    requests.length = 0;
  };
  let baseUrl = '';
  const server = createEmulatorServer(
    {
      state,
      faults,
      now,
      zoneNames: options.zoneNames ?? 'windows',
      ...(options.log ? { log: options.log } : {}),
      reset,
      requests,
    },
    () => baseUrl,
  );
  const port = await listen(server, options.port ?? DEFAULT_GRAPH_EMULATOR_PORT, host);
  baseUrl = `http://${host}:${port}/v1.0`;
  return {
    baseUrl,
    port,
    state,
    faults,
    requests,
    reset,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections would hold close() open.
        server.closeAllConnections();
      }),
  };
}
