/**
 * Counts the storage requests a server makes: a loopback proxy in front of
 * Azurite's table endpoint, tallying each request by method and table. Point
 * the server's TABLES_CONNECTION_STRING at `connectionString` and read
 * `take()` around the calls being measured (e.g. storage requests per turn,
 * or per dashboard call).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { azuriteConnectionString } from '../test/support/azurite';

export interface StorageCounter {
  readonly connectionString: string;
  /** Requests since the last take, as "GET pairs" → count, and resets. */
  take(): Record<string, number>;
  close(): Promise<void>;
}

export async function startStorageCounter(azuritePort: number): Promise<StorageCounter> {
  let counts: Record<string, number> = {};
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    // /devstoreaccount1/<table>(...) or /devstoreaccount1/$batch: the table name without keys or query.
    const table = (req.url ?? '').split('/')[2]?.split(/[(?]/)[0] ?? '';
    const key = `${req.method} ${table}`;
    counts[key] = (counts[key] ?? 0) + 1;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: azuritePort,
        path: req.url,
        method: req.method,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => res.destroy(err));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: azuriteConnectionString(port),
    take() {
      const taken = counts;
      counts = {};
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
