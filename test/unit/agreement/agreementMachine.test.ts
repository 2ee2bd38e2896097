import assert from 'node:assert/strict';
import {
  type AgreementCommand,
  applyCommand,
  type CommandContext,
  startAgreement,
} from '../../../bot/src/domain/agreement/agreementMachine';
import { type Agreement, agreementStatus } from '../../../bot/src/domain/agreement/agreementTypes';
import { PolkuError, ValidationError } from '../../../bot/src/domain/errors';

const MENTOR = 'm';
const AKTORI = 'a';
const now = new Date('2026-11-22T10:00:00Z');
const defaults = {
  firstPhaseMeetings: 3,
  cadenceWeeks: 4 as const,
  meetingMinutes: 60 as const,
  nudgeLeadHours: 24,
  nudgeAktori: false,
};

function fresh(options: { quick?: boolean; aktoris?: string[] } = {}): Agreement {
  return startAgreement({
    pairId: 'p1',
    programmeId: 'prog',
    tenantId: 't',
    mentorId: MENTOR,
    aktoriIds: options.aktoris ?? [AKTORI],
    quick: options.quick ?? false,
    defaults,
  });
}

function ctx(actor: string, extra: Partial<CommandContext> = {}): CommandContext {
  return {
    actor: { id: actor, name: actor === MENTOR ? 'Aino' : 'Ville' },
    now,
    today: '2026-11-22',
    quick: false,
    peer: false,
    allowedTags: ['theme:career', 'area:Asiakaskokemus'],
    ...extra,
  };
}

function run(a: Agreement, actor: string, cmd: AgreementCommand, extra: Partial<CommandContext> = {}) {
  return applyCommand(a, cmd, ctx(actor, extra));
}

const goals = (a: Agreement, actor = AKTORI) =>
  run(a, actor, {
    kind: 'save-step',
    step: 'goals',
    version: a.version,
    values: { goal1: 'Oppia muutosjohtamista' },
  }).agreement;

const accept = (a: Agreement, actor: string, version = a.version) =>
  run(a, actor, { kind: 'accept', version, confidentiality: true });

