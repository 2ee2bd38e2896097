/** Reads who and where from a Teams activity, trusting only what Teams sets. */
import { type Activity, TurnContext, teamsGetTeamInfo, teamsGetTenant } from 'botbuilder';
import { type Locale, resolveLocale } from '../i18n/locale';
import {
  type ConversationKind,
  channelConversationId,
  conversationKindOf,
  type StoredConversation,
  scopeKeyFor,
} from './conversationReferences';

export interface TurnInfo {
  readonly tenantId: string | undefined;
  readonly kind: ConversationKind;
  readonly locale: Locale;
  readonly userAadObjectId: string | undefined;
  readonly teamId: string | undefined;
  readonly teamName: string | undefined;
}

export function turnInfo(activity: Activity): TurnInfo {
  const team = teamsGetTeamInfo(activity);
  return {
    tenantId: teamsGetTenant(activity)?.id ?? activity.conversation?.tenantId ?? undefined,
    kind: conversationKindOf(activity.conversation?.conversationType),
    locale: resolveLocale(activity.locale),
    userAadObjectId: activity.from?.aadObjectId ?? undefined,
    teamId: team?.id ?? undefined,
    teamName: team?.name ?? undefined,
  };
}

/** The reference to keep for proactive messages, or undefined when the activity lacks what one needs. */
export function conversationToStore(
  activity: Activity,
  info: TurnInfo,
  now: Date,
): StoredConversation | undefined {
  if (!info.tenantId || !activity.serviceUrl || !activity.conversation?.id) return undefined;
  if (info.kind === 'personal' && !info.userAadObjectId) return undefined;
  const reference = TurnContext.getConversationReference(activity);
  // The id of the message that happened to arrive is not part of where to reach people.
  delete reference.activityId;
  // A channel message's conversation id names its thread (";messageid=…"); new posts go to the channel itself.
  const conversationId =
    info.kind === 'channel' ? channelConversationId(activity.conversation.id) : activity.conversation.id;
  if (reference.conversation) reference.conversation = { ...reference.conversation, id: conversationId };
  // In a channel or group chat the sender is whoever spoke last: not part of where to reach the conversation.
  if (info.kind !== 'personal') delete (reference as { user?: unknown }).user;
  return {
    tenantId: info.tenantId,
    scopeKey: scopeKeyFor(info.kind, activity.conversation.id, info.userAadObjectId),
    kind: info.kind,
    conversationId,
    serviceUrl: activity.serviceUrl,
    ...(info.userAadObjectId && info.kind === 'personal' ? { userAadObjectId: info.userAadObjectId } : {}),
    ...(info.teamId ? { teamId: info.teamId } : {}),
    ...(info.teamName ? { teamName: info.teamName.slice(0, 256) } : {}),
    ...(channelName(activity) ? { channelName: channelName(activity) } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
    reference,
    updatedAt: now.toISOString(),
  };
}

function channelName(activity: Activity): string | undefined {
  const name = (activity.channelData as { channel?: { name?: unknown } } | undefined)?.channel?.name;
  return typeof name === 'string' && name !== '' ? name.slice(0, 256) : undefined;
}
