/** The agreement cards: valid in every language, asking for exactly what applyStep reads, and saying what they should. */
import assert from 'node:assert/strict';
import {
  applyCommand,
  type CommandContext,
  sameTerms,
  startAgreement,
} from '../../../bot/src/domain/agreement/agreementMachine';
import type { Agreement, AgreementStep } from '../../../bot/src/domain/agreement/agreementTypes';
import { membersOf } from '../../../bot/src/domain/agreement/agreementTypes';
import { applyStep, type StepContext } from '../../../bot/src/domain/agreement/parseAgreementStep';
import type { Programme } from '../../../bot/src/domain/programme/programme';
import { topicTags } from '../../../bot/src/domain/programme/volunteer';
import { LOCALES, type Locale } from '../../../bot/src/i18n/locale';
import { type AdaptiveCard, plain } from '../../../bot/src/teams/cards/adaptiveCard';
import { agreementInForceCard } from '../../../bot/src/teams/cards/agreementInForceCard';
import { agreementListCard } from '../../../bot/src/teams/cards/agreementListCard';
import {
  type AgreementNotice,
  agreementStepCard,
  NUMBERED_STEPS,
} from '../../../bot/src/teams/cards/agreementStepCard';
import { agreementSummary } from '../../../bot/src/teams/cards/agreementSummary';
import {
  actions,
  allNodes,
  byteSize,
  cardProblems,
  elementsOfType,
  inputs,
  visibleText,
} from '../../support/adaptiveCards';
import { aktori, cohort, mentor, nonstop, PROGRAMME_ID, pair, quick } from './cardFixtures';

const TODAY = '2027-02-01';
const NOW = new Date('2027-02-01T10:00:00Z');
const MENTOR = mentor.userId;
const AKTORI = aktori.userId;
const names = pair.names;
const peerProgramme: Programme = { ...cohort, form: 'peer' };
const groupNames = { ...names, 'user-eeva': 'Eeva', 'user-mikko': 'Mikko' };

/** Markdown on purpose: every bit of it must reach the card escaped. */
const PREPARATION = '**Ville** sends [topics](https://evil.example) ahead\n- one\n1. two';
const GOAL1 = '# Learn _facilitation_ [x](https://evil.example)';
const GOAL2 = 'Understand the `budget` process';

function ctxFor(a: Agreement, programme: Programme, actorId: string): CommandContext {
  return {
    today: TODAY,
    quick: a.quick,
    peer: programme.form === 'peer',
    allowedTags: topicTags(programme),
    actor: { id: actorId, name: groupNames[actorId as keyof typeof groupNames] ?? actorId },
    now: NOW,
  };
}

function stepCtx(a: Agreement, programme: Programme): StepContext {
  return {
    today: TODAY,
    quick: a.quick,
    peer: programme.form === 'peer',
    members: membersOf(a),
    allowedTags: topicTags(programme),
  };
}

function start(programme: Programme, aktoriIds: readonly string[] = [AKTORI]): Agreement {
  return startAgreement({
    pairId: pair.id,
    programmeId: programme.id,
    tenantId: programme.tenantId,
    mentorId: MENTOR,
    aktoriIds,
    quick: programme.form === 'quick',
    defaults: programme.defaults,
  });
}

function save(
  a: Agreement,
  programme: Programme,
  by: string,
  step: AgreementStep,
  values: object,
): Agreement {
  const outcome = applyCommand(
    a,
    { kind: 'save-step', step, values, version: a.version },
    ctxFor(a, programme, by),
  );
  assert.equal(outcome.result, 'changed', `save ${step}`);
  return outcome.agreement;
}

function accept(a: Agreement, programme: Programme, by: string): Agreement {
  const outcome = applyCommand(
    a,
    { kind: 'accept', version: a.version, confidentiality: true },
    ctxFor(a, programme, by),
  );
  assert.equal(outcome.result, 'changed', `accept by ${by}`);
  return outcome.agreement;
}

function withEverything(a: Agreement, programme: Programme, tags: readonly string[]): Agreement {
  let next = save(a, programme, MENTOR, 'rules', {
    cadenceWeeks: '3',
    meetingMinutes: '45',
    place: 'either',
    preparation: PREPARATION,
    betweenMeetings: 'Try one thing',
    noticeHours: '72',
  });
  next = save(next, programme, AKTORI, 'confidentiality', { sharing: 'approved-learnings,unit-ideas' });
  const roles =
    programme.form === 'peer' ? { [`role_${MENTOR}`]: 'Budgets', [`role_${AKTORI}`]: '**Teams** tips' } : {};
  return save(next, programme, AKTORI, 'goals', {
    goal1: GOAL1,
    goalTags1: tags.slice(0, 2).join(','),
    goal2: GOAL2,
    goalTags2: tags.slice(2, 3).join(','),
    ...roles,
  });
}

