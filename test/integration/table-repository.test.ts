/** The storage foundation against Azurite over real HTTP: ETags, paging, keys and errors by cause. */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TableClient } from '@azure/data-tables';
import sinon from 'sinon';
import {
  ChangedError,
  ConflictError,
  NotFoundError,
  ThrottledError,
  UnavailableError,
  ValidationError,
} from '../../bot/src/domain/errors';
import { createTableClientFactory } from '../../bot/src/store/tableClients';
import { TableRepository } from '../../bot/src/store/tableRepository';
import { ensureTables, openTables } from '../../bot/src/store/tables';
import { type AzuriteHandle, azuriteConnectionString, startAzurite } from '../support/azurite';
import { freePort } from '../support/ports';

interface Row {
  [key: string]: string | number | undefined;
  name: string;
  count: number;
}

describe('TableRepository on Azurite', function () {
  this.timeout(30000);
  let azurite: AzuriteHandle;
  let client: TableClient;
  let repo: TableRepository<Row>;

  before(async () => {
    azurite = await startAzurite();
    const factory = createTableClientFactory({
      kind: 'connectionString',
      connectionString: azurite.connectionString,
    });
    client = factory('repotest');
    await client.createTable();
    repo = new TableRepository<Row>(client, 'Row');
  });
  after(async () => azurite?.stop());

  it('creates every table at start-up, and again without complaint', async () => {
    const factory = createTableClientFactory({
      kind: 'connectionString',
      connectionString: azurite.connectionString,
    });
    const tables = openTables(factory, 'boot');
    await ensureTables(tables);
    await ensureTables(tables);
    await tables.conversations.createEntity({ partitionKey: 'p', rowKey: 'r' });
  });

  it('inserts, reads, and refuses a second insert of the same key as a conflict', async () => {
    const etag = await repo.insert('p1', 'a', { name: 'Aino', count: 1 });
    assert.ok(etag);
    const got = await repo.get('p1', 'a');
    assert.deepEqual(got.data, { name: 'Aino', count: 1 });
    assert.equal(got.etag, etag);
    await assert.rejects(repo.insert('p1', 'a', { name: 'Again', count: 2 }), ConflictError);
  });

  it('replaces only with the current ETag: a stale one is "changed by someone else" (412)', async () => {
    await repo.insert('p2', 'a', { name: 'v1', count: 1 });
    const first = await repo.get('p2', 'a');
    const second = await repo.get('p2', 'a');
    await repo.replace('p2', 'a', { name: 'v2', count: 2 }, first.etag);
    await assert.rejects(repo.replace('p2', 'a', { name: 'lost', count: 3 }, second.etag), ChangedError);
    assert.equal((await repo.get('p2', 'a')).data.name, 'v2');
  });

  it('says not found for a missing entity, find() gives undefined, delete of a missing one is fine', async () => {
    await assert.rejects(repo.get('p3', 'missing'), NotFoundError);
    assert.equal(await repo.find('p3', 'missing'), undefined);
    await repo.delete('p3', 'missing');
  });

  it('deletes with an ETag only when unchanged', async () => {
    await repo.insert('p4', 'a', { name: 'x', count: 1 });
    const stale = (await repo.get('p4', 'a')).etag;
    await repo.upsert('p4', 'a', { name: 'y', count: 2 });
    await assert.rejects(repo.delete('p4', 'a', stale), ChangedError);
    await repo.delete('p4', 'a');
    assert.equal(await repo.find('p4', 'a'), undefined);
  });

  it('pages through a partition with continuation tokens, in RowKey order, without touching other partitions', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        repo.insert('paged', `r${String(i).padStart(3, '0')}`, { name: `n${i}`, count: i }),
      ),
    );
    await repo.insert('paged-other', 'x', { name: 'other', count: 0 });
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await repo.listPage('paged', {
        pageSize: 10,
        ...(token ? { continuationToken: token } : {}),
      });
      pages++;
      assert.ok(page.items.length <= 10);
      seen.push(...page.items.map((i) => i.rowKey));
      token = page.continuationToken;
    } while (token);
    assert.equal(pages, 3);
    assert.deepEqual(
      seen,
      Array.from({ length: 25 }, (_, i) => `r${String(i).padStart(3, '0')}`),
    );
    const all: number[] = [];
    for await (const row of repo.listAll('paged', 7)) all.push(row.data.count);
    assert.equal(all.length, 25);
  });

  it('checks keys itself before any request (Azurite would accept or 500)', async () => {
    const spy = sinon.spy(client, 'createEntity');
    try {
      for (const key of ['a/b', 'a#b', 'a?b', 'a\\b', '']) {
        await assert.rejects(repo.insert('p5', key, { name: 'x', count: 0 }), ValidationError);
      }
      assert.equal(spy.callCount, 0);
    } finally {
      spy.restore();
    }
  });

  it('reports unreachable storage as unavailable', async () => {
    const port = await freePort();
    const dead = TableClient.fromConnectionString(azuriteConnectionString(port), 'x', {
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 0 },
    });
    await assert.rejects(new TableRepository<Row>(dead, 'Row').get('p', 'r'), UnavailableError);
  });

  it('reports 503 ServerBusy as throttled, with the Retry-After', async () => {
    const busy = http.createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end(JSON.stringify({ 'odata.error': { code: 'ServerBusy', message: { value: 'busy' } } }));
    });
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    try {
      const { port } = busy.address() as AddressInfo;
      const throttled = TableClient.fromConnectionString(azuriteConnectionString(port), 'x', {
        allowInsecureConnection: true,
        retryOptions: { maxRetries: 0 },
      });
      await assert.rejects(new TableRepository<Row>(throttled, 'Row').get('p', 'r'), (err: unknown) => {
        assert.ok(err instanceof ThrottledError);
        assert.equal(err.retryAfterMs, 7000);
        return true;
      });
    } finally {
      busy.close();
    }
  });
});
