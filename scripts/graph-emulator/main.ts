/**
 * `tsx scripts/graph-emulator/main.ts [--port N]`: runs the Graph emulator
 * (a development stand-in, not Microsoft Graph) until SIGINT/SIGTERM. npm
 * start runs it; POLKU_GRAPH_PORT picks the port (4010 by default).
 */
import { DEFAULT_GRAPH_EMULATOR_PORT, startGraphEmulator } from './index';

function fail(message: string): never {
  process.stderr.write(`Graph emulator: ${message}\n`);
  process.exit(1);
}

function portFrom(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.indexOf('--port');
  const raw = (flag >= 0 ? argv[flag + 1] : env.POLKU_GRAPH_PORT)?.trim();
  if (!raw) return DEFAULT_GRAPH_EMULATOR_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`the port must be 0-65535, not "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  // A stand-in must never sit where the real thing belongs.
  if (process.env.POLKU_MODE === 'azure')
    fail('refusing to run with POLKU_MODE=azure; it is for local development only');
  const zoneNames = process.env.POLKU_GRAPH_ZONE_NAMES === 'iana' ? 'iana' : 'windows';
  const emulator = await startGraphEmulator({
    port: portFrom(process.argv.slice(2), process.env),
    zoneNames,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    `Graph emulator (development stand-in, not Microsoft Graph) listening on ${emulator.baseUrl}\n` +
      `  mailboxes: the demo organisation; faults and bookings: http://127.0.0.1:${emulator.port}/_emulator/\n`,
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      emulator.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE')
    fail(`port ${String((e as { port?: number }).port ?? '')} is already in use on 127.0.0.1`);
  fail(err instanceof Error ? (err.stack ?? err.message) : String(err));
});
