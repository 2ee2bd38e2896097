/** Conversation references in Azure Tables: PK tenantId, RK the scope key. */
import { odata, type TableClient } from '@azure/data-tables';
import { ChangedError } from '../domain/errors';
import type { ChannelRef } from '../domain/programme/programme';
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
  teamName?: string | undefined;
  channelName?: string | undefined;
  locale: string | undefined;
  reference: string;
  updatedAt: string;
  welcomedAt?: string;
  /** When a send was refused with 403 (blocked or removed); empty once the person talks to Polku again. */
  deadAt?: string;
}

export class TableConversationStore implements ConversationReferenceStore {
  private readonly repo: TableRepository<ConversationEntity>;

  constructor(private readonly client: TableClient) {
    this.repo = new TableRepository<ConversationEntity>(client, 'Conversation reference');
  }

  /**
   * One merge-upsert per turn: the latest reference wins (serviceUrl can move
   * between regions) and welcomedAt, written separately, is kept.
   */
  async save(c: StoredConversation): Promise<void> {
    await this.repo.merge(c.tenantId, encodeKeyPart(c.scopeKey), toEntity(c));
  }

  async get(tenantId: string, scopeKey: string): Promise<StoredConversation | undefined> {
    const found = await this.repo.find(tenantId, encodeKeyPart(scopeKey));
    return found ? fromEntity(tenantId, scopeKey, found.data) : undefined;
  }

  async markWelcomed(tenantId: string, scopeKey: string, at: string): Promise<boolean> {
    const rowKey = encodeKeyPart(scopeKey);
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.repo.find(tenantId, rowKey);
      if (!current || current.data.welcomedAt) return false;
      try {
        await this.repo.replace(tenantId, rowKey, { ...current.data, welcomedAt: at }, current.etag);
        return true;
      } catch (err) {
        // Someone refreshed the reference meanwhile; look again (they may have welcomed too).
        if (!(err instanceof ChangedError)) throw err;
      }
    }
    return false;
  }

  async markDead(tenantId: string, scopeKey: string, at: string): Promise<void> {
    const rowKey = encodeKeyPart(scopeKey);
    if (await this.repo.find(tenantId, rowKey)) await this.repo.merge(tenantId, rowKey, { deadAt: at });
  }

  async remove(tenantId: string, scopeKey: string): Promise<void> {
    await this.repo.delete(tenantId, encodeKeyPart(scopeKey));
  }

  /** Channels Polku is installed in, for choosing where to announce. One tenant's partition, filtered by kind. */
  async listChannels(tenantId: string): Promise<ChannelRef[]> {
    assertValidKey(tenantId, 'PartitionKey');
    const out: ChannelRef[] = [];
    try {
      const rows = this.client.listEntities<ConversationEntity>({
        queryOptions: {
          filter: odata`PartitionKey eq ${tenantId} and kind eq 'channel'`,
          select: ['teamId', 'conversationId', 'teamName', 'channelName'],
        },
      });
      for await (const r of rows) {
        if (!r.teamId) continue;
        out.push({
          teamId: r.teamId,
          channelId: r.conversationId.split(';')[0] ?? r.conversationId,
          ...(r.teamName ? { teamName: r.teamName } : {}),
          ...(r.channelName ? { channelName: r.channelName } : {}),
        });
        if (out.length >= 200) break;
      }
    } catch (err) {
      throw toStoreError(err, 'Conversation reference');
    }
    return out;
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
    teamName: c.teamName,
    channelName: c.channelName,
    locale: c.locale,
    reference: JSON.stringify(c.reference),
    updatedAt: c.updatedAt,
    // A fresh reference (the person wrote, or installed Polku again) makes the conversation live again.
    deadAt: '',
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
    ...(e.teamName ? { teamName: e.teamName } : {}),
    ...(e.channelName ? { channelName: e.channelName } : {}),
    ...(e.locale ? { locale: e.locale } : {}),
    reference: JSON.parse(e.reference) as StoredConversation['reference'],
    updatedAt: e.updatedAt,
    ...(e.deadAt ? { deadAt: e.deadAt } : {}),
  };
}
