/**
 * The agreement as a state machine: every command either changes it (and
 * then, if the terms changed, makes a new version), is a no-op (a repeat of
 * what is already true — Teams may deliver an invoke twice), is stale (the
 * card showed an older version than the one now current), or is refused.
 */
import { PolkuError, ValidationError } from '../errors';
import type { AgreementDefaults } from '../programme/programme';
import {
  AGREEMENT_STEPS,
  type Agreement,
  type AgreementChange,
  type AgreementStep,
  type AgreementTerms,
  membersOf,
} from './agreementTypes';
import { applyStep, type StepContext } from './parseAgreementStep';

export type AgreementCommand =
  | {
      readonly kind: 'save-step';
      readonly step: AgreementStep;
      readonly values: unknown;
      readonly version: number;
    }
  | { readonly kind: 'back'; readonly step: AgreementStep }
  | { readonly kind: 'go-to'; readonly step: AgreementStep }
  | { readonly kind: 'accept'; readonly version: number; readonly confidentiality: boolean }
  | { readonly kind: 'reopen'; readonly version: number };

export interface CommandContext extends Omit<StepContext, 'members'> {
  readonly actor: { readonly id: string; readonly name: string };
  readonly now: Date;
}

export type Outcome =
  | { readonly result: 'changed'; readonly agreement: Agreement; readonly nowInForce: boolean }
  | { readonly result: 'moved' | 'no-op'; readonly agreement: Agreement }
  /** The card was older than the agreement: nothing changed; say who changed it. */
  | {
      readonly result: 'stale';
      readonly agreement: Agreement;
      readonly changedBy: AgreementChange | undefined;
    };

export function startAgreement(input: {
  readonly pairId: string;
  readonly programmeId: string;
  readonly tenantId: string;
  readonly mentorId: string;
  readonly aktoriIds: readonly string[];
  readonly quick: boolean;
  readonly defaults: AgreementDefaults;
}): Agreement {
  const members = [input.mentorId, ...input.aktoriIds];
  return {
    pairId: input.pairId,
    programmeId: input.programmeId,
    tenantId: input.tenantId,
    mentorId: input.mentorId,
    aktoriIds: input.aktoriIds,
    quick: input.quick,
    version: 1,
    terms: {
      duration: { kind: 'meetings', meetings: input.quick ? 1 : input.defaults.firstPhaseMeetings },
      checkpoint: !input.quick,
      cadenceWeeks: input.defaults.cadenceWeeks,
      meetingMinutes: input.defaults.meetingMinutes,
      place: 'teams',
      preparation: '',
      betweenMeetings: '',
      noticeHours: 48,
      sharing: [],
      goals: [],
      roles: {},
    },
    acceptances: {},
    steps: Object.fromEntries(members.map((m) => [m, 'duration' as const])),
    inForce: undefined,
    lastChange: undefined,
    stepVersions: {},
  };
}

export function applyCommand(a: Agreement, cmd: AgreementCommand, ctx: CommandContext): Outcome {
  const me = ctx.actor.id;
  if (!membersOf(a).includes(me)) {
    throw new PolkuError('forbidden', 'Only the pair’s members can act on its agreement', {
      code: 'not_pair_member',
    });
  }
  switch (cmd.kind) {
    case 'back':
      return moved(a, me, neighbour(cmd.step, -1));
    case 'go-to':
      return moved(a, me, cmd.step);
    case 'save-step':
      return saveStep(a, cmd, ctx);
    case 'accept':
      return accept(a, cmd, ctx);
    case 'reopen':
      return reopen(a, cmd, ctx);
  }
}

function saveStep(
  a: Agreement,
  cmd: Extract<AgreementCommand, { kind: 'save-step' }>,
  ctx: CommandContext,
): Outcome {
  const me = ctx.actor.id;
  const terms = applyStep(a.terms, cmd.step, cmd.values, { ...ctx, members: membersOf(a) });
  const next = neighbour(cmd.step, 1);
  // The values are already the agreement's (a repeated invoke, or nothing edited): just move on.
  if (sameTerms(terms, a.terms)) return moved(a, me, next);
  // An older card is stale only when this step changed since it was shown; a change to another step (the
  // partner saving theirs at the same moment) stays, and this one is applied on top of it.
  const stepChanged = a.stepVersions ? (a.stepVersions[cmd.step] ?? 0) : a.version;
  if (cmd.version > a.version || (cmd.version < a.version && stepChanged > cmd.version))
    return { result: 'stale', agreement: a, changedBy: a.lastChange };
  const version = a.version + 1;
  return {
    result: 'changed',
    nowInForce: false,
    agreement: {
      ...a,
      version,
      terms,
      steps: { ...a.steps, [me]: next },
      lastChange: { by: me, byName: ctx.actor.name, at: ctx.now.toISOString(), version },
      // An agreement from before stepVersions counts every step as changed in its current version.
      stepVersions: { ...(a.stepVersions ?? everyStep(a.version)), [cmd.step]: version },
    },
  };
}