const drafting = start(cohort);
const agreed = withEverything(drafting, cohort, topicTags(cohort));
const oneAccepted = accept(agreed, cohort, MENTOR);
const inForce = accept(oneAccepted, cohort, AKTORI);
const reopenedOutcome = applyCommand(
  inForce,
  { kind: 'reopen', version: inForce.version },
  ctxFor(inForce, cohort, AKTORI),
);
const reopened = reopenedOutcome.agreement;
const until = save(agreed, cohort, MENTOR, 'duration', { durationKind: 'until', endDate: '2027-11-30' });
const quickDrafting = start(quick);
const quickAgreed = withEverything(quickDrafting, quick, topicTags(quick));
const peerAgreed = withEverything(start(peerProgramme), peerProgramme, topicTags(peerProgramme));
const groupDrafting = start(nonstop, [AKTORI, 'user-eeva', 'user-mikko']);

interface Case {
  readonly name: string;
  readonly agreement: Agreement;
  readonly programme: Programme;
  readonly names: Readonly<Record<string, string>>;
}

const CASES: readonly Case[] = [
  { name: 'drafting', agreement: drafting, programme: cohort, names },
  { name: 'agreed', agreement: agreed, programme: cohort, names },
  { name: 'one accepted', agreement: oneAccepted, programme: cohort, names },
  { name: 'in force', agreement: inForce, programme: cohort, names },
  { name: 'reopened', agreement: reopened, programme: cohort, names },
  { name: 'until a date', agreement: until, programme: cohort, names },
  { name: 'quick', agreement: quickAgreed, programme: quick, names },
  { name: 'quick drafting', agreement: quickDrafting, programme: quick, names },
  { name: 'peer', agreement: peerAgreed, programme: peerProgramme, names },
  { name: 'group', agreement: groupDrafting, programme: nonstop, names: groupNames },
];

const ALL_STEPS: readonly AgreementStep[] = [...NUMBERED_STEPS, 'review'];

function stepCard(c: Case, step: AgreementStep, locale: Locale, viewerId = AKTORI, notice?: AgreementNotice) {
  return agreementStepCard({
    agreement: c.agreement,
    programme: c.programme,
    names: c.names,
    viewerId,
    step,
    locale,
    ...(notice ? { notice } : {}),
  });
}

function everyCard(locale: Locale): Array<[string, AdaptiveCard]> {
  const cards: Array<[string, AdaptiveCard]> = [];
  for (const c of CASES) {
    for (const step of ALL_STEPS) {
      for (const viewer of [MENTOR, AKTORI]) {
        cards.push([`${c.name} ${step} to ${viewer}`, stepCard(c, step, locale, viewer)]);
      }
    }
    cards.push([
      `${c.name} in force card`,
      agreementInForceCard(c.agreement, c.programme, c.names, AKTORI, locale),
    ]);
  }
  cards.push(
    [
      'stale notice',
      stepCard(CASES[1] as Case, 'rules', locale, AKTORI, { kind: 'stale', byName: 'Aino **Virtanen**' }),
    ],
    [
      'problem notice with a draft',
      agreementStepCard({
        agreement: agreed,
        programme: cohort,
        names,
        viewerId: AKTORI,
        step: 'goals',
        locale,
        notice: { kind: 'problem', message: 'Tavoite 1 puuttuu.' },
        draft: { goal1: '', goal2: 'x'.repeat(300), goalTags1: 'theme:career,nope' },
      }),
    ],
    [
      'info notice',
      stepCard(CASES[0] as Case, 'duration', locale, AKTORI, { kind: 'info', message: 'Saved.' }),
    ],
    ['in force to someone else', agreementInForceCard(inForce, cohort, names, 'owner-1', locale)],
    ['review to someone else', stepCard(CASES[2] as Case, 'review', locale, 'owner-1')],
    ['list empty', agreementListCard([], locale)],
    [
      'list of two',
      agreementListCard(
        [
          {
            pairId: pair.id,
            programmeId: cohort.id,
            programmeName: cohort.name,
            partnerNames: [aktori.name],
            status: 'drafting',
          },
          {
            pairId: 'p1123456789abcdef',
            programmeId: nonstop.id,
            programmeName: nonstop.name,
            partnerNames: ['Eeva', ''],
            status: 'reopened',
          },
        ],
        locale,
      ),
    ],
  );
  return cards;
}

