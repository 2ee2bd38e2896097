/** Every turn logs with one correlation id, so a user's "Reference: …" finds the log lines. */
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logging';

const LOGGER_KEY = Symbol('polku.turnLogger');

export function turnLogger(context: TurnContext, base: Logger): Logger {
  const existing = context.turnState.get(LOGGER_KEY) as Logger | undefined;
  if (existing) return existing;
  const a = context.activity;
  const child = base.child({
    correlationId: randomUUID(),
    activityType: a.type,
    activityId: a.id,
    channelId: a.channelId,
    conversationType: a.conversation?.conversationType,
  });
  context.turnState.set(LOGGER_KEY, child);
  return child;
}

export function correlationIdOf(context: TurnContext, base: Logger): string {
  return (turnLogger(context, base).bindings() as { correlationId: string }).correlationId;
}
