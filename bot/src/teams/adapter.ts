/**
 * The Bot Framework adapter. In azure mode every incoming request must carry
 * a valid Bot Framework token for our app id; in local mode (no app id) the
 * adapter accepts unauthenticated activities, which is why local mode binds
 * to loopback only.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import type { BotCredentials } from '../config';
import { isPolkuError } from '../domain/errors';
import { translator } from '../i18n/translate';
import { errorForLog, type Logger } from '../logging';
import { turnInfo } from './turnContextInfo';
import { correlationIdOf, turnLogger } from './turnLogger';

export function createAdapter(bot: BotCredentials | undefined, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = bot
    ? {
        MicrosoftAppId: bot.appId,
        MicrosoftAppType: bot.appType,
        MicrosoftAppTenantId: bot.tenantId,
        ...(bot.password ? { MicrosoftAppPassword: bot.password } : {}),
      }
    : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = (context, error) => reportTurnError(context, error, logger);
  return adapter;
}

/** Logs the cause with the turn's correlation id and tells the person plainly what to do. */
async function reportTurnError(context: TurnContext, error: unknown, logger: Logger): Promise<void> {
  const log = turnLogger(context, logger);
  const ref = correlationIdOf(context, logger);
  const cause = isPolkuError(error) ? error.kind : 'internal';
  log.error({ err: errorForLog(error), cause }, 'turn failed');
  // An invoke's caller waits for an invoke response, not a message; the adapter answers it with an error status.
  if (context.activity.type !== 'message') return;
  const t = translator(turnInfo(context.activity).locale);
  const key =
    cause === 'unavailable' ? 'error.unavailable' : cause === 'throttled' ? 'error.busy' : 'error.generic';
  try {
    await context.sendActivity(MessageFactory.text(t(key, { ref })));
  } catch (sendError) {
    log.error({ err: errorForLog(sendError) }, 'could not tell the user about the failure');
  }
}