/** What Teams would send for the card's inputs as they are prefilled: strings, and "" for empty ones. */
function defaultValues(json: AdaptiveCard): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [id, input] of inputs(json)) {
    if (input.type === 'Input.Toggle') continue;
    values[id] = input.value === undefined ? '' : String(input.value);
  }
  return values;
}

/** A different valid value for one input, to show that applyStep reads it. */
function otherValue(input: Record<string, unknown>): string {
  const current = input.value === undefined ? '' : String(input.value);
  switch (input.type) {
    case 'Input.ChoiceSet': {
      const choices = (input.choices as { value: string }[]).map((c) => c.value);
      if (input.isMultiSelect) return current === '' ? (choices[0] as string) : '';
      return choices.find((v) => v !== current) as string;
    }
    case 'Input.Number':
      return String(Number(current) === Number(input.min) ? Number(input.max) : Number(input.min));
    case 'Input.Date':
      return current === '2027-06-30' ? '2027-07-31' : '2027-06-30';
    default:
      return current === 'Something else entirely' ? 'Another thing' : 'Something else entirely';
  }
}

describe('agreement cards', () => {
  for (const locale of LOCALES) {
    it(`are valid 1.5 cards in ${locale}: wrapped, labelled, limited, no placeholder left`, () => {
      for (const [name, json] of everyCard(locale)) {
        assert.deepEqual(cardProblems(json), [], name);
        assert.equal(json.version, '1.5', name);
        assert.equal(json.lang, locale, name);
        for (const block of elementsOfType(json, 'TextBlock'))
          assert.equal(block.wrap, true, `${name}: ${block.text}`);
        for (const [id, input] of inputs(json)) {
          assert.ok(typeof input.label === 'string' && input.label.length > 0, `${name}: ${id} has a label`);
          if (input.isRequired) assert.ok(input.errorMessage, `${name}: ${id} has an error message`);
          if (input.type === 'Input.Text')
            assert.ok(typeof input.maxLength === 'number', `${name}: ${id} has maxLength`);
        }
        for (const action of actions(json)) {
          assert.equal(action.type, 'Action.Execute', name);
          assert.ok(typeof action.verb === 'string' && typeof action.data === 'object', name);
          assert.ok(typeof action.title === 'string' && action.title.length > 0, name);
        }
        assert.ok(byteSize(json) < 40_000, name);
        const text = visibleText(json);
        assert.doesNotMatch(text, /\{\w+\}/, `${name}: no placeholder left unfilled`);
        if (locale !== 'fi') assert.doesNotMatch(text, /aktori/i, `${name}: ${locale} says mentee/adept`);
      }
    });
  }

  it('are in three different languages', () => {
    const [fi, sv, en] = LOCALES.map((l) => everyCard(l).map(([, json]) => visibleText(json)));
    fi?.forEach((text, i) => {
      assert.notEqual(text, sv?.[i]);
      assert.notEqual(text, en?.[i]);
      assert.notEqual(sv?.[i], en?.[i]);
    });
  });
});

