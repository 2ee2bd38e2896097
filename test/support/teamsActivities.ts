/** Builders for activities shaped as Teams sends them (channelId msteams, tenant in channelData, aadObjectId). */
import { randomUUID } from 'node:crypto';
import { DEMO_BOT_ID, DEMO_TENANT_ID, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly user: DemoUser;
  readonly locale?: string;
  readonly tenantId?: string;
  readonly conversation?: {
    readonly id: string;
    readonly conversationType: 'personal' | 'channel' | 'groupChat';
  };
  readonly team?: { readonly id: string; readonly name: string };
}

export type Activity = Record<string, unknown>;

function base(type: string, o: ActivityOptions): Activity {
  const tenantId = o.tenantId ?? DEMO_TENANT_ID;
  const conversation = o.conversation ?? {
    id: `a:personal-${o.user.aadObjectId}`,
    conversationType: 'personal',
  };
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    from: { id: o.user.botUserId, name: o.user.name, aadObjectId: o.user.aadObjectId },
    recipient: { id: `28:${DEMO_BOT_ID}`, name: 'Polku' },
    conversation: { ...conversation, tenantId, isGroup: conversation.conversationType !== 'personal' },
    locale: o.locale ?? o.user.locale,
    channelData: {
      tenant: { id: tenantId },
      ...(o.team ? { team: { id: o.team.id, name: o.team.name }, channel: { id: conversation.id } } : {}),
    },
  };
}

export function message(o: ActivityOptions, text: string): Activity {
  return { ...base('message', o), text, textFormat: 'plain' };
}

export function installationUpdate(o: ActivityOptions, action: 'add' | 'remove'): Activity {
  return { ...base('installationUpdate', o), action };
}

export function botAdded(o: ActivityOptions): Activity {
  return { ...base('conversationUpdate', o), membersAdded: [{ id: `28:${DEMO_BOT_ID}` }] };
}

export async function postActivity(baseUrl: string, activity: Activity): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

/** The Adaptive Card of a sent activity, or undefined. */
export function cardOf(activity: {
  attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
}) {
  return activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    ?.content as { body: Array<{ type: string; text?: string }> } | undefined;
}

export function cardTexts(card: { body: Array<{ type: string; text?: string }> } | undefined): string[] {
  return (card?.body ?? []).flatMap((e) => (typeof e.text === 'string' ? [e.text] : []));
}
