/**
 * The one place that talks to a table: typed reads and writes with
 * ETag-conditional updates, paging by continuation token, key validation
 * and errors translated by cause. Aggregate stores build on it.
 */
import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { NotFoundError } from '../domain/errors';
import { assertValidKey } from './keys';
import { toStoreError } from './storeErrors';

/** Property values Azure Tables stores natively; richer shapes are JSON strings. */
export type EntityValue = string | number | boolean | Date | null | undefined;
export type EntityData = Record<string, EntityValue>;

export interface Stored<T extends EntityData> {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly etag: string;
  readonly data: T;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; absent on the last page. */
  readonly continuationToken?: string;
}

const SYSTEM_PROPERTIES = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.metadata']);
export const MAX_PAGE_SIZE = 1000;

export class TableRepository<T extends EntityData> {
  constructor(
    private readonly client: TableClient,
    /** Names the kind of thing in errors ("Conversation reference"). */
    private readonly what: string,
  ) {}

  get tableName(): string {
    return this.client.tableName;
  }

  /** Throws NotFoundError when absent. */
  async get(partitionKey: string, rowKey: string): Promise<Stored<T>> {
    this.checkKeys(partitionKey, rowKey);
    try {
      return this.toStored(await this.client.getEntity<T>(partitionKey, rowKey));
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /** Absent is an expected answer here, so it is undefined; every other failure throws. */
  async find(partitionKey: string, rowKey: string): Promise<Stored<T> | undefined> {
    try {
      return await this.get(partitionKey, rowKey);
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /** Creates; throws ConflictError if the key exists. Returns the new ETag. */
  async insert(partitionKey: string, rowKey: string, data: T): Promise<string> {
    this.checkKeys(partitionKey, rowKey);
    try {
      const res = await this.client.createEntity({ ...data, partitionKey, rowKey });
      return res.etag ?? '';
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /** Creates or replaces unconditionally: for data only one writer owns. */
  async upsert(partitionKey: string, rowKey: string, data: T): Promise<string> {
    this.checkKeys(partitionKey, rowKey);
    try {
      const res = await this.client.upsertEntity({ ...data, partitionKey, rowKey }, 'Replace');
      return res.etag ?? '';
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /** Creates or updates the given properties, keeping the others: for rows several writers touch different fields of. */
  async merge(partitionKey: string, rowKey: string, data: Partial<T>): Promise<string> {
    this.checkKeys(partitionKey, rowKey);
    try {
      const res = await this.client.upsertEntity({ ...data, partitionKey, rowKey }, 'Merge');
      return res.etag ?? '';
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /** Replaces only if nobody changed it since `etag` was read; throws ChangedError otherwise. */
  async replace(partitionKey: string, rowKey: string, data: T, etag: string): Promise<string> {
    this.checkKeys(partitionKey, rowKey);
    try {
      const res = await this.client.updateEntity({ ...data, partitionKey, rowKey }, 'Replace', { etag });
      return res.etag ?? '';
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /**
   * Updates the given properties only if nobody changed the entity since `etag`
   * (ChangedError otherwise), keeping the others: for a decision written onto a
   * row whose other fields belong to other writers.
   */
  async mergeIfUnchanged(
    partitionKey: string,
    rowKey: string,
    data: Partial<T>,
    etag: string,
  ): Promise<string> {
    this.checkKeys(partitionKey, rowKey);
    try {
      const res = await this.client.updateEntity({ ...data, partitionKey, rowKey }, 'Merge', { etag });
      return res.etag ?? '';
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /** Deletes; with an ETag only if unchanged. Deleting what is gone is not an error. */
  async delete(partitionKey: string, rowKey: string, etag = '*'): Promise<void> {
    this.checkKeys(partitionKey, rowKey);
    try {
      await this.client.deleteEntity(partitionKey, rowKey, { etag });
    } catch (err) {
      const mapped = toStoreError(err, this.what);
      if (!(mapped instanceof NotFoundError)) throw mapped;
    }
  }

  /**
   * Replaces several entities of one partition atomically, each only if
   * unchanged since its ETag: all are written or none (Azure Tables entity
   * group transaction, at most 100 entities).
   */
  async replaceAll(
    partitionKey: string,
    items: readonly { readonly rowKey: string; readonly data: T; readonly etag: string }[],
  ): Promise<string[]> {
    if (items.length === 0) return [];
    if (items.length > 100) throw new Error('a transaction holds at most 100 entities');
    for (const item of items) this.checkKeys(partitionKey, item.rowKey);
    try {
      const res = await this.client.submitTransaction(
        items.map((item) => [
          'update',
          { ...item.data, partitionKey, rowKey: item.rowKey },
          'Replace',
          { etag: item.etag },
        ]),
      );
      return items.map((item) => res.getResponseForEntity(item.rowKey)?.etag ?? '');
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /**
   * Writes several entities of one partition atomically (insert, conditional
   * replace, or upsert): all are written or none.
   */
  async transact(
    partitionKey: string,
    ops: readonly (
      | { readonly kind: 'insert'; readonly rowKey: string; readonly data: T }
      | { readonly kind: 'replace'; readonly rowKey: string; readonly data: T; readonly etag: string }
      | { readonly kind: 'upsert'; readonly rowKey: string; readonly data: T }
    )[],
  ): Promise<Record<string, string>> {
    if (ops.length === 0 || ops.length > 100) throw new Error('a transaction holds 1 to 100 entities');
    for (const op of ops) this.checkKeys(partitionKey, op.rowKey);
    try {
      const res = await this.client.submitTransaction(
        ops.map((op) => {
          const entity = { ...op.data, partitionKey, rowKey: op.rowKey };
          if (op.kind === 'insert') return ['create', entity] as const;
          if (op.kind === 'replace') return ['update', entity, 'Replace', { etag: op.etag }] as const;
          return ['upsert', entity, 'Replace'] as const;
        }),
      );
      return Object.fromEntries(
        ops.map((op) => [op.rowKey, res.getResponseForEntity(op.rowKey)?.etag ?? '']),
      );
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /** One page of a partition, in RowKey order. */
  async listPage(
    partitionKey: string,
    options: { readonly pageSize?: number; readonly continuationToken?: string } = {},
  ): Promise<Page<Stored<T>>> {
    assertValidKey(partitionKey, 'PartitionKey');
    const pageSize = Math.min(Math.max(options.pageSize ?? MAX_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    try {
      const pages = this.client
        .listEntities<T>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })
        .byPage({
          maxPageSize: pageSize,
          ...(options.continuationToken ? { continuationToken: options.continuationToken } : {}),
        });
      const next = await pages.next();
      if (next.done) return { items: [] };
      const page = next.value;
      return {
        items: page.map((e) => this.toStored(e)),
        ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
      };
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /** Every entity of a partition, page by page (for partitions known to be small or consumed in a stream). */
  async *listAll(partitionKey: string, pageSize = MAX_PAGE_SIZE): AsyncGenerator<Stored<T>> {
    let continuationToken: string | undefined;
    do {
      const page = await this.listPage(partitionKey, {
        pageSize,
        ...(continuationToken ? { continuationToken } : {}),
      });
      yield* page.items;
      continuationToken = page.continuationToken;
    } while (continuationToken);
  }

  /**
   * The chosen properties of every entity of a partition: the rest of each
   * row stays on the server, so a count over a large partition sends and
   * parses a fraction of it.
   */
  async *listProperties<K extends keyof T & string>(
    partitionKey: string,
    select: readonly K[],
  ): AsyncGenerator<Pick<T, K>> {
    assertValidKey(partitionKey, 'PartitionKey');
    try {
      for await (const page of this.client
        .listEntities<T>({
          queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: [...select] },
        })
        .byPage({ maxPageSize: MAX_PAGE_SIZE })) {
        yield* page;
      }
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /**
   * One page of a partition with only the chosen properties (and each row's
   * key): for reads over large partitions that need a few columns, like the
   * dashboard, so the rest of each row is neither sent nor parsed.
   */
  async listPageSelected<K extends keyof T & string>(
    partitionKey: string,
    select: readonly K[],
    options: { readonly continuationToken?: string } = {},
  ): Promise<Page<{ readonly rowKey: string; readonly data: Pick<T, K> }>> {
    assertValidKey(partitionKey, 'PartitionKey');
    try {
      const pages = this.client
        .listEntities<T>({
          queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['rowKey', ...select] },
        })
        .byPage({
          maxPageSize: MAX_PAGE_SIZE,
          ...(options.continuationToken ? { continuationToken: options.continuationToken } : {}),
        });
      const next = await pages.next();
      if (next.done) return { items: [] };
      const page = next.value;
      return {
        items: page.map((e) => ({ rowKey: e.rowKey ?? '', data: e as Pick<T, K> })),
        ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
      };
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /** Entities of a partition whose RowKey is in [from, to), in RowKey order: one query however large the partition. */
  async *listRange(partitionKey: string, from: string, to: string): AsyncGenerator<Stored<T>> {
    assertValidKey(partitionKey, 'PartitionKey');
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`;
    try {
      for await (const page of this.client
        .listEntities<T>({ queryOptions: { filter } })
        .byPage({ maxPageSize: MAX_PAGE_SIZE })) {
        yield* page.map((e) => this.toStored(e));
      }
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  /**
   * Every entity in partitions up to and including `maxPartitionKey`, page by
   * page: a range scan over time-bucketed partitions reads what is left in the
   * buckets that have come due, and nothing of the ones still ahead.
   */
  async *listUpToPartition(maxPartitionKey: string, pageSize = MAX_PAGE_SIZE): AsyncGenerator<Stored<T>> {
    assertValidKey(maxPartitionKey, 'PartitionKey');
    const filter = odata`PartitionKey le ${maxPartitionKey}`;
    try {
      for await (const page of this.client
        .listEntities<T>({ queryOptions: { filter } })
        .byPage({ maxPageSize: Math.min(Math.max(pageSize, 1), MAX_PAGE_SIZE) })) {
        yield* page.map((e) => this.toStored(e));
      }
    } catch (err) {
      throw toStoreError(err, this.what);
    }
  }

  private checkKeys(partitionKey: string, rowKey: string): void {
    assertValidKey(partitionKey, 'PartitionKey');
    assertValidKey(rowKey, 'RowKey');
  }

  private toStored(entity: TableEntityResult<T>): Stored<T> {
    const data: EntityData = {};
    for (const [k, v] of Object.entries(entity)) {
      if (!SYSTEM_PROPERTIES.has(k)) data[k] = v as EntityValue;
    }
    return {
      partitionKey: entity.partitionKey ?? '',
      rowKey: entity.rowKey ?? '',
      etag: entity.etag,
      data: data as T,
    };
  }
}