describe('agreementStepCard inputs and applyStep', () => {
  const stepCases = CASES.filter(
    (c) => c.name !== 'drafting' && c.name !== 'quick drafting' && c.name !== 'group',
  );

  it('round trip: the prefilled values of every step card give back the same terms', () => {
    for (const c of stepCases) {
      for (const step of NUMBERED_STEPS) {
        for (const locale of LOCALES) {
          const json = stepCard(c, step, locale);
          const terms = applyStep(
            c.agreement.terms,
            step,
            defaultValues(json),
            stepCtx(c.agreement, c.programme),
          );
          assert.ok(sameTerms(terms, c.agreement.terms), `${c.name} ${step} ${locale}`);
        }
      }
    }
  });

  it('round trip from a new agreement: the defaults are accepted once the one required goal is written', () => {
    for (const c of CASES.filter((x) => ['drafting', 'quick drafting', 'group'].includes(x.name))) {
      let terms = c.agreement.terms;
      for (const step of NUMBERED_STEPS) {
        const json = stepCard(c, step, 'fi');
        const values = defaultValues(json);
        for (const [id, input] of inputs(json))
          if (input.isRequired && values[id] === '') values[id] = 'Oppia';
        terms = applyStep(terms, step, values, stepCtx(c.agreement, c.programme));
      }
      assert.deepEqual(terms.goals, [{ text: 'Oppia', tags: [] }], c.name);
      assert.deepEqual(terms.duration, c.agreement.terms.duration, c.name);
      assert.equal(terms.cadenceWeeks, c.agreement.terms.cadenceWeeks, c.name);
    }
  });

  it('every input on a step card is one applyStep reads: changing it changes the terms', () => {
    for (const c of stepCases.filter((x) => x.name !== 'until a date')) {
      for (const step of NUMBERED_STEPS) {
        const json = stepCard(c, step, 'en');
        const base = defaultValues(json);
        const ids = [...inputs(json).keys()];
        assert.ok(ids.length > 0, `${c.name} ${step} asks something`);
        for (const [id, input] of inputs(json)) {
          const values: Record<string, unknown> = { ...base, [id]: otherValue(input) };
          // An end date counts only with "until a date", and "until a date" needs one.
          if (id === 'endDate' || id === 'durationKind')
            Object.assign(values, { durationKind: 'until', endDate: '2027-06-30' });
          const terms = applyStep(c.agreement.terms, step, values, stepCtx(c.agreement, c.programme));
          assert.ok(!sameTerms(terms, c.agreement.terms), `${c.name} ${step}: ${id} is read`);
        }
      }
    }
  });

  it('asks the fields of each step under the ids applyStep reads', () => {
    const ids = (c: Case, step: AgreementStep) => [...inputs(stepCard(c, step, 'en')).keys()].sort();
    const pairCase = CASES[1] as Case;
    assert.deepEqual(ids(pairCase, 'duration'), ['durationKind', 'endDate', 'meetings']);
    assert.deepEqual(ids(pairCase, 'rules'), [
      'betweenMeetings',
      'cadenceWeeks',
      'meetingMinutes',
      'noticeHours',
      'place',
      'preparation',
    ]);
    assert.deepEqual(ids(pairCase, 'confidentiality'), ['sharing']);
    assert.deepEqual(ids(pairCase, 'goals'), ['goal1', 'goal2', 'goalTags1', 'goalTags2']);
    const peerCase = CASES.find((c) => c.name === 'peer') as Case;
    assert.deepEqual(ids(peerCase, 'goals'), [
      'goal1',
      'goal2',
      'goalTags1',
      'goalTags2',
      ...[`role_${AKTORI}`, `role_${MENTOR}`].sort(),
    ]);
    const goals = inputs(stepCard(pairCase, 'goals', 'en'));
    assert.equal(goals.get('goal1')?.isRequired, true);
    assert.equal(goals.get('goal1')?.maxLength, 200);
    assert.equal(goals.get('goal2')?.isRequired, undefined);
    assert.equal(goals.get('goalTags1')?.style, 'compact');
    assert.equal(goals.get('goalTags1')?.isMultiSelect, true);
    assert.equal(inputs(stepCard(peerCase, 'goals', 'en')).get(`role_${MENTOR}`)?.maxLength, 100);
    const rules = inputs(stepCard(pairCase, 'rules', 'en'));
    assert.equal(rules.get('preparation')?.maxLength, 300);
    assert.equal(rules.get('preparation')?.isMultiline, true);
    assert.equal(rules.get('betweenMeetings')?.maxLength, 300);
    const choiceValues = (id: string) =>
      ((rules.get(id)?.choices as { value: string; title: string }[] | undefined) ?? []).map(
        (ch) => `${ch.value}=${ch.title}`,
      );
    assert.deepEqual(choiceValues('cadenceWeeks'), [
      '2=Every two weeks',
      '3=Every three weeks',
      '4=About once a month',
      '6=Every six weeks',
    ]);
    assert.deepEqual(choiceValues('meetingMinutes'), ['45=45 minutes', '60=60 minutes']);
    assert.deepEqual(choiceValues('noticeHours'), ['24=A day', '48=Two days', '72=Three days', '168=A week']);
    assert.deepEqual(choiceValues('place'), [
      'teams=On Teams',
      'in-person=In person',
      'either=Either, whichever suits',
    ]);
    const sharing = inputs(stepCard(pairCase, 'confidentiality', 'en')).get('sharing');
    assert.equal(sharing?.isMultiSelect, true);
    assert.equal(sharing?.style, 'expanded');
    assert.equal(sharing?.value, 'approved-learnings,unit-ideas');
  });

  it('prefills from the terms, and from the draft after a problem', () => {
    const rules = inputs(stepCard(CASES[1] as Case, 'rules', 'en'));
    assert.equal(rules.get('cadenceWeeks')?.value, '3');
    assert.equal(rules.get('meetingMinutes')?.value, '45');
    assert.equal(rules.get('place')?.value, 'either');
    assert.equal(rules.get('noticeHours')?.value, '72');
    assert.equal(rules.get('preparation')?.value, PREPARATION);
    const untilDuration = inputs(
      stepCard(CASES.find((c) => c.name === 'until a date') as Case, 'duration', 'en'),
    );
    assert.equal(untilDuration.get('durationKind')?.value, 'until');
    assert.equal(untilDuration.get('endDate')?.value, '2027-11-30');
    const json = agreementStepCard({
      agreement: agreed,
      programme: cohort,
      names,
      viewerId: AKTORI,
      step: 'goals',
      locale: 'en',
      notice: { kind: 'problem', message: 'Goal 1 is required.' },
      draft: { goal1: '', goal2: 'x'.repeat(300), goalTags1: 'theme:career,nope', pairId: pair.id },
    });
    const goals = inputs(json);
    assert.equal(goals.get('goal1')?.value, undefined, 'the emptied goal stays empty');
    assert.equal(goals.get('goal2')?.value, 'x'.repeat(200), 'clipped to maxLength');
    assert.equal(goals.get('goalTags1')?.value, 'theme:career', 'only available tags');
    const body = json.body as readonly { text?: string; color?: string }[];
    assert.equal(body[1]?.text, 'Goal 1 is required.');
    assert.equal(body[1]?.color, 'Attention');
  });
});

