/**
 * Universal Actions (Action.Execute) from Polku's cards. Card data is
 * untrusted: ids are checked for shape, the acting person comes from Teams,
 * and every service re-checks what that person may do. The answer is the
 * card that person should see next; errors become a card that says what to
 * do, never an error status.
 */
import type { AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { type ErrorCause, isPolkuError, ValidationError } from '../domain/errors';
import type { ChannelRef } from '../domain/programme/programme';
import { VOLUNTEER_ROLES } from '../domain/programme/vocabulary';
import { field, object, oneOf } from '../domain/validate';
import type { MessageKey } from '../i18n/en';
import type { Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { joinList } from '../i18n/wording';
import type { Logger } from '../logging';
import type { Actor } from '../services/actor';
import type { AgreementService } from '../services/agreements/agreementService';
import type { BookingService } from '../services/meetings/bookingService';
import type { PairingService } from '../services/programmes/pairingService';
import type { ProgrammeService } from '../services/programmes/programmeService';
import type { SignUpService } from '../services/programmes/signUpService';
import { handleAgreementAction, isAgreementVerb } from './agreementActions';
import { type AdaptiveCard, card, paragraph, plain } from './cards/adaptiveCard';
import { describeViolation } from './cards/describeViolation';
import { programmeCreatedCard } from './cards/programmeCreatedCard';
import { programmeDraft, programmeFormCard, programmeInputFromCard } from './cards/programmeFormCard';
import { signUpClosedCard } from './cards/signUpClosedCard';
import { signUpConfirmationCard } from './cards/signUpConfirmationCard';
import { signUpFormCard } from './cards/signUpFormCard';
import { signUpStateCard } from './cards/signUpStateCard';
import { channelConversationId } from './conversationReferences';
import { handleMeetingAction, isMeetingVerb } from './meetingActions';
import { memberEmail } from './memberEmail';
import type { ProactiveNotifier } from './proactiveNotifier';
import { handleRhythmAction, isRhythmVerb, type RhythmActionDeps } from './rhythmActions';
import { type SignUpForms, signUpFormView } from './signUpForms';
import { turnInfo } from './turnContextInfo';

export interface CardActionDeps {
  readonly programmes: ProgrammeService;
  readonly signUps: SignUpService;
  readonly pairing: PairingService;
  readonly agreements: AgreementService;
  /** Finds and books the pair's meetings in both members' calendars. */
  readonly booking: BookingService;
  /** Check-ins, the checkpoint, the evaluation and learnings. */
  readonly rhythm: RhythmActionDeps;
  /** Sends a card to a person's 1:1 chat with Polku (creating it when needed). */
  readonly sendPersonal: ProactiveNotifier['sendPersonal'];
  /** Sends Join's sign-up form to the person's chat, now or (when Teams' pace is full) shortly. */
  readonly signUpForms: Pick<SignUpForms, 'open'>;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** What the person sees next: a card in place of the one they used, or a short message beside it. */
export type CardActionResult = { readonly card: AdaptiveCard } | { readonly message: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CARD_VERBS = [
  'signup.open',
  'signup.save',
  'signup.withdraw',
  'programme.create',
  'programme.announce',
] as const;

export async function handleCardAction(
  deps: CardActionDeps,
  context: TurnContext,
  actor: Actor,
  invoke: AdaptiveCardInvokeValue,
  locale: Locale,
): Promise<CardActionResult> {
  const verb = typeof invoke?.action?.verb === 'string' ? invoke.action.verb : '';
  const data = object(invoke?.action?.data ?? {}, 'data');
  if (isAgreementVerb(verb))
    return { card: await handleAgreementAction(deps.agreements, actor, verb, data, locale) };
  if (isMeetingVerb(verb)) return { card: await handleMeetingAction(deps, actor, verb, data, locale) };
  if (isRhythmVerb(verb)) return { card: await handleRhythmAction(deps.rhythm, actor, verb, data, locale) };
  switch (verb) {
    case 'signup.open':
      return openSignUp(deps, context, actor, data, locale);
    case 'signup.save':
      return { card: await saveSignUp(deps, context, actor, data, locale) };
    case 'signup.withdraw': {
      const programmeId = programmeIdOf(data);
      const programme = await deps.signUps.programmeFor(actor, programmeId);
      const volunteer = await deps.signUps.withdraw(actor, programmeId, programme);
      return {
        card: volunteer
          ? signUpStateCard(programme, volunteer, locale)
          : messageCard(translator(locale)('signup.notSignedUp'), locale),
      };
    }
    case 'programme.create':
      return { card: await createProgramme(deps, context, actor, data, locale) };
    case 'programme.edit': {
      const current = await deps.programmes.getManaged(actor, programmeIdOf(data));
      return {
        card: programmeFormCard(locale, {
          draft: programmeDraft(current.value),
          edit: { programmeId: current.value.id, etag: current.etag },
        }),
      };
    }
    case 'programme.update':
      return { card: await updateProgramme(deps, actor, data, locale) };
    case 'programme.announce': {
      const announced = await deps.programmes.announce(actor, programmeIdOf(data), channelOf(context));
      return { card: programmeCreatedCard(announced.value, locale, { announced: true }) };
    }
    case 'pair.request': {
      const outcome = await deps.pairing.requestPair(actor, programmeIdOf(data));
      return { message: translator(locale)(outcome === 'asked' ? 'pairRequest.sent' : 'pairRequest.none') };
    }
    case 'pair.confirm':
      return { card: await confirmRequestedPair(deps, actor, data, locale) };
    case 'pair.decline':
      programmeIdOf(data);
      return { card: messageCard(translator(locale)('pairConfirm.declined'), locale) };
    default:
      return { message: translator(locale)('action.unknown') };
  }
}

/**
 * "Join" on the channel's announcement opens the person's own form in their
 * 1:1 chat with Polku: what they write (their note to the supervisor, what
 * they want to learn) never appears in the shared channel, and later edits
 * of the announcement cannot wipe a half-filled form. The click is answered
 * without waiting on Teams' pace: the form is sent now or shortly after.
 */
async function openSignUp(
  deps: CardActionDeps,
  context: TurnContext,
  actor: Actor,
  data: Record<string, unknown>,
  locale: Locale,
): Promise<CardActionResult> {
  const programmeId = programmeIdOf(data);
  const role = oneOf(field(data, 'role'), 'role', VOLUNTEER_ROLES);
  const [programme, mine] = await Promise.all([
    deps.signUps.programmeFor(actor, programmeId),
    deps.signUps.mine(actor, programmeId),
  ]);
  if (turnInfo(context.activity).kind === 'personal') {
    return { card: signUpFormView(programme, mine?.value, role, deps.now())(locale) };
  }
  const delivery = await deps.signUpForms.open(programme, mine?.value, actor.userId, role);
  return {
    message: translator(locale)(delivery === 'sent' ? 'signup.formSentToChat' : 'signup.formOnItsWay'),
  };
}

async function saveSignUp(
  deps: CardActionDeps,
  context: TurnContext,
  actor: Actor,
  data: Record<string, unknown>,
  locale: Locale,
): Promise<AdaptiveCard> {
  const programmeId = programmeIdOf(data);
  const role = oneOf(field(data, 'role'), 'role', VOLUNTEER_ROLES);
  // The roster (the person's mailbox address) and the programme do not depend on each other: asked side by side.
  const [email, programme] = await Promise.all([
    memberEmail(context, deps.logger),
    deps.signUps.programmeFor(actor, programmeId),
  ]);
  const signer = email ? { ...actor, email } : actor;
  try {
    // The programme read here is passed on: the service checks it, not reads it again.
    // Saved from the form in the person's own chat: the card becomes the confirmation there, no second message.
    const answeredInPlace = turnInfo(context.activity).kind === 'personal';
    const shown = field(data, 'shown');
    const { volunteer } = await deps.signUps.signUp(signer, programmeId, { ...data, role }, programme, {
      answeredInPlace,
      ...(typeof shown === 'string' ? { shown } : {}),
    });
    return answeredInPlace
      ? signUpConfirmationCard(programme, volunteer, locale)
      : signUpStateCard(programme, volunteer, locale);
  } catch (err) {
    const problem = formProblem(err, locale);
    if (problem) {
      return signUpFormCard(programme, role, undefined, locale, problem, data);
    }
    if (isPolkuError(err) && err.code === 'sign_up_closed') return signUpClosedCard(programme, locale);
    if (isPolkuError(err) && err.code === 'sign_up_changed') {
      // An older form's click (a late copy): the form again with what is saved now, and nothing saved.
      const mine = await deps.signUps.mine(actor, programmeId);
      const changed = { field: 'role', message: translator(locale)('error.changed') };
      return signUpFormCard(programme, role, mine?.value, locale, changed);
    }
    throw err;
  }
}

/** A save from the edit form: the card carries the ETag it showed, so a concurrent edit is caught, not overwritten. */
async function updateProgramme(
  deps: CardActionDeps,
  actor: Actor,
  data: Record<string, unknown>,
  locale: Locale,
): Promise<AdaptiveCard> {
  const programmeId = programmeIdOf(data);
  const etag = field(data, 'etag');
  if (typeof etag !== 'string' || etag.length > 200) {
    throw new ValidationError('etag is missing', { field: 'etag', rule: 'format' });
  }
  try {
    const saved = await deps.programmes.update(actor, programmeId, programmeInputFromCard(data), etag);
    return programmeCreatedCard(saved.value, locale);
  } catch (err) {
    const problem = formProblem(err, locale);
    if (problem) {
      return programmeFormCard(locale, { draft: data, problem, edit: { programmeId, etag } });
    }
    if (isPolkuError(err) && err.kind === 'changed') {
      const latest = await deps.programmes.getManaged(actor, programmeId);
      const problem = { field: 'name', message: translator(locale)('programmeForm.changedMeanwhile') };
      return programmeFormCard(locale, {
        draft: programmeDraft(latest.value),
        problem,
        edit: { programmeId, etag: latest.etag },
      });
    }
    throw err;
  }
}

/** The supervisor's answer to a non-stop pair request: the same confirmation the tab uses, for one pair. */
async function confirmRequestedPair(
  deps: CardActionDeps,
  actor: Actor,
  data: Record<string, unknown>,
  locale: Locale,
): Promise<AdaptiveCard> {
  const t = translator(locale);
  const programmeId = programmeIdOf(data);
  const pairs = [{ mentorId: field(data, 'mentorId'), aktoriIds: field(data, 'aktoriIds') }];
  const [result] = await deps.pairing.confirm(actor, programmeId, { pairs });
  if (result?.status !== 'formed') return messageCard(t('pairConfirm.refused'), locale);
  const names = Object.values(result.pair.names).map(plain);
  return messageCard(t('pairConfirm.formed', { names: joinList(names, locale) }), locale);
}

async function createProgramme(
  deps: CardActionDeps,
  context: TurnContext,
  actor: Actor,
  data: Record<string, unknown>,
  locale: Locale,
): Promise<AdaptiveCard> {
  const channel = channelOf(context);
  if (!channel) return messageCard(translator(locale)('programme.channelOnly'), locale);
  try {
    const created = await deps.programmes.create(actor, programmeInputFromCard(data), { channel, locale });
    return programmeCreatedCard(created.value, locale, { announced: false });
  } catch (err) {
    const problem = formProblem(err, locale);
    if (problem) {
      return programmeFormCard(locale, { draft: data, problem });
    }
    throw err;
  }
}

/** A validation failure as the problem a form shows next to its inputs; undefined for any other error. */
export function formProblem(err: unknown, locale: Locale): { field: string; message: string } | undefined {
  if (!(err instanceof ValidationError) || !err.violation) return undefined;
  return { field: err.violation.field, message: describeViolation(err.violation, locale) };
}

/** The channel the card was used in, when it was used in a team channel. */
export function channelOf(context: TurnContext): ChannelRef | undefined {
  const info = turnInfo(context.activity);
  if (info.kind !== 'channel' || !info.teamId) return undefined;
  return {
    teamId: info.teamId,
    channelId: channelConversationId(context.activity.conversation.id),
    ...(info.teamName ? { teamName: info.teamName } : {}),
  };
}

function programmeIdOf(data: Record<string, unknown>): string {
  const id = field(data, 'programmeId');
  if (typeof id !== 'string' || !GUID.test(id)) {
    throw new ValidationError('programmeId is not a programme id', { field: 'programmeId', rule: 'format' });
  }
  return id;
}

export function messageCard(text: string, locale: Locale): AdaptiveCard {
  return card([paragraph(text)], locale);
}

/** Specific refusals first (by code), then by cause. */
const CODE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  not_programme_manager: 'programme.notManager',
  already_paired: 'signup.alreadyPaired',
  programme_closed: 'programme.closed',
  not_in_team: 'programme.notInTeam',
  not_nonstop: 'pairRequest.nonstopOnly',
  not_signed_up: 'signup.notSignedUp',
  not_pair_member: 'agreement.notMember',
  not_in_force: 'agreement.notInForce',
  agreement_not_in_force: 'meeting.notInForce',
  no_mailbox: 'meeting.noMailbox',
  calendar_unavailable: 'meeting.unavailable',
  slot_in_past: 'meeting.past',
  booking_in_progress: 'meeting.inProgress',
  meeting_not_found: 'meeting.notFound',
  meeting_not_booked: 'meeting.notBooked',
  meeting_cancelled: 'meeting.cancelledNoMove',
  meeting_past: 'meeting.over',
  event_missing: 'meeting.eventMissing',
  calendar_unchanged: 'meeting.unchanged',
};
const KIND_MESSAGES: Readonly<Partial<Record<ErrorCause, MessageKey>>> = {
  not_found: 'programme.notFound',
  changed: 'error.changed',
  unavailable: 'error.unavailable',
  throttled: 'error.busy',
};

/** What a person sees when an action cannot be done: the cause in plain words, never internals. */
export function errorCard(err: unknown, locale: Locale, ref: string): AdaptiveCard {
  const t = translator(locale);
  if (err instanceof ValidationError && err.violation)
    return messageCard(describeViolation(err.violation, locale), locale);
  if (isPolkuError(err)) {
    const key =
      CODE_MESSAGES[err.code] ??
      (err.kind === 'forbidden' ? 'programme.notManager' : undefined) ??
      KIND_MESSAGES[err.kind] ??
      'error.generic';
    return messageCard(t(key, { ref }), locale);
  }
  return messageCard(t('error.generic', { ref }), locale);
}
