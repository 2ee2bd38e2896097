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

/** An Action.Execute click as Teams sends it: an invoke named adaptiveCard/action. */
export function cardAction(o: ActivityOptions, verb: string, data: Record<string, unknown>): Activity {
  return {
    ...base('invoke', o),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

export interface InvokeCard {
  readonly type: string;
  readonly body: Array<{ type: string; text?: string; id?: string; items?: unknown[] }>;
  readonly actions?: Array<{ type: string; verb?: string; data?: Record<string, unknown>; title?: string }>;
}

/** Posts an invoke and returns the card Teams would show the person next. */
export async function invokeCard(baseUrl: string, activity: Activity): Promise<InvokeCard> {
  const res = await postActivity(baseUrl, activity);
  if (res.status !== 200) throw new Error(`invoke answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { statusCode: number; type: string; value: InvokeCard };
  if (body.type !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`invoke answered ${JSON.stringify(body)}`);
  return body.value;
}

/** Every text in a card, nested containers included. */
export function allTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(allTexts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const own = typeof o.text === 'string' ? [o.text] : [];
    return [
      ...own,
      ...Object.entries(o)
        .filter(([k]) => k !== 'text')
        .flatMap(([, v]) => allTexts(v)),
    ];
  }
  return [];
}

/** Polku added to a team, as Teams sends it in the team's channel: channelData names the team and the channel. */
export function channelInstallationUpdate(
  o: ActivityOptions & { readonly channelName: string },
  action: 'add' | 'remove',
): Activity {
  const activity = installationUpdate(o, action);
  const channelData = activity.channelData as Record<string, unknown>;
  return {
    ...activity,
    channelData: { ...channelData, channel: { id: o.conversation?.id, name: o.channelName } },
  };
}