describe('agreementStepCard walkthrough', () => {
  const pairCase = CASES[1] as Case;

  it('shows the step and its number; the review is the summary, not numbered', () => {
    assert.match(visibleText(stepCard(pairCase, 'duration', 'en')), /Step 1 of 4: Duration/);
    assert.match(visibleText(stepCard(pairCase, 'rules', 'en')), /Step 2 of 4: Ground rules/);
    assert.match(visibleText(stepCard(pairCase, 'confidentiality', 'fi')), /Vaihe 3\/4: Luottamuksellisuus/);
    assert.match(visibleText(stepCard(pairCase, 'goals', 'sv')), /Steg 4 av 4: Mål/);
    const review = visibleText(stepCard(pairCase, 'review', 'en'));
    assert.match(review, /Summary: read it through and accept/);
    assert.doesNotMatch(review, /Step \d/);
  });

  it('has Next on every step with the version, and Back on all but the first', () => {
    for (const step of NUMBERED_STEPS) {
      const acts = actions(stepCard(pairCase, step, 'en'));
      const next = acts.find((a) => a.verb === 'agreement.save');
      assert.deepEqual(next?.data, {
        pairId: pair.id,
        programmeId: PROGRAMME_ID,
        step,
        version: agreed.version,
      });
      assert.equal(next?.associatedInputs, undefined, 'Next sends the inputs');
      const back = acts.find((a) => a.verb === 'agreement.back');
      if (step === 'duration') assert.equal(back, undefined, 'no Back on the first step');
      else {
        assert.deepEqual(back?.data, { pairId: pair.id, programmeId: PROGRAMME_ID, step });
        assert.equal(back?.associatedInputs, 'none');
      }
    }
  });

  it('says on the stale notice, at the top and in attention colour, who changed the agreement', () => {
    const json = stepCard(pairCase, 'rules', 'en', AKTORI, { kind: 'stale', byName: 'Aino **Virtanen**' });
    const first = json.body[1] as { text?: string; color?: string } | undefined;
    assert.equal(first?.color, 'Attention');
    assert.equal(
      first?.text,
      'This changed meanwhile: Aino \\*\\*Virtanen\\*\\* updated the agreement. Here is the current version.',
    );
    assert.match(
      visibleText(stepCard(pairCase, 'rules', 'fi', AKTORI, { kind: 'stale', byName: 'Aino' })),
      /Aino päivitti sopimusta/,
    );
  });

  it('explains the checkpoint for a normal agreement, with 2–5 meetings or an end date', () => {
    const json = stepCard(pairCase, 'duration', 'en');
    assert.match(visibleText(json), /then you decide together whether to continue/);
    assert.match(visibleText(json), /no more than 12 months ahead/);
    const meetings = inputs(json).get('meetings');
    assert.equal(meetings?.type, 'Input.Number');
    assert.equal(meetings?.min, 2);
    assert.equal(meetings?.max, 5);
    assert.equal(meetings?.value, 3);
    assert.equal(inputs(json).get('durationKind')?.value, 'meetings');
  });

  it('quick mentoring: one or two meetings, no end date and no checkpoint text anywhere', () => {
    const quickCase = CASES.find((c) => c.name === 'quick') as Case;
    const checkpoint = /whether to continue|checkpoint|jatkatteko|väliarvioin|fortsätter|avstämning/i;
    for (const locale of LOCALES) {
      for (const step of ALL_STEPS)
        assert.doesNotMatch(visibleText(stepCard(quickCase, step, locale)), checkpoint);
      assert.doesNotMatch(
        visibleText(agreementInForceCard(quickCase.agreement, quick, names, AKTORI, locale)),
        checkpoint,
      );
    }
    const duration = inputs(stepCard(quickCase, 'duration', 'en'));
    assert.deepEqual([...duration.keys()], ['meetings']);
    const meetings = duration.get('meetings');
    assert.deepEqual(
      ((meetings?.choices as { value: string }[] | undefined) ?? []).map((c) => c.value),
      ['1', '2'],
    );
    assert.equal(meetings?.value, '1');
    assert.throws(
      () => applyStep(quickAgreed.terms, 'duration', { meetings: '3' }, stepCtx(quickAgreed, quick)),
      /range|meetings/,
    );
  });

  it('names the members in the confidentiality statement and says how sharing and acceptance work', () => {
    const text = visibleText(stepCard(pairCase, 'confidentiality', 'en'));
    assert.match(
      text,
      /stays between you: Aino \\\*\\\*Virtanen\\\*\\\* and Ville \\\[Korhonen\\\]\\\(https:\/\/evil\.example\\\)/,
    );
    assert.match(text, /Learnings we both approve/);
    assert.match(text, /Ideas for the unit’s way of working/);
    assert.match(text, /If you tick nothing, nothing is shared/);
    assert.match(text, /accepts confidentiality explicitly on the summary/);
    const group = visibleText(
      stepCard(CASES.find((c) => c.name === 'group') as Case, 'confidentiality', 'en'),
    );
    assert.match(group, /Learnings we all approve/);
  });

  it('says on the goals card that the supervisor sees the goals and nothing else', () => {
    assert.match(
      visibleText(stepCard(pairCase, 'goals', 'en')),
      /Your supervisor will see these goals and nothing else\./,
    );
    assert.match(
      visibleText(stepCard(pairCase, 'goals', 'fi')),
      /Esihenkilösi näkee nämä tavoitteet eikä mitään muuta\./,
    );
    assert.match(
      visibleText(stepCard(pairCase, 'goals', 'sv')),
      /Din chef ser de här målen och inget annat\./,
    );
    assert.match(visibleText(stepCard(pairCase, 'goals', 'fi')), /Aktorin tavoitteet/);
  });

  it('asks peers who leads on which topic, naming each member in the label', () => {
    const peerCase = CASES.find((c) => c.name === 'peer') as Case;
    const ids = inputs(stepCard(peerCase, 'goals', 'en'));
    assert.equal(ids.get(`role_${MENTOR}`)?.label, `Topics ${mentor.name} leads on`);
    assert.equal(ids.get(`role_${AKTORI}`)?.value, '**Teams** tips');
    assert.ok(!inputs(stepCard(pairCase, 'goals', 'en')).has(`role_${MENTOR}`), 'only for peer mentoring');
  });
});