describe('agreement state machine', () => {
  it('starts from the programme’s defaults, everyone at the first step, nothing in force', () => {
    const a = fresh();
    assert.equal(a.version, 1);
    assert.deepEqual(a.terms.duration, { kind: 'meetings', meetings: 3 });
    assert.equal(a.terms.checkpoint, true);
    assert.deepEqual(a.steps, { m: 'duration', a: 'duration' });
    assert.equal(agreementStatus(a), 'drafting');
    const quick = fresh({ quick: true });
    assert.deepEqual(
      [quick.terms.duration, quick.terms.checkpoint],
      [{ kind: 'meetings', meetings: 1 }, false],
    );
  });

  it('a changed step makes a new version and moves the member on; the same values again only move', () => {
    const a = fresh();
    const changed = run(a, MENTOR, {
      kind: 'save-step',
      step: 'duration',
      version: 1,
      values: { durationKind: 'meetings', meetings: '4' },
    });
    assert.equal(changed.result, 'changed');
    assert.equal(changed.agreement.version, 2);
    assert.equal(changed.agreement.steps.m, 'rules');
    assert.deepEqual(changed.agreement.lastChange, {
      by: MENTOR,
      byName: 'Aino',
      at: now.toISOString(),
      version: 2,
    });
    const same = run(changed.agreement, AKTORI, {
      kind: 'save-step',
      step: 'duration',
      version: 2,
      values: { meetings: '4' },
    });
    assert.equal(same.result, 'moved');
    assert.equal(same.agreement.version, 2);
  });

  it('a repeated invoke (same values, old version) is a no-op, not a conflict', () => {
    const a = fresh();
    const cmd: AgreementCommand = {
      kind: 'save-step',
      step: 'duration',
      version: 1,
      values: { meetings: '5' },
    };
    const first = run(a, MENTOR, cmd).agreement;
    const second = run(first, MENTOR, cmd);
    assert.equal(second.result, 'no-op');
    assert.equal(second.agreement, first);
  });

  it('a different change from a stale card is refused as stale, naming who changed it', () => {
    const a = fresh();
    const byMentor = run(a, MENTOR, {
      kind: 'save-step',
      step: 'duration',
      version: 1,
      values: { meetings: '5' },
    }).agreement;
    const late = run(byMentor, AKTORI, {
      kind: 'save-step',
      step: 'duration',
      version: 1,
      values: { meetings: '2' },
    });
    assert.equal(late.result, 'stale');
    assert.equal(late.agreement, byMentor, 'nothing changed');
    assert.equal(late.result === 'stale' && late.changedBy?.byName, 'Aino');
  });

  it('a change to another step from a card older than the agreement is kept alongside (both members saved at once)', () => {
    const a = fresh();
    const byMentor = run(a, MENTOR, {
      kind: 'save-step',
      step: 'duration',
      version: 1,
      values: { meetings: '5' },
    }).agreement;
    const alongside = run(byMentor, AKTORI, {
      kind: 'save-step',
      step: 'rules',
      version: 1,
      values: { cadenceWeeks: '2', meetingMinutes: '60', place: 'teams', noticeHours: '48' },
    });
    assert.equal(alongside.result, 'changed');
    assert.equal(alongside.agreement.version, 3);
    assert.deepEqual(
      alongside.agreement.terms.duration,
      byMentor.terms.duration,
      'the mentor’s change stays',
    );
    assert.equal(alongside.agreement.terms.cadenceWeeks, 2);
    // The mentor's older card for the step the aktori just changed is stale now.
    const late = run(alongside.agreement, MENTOR, {
      kind: 'save-step',
      step: 'rules',
      version: 2,
      values: { cadenceWeeks: '6', meetingMinutes: '60', place: 'teams', noticeHours: '48' },
    });
    assert.equal(late.result, 'stale');
  });

  it('is in force only when every member accepted the same version', () => {
    let a = goals(fresh());
    const first = accept(a, MENTOR);
    assert.equal(first.result === 'changed' && first.nowInForce, false);
    a = first.agreement;
    assert.equal(agreementStatus(a), 'drafting');
    const second = accept(a, AKTORI);
    assert.equal(second.result === 'changed' && second.nowInForce, true);
    a = second.agreement;
    assert.equal(agreementStatus(a), 'in-force');
    assert.equal(a.inForce?.version, a.version);
  });

  it('a change after someone accepted needs everyone to accept again', () => {
    let a = goals(fresh());
    a = accept(a, MENTOR).agreement;
    a = run(a, AKTORI, {
      kind: 'save-step',
      step: 'rules',
      version: a.version,
      values: { meetingMinutes: '45' },
    }).agreement;
    a = accept(a, AKTORI).agreement;
    assert.equal(agreementStatus(a), 'drafting', 'the mentor accepted an older version');
    a = accept(a, MENTOR).agreement;
    assert.equal(agreementStatus(a), 'in-force');
    assert.equal(a.inForce?.terms.meetingMinutes, 45);
  });

  it('accepting twice is a no-op; accepting from a stale card is stale', () => {
    let a = goals(fresh());
    a = accept(a, MENTOR).agreement;
    assert.equal(accept(a, MENTOR).result, 'no-op');
    const changed = run(a, AKTORI, {
      kind: 'save-step',
      step: 'rules',
      version: a.version,
      values: { place: 'either' },
    }).agreement;
    assert.equal(accept(changed, MENTOR, a.version).result, 'stale');
  });

  it('refuses acceptance without the confidentiality statement, or without a goal', () => {
    const a = fresh();
    assert.throws(
      () => run(goals(a), MENTOR, { kind: 'accept', version: 2, confidentiality: false }),
      ValidationError,
    );
    assert.throws(
      () => accept(a, MENTOR),
      (e: unknown) => e instanceof ValidationError && e.violation?.field === 'goal1',
    );
  });

  it('reopens an agreement in force as a new version; the old one stays in force until accepted again', () => {
    let a = goals(fresh());
    a = accept(accept(a, MENTOR).agreement, AKTORI).agreement;
    const inForce = a.inForce;
    const reopened = run(a, AKTORI, { kind: 'reopen', version: a.version });
    assert.equal(reopened.result, 'changed');
    a = reopened.agreement;
    assert.equal(agreementStatus(a), 'reopened');
    assert.deepEqual(a.inForce, inForce);
    assert.deepEqual(a.steps, { m: 'review', a: 'review' });
    assert.equal(
      run(a, AKTORI, { kind: 'reopen', version: a.version - 1 }).result,
      'no-op',
      'a repeated reopen',
    );
    assert.throws(
      () => run(fresh(), MENTOR, { kind: 'reopen', version: 1 }),
      (e: unknown) => e instanceof PolkuError && e.code === 'not_in_force',
    );
  });

  it('moves back and to a step without changing anything', () => {
    const a = fresh();
    const back = run({ ...a, steps: { ...a.steps, m: 'rules' } }, MENTOR, { kind: 'back', step: 'rules' });
    assert.equal(back.agreement.steps.m, 'duration');
    assert.equal(back.agreement.version, 1);
    assert.equal(
      run(a, MENTOR, { kind: 'back', step: 'duration' }).result,
      'no-op',
      'nothing before the first step',
    );
    assert.equal(run(a, MENTOR, { kind: 'go-to', step: 'review' }).agreement.steps.m, 'review');
  });

  it('refuses anyone outside the pair, whatever they send', () => {
    const a = fresh();
    for (const cmd of [
      { kind: 'back', step: 'rules' },
      { kind: 'save-step', step: 'goals', version: 1, values: { goal1: 'x' } },
      { kind: 'accept', version: 1, confidentiality: true },
      { kind: 'reopen', version: 1 },
    ] as AgreementCommand[]) {
      assert.throws(
        () => run(a, 'stranger', cmd),
        (e: unknown) => e instanceof PolkuError && e.code === 'not_pair_member',
      );
    }
  });

  it('needs everyone in a group to accept', () => {
    let a = goals(fresh({ aktoris: ['a1', 'a2'] }), 'a1');
    a = accept(accept(a, MENTOR).agreement, 'a1').agreement;
    assert.equal(agreementStatus(a), 'drafting');
    a = accept(a, 'a2').agreement;
    assert.equal(agreementStatus(a), 'in-force');
  });
});

