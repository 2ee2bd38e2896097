/**
 * The agreement walkthrough's card actions. Every card carries the pair and
 * the version it shows; the service decides whether the click applies, is a
 * repeat, or came from a stale card, and this file picks the card the person
 * sees next. Only the pair's members get anything but a refusal.
 */
import { AGREEMENT_STEPS, type AgreementStep, agreementStatus } from '../domain/agreement/agreementTypes';
import { ValidationError } from '../domain/errors';
import { field, integer, oneOf } from '../domain/validate';
import type { Locale } from '../i18n/locale';
import type { Actor } from '../services/actor';
import type { AgreementService, AgreementView } from '../services/agreements/agreementService';
import type { AdaptiveCard } from './cards/adaptiveCard';
import { agreementInForceCard } from './cards/agreementInForceCard';
import { agreementStepCard } from './cards/agreementStepCard';
import { describeViolation } from './cards/describeViolation';

export const AGREEMENT_VERBS = [
  'agreement.open',
  'agreement.save',
  'agreement.back',
  'agreement.goto',
  'agreement.accept',
  'agreement.reopen',
] as const;
export type AgreementVerb = (typeof AGREEMENT_VERBS)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isAgreementVerb(verb: string): verb is AgreementVerb {
  return (AGREEMENT_VERBS as readonly string[]).includes(verb);
}

export async function handleAgreementAction(
  service: AgreementService,
  actor: Actor,
  verb: AgreementVerb,
  data: Readonly<Record<string, unknown>>,
  locale: Locale,
): Promise<AdaptiveCard> {
  const { pairId, programmeId } = ids(data);
  if (verb === 'agreement.open')
    return viewCard(await service.view(actor, pairId, programmeId), actor, locale);
  const step = (): AgreementStep => oneOf(field(data, 'step'), 'step', AGREEMENT_STEPS);
  const version = () => integer(field(data, 'version'), 'version', 1, 100_000);
  try {
    const result = await service.act(actor, pairId, commandFor(verb, data, step, version), programmeId);
    const notice =
      result.outcome.result === 'stale'
        ? ({ kind: 'stale', byName: result.outcome.changedBy?.byName ?? '' } as const)
        : undefined;
    return viewCard(result, actor, locale, notice);
  } catch (err) {
    if (!(err instanceof ValidationError) || !err.violation) throw err;
    // The person's entries stay on the card with the problem named; nothing was saved.
    const view = await service.view(actor, pairId, programmeId);
    const problem = { kind: 'problem', message: describeViolation(err.violation, locale) } as const;
    const at = verb === 'agreement.save' ? step() : 'review';
    return agreementStepCard({ ...cardInput(view, actor, locale), step: at, notice: problem, draft: data });
  }
}

function commandFor(
  verb: Exclude<AgreementVerb, 'agreement.open'>,
  data: Readonly<Record<string, unknown>>,
  step: () => AgreementStep,
  version: () => number,
) {
  switch (verb) {
    case 'agreement.save':
      return { kind: 'save-step', step: step(), values: data, version: version() } as const;
    case 'agreement.back':
      return { kind: 'back', step: step() } as const;
    case 'agreement.goto':
      return { kind: 'go-to', step: step() } as const;
    case 'agreement.accept':
      // An Input.Toggle sends "true" when on; anything else is not an acceptance.
      return {
        kind: 'accept',
        version: version(),
        confidentiality: field(data, 'confidentiality') === 'true',
      } as const;
    case 'agreement.reopen':
      return { kind: 'reopen', version: version() } as const;
  }
}

/** In force and nothing to do: the summary; otherwise the step this person is at. (Also the agreement command's card.) */
export function viewCard(
  view: AgreementView,
  actor: Actor,
  locale: Locale,
  notice?: { readonly kind: 'stale'; readonly byName: string },
): AdaptiveCard {
  const input = cardInput(view, actor, locale);
  if (agreementStatus(view.agreement) === 'in-force' && !notice) {
    return agreementInForceCard(view.agreement, view.programme, view.pair.names, actor.userId, locale);
  }
  const step = view.agreement.steps[actor.userId] ?? 'duration';
  return agreementStepCard({ ...input, step, ...(notice ? { notice } : {}) });
}

function cardInput(view: AgreementView, actor: Actor, locale: Locale) {
  return {
    agreement: view.agreement,
    programme: view.programme,
    names: view.pair.names,
    viewerId: actor.userId,
    locale,
  };
}

/**
 * Cards name the pair and its programme: the introduction's to open an
 * agreement not started yet, the walkthrough's so the service can read the
 * pair and programme alongside the agreement (it checks them against it).
 */
function ids(data: Readonly<Record<string, unknown>>): { pairId: string; programmeId?: string } {
  const pairId = field(data, 'pairId');
  const programmeId = field(data, 'programmeId');
  if (typeof pairId !== 'string' || !/^p[0-9a-f]{16}$/.test(pairId)) {
    throw new ValidationError('The card does not name a pair', { field: 'pairId', rule: 'format' });
  }
  if (programmeId !== undefined && (typeof programmeId !== 'string' || !GUID.test(programmeId))) {
    throw new ValidationError('The card does not name a programme', { field: 'programmeId', rule: 'format' });
  }
  return { pairId, ...(typeof programmeId === 'string' ? { programmeId } : {}) };
}
