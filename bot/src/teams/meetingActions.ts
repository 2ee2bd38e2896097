/**
 * The pair's meetings from cards: "Book our meeting" shows times free in
 * both calendars, a time's button books it, the whole first phase can be
 * booked at once, and a booked meeting can be moved or cancelled. Card data
 * is untrusted: ids and times are checked for shape, the booking service
 * decides whether this person may act for the pair, and a card older than
 * the meeting's state (moved or cancelled meanwhile) gets a fresh card that
 * says so instead of acting on a time the person did not see.
 */
import { isPolkuError, PolkuError, ValidationError } from '../domain/errors';
import { type Meeting, meetingUpcoming } from '../domain/meetings/meeting';
import { field, integer } from '../domain/validate';
import type { Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { errorForLog, type Logger } from '../logging';
import type { Actor } from '../services/actor';
import type { AgreementService, AgreementView } from '../services/agreements/agreementService';
import type { BookingService } from '../services/meetings/bookingService';
import type { AdaptiveCard } from './cards/adaptiveCard';
import { meetingBookedCard } from './cards/meetingBookedCard';
import { meetingCancelAskCard, meetingCancelledCard } from './cards/meetingCancelCard';
import { meetingListCard, type PairMeetings } from './cards/meetingListCard';
import { meetingPhaseCard } from './cards/meetingPhaseCard';
import { formatSlot, MAX_WEEKS_LATER, meetingSlotsCard } from './cards/meetingSlotsCard';
import { pairNames, tellOthers, zoneFor } from './meetingNotices';
import type { ProactiveNotifier } from './proactiveNotifier';

export const MEETING_VERBS = [
  'meeting.find',
  'meeting.book',
  'meeting.bookPhase',
  'meeting.moveOptions',
  'meeting.move',
  'meeting.cancelAsk',
  'meeting.cancel',
  'meeting.show',
] as const;
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
/** What the cards send: an instant in UTC, to the millisecond at most. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
/** A pair never gets near this many meetings; the bound keeps a forged number out of the row key. */
const MAX_MEETING_NUMBER = 9999;

interface Request {
  readonly deps: MeetingActionDeps;
  readonly actor: Actor;
  readonly pairId: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly locale: Locale;
}

export async function handleMeetingAction(
  deps: MeetingActionDeps,
  actor: Actor,
  verb: MeetingVerb,
  data: Readonly<Record<string, unknown>>,
  locale: Locale,
): Promise<AdaptiveCard> {
  const r: Request = { deps, actor, pairId: pairIdOf(data), data, locale };
  try {
    switch (verb) {
      case 'meeting.find':
        return await slotsCard(r, integer(field(data, 'weeksLater'), 'weeksLater', 0, MAX_WEEKS_LATER, 0));
      case 'meeting.book':
        return await book(r, timeOf(data, 'start'));
      case 'meeting.bookPhase':
        return await bookPhase(r);
      default:
        return await changeMeeting(r, verb);
    }
  } catch (err) {
    // The calendars, not Polku's storage, are what could not be reached.
    if (isPolkuError(err) && err.kind === 'unavailable' && !err.code.startsWith('calendar_')) {
      const changing = verb === 'meeting.move' || verb === 'meeting.cancel';
      throw new PolkuError('unavailable', 'The calendars cannot be reached', {
        code: changing ? 'calendar_unchanged' : 'calendar_unavailable',
        cause: err,
      });
    }
    throw err;
  }
}

async function slotsCard(r: Request, weeksLater: number, notice?: string): Promise<AdaptiveCard> {
  const { slots, durationMinutes, timeZone, phaseMeetings, nextNumber } = await r.deps.booking.suggest(
    r.actor,
    r.pairId,
    weeksLater,
  );
  return meetingSlotsCard(
    {
      pairId: r.pairId,
      slots,
      durationMinutes,
      weeksLater,
      timeZone,
      phaseMeetings,
      nextNumber,
      ...(notice ? { notice } : {}),
    },
    r.locale,
  );
}

async function book(r: Request, start: number): Promise<AdaptiveCard> {
  const view = await r.deps.agreements.view(r.actor, r.pairId);
  const meetings = await r.deps.booking.list(r.actor, r.pairId);
  // A repeated click (by either member) for a time already booked returns that meeting: nobody is told twice.
  const repeat = meetings.some((m) => m.start === start && m.status === 'booked');
  // The card names the meeting number it books. Once that meeting is at another time (moved since, or booked
  // by the partner from their own card) or cancelled, this is a late click of an older card: it books nothing.
  const number = integer(field(r.data, 'number'), 'number', 0, MAX_MEETING_NUMBER, 0);
  const taken = meetings.find(
    (m) => m.number === number && m.start !== start && (m.status === 'booked' || m.status === 'cancelled'),
  );
  if (taken) {
    const zone = zoneFor(taken, r.actor.userId, view.programme);
    if (taken.status === 'cancelled')
      return meetingCancelledCard(taken, { pairId: r.pairId, timeZone: zone, already: true }, r.locale);
    const when = formatSlot(taken.start, taken.end, zone, r.locale);
    const notice = translator(r.locale)('meeting.changedMeanwhile', { when });
    return bookedCard(taken, view, r.actor.userId, r.locale, notice);
  }
  let meeting: Meeting;
  try {
    meeting = await r.deps.booking.book(r.actor, r.pairId, start);
  } catch (err) {
    if (isPolkuError(err) && err.code === 'slot_taken') {
      return slotsCard(r, 0, translator(r.locale)('meeting.slots.taken'));
    }
    throw err;
  }
  if (!repeat)
    await tellOthers(r.deps.sendPersonal, r.deps.logger, view, r.actor, (userId, l) =>
      bookedCard(meeting, view, userId, l),
    );
  return bookedCard(meeting, view, r.actor.userId, r.locale);
}

async function bookPhase(r: Request): Promise<AdaptiveCard> {
  const view = await r.deps.agreements.view(r.actor, r.pairId);
  const result = await r.deps.booking.bookFirstPhase(r.actor, r.pairId);
  for (const o of result.outcomes) {
    if (o.error !== undefined)
      r.deps.logger.warn(
        { err: errorForLog(o.error), pairId: r.pairId, step: o.step },
        'a phase meeting failed',
      );
  }
  const build = (userId: string, locale: Locale, byName?: string) => {
    const zoneOf = result.outcomes.find((o) => o.meeting)?.meeting;
    return meetingPhaseCard(
      { planned: result.planned, lines: result.outcomes, already: result.already },
      {
        pairId: r.pairId,
        programmeName: view.programme.name,
        names: pairNames(view.pair),
        timeZone: zoneOf ? zoneFor(zoneOf, userId, view.programme) : view.programme.timeZone,
        ...(byName ? { byName } : {}),
      },
      locale,
    );
  };
  if (!result.already && result.outcomes.some((o) => o.meeting))
    await tellOthers(r.deps.sendPersonal, r.deps.logger, view, r.actor, (userId, l) =>
      build(userId, l, r.actor.name),
    );
  return build(r.actor.userId, r.locale);
}

/** Move, cancel and their first steps: each judged against the meeting as it is now, not as the card saw it. */
async function changeMeeting(
  r: Request,
  verb: Exclude<MeetingVerb, 'meeting.find' | 'meeting.book' | 'meeting.bookPhase'>,
) {
  const number = integer(field(r.data, 'number'), 'number', 1, MAX_MEETING_NUMBER);
  const view = await r.deps.agreements.view(r.actor, r.pairId);
  const meeting = (await r.deps.booking.list(r.actor, r.pairId)).find((m) => m.number === number);
  if (!meeting) throw new PolkuError('not_found', 'No such meeting', { code: 'meeting_not_found' });
  const zone = zoneFor(meeting, r.actor.userId, view.programme);
  const t = translator(r.locale);
  if (meeting.status === 'cancelled' && verb !== 'meeting.cancel')
    return meetingCancelledCard(meeting, { pairId: r.pairId, timeZone: zone, already: true }, r.locale);
  if (verb === 'meeting.show') return bookedCard(meeting, view, r.actor.userId, r.locale);
  // The time this card showed: when the meeting has moved since, say so and show it as it is now.
  const shown = verb === 'meeting.move' ? timeOf(r.data, 'from') : timeOf(r.data, 'start');
  const target = verb === 'meeting.move' ? timeOf(r.data, 'start') : undefined;
  if (meeting.status === 'booked' && meeting.start !== shown && meeting.start !== target) {
    const notice = t('meeting.changedMeanwhile', {
      when: formatSlot(meeting.start, meeting.end, zone, r.locale),
    });
    return bookedCard(meeting, view, r.actor.userId, r.locale, notice);
  }
  switch (verb) {
    case 'meeting.moveOptions':
      return moveOptions(
        r,
        number,
        integer(field(r.data, 'weeksLater'), 'weeksLater', 0, MAX_WEEKS_LATER, 0),
      );
    case 'meeting.cancelAsk':
      if (meeting.status !== 'booked')
        throw new PolkuError('conflict', 'The meeting was never booked', { code: 'meeting_not_booked' });
      return meetingCancelAskCard(meeting, { pairId: r.pairId, timeZone: zone }, r.locale);
    case 'meeting.cancel': {
      const change = await r.deps.booking.cancel(r.actor, r.pairId, number);
      return meetingCancelledCard(
        change.meeting,
        { pairId: r.pairId, timeZone: zone, already: !change.changed },
        r.locale,
      );
    }
    case 'meeting.move': {
      try {
        const change = await r.deps.booking.move(r.actor, r.pairId, number, target as number);
        return bookedCard(change.meeting, view, r.actor.userId, r.locale, undefined, change.previous);
      } catch (err) {
        if (isPolkuError(err) && err.code === 'slot_taken')
          return moveOptions(r, number, 0, t('meeting.slots.taken'));
        if (isPolkuError(err) && err.code === 'meeting_changed') {
          const now =
            (await r.deps.booking.list(r.actor, r.pairId)).find((m) => m.number === number) ?? meeting;
          return now.status === 'cancelled'
            ? meetingCancelledCard(now, { pairId: r.pairId, timeZone: zone, already: true }, r.locale)
            : bookedCard(
                now,
                view,
                r.actor.userId,
                r.locale,
                t('meeting.changedMeanwhile', {
                  when: formatSlot(now.start, now.end, zone, r.locale),
                }),
              );
        }
        throw err;
      }
    }
  }
}

async function moveOptions(
  r: Request,
  number: number,
  weeksLater: number,
  notice?: string,
): Promise<AdaptiveCard> {
  const { meeting, slots, timeZone } = await r.deps.booking.suggestMove(
    r.actor,
    r.pairId,
    number,
    weeksLater,
  );
  return meetingSlotsCard(
    {
      pairId: r.pairId,
      slots,
      durationMinutes: Math.round((meeting.end - meeting.start) / 60_000),
      weeksLater,
      timeZone,
      move: { number, start: meeting.start, end: meeting.end },
      ...(notice ? { notice } : {}),
    },
    r.locale,
  );
}

function bookedCard(
  meeting: Meeting,
  view: AgreementView,
  readerId: string,
  locale: Locale,
  notice?: string,
  previous?: Meeting,
): AdaptiveCard {
  return meetingBookedCard(
    meeting,
    {
      programmeName: view.programme.name,
      names: pairNames(view.pair),
      timeZone: zoneFor(meeting, readerId, view.programme),
      pairId: view.pair.id,
      ...(notice ? { notice } : {}),
      ...(previous && previous.start !== meeting.start ? { previous } : {}),
    },
    locale,
  );
}

function pairIdOf(data: Readonly<Record<string, unknown>>): string {
  const pairId = field(data, 'pairId');
  if (typeof pairId !== 'string' || !PAIR_ID.test(pairId)) {
    throw new ValidationError('The card does not name a pair', { field: 'pairId', rule: 'format' });
  }
  return pairId;
}

function timeOf(data: Readonly<Record<string, unknown>>, name: string): number {
  const value = field(data, name);
  const at = typeof value === 'string' && ISO_UTC.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(at)) {
    throw new ValidationError('The card does not name a time', { field: name, rule: 'format' });
  }
  return at;
}

/**
 * "meetings": the person's pairs with their upcoming meetings (each in the reader's own zone, with Join,
 * Move and Cancel) and "Book our meeting" where the agreement is in force.
 */
export async function meetingListFor(
  deps: Pick<MeetingActionDeps, 'booking'> & { readonly agreements: Pick<AgreementService, 'view' | 'mine'> },
  actor: Actor,
  now: number,
  locale: Locale,
): Promise<AdaptiveCard> {
  const pairs = await deps.agreements.mine(actor);
  const rows = await Promise.all(
    pairs.map(async (p): Promise<PairMeetings> => {
      const view = await deps.agreements.view(actor, p.pairId, p.programmeId);
      const meetings = (await deps.booking.list(actor, p.pairId))
        .filter((m) => meetingUpcoming(m, now))
        .sort((a, b) => a.start - b.start);
      const recorded = meetings.find((m) => m.memberTimes?.[actor.userId]);
      return {
        pairId: p.pairId,
        programmeName: p.programmeName,
        partnerNames: p.partnerNames,
        inForce: p.status === 'in-force',
        meetings,
        timeZone: recorded ? zoneFor(recorded, actor.userId, view.programme) : view.programme.timeZone,
      };
    }),
  );
  return meetingListCard(rows, locale);
}