describe('agreementStepCard review', () => {
  const review = (a: Agreement, viewer: string, locale: Locale = 'en') =>
    agreementStepCard({ agreement: a, programme: cohort, names, viewerId: viewer, step: 'review', locale });

  it('offers accept with the confidentiality toggle to each member who has not accepted this version', () => {
    for (const viewer of [MENTOR, AKTORI]) {
      const json = review(agreed, viewer);
      const toggle = inputs(json).get('confidentiality');
      assert.equal(toggle?.type, 'Input.Toggle');
      assert.equal(toggle?.isRequired, true);
      assert.equal(toggle?.valueOn, 'true');
      assert.equal(toggle?.title, 'I keep what we discuss confidential');
      const acts = actions(json);
      const acceptAction = acts.find((a) => a.verb === 'agreement.accept');
      assert.deepEqual(acceptAction?.data, {
        pairId: pair.id,
        programmeId: PROGRAMME_ID,
        version: agreed.version,
      });
      assert.equal(acceptAction?.associatedInputs, undefined, 'the toggle is sent');
      const change = acts.find((a) => a.verb === 'agreement.goto');
      assert.deepEqual(change?.data, { pairId: pair.id, programmeId: PROGRAMME_ID, step: 'duration' });
      assert.equal(change?.associatedInputs, 'none');
      assert.equal(change?.title, 'Propose a change');
    }
  });

  it('does not offer accept to who already accepted: says so, and still offers a change', () => {
    const json = review(oneAccepted, MENTOR);
    assert.equal(inputs(json).has('confidentiality'), false);
    const acts = actions(json);
    assert.equal(
      acts.find((a) => a.verb === 'agreement.accept'),
      undefined,
    );
    assert.ok(
      acts.find((a) => a.verb === 'agreement.goto' && (a.data as { step: string }).step === 'duration'),
    );
    const text = visibleText(json);
    assert.match(text, /You have accepted this version/);
    assert.match(text, /still waiting for Ville \\\[Korhonen\\\]/);
    // The other member still sees accept.
    assert.ok(actions(review(oneAccepted, AKTORI)).find((a) => a.verb === 'agreement.accept'));
  });

  it('shows the version and who has and has not accepted it', () => {
    const text = visibleText(review(oneAccepted, AKTORI));
    assert.match(text, new RegExp(`Version ${oneAccepted.version}`));
    const facts = allNodes(review(oneAccepted, AKTORI)).filter(
      (n) => typeof n.title === 'string' && 'value' in n,
    );
    const fact = (title: string) => facts.find((f) => f.title === title)?.value;
    assert.equal(fact('Accepted'), 'Aino \\*\\*Virtanen\\*\\*');
    assert.equal(fact('Not yet accepted'), 'Ville \\[Korhonen\\]\\(https://evil.example\\)');
    const none = allNodes(review(agreed, AKTORI)).filter((n) => n.title === 'Accepted');
    assert.equal(none[0]?.value, 'Nobody yet');
  });

  it('asks for a goal before accepting when there is none', () => {
    const json = review(drafting, AKTORI);
    assert.equal(
      actions(json).find((a) => a.verb === 'agreement.accept'),
      undefined,
    );
    assert.deepEqual(actions(json).find((a) => (a.data as { step?: string }).step === 'goals')?.data, {
      pairId: pair.id,
      programmeId: PROGRAMME_ID,
      step: 'goals',
    });
    assert.match(visibleText(json), /Add at least one goal before accepting/);
  });

  it('offers nobody accept once everyone has accepted; a reopened one says the old stays in force', () => {
    for (const viewer of [MENTOR, AKTORI]) {
      assert.equal(
        actions(review(inForce, viewer)).find((a) => a.verb === 'agreement.accept'),
        undefined,
      );
    }
    assert.match(visibleText(review(inForce, AKTORI)), /Everyone has accepted this version/);
    const text = visibleText(review(reopened, AKTORI));
    assert.match(text, /the one accepted on 1 February 2027 stays in force/);
    assert.ok(actions(review(reopened, AKTORI)).find((a) => a.verb === 'agreement.accept'));
  });
});