function accept(
  a: Agreement,
  cmd: Extract<AgreementCommand, { kind: 'accept' }>,
  ctx: CommandContext,
): Outcome {
  const me = ctx.actor.id;
  if (a.acceptances[me]?.version === a.version && cmd.version <= a.version)
    return { result: 'no-op', agreement: a };
  if (cmd.version !== a.version) return { result: 'stale', agreement: a, changedBy: a.lastChange };
  if (!cmd.confidentiality) {
    throw new ValidationError('Accept the confidentiality statement to accept the agreement', {
      field: 'confidentiality',
      rule: 'required',
    });
  }
  if (a.terms.goals.length === 0) {
    throw new ValidationError('The agreement needs at least one goal', { field: 'goal1', rule: 'required' });
  }
  const at = ctx.now.toISOString();
  const acceptances = { ...a.acceptances, [me]: { version: a.version, at } };
  const everyone = membersOf(a).every((m) => acceptances[m]?.version === a.version);
  return {
    result: 'changed',
    nowInForce: everyone,
    agreement: {
      ...a,
      acceptances,
      steps: { ...a.steps, [me]: 'review' },
      inForce: everyone ? { version: a.version, at, terms: a.terms } : a.inForce,
    },
  };
}

/** Reopening (at the checkpoint, say) starts a new version; the old one stays in force until the new one is accepted. */
function reopen(
  a: Agreement,
  cmd: Extract<AgreementCommand, { kind: 'reopen' }>,
  ctx: CommandContext,
): Outcome {
  if (a.inForce?.version !== a.version) {
    if (cmd.version < a.version) return { result: 'no-op', agreement: a };
    throw new PolkuError('conflict', 'Only an agreement in force can be reopened', { code: 'not_in_force' });
  }
  if (cmd.version !== a.version) return { result: 'stale', agreement: a, changedBy: a.lastChange };
  const version = a.version + 1;
  return {
    result: 'changed',
    nowInForce: false,
    agreement: {
      ...a,
      version,
      steps: Object.fromEntries(membersOf(a).map((m) => [m, 'review' as const])),
      lastChange: { by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now.toISOString(), version },
      // A new phase: every card from before it is stale.
      stepVersions: everyStep(version),
    },
  };
}

function everyStep(version: number): Partial<Record<AgreementStep, number>> {
  return Object.fromEntries(AGREEMENT_STEPS.map((s) => [s, version]));
}

function moved(a: Agreement, member: string, step: AgreementStep): Outcome {
  if (a.steps[member] === step) return { result: 'no-op', agreement: a };
  return { result: 'moved', agreement: { ...a, steps: { ...a.steps, [member]: step } } };
}

function neighbour(step: AgreementStep, delta: 1 | -1): AgreementStep {
  const i = AGREEMENT_STEPS.indexOf(step);
  return AGREEMENT_STEPS[Math.min(Math.max(i + delta, 0), AGREEMENT_STEPS.length - 1)] as AgreementStep;
}

/** Terms are plain JSON data; key order is fixed by construction, so comparing their JSON is exact. */
export function sameTerms(x: AgreementTerms, y: AgreementTerms): boolean {
  return JSON.stringify(normalise(x)) === JSON.stringify(normalise(y));
}

function normalise(t: AgreementTerms): AgreementTerms {
  return {
    duration: t.duration,
    checkpoint: t.checkpoint,
    cadenceWeeks: t.cadenceWeeks,
    meetingMinutes: t.meetingMinutes,
    place: t.place,
    preparation: t.preparation,
    betweenMeetings: t.betweenMeetings,
    noticeHours: t.noticeHours,
    sharing: [...t.sharing].sort(),
    goals: t.goals.map((g) => ({ text: g.text, tags: [...g.tags].sort() })),
    roles: Object.fromEntries(Object.entries(t.roles).sort(([a], [b]) => a.localeCompare(b))),
  };
}