describe('agreement steps: input rules', () => {
  const a = fresh();
  const save = (step: AgreementCommand & { kind: 'save-step' }, extra: Partial<CommandContext> = {}) =>
    run(a, MENTOR, step, extra);
  const refused = (
    step: 'duration' | 'rules' | 'confidentiality' | 'goals',
    values: unknown,
    field: string,
    rule: string,
    extra: Partial<CommandContext> = {},
  ) =>
    assert.throws(
      () => save({ kind: 'save-step', step, version: 1, values }, extra),
      (e: unknown) =>
        e instanceof ValidationError && e.violation?.field === field && e.violation.rule === rule,
      `${step} ${JSON.stringify(values)}`,
    );

  it('duration: 2–5 meetings, or an end date within 12 months; quick: 1–2, no checkpoint', () => {
    refused('duration', { meetings: '6' }, 'meetings', 'range');
    refused('duration', { meetings: '1' }, 'meetings', 'range');
    refused('duration', { durationKind: 'until', endDate: '2026-11-01' }, 'endDate', 'in-past');
    refused('duration', { durationKind: 'until', endDate: '2028-01-01' }, 'endDate', 'range');
    refused('duration', { durationKind: 'until' }, 'endDate', 'required');
    refused('duration', { durationKind: 'until', endDate: '2027-02-30' }, 'endDate', 'format');
    const until = save({
      kind: 'save-step',
      step: 'duration',
      version: 1,
      values: { durationKind: 'until', endDate: '2027-06-30' },
    });
    assert.deepEqual(until.agreement.terms.duration, { kind: 'until', endDate: '2027-06-30' });
    refused('duration', { meetings: '3' }, 'meetings', 'range', { quick: true });
    const quick = save(
      { kind: 'save-step', step: 'duration', version: 1, values: { durationKind: 'until', meetings: '2' } },
      { quick: true },
    );
    assert.deepEqual(
      [quick.agreement.terms.duration, quick.agreement.terms.checkpoint],
      [{ kind: 'meetings', meetings: 2 }, false],
    );
  });

  it('rules: 45 or 60 minutes and nothing else; known cadences, places and notice; bounded texts', () => {
    refused('rules', { meetingMinutes: '30' }, 'meetingMinutes', 'not-allowed');
    refused('rules', { meetingMinutes: '90' }, 'meetingMinutes', 'not-allowed');
    refused('rules', { cadenceWeeks: '5' }, 'cadenceWeeks', 'not-allowed');
    refused('rules', { place: 'pub' }, 'place', 'not-allowed');
    refused('rules', { noticeHours: '1' }, 'noticeHours', 'not-allowed');
    refused('rules', { preparation: 'x'.repeat(301) }, 'preparation', 'too-long');
    refused('rules', { betweenMeetings: 'x'.repeat(301) }, 'betweenMeetings', 'too-long');
  });

  it('confidentiality: only the known sharing options', () => {
    refused('confidentiality', { sharing: 'everything' }, 'sharing', 'not-allowed');
    const ok = save({
      kind: 'save-step',
      step: 'confidentiality',
      version: 1,
      values: { sharing: 'unit-ideas,approved-learnings' },
    });
    assert.deepEqual([...ok.agreement.terms.sharing].sort(), ['approved-learnings', 'unit-ideas']);
  });

  it('goals: one or two, each at most 200 characters, tags from the programme', () => {
    refused('goals', {}, 'goal1', 'required');
    refused('goals', { goal1: '   ' }, 'goal1', 'required');
    refused('goals', { goal1: 'x'.repeat(201) }, 'goal1', 'too-long');
    refused('goals', { goal1: 'a', goal2: 'b', goal3: 'c' }, 'goals', 'too-many');
    refused('goals', { goal1: 'a', goals: ['a', 'b', 'c'] }, 'goals', 'too-many');
    refused('goals', { goal1: 'a', goalTags1: 'theme:unknown' }, 'goalTags1', 'not-allowed');
    const ok = save({
      kind: 'save-step',
      step: 'goals',
      version: 1,
      values: { goal1: ' Oppia ', goal2: '', goalTags1: 'theme:career' },
    });
    assert.deepEqual(ok.agreement.terms.goals, [{ text: 'Oppia', tags: ['theme:career'] }]);
  });

  it('peer roles are read per member only in peer mentoring', () => {
    const peer = save(
      {
        kind: 'save-step',
        step: 'goals',
        version: 1,
        values: { goal1: 'x', role_m: 'Data', role_a: 'UX', role_z: 'no' },
      },
      { peer: true },
    );
    assert.deepEqual(peer.agreement.terms.roles, { m: 'Data', a: 'UX' });
    const pair = save({
      kind: 'save-step',
      step: 'goals',
      version: 1,
      values: { goal1: 'x', role_m: 'Data' },
    });
    assert.deepEqual(pair.agreement.terms.roles, {});
  });
});