describe('agreementSummary', () => {
  it('says the whole proposal in words, with what people typed escaped', () => {
    const json = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: agreementSummary(agreed.terms, cohort, names, 'en'),
    };
    const text = visibleText(json);
    assert.match(text, /Three meetings, then you decide together whether to continue/);
    assert.match(text, /Every three weeks/);
    assert.match(text, /45 minutes/);
    assert.match(text, /Either, whichever suits/);
    assert.match(text, /Three days/);
    assert.match(text, /Learnings we both approve and ideas for the unit’s way of working/);
    assert.ok(text.includes(plain(PREPARATION)), 'preparation is plain()');
    assert.ok(text.includes(plain(GOAL1)), 'goal 1 is plain()');
    assert.ok(text.includes(plain(GOAL2)), 'goal 2 is plain()');
    assert.ok(!text.includes(PREPARATION) && !text.includes(GOAL1), 'never raw');
    assert.match(text, /change management and data\\_analysis/);
    const nothing = visibleText({ body: agreementSummary(drafting.terms, cohort, names, 'en') });
    assert.match(nothing, /Nothing: everything stays between you/);
    assert.match(nothing, /No goals yet/);
    assert.match(nothing, /Not agreed/);
  });

  it('formats an end date for the locale and names peer roles', () => {
    assert.match(
      visibleText({ body: agreementSummary(until.terms, cohort, names, 'fi') }),
      /30\.11\.2027 asti/,
    );
    assert.match(
      visibleText({ body: agreementSummary(until.terms, cohort, names, 'en') }),
      /Until 30 November 2027/,
    );
    const peer = visibleText({ body: agreementSummary(peerAgreed.terms, peerProgramme, names, 'en') });
    assert.match(peer, /Who leads on what/);
    assert.ok(peer.includes(plain('**Teams** tips')));
    assert.ok(peer.includes(plain(mentor.name)));
  });
});

