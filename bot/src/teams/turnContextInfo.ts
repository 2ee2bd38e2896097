/** Reads who and where from a Teams activity, trusting only what Teams sets. */
import { type Activity, TurnContext, teamsGetTeamInfo, teamsGetTenant } from 'botbuilder';
import { type Locale, resolveLocale } from '../i18n/locale';
import {
  type ConversationKind,
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
  return {
    tenantId: info.tenantId,
    scopeKey: scopeKeyFor(info.kind, activity.conversation.id, info.userAadObjectId),
    kind: info.kind,
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    ...(info.userAadObjectId && info.kind === 'personal' ? { userAadObjectId: info.userAadObjectId } : {}),
    ...(info.teamId ? { teamId: info.teamId } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
    reference,
    updatedAt: now.toISOString(),
  };
}
