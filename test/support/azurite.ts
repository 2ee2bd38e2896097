/** Starts Azurite's table service on a free loopback port for a test run. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, waitFor } from './ports';

export interface AzuriteHandle {
  readonly port: number;
  readonly connectionString: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
}

export async function startAzurite(
  options: { port?: number; location?: string } = {},
): Promise<AzuriteHandle> {
  const port = options.port ?? (await freePort());
  const args = [
    path.join(ROOT, 'node_modules/azurite/dist/src/table/main.js'),
    '--disableTelemetry',
    '--silent',
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence']),
  ];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  await waitFor(`Azurite on ${port}`, async () => {
    if (child.exitCode !== null) throw new Error(`Azurite exited: ${stderr}`);
    const res = await fetch(`http://127.0.0.1:${port}/devstoreaccount1/Tables`, { method: 'GET' }).catch(
      () => undefined,
    );
    return res ? true : undefined;
  });
  return {
    port,
    connectionString: azuriteConnectionString(port),
    stop: () =>
      new Promise<void>((resolve) => {
        // Stopped already (a test that stops storage on purpose, then the world's own stop).
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
