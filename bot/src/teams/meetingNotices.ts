/**
 * The other members of a pair hear about a moved or cancelled meeting in
 * their 1:1 chat with Polku, each in their own language and time zone. One
 * unreachable member does not stop the others or undo the change.
 */
import type { Meeting } from '../domain/meetings/meeting';
import { memberIds, type Pair } from '../domain/programme/pair';
import type { Programme } from '../domain/programme/programme';
import type { Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { errorForLog, type Logger } from '../logging';
import type { Actor } from '../services/actor';
import type { MeetingNotices } from '../services/meetings/meetingPorts';
import { type AdaptiveCard, plain } from './cards/adaptiveCard';
import { meetingBookedCard } from './cards/meetingBookedCard';
import { meetingCancelledCard } from './cards/meetingCancelCard';
import type { ProactiveNotifier } from './proactiveNotifier';

type Context = { readonly programme: Programme; readonly pair: Pair };

/** The reader's zone: from their mailbox when the meeting was booked, else the programme's. */
export function zoneFor(meeting: Pick<Meeting, 'memberTimes'>, userId: string, programme: Programme): string {
  return meeting.memberTimes?.[userId]?.timeZone ?? programme.timeZone;
}

export function pairNames(pair: Pair): string[] {
  return memberIds(pair).map((id) => pair.names[id] ?? '');
}

/** Sends `build(userId, locale)` to every member but `by`; failures are logged per member. */
export async function tellOthers(
  sendPersonal: ProactiveNotifier['sendPersonal'],
  logger: Logger,
  context: Context,
  by: Actor,
  build: (userId: string, locale: Locale) => AdaptiveCard,
): Promise<void> {
  const others = memberIds(context.pair).filter((id) => id !== by.userId);
  await Promise.all(
    others.map((userId) =>
      sendPersonal(context.programme, userId, (locale) => build(userId, locale)).catch((err: unknown) =>
        logger.warn(
          { err: errorForLog(err), pairId: context.pair.id },
          'could not tell a member about a meeting',
        ),
      ),
    ),
  );
}

export function teamsMeetingNotices(
  sendPersonal: ProactiveNotifier['sendPersonal'],
  logger: Logger,
): MeetingNotices {
  return {
    meetingMoved: (context, by, meeting, previous) =>
      tellOthers(sendPersonal, logger, context, by, (userId, locale) =>
        meetingBookedCard(
          meeting,
          {
            programmeName: context.programme.name,
            names: pairNames(context.pair),
            timeZone: zoneFor(meeting, userId, context.programme),
            pairId: context.pair.id,
            previous,
            notice: translator(locale)('meeting.moved.by', { name: plain(by.name) }),
          },
          locale,
        ),
      ),
    meetingCancelled: (context, by, meeting) =>
      tellOthers(sendPersonal, logger, context, by, (userId, locale) =>
        meetingCancelledCard(
          meeting,
          { pairId: context.pair.id, timeZone: zoneFor(meeting, userId, context.programme), byName: by.name },
          locale,
        ),
      ),
  };
}