describe('agreementInForceCard', () => {
  it('shows the summary, what the supervisor sees, the next step and how to reopen', () => {
    const json = agreementInForceCard(inForce, cohort, names, AKTORI, 'en');
    const text = visibleText(json);
    assert.match(text, /Your agreement is in force/);
    assert.match(text, new RegExp(`Everyone accepted version ${inForce.version} on 1 February 2027`));
    assert.match(text, /Three meetings, then you decide together whether to continue/);
    assert.ok(text.includes(plain(GOAL1)));
    assert.match(text, /supervisor sees the goals and the pair’s status only/);
    assert.match(
      text,
      /Book your first meeting below: Polku offers times when both of you are free in working hours/,
    );
    assert.match(
      text,
      /Reopening makes a new version that everyone accepts again; the current one stays in force/,
    );
    const acts = actions(json);
    assert.equal(acts.length, 2);
    assert.equal(acts[0]?.verb, 'agreement.reopen');
    assert.deepEqual(acts[0]?.data, { pairId: pair.id, programmeId: PROGRAMME_ID, version: inForce.version });
    assert.equal(acts[1]?.verb, 'meeting.find');
    assert.deepEqual(acts[1]?.data, { pairId: pair.id });
    assert.match(
      visibleText(agreementInForceCard(inForce, cohort, names, AKTORI, 'fi')),
      /Avaa sopimus uudelleen/,
    );
  });

  it('while a change is being agreed, shows the accepted terms and points to the proposal', () => {
    const changed = save(reopened, cohort, MENTOR, 'rules', { ...reopenedRules(), cadenceWeeks: '6' });
    const json = agreementInForceCard(changed, cohort, names, AKTORI, 'en');
    const text = visibleText(json);
    assert.match(text, /A change is being agreed/);
    assert.match(text, /Every three weeks/, 'the terms in force, not the proposal');
    assert.doesNotMatch(text, /Every six weeks/);
    assert.deepEqual(
      actions(json).map((a) => a.verb),
      ['agreement.goto'],
    );
  });

  it('gives someone outside the pair nothing to press', () => {
    assert.deepEqual(actions(agreementInForceCard(inForce, cohort, names, 'owner-1', 'en')), []);
  });
});

function reopenedRules() {
  const t = reopened.terms;
  return {
    cadenceWeeks: String(t.cadenceWeeks),
    meetingMinutes: String(t.meetingMinutes),
    place: t.place,
    preparation: t.preparation,
    betweenMeetings: t.betweenMeetings,
    noticeHours: String(t.noticeHours),
  };
}

describe('agreementListCard', () => {
  it('says when the person is not in a pair yet', () => {
    assert.match(visibleText(agreementListCard([], 'en')), /You are not in a pair yet\./);
    assert.match(visibleText(agreementListCard([], 'fi')), /Sinulla ei ole vielä paria\./);
    assert.deepEqual(actions(agreementListCard([], 'en')), []);
  });

  it('has one button per pair that opens its agreement', () => {
    const json = agreementListCard(
      [
        {
          pairId: 'p0',
          programmeId: 'prog-a',
          programmeName: '*A*',
          partnerNames: ['Ville'],
          status: 'in-force',
        },
        {
          pairId: 'p1',
          programmeId: 'prog-b',
          programmeName: 'B',
          partnerNames: ['Eeva', 'Mikko'],
          status: 'drafting',
        },
      ],
      'en',
    );
    assert.deepEqual(
      actions(json).map((a) => [a.verb, a.data]),
      [
        ['agreement.open', { pairId: 'p0', programmeId: 'prog-a' }],
        ['agreement.open', { pairId: 'p1', programmeId: 'prog-b' }],
      ],
    );
    const text = visibleText(json);
    assert.match(text, /\\\*A\\\*/);
    assert.match(text, /With Ville · In force/);
    assert.match(text, /With Eeva and Mikko · Being agreed/);
  });
});
