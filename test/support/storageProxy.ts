/**
 * A loopback HTTP proxy in front of Azurite that can hold one matching
 * request, to kill a server exactly while its write is in flight: the held
 * request is then dropped (the write never lands) or let through (storage
 * made the change, the server never heard of it).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { azuriteConnectionString } from './azurite';

export interface HeldRequest {
  /** Lets the request through to Azurite now; its status (the server may be dead by then). */
  release(): Promise<number>;
  /** The request never reaches storage. */
  drop(): void;
}

export interface StorageProxy {
  /** A connection string for the server under test: Azurite's, through the proxy. */
  readonly connectionString: string;
  /** Resolves with the next request that matches, held until released or dropped. */
  holdNext(match: (method: string, url: string, body: string) => boolean): Promise<HeldRequest>;
  close(): Promise<void>;
}

export async function startStorageProxy(azuritePort: number): Promise<StorageProxy> {
  let armed:
    | { match: (method: string, url: string, body: string) => boolean; found: (h: HeldRequest) => void }
    | undefined;
  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const up = http.request(
        {
          host: '127.0.0.1',
          port: azuritePort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${azuritePort}` },
        },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () =>
            resolve({ status: r.statusCode ?? 502, headers: r.headers, body: Buffer.concat(chunks) }),
          );
          r.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const answer = async (): Promise<number> => {
        try {
          const a = await forward(req, body);
          const { 'transfer-encoding': _chunked, ...headers } = a.headers;
          if (!res.destroyed) {
            res.writeHead(a.status, { ...headers, 'content-length': String(a.body.length) });
            res.end(a.body);
          }
          return a.status;
        } catch {
          res.destroy();
          return 0;
        }
      };
      const hold = armed;
      if (hold?.match(req.method ?? '', req.url ?? '', body.toString())) {
        armed = undefined;
        hold.found({ release: answer, drop: () => res.destroy() });
        return;
      }
      void answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: azuriteConnectionString(port),
    holdNext(match: (method: string, url: string, body: string) => boolean): Promise<HeldRequest> {
      return new Promise((found) => {
        armed = { match, found };
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
