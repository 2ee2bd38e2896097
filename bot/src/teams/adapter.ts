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
import type { BotCloudEndpoints, BotCredentials } from '../config';
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
        ...(bot.cloud ? cloudEndpoints(bot.cloud) : {}),
      }
    : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = (context, error) => reportTurnError(context, error, logger);
  return adapter;
}

// The public cloud's values (botframework-connector's AuthenticationConstants, which botbuilder does not export).
const PUBLIC_CLOUD = {
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
} as const;

/**
 * Once any endpoint is given, botframework-connector takes every one from the configuration (a missing one
 * stays unset rather than public), so the rest are filled with the public cloud's.
 */
function cloudEndpoints(cloud: BotCloudEndpoints): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ...PUBLIC_CLOUD,
    ...(cloud.openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: cloud.openIdMetadataUrl } : {}),
    ...(cloud.tokenIssuer ? { ToBotFromChannelTokenIssuer: cloud.tokenIssuer } : {}),
    ...(cloud.loginUrl ? { ToChannelFromBotLoginUrl: cloud.loginUrl } : {}),
    ...(cloud.oauthScope ? { ToChannelFromBotOAuthScope: cloud.oauthScope } : {}),
  };
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
