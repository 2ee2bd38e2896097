/** Conversation references in Azure Tables: PK tenantId, RK the scope key. */
import { odata, type TableClient } from '@azure/data-tables';
import { ConflictError } from '../domain/errors';
import type { ConversationReferenceStore, StoredConversation } from '../teams/conversationReferences';
import { assertValidKey, encodeKeyPart } from './keys';
import { toStoreError } from './storeErrors';
import { type EntityData, TableRepository } from './tableRepository';

interface ConversationEntity extends EntityData {
  kind: string;
  conversationId: string;
  serviceUrl: string;
  userAadObjectId: string | undefined;
  teamId: string | undefined;
  locale: string | undefined;
  reference: string;
  updatedAt: string;
}

export class TableConversationStore implements ConversationReferenceStore {
  private readonly repo: TableRepository<ConversationEntity>;

  constructor(private readonly client: TableClient) {
    this.repo = new TableRepository<ConversationEntity>(client, 'Conversation reference');
  }

  async save(c: StoredConversation): Promise<{ isNew: boolean }> {
    const entity = toEntity(c);
    const rowKey = encodeKeyPart(c.scopeKey);
    try {
      await this.repo.insert(c.tenantId, rowKey, entity);
      return { isNew: true };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      // Known scope: the latest reference wins (serviceUrl can move between regions).
      await this.repo.upsert(c.tenantId, rowKey, entity);
      return { isNew: false };
    }
  }

  async get(tenantId: string, scopeKey: string): Promise<StoredConversation | undefined> {
    const found = await this.repo.find(tenantId, encodeKeyPart(scopeKey));
    return found ? fromEntity(tenantId, scopeKey, found.data) : undefined;
  }

  async remove(tenantId: string, scopeKey: string): Promise<void> {
    await this.repo.delete(tenantId, encodeKeyPart(scopeKey));
  }

  async removeTeam(tenantId: string, teamId: string): Promise<number> {
    assertValidKey(tenantId, 'PartitionKey');
    let removed = 0;
    try {
      // Rare (the app leaves a team), and one tenant's channels: a filtered partition query is fine here.
      const entities = this.client.listEntities<ConversationEntity>({
        queryOptions: {
          filter: odata`PartitionKey eq ${tenantId} and teamId eq ${teamId}`,
          select: ['rowKey'],
        },
      });
      for await (const e of entities) {
        if (e.rowKey) {
          await this.repo.delete(tenantId, e.rowKey);
          removed++;
        }
      }
    } catch (err) {
      throw toStoreError(err, 'Conversation reference');
    }
    return removed;
  }
}

function toEntity(c: StoredConversation): ConversationEntity {
  return {
    kind: c.kind,
    conversationId: c.conversationId,
    serviceUrl: c.serviceUrl,
    userAadObjectId: c.userAadObjectId,
    teamId: c.teamId,
    locale: c.locale,
    reference: JSON.stringify(c.reference),
    updatedAt: c.updatedAt,
  };
}

function fromEntity(tenantId: string, scopeKey: string, e: ConversationEntity): StoredConversation {
  return {
    tenantId,
    scopeKey,
    kind: e.kind as StoredConversation['kind'],
    conversationId: e.conversationId,
    serviceUrl: e.serviceUrl,
    ...(e.userAadObjectId ? { userAadObjectId: e.userAadObjectId } : {}),
    ...(e.teamId ? { teamId: e.teamId } : {}),
    ...(e.locale ? { locale: e.locale } : {}),
    reference: JSON.parse(e.reference) as StoredConversation['reference'],
    updatedAt: e.updatedAt,
  };
}
