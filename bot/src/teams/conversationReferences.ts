/**
 * Where Polku can reach people later (nudges, check-ins, announcements): one
 * stored reference per personal chat, channel and group chat. The store is
 * declared here, next to the code that needs it, and implemented in store/.
 */
import type { ConversationReference } from 'botbuilder';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface StoredConversation {
  readonly tenantId: string;
  /** Stable per scope: user:<aadObjectId>, channel:<id>, chat:<id>. */
  readonly scopeKey: string;
  readonly kind: ConversationKind;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly userAadObjectId?: string;
  readonly teamId?: string;
  /** Names as Teams last told them (channel posts name the team and channel). */
  readonly teamName?: string;
  readonly channelName?: string;
  readonly locale?: string;
  readonly reference: Partial<ConversationReference>;
  readonly updatedAt: string;
  /** Set when Teams refused a send with 403: the person blocked Polku or removed it. */
  readonly deadAt?: string;
}

export interface ConversationReferenceStore {
  /** Saves or refreshes the reference (one write, whether or not the scope was known). */
  save(conversation: StoredConversation): Promise<void>;
  get(tenantId: string, scopeKey: string): Promise<StoredConversation | undefined>;
  /** True for exactly one caller per stored scope: whoever should send the welcome. */
  markWelcomed(tenantId: string, scopeKey: string, at: string): Promise<boolean>;
  remove(tenantId: string, scopeKey: string): Promise<void>;
  /** Stops proactive sends to a conversation Teams refused (403) until the person writes again. */
  markDead(tenantId: string, scopeKey: string, at: string): Promise<void>;
  /** Removes every channel reference of a team (the app was removed from it). */
  removeTeam(tenantId: string, teamId: string): Promise<number>;
}

/** Channel conversation ids carry the thread's message id; the channel itself is what stays reachable. */
export function channelConversationId(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

export function scopeKeyFor(
  kind: ConversationKind,
  conversationId: string,
  userAadObjectId?: string,
): string {
  if (kind === 'personal') {
    if (!userAadObjectId) throw new Error('a personal conversation needs the user’s aadObjectId');
    return `user:${userAadObjectId}`;
  }
  if (kind === 'channel') return `channel:${channelConversationId(conversationId)}`;
  return `chat:${conversationId}`;
}

export function conversationKindOf(conversationType: string | undefined): ConversationKind {
  if (conversationType === 'channel') return 'channel';
  if (conversationType === 'groupChat') return 'groupChat';
  return 'personal';
}
