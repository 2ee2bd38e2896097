/**
 * Polku's activity handler: keeps conversation references current, welcomes
 * people once, and routes messages to commands. Each flow lives in its own
 * file; this class only dispatches.
 */
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { translator } from '../i18n/translate';
import type { Logger } from '../logging';
import type { AdaptiveCard } from './cards/adaptiveCard';
import { helpCard } from './cards/helpCard';
import { welcomeCard } from './cards/welcomeCard';
import { parseCommand } from './commands';
import type { ConversationReferenceStore } from './conversationReferences';
import { conversationToStore, type TurnInfo, turnInfo } from './turnContextInfo';
import { turnLogger } from './turnLogger';

export interface PolkuBotDeps {
  readonly conversations: ConversationReferenceStore;
  readonly now: () => Date;
  readonly logger: Logger;
}

export class PolkuBot extends TeamsActivityHandler {
  constructor(private readonly deps: PolkuBotDeps) {
    super();

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.rememberAndWelcome(context);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.rememberAndWelcome(context);
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersRemoved?.some((m) => m.id === botId)) await this.forget(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const info = turnInfo(context.activity);
      await this.remember(context, info);
      await this.handleMessage(context, info);
      await next();
    });
  }

  private async handleMessage(context: TurnContext, info: TurnInfo): Promise<void> {
    const command = parseCommand(context.activity.text);
    turnLogger(context, this.deps.logger).info({ command: command.name, kind: info.kind }, 'message');
    switch (command.name) {
      case 'help':
        await sendCard(context, helpCard(info.locale));
        return;
      case 'unknown':
        await context.sendActivity(MessageFactory.text(translator(info.locale)('unknown.text')));
        return;
    }
  }

  /** Universal Actions from cards. No verbs yet: a click on an old card gets a plain answer, never an error. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const info = turnInfo(context.activity);
    const verb = typeof invokeValue?.action?.verb === 'string' ? invokeValue.action.verb.slice(0, 64) : '';
    turnLogger(context, this.deps.logger).warn({ verb }, 'unknown card action');
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: translator(info.locale)('action.unknown') as unknown as Record<string, unknown>,
    };
  }

  private async remember(context: TurnContext, info: TurnInfo): Promise<{ isNew: boolean }> {
    const conversation = conversationToStore(context.activity, info, this.deps.now());
    if (!conversation) {
      turnLogger(context, this.deps.logger).warn(
        { kind: info.kind },
        'activity without tenant or user; reference not stored',
      );
      return { isNew: false };
    }
    return this.deps.conversations.save(conversation);
  }

  private async rememberAndWelcome(context: TurnContext): Promise<void> {
    const info = turnInfo(context.activity);
    const { isNew } = await this.remember(context, info);
    // Teams sends both installationUpdate and conversationUpdate on install, and may resend either: welcome once.
    if (!isNew) return;
    const scope =
      info.kind === 'personal'
        ? ({ kind: 'personal' } as const)
        : ({ kind: 'team', teamName: info.teamName ?? translator(info.locale)('welcome.title') } as const);
    await sendCard(context, welcomeCard(info.locale, scope));
  }

  private async forget(context: TurnContext): Promise<void> {
    const info = turnInfo(context.activity);
    if (!info.tenantId) return;
    const log = turnLogger(context, this.deps.logger);
    if (info.teamId) {
      const removed = await this.deps.conversations.removeTeam(info.tenantId, info.teamId);
      log.info({ removed }, 'app removed from team; references deleted');
      return;
    }
    const conversation = conversationToStore(context.activity, info, this.deps.now());
    if (conversation) await this.deps.conversations.remove(info.tenantId, conversation.scopeKey);
    log.info({ kind: info.kind }, 'app removed; reference deleted');
  }
}

async function sendCard(context: TurnContext, content: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(content)));
}
