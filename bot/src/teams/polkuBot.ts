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
import { isPolkuError, type PolkuError } from '../domain/errors';
import type { Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { errorForLog, type Logger } from '../logging';
import type { PersonDataService } from '../services/privacy/personDataService';
import { actorFrom } from './actorFromActivity';
import { viewCard } from './agreementActions';
import { type CardActionDeps, type CardActionResult, errorCard, handleCardAction } from './cardActions';
import { type AdaptiveCard, CARD_CONTENT_TYPE } from './cards/adaptiveCard';
import { agreementListCard } from './cards/agreementListCard';
import { helpCard } from './cards/helpCard';
import { myDataCard } from './cards/myDataCard';
import { programmeFormCard } from './cards/programmeFormCard';
import { welcomeCard } from './cards/welcomeCard';
import { parseCommand } from './commands';
import type { ConversationReferenceStore } from './conversationReferences';
import { meetingListFor } from './meetingActions';
import { propose as proposeLearning } from './rhythmActions';
import { conversationToStore, type TurnInfo, turnInfo } from './turnContextInfo';
import { correlationIdOf, turnLogger } from './turnLogger';

export interface PolkuBotDeps {
  readonly conversations: ConversationReferenceStore;
  readonly cardActions: CardActionDeps;
  /** The person's own data ("my data"). */
  readonly personData: PersonDataService;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Local mode: activities from the Playground may lack a tenant. */
  readonly localTenantId: string | undefined;
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
      // Nothing a command does reads this person's own stored reference: the two go side by side,
      // and the answer does not wait a storage round trip behind the write.
      await Promise.all([this.remember(context, info), this.handleMessage(context, info)]);
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
      case 'programme':
        // Programmes are announced in a team channel; elsewhere, point there.
        if (info.kind === 'channel') await sendCard(context, programmeFormCard(info.locale, {}));
        else
          await context.sendActivity(MessageFactory.text(translator(info.locale)('programme.channelOnly')));
        return;
      case 'agreement': {
        const card = await this.agreementCard(context, info.locale);
        await sendCard(context, card);
        return;
      }
      case 'meetings':
        // Join links and times are the pair's own: the list goes to the 1:1 chat only.
        if (info.kind !== 'personal') {
          await context.sendActivity(
            MessageFactory.text(translator(info.locale)('meeting.list.personalOnly')),
          );
          return;
        }
        await sendCard(
          context,
          await meetingListFor(
            this.deps.cardActions,
            actorFrom(context.activity, this.deps.localTenantId),
            this.deps.now().getTime(),
            info.locale,
          ),
        );
        return;
      case 'myData':
        // A channel or group chat is seen by others: the person's data goes to their 1:1 chat only.
        if (info.kind !== 'personal') {
          await context.sendActivity(MessageFactory.text(translator(info.locale)('myData.personalOnly')));
          return;
        }
        {
          const { document, summary } = await this.deps.personData.mine(
            actorFrom(context.activity, this.deps.localTenantId),
          );
          await sendCard(context, myDataCard(summary, document, info.locale));
        }
        return;
      case 'learning':
        // A learning is the pair's until every member approves it: never proposed where others read along.
        if (info.kind !== 'personal') {
          await context.sendActivity(MessageFactory.text(translator(info.locale)('learning.personalOnly')));
          return;
        }
        await sendCard(
          context,
          await proposeLearning(
            this.deps.cardActions.rhythm,
            actorFrom(context.activity, this.deps.localTenantId),
            {},
            command.text,
            info.locale,
          ),
        );
        return;
      case 'unknown':
        await context.sendActivity(MessageFactory.text(translator(info.locale)('unknown.text')));
        return;
    }
  }

  /** The person's agreement (or, with several pairs, the list to choose from). */
  private async agreementCard(context: TurnContext, locale: Locale): Promise<AdaptiveCard> {
    const actor = actorFrom(context.activity, this.deps.localTenantId);
    // One pair: its agreement, from the reads that listed it (not read a second time).
    const { pairs, only } = await this.deps.cardActions.agreements.mineWithOnly(actor);
    if (only) return viewCard(only, actor, locale);
    return agreementListCard(pairs, locale);
  }

  /** Universal Actions from cards: the answer is the card this person sees next. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const info = turnInfo(context.activity);
    const log = turnLogger(context, this.deps.logger);
    const verb = typeof invokeValue?.action?.verb === 'string' ? invokeValue.action.verb.slice(0, 64) : '';
    let next: CardActionResult;
    try {
      const actor = actorFrom(context.activity, this.deps.localTenantId);
      next = await handleCardAction(this.deps.cardActions, context, actor, invokeValue, info.locale);
      log.info({ verb }, 'card action');
    } catch (err) {
      const ref = correlationIdOf(context, this.deps.logger);
      const expected = isPolkuError(err) && err.kind !== 'unavailable' && err.kind !== 'throttled';
      if (expected)
        log.info(
          { verb, cause: (err as PolkuError).kind, code: (err as PolkuError).code },
          'card action refused',
        );
      else log.error({ verb, err: errorForLog(err) }, 'card action failed');
      next = { card: errorCard(err, info.locale, ref) };
    }
    // Teams shows a message-type answer beside the card, to this person only, and leaves the card as it was.
    // (The SDK types `value` as an object; Teams takes a string for the message type.)
    return 'card' in next
      ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: next.card as unknown as Record<string, unknown> }
      : {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: next.message as unknown as Record<string, unknown>,
        };
  }

  private async remember(context: TurnContext, info: TurnInfo): Promise<void> {
    const conversation = conversationToStore(context.activity, info, this.deps.now());
    if (!conversation) {
      turnLogger(context, this.deps.logger).warn(
        { kind: info.kind },
        'activity without tenant or user; reference not stored',
      );
      return;
    }
    await this.deps.conversations.save(conversation);
  }

  private async rememberAndWelcome(context: TurnContext): Promise<void> {
    const info = turnInfo(context.activity);
    await this.remember(context, info);
    // Teams sends installationUpdate and conversationUpdate together on install, in any order, and may
    // resend either. Only one welcome goes out, and only from an activity that says the person's language.
    if (!context.activity.locale) return;
    const conversation = conversationToStore(context.activity, info, this.deps.now());
    if (!conversation) return;
    const first = await this.deps.conversations.markWelcomed(
      conversation.tenantId,
      conversation.scopeKey,
      conversation.updatedAt,
    );
    if (!first) return;
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
