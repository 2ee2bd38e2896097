/**
 * Booking the pair's meetings from cards: "Book our meeting" shows times
 * free in both calendars, a time's button books it, and every member gets
 * the booked meeting in their 1:1 chat. Card data is untrusted: the pair id
 * and the time are checked for shape, and the booking service decides
 * whether this person may book for the pair.
 */
import { isPolkuError, PolkuError, ValidationError } from '../domain/errors';
import type { Meeting } from '../domain/meetings/meeting';
import { memberIds } from '../domain/programme/pair';
import { field, integer } from '../domain/validate';
import type { Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { errorForLog, type Logger } from '../logging';
import type { Actor } from '../services/actor';
import type { AgreementService, AgreementView } from '../services/agreements/agreementService';
import type { BookingService } from '../services/meetings/bookingService';
import type { AdaptiveCard } from './cards/adaptiveCard';
import { meetingBookedCard } from './cards/meetingBookedCard';
import { MAX_WEEKS_LATER, meetingSlotsCard } from './cards/meetingSlotsCard';
import type { ProactiveNotifier } from './proactiveNotifier';

export const MEETING_VERBS = ['meeting.find', 'meeting.book'] as const;
export type MeetingVerb = (typeof MEETING_VERBS)[number];

export function isMeetingVerb(verb: string): verb is MeetingVerb {
  return (MEETING_VERBS as readonly string[]).includes(verb);
}

export interface MeetingActionDeps {
  readonly booking: BookingService;
  readonly agreements: Pick<AgreementService, 'view'>;
  readonly sendPersonal: ProactiveNotifier['sendPersonal'];
  readonly logger: Logger;
}

const PAIR_ID = /^p[0-9a-f]{16}$/;
/** What the slots card sends: an instant in UTC, to the millisecond at most. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

export async function handleMeetingAction(
  deps: MeetingActionDeps,
  actor: Actor,
  verb: MeetingVerb,
  data: Readonly<Record<string, unknown>>,
  locale: Locale,
): Promise<AdaptiveCard> {
  const pairId = pairIdOf(data);
  try {
    if (verb === 'meeting.find') {
      const weeksLater = integer(field(data, 'weeksLater'), 'weeksLater', 0, MAX_WEEKS_LATER, 0);
      return await slotsCard(deps, actor, pairId, weeksLater, locale);
    }
    return await book(deps, actor, pairId, startOf(data), locale);
  } catch (err) {
    // The calendars, not Polku's storage, are what could not be reached.
    if (isPolkuError(err) && err.kind === 'unavailable' && err.code !== 'calendar_unavailable') {
      throw new PolkuError('unavailable', 'The calendars cannot be reached', {
        code: 'calendar_unavailable',
        cause: err,
      });
    }
    throw err;
  }
}

async function slotsCard(
  deps: MeetingActionDeps,
  actor: Actor,
  pairId: string,
  weeksLater: number,
  locale: Locale,
  notice?: string,
): Promise<AdaptiveCard> {
  const view = await deps.agreements.view(actor, pairId);
  const { slots, durationMinutes } = await deps.booking.suggest(actor, pairId, weeksLater);
  return meetingSlotsCard(
    {
      pairId,
      slots,
      durationMinutes,
      weeksLater,
      timeZone: view.programme.timeZone,
      ...(notice ? { notice } : {}),
    },
    locale,
  );
}

async function book(
  deps: MeetingActionDeps,
  actor: Actor,
  pairId: string,
  start: number,
  locale: Locale,
): Promise<AdaptiveCard> {
  const view = await deps.agreements.view(actor, pairId);
  // A repeated click (by either member) for a time already booked returns that meeting: nobody is told twice.
  const repeat = (await deps.booking.list(actor, pairId)).some(
    (m) => m.start === start && m.status === 'booked',
  );
  let meeting: Meeting;
  try {
    meeting = await deps.booking.book(actor, pairId, start);
  } catch (err) {
    if (isPolkuError(err) && err.code === 'slot_taken') {
      return slotsCard(deps, actor, pairId, 0, locale, translator(locale)('meeting.slots.taken'));
    }
    throw err;
  }
  const build = (l: Locale) => bookedCard(meeting, view, l);
  if (!repeat) await tellOthers(deps, actor, view, build);
  return build(locale);
}

function bookedCard(meeting: Meeting, view: AgreementView, locale: Locale): AdaptiveCard {
  return meetingBookedCard(
    meeting,
    {
      programmeName: view.programme.name,
      names: memberIds(view.pair).map((id) => view.pair.names[id] ?? ''),
      timeZone: view.programme.timeZone,
    },
    locale,
  );
}

/** The other members see the booking in their 1:1 chat; one unreachable member does not undo it. */
async function tellOthers(
  deps: MeetingActionDeps,
  actor: Actor,
  view: AgreementView,
  build: (locale: Locale) => AdaptiveCard,
): Promise<void> {
  const others = memberIds(view.pair).filter((id) => id !== actor.userId);
  await Promise.all(
    others.map((userId) =>
      deps
        .sendPersonal(view.programme, userId, build)
        .catch((err: unknown) =>
          deps.logger.warn(
            { err: errorForLog(err), pairId: view.pair.id },
            'could not tell a member about a booked meeting',
          ),
        ),
    ),
  );
}

function pairIdOf(data: Readonly<Record<string, unknown>>): string {
  const pairId = field(data, 'pairId');
  if (typeof pairId !== 'string' || !PAIR_ID.test(pairId)) {
    throw new ValidationError('The card does not name a pair', { field: 'pairId', rule: 'format' });
  }
  return pairId;
}

function startOf(data: Readonly<Record<string, unknown>>): number {
  const start = field(data, 'start');
  const at = typeof start === 'string' && ISO_UTC.test(start) ? Date.parse(start) : Number.NaN;
  if (!Number.isFinite(at)) {
    throw new ValidationError('The card does not name a time', { field: 'start', rule: 'format' });
  }
  return at;
}
