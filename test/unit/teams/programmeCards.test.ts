/** The programme cards: valid for the SDK in every language, and saying and asking what they should. */
import assert from 'node:assert/strict';
import { topicTags } from '../../../bot/src/domain/programme/volunteer';
import { LOCALES } from '../../../bot/src/i18n/locale';
import type { AdaptiveCard } from '../../../bot/src/teams/cards/adaptiveCard';
import { announcementCard } from '../../../bot/src/teams/cards/announcementCard';
import { pairIntroductionCard } from '../../../bot/src/teams/cards/pairIntroductionCard';
import { programmeCreatedCard } from '../../../bot/src/teams/cards/programmeCreatedCard';
import {
  programmeDraft,
  programmeFormCard,
  programmeInputFromCard,
} from '../../../bot/src/teams/cards/programmeFormCard';
import { signUpClosedCard } from '../../../bot/src/teams/cards/signUpClosedCard';
import { signUpConfirmationCard } from '../../../bot/src/teams/cards/signUpConfirmationCard';
import { signUpFormCard } from '../../../bot/src/teams/cards/signUpFormCard';
import { signUpStateCard } from '../../../bot/src/teams/cards/signUpStateCard';
import { unpairedCard } from '../../../bot/src/teams/cards/unpairedCard';
import {
  actions,
  allNodes,
  byteSize,
  cardProblems,
  elementsOfType,
  inputs,
  visibleText,
} from '../../support/adaptiveCards';
import {
  aktori,
  cohort,
  group,
  LATER,
  mentor,
  NOW,
  nonstop,
  PEOPLE_TEXT,
  PROGRAMME_ID,
  pair,
  peerPair,
  quick,
  reversePair,
} from './cardFixtures';

const problem = { field: 'unit', message: 'Yksikkö puuttuu.' };

function everyCard(locale: (typeof LOCALES)[number]): Array<[string, AdaptiveCard]> {
  return [
    ['announcement cohort', announcementCard(cohort, { mentors: 4, aktoris: 6 }, NOW, locale)],
    ['announcement non-stop', announcementCard(nonstop, { mentors: 0, aktoris: 0 }, NOW, locale)],
    ['announcement quick', announcementCard(quick, { mentors: 1, aktoris: 1 }, NOW, locale)],
    ['announcement closed', announcementCard(cohort, { mentors: 4, aktoris: 6 }, LATER, locale)],
    ['sign-up form mentor', signUpFormCard(cohort, 'mentor', undefined, locale)],
    [
      'sign-up form mentor, editing, with a problem',
      signUpFormCard(cohort, 'mentor', mentor, locale, problem),
    ],
    ['sign-up form aktori', signUpFormCard(nonstop, 'aktori', aktori, locale)],
    ['sign-up state active mentor', signUpStateCard(cohort, mentor, locale)],
    ['sign-up state active aktori', signUpStateCard(cohort, aktori, locale)],
    ['sign-up state withdrawn', signUpStateCard(cohort, { ...mentor, status: 'withdrawn' }, locale)],
    ['sign-up state paired', signUpStateCard(cohort, { ...aktori, status: 'paired' }, locale)],
    ['sign-up closed', signUpClosedCard(cohort, locale)],
    ['confirmation new', signUpConfirmationCard(cohort, mentor, locale)],
    ['confirmation changed', signUpConfirmationCard(cohort, aktori, locale)],
    ['confirmation withdrawn', signUpConfirmationCard(cohort, { ...aktori, status: 'withdrawn' }, locale)],
    ['confirmation paired', signUpConfirmationCard(cohort, { ...aktori, status: 'paired' }, locale)],
    ['pair intro to mentor', pairIntroductionCard(cohort, pair, mentor.userId, locale)],
    ['pair intro to aktori', pairIntroductionCard(cohort, pair, aktori.userId, locale)],
    ['pair intro to someone else', pairIntroductionCard(cohort, pair, 'owner-1', locale)],
    ['group intro to mentor', pairIntroductionCard(nonstop, group, mentor.userId, locale)],
    ['group intro to aktori', pairIntroductionCard(nonstop, group, 'user-eeva', locale)],
    ['group intro to someone else', pairIntroductionCard(nonstop, group, 'owner-1', locale)],
    ['peer intro', pairIntroductionCard(cohort, peerPair, aktori.userId, locale)],
    ['peer intro to someone else', pairIntroductionCard(cohort, peerPair, 'owner-1', locale)],
    ['reverse intro', pairIntroductionCard(cohort, reversePair, mentor.userId, locale)],
    ['quick intro', pairIntroductionCard(quick, pair, aktori.userId, locale)],
    ['unpaired mentor', unpairedCard(cohort, mentor, locale)],
    ['unpaired aktori', unpairedCard(cohort, aktori, locale)],
    ['programme form', programmeFormCard(locale, {})],
    [
      'programme form with a draft and a problem',
      programmeFormCard(locale, { draft: { name: 'Uusi', modeKind: 'nonstop' }, problem }),
    ],
    ['programme created', programmeCreatedCard(cohort, locale)],
    ['programme announced', programmeCreatedCard(nonstop, locale, { announced: true })],
  ];
}

describe('programme cards', () => {
  for (const locale of LOCALES) {
    for (const [name, json] of everyCard(locale)) {
      it(`${name} (${locale}): valid 1.5 card in its language, text wraps, inputs labelled, under 40 KB`, () => {
        assert.deepEqual(cardProblems(json), []);
        assert.equal(json.version, '1.5');
        assert.equal(json.lang, locale);
        for (const block of elementsOfType(json, 'TextBlock'))
          assert.equal(block.wrap, true, String(block.text));
        for (const [id, input] of inputs(json)) {
          assert.ok(typeof input.label === 'string' && input.label.length > 0, `${id} has a label`);
          if (input.isRequired) assert.ok(input.errorMessage, `${id} has an error message`);
          if (input.type === 'Input.Text')
            assert.ok(typeof input.maxLength === 'number', `${id} has maxLength`);
        }
        for (const action of actions(json)) {
          assert.equal(action.type, 'Action.Execute');
          assert.ok(typeof action.verb === 'string' && typeof action.data === 'object', 'verb and data');
          assert.ok(typeof action.title === 'string' && action.title.length > 0);
        }
        assert.ok(byteSize(json) < 40_000);
        const text = visibleText(json);
        assert.doesNotMatch(text, /\{\w+\}/, 'no placeholder left unfilled');
        if (locale === 'en') assert.doesNotMatch(text, /aktori/i, 'English says mentee');
        if (locale === 'sv') assert.doesNotMatch(text, /aktori/i, 'Swedish says adept');
      });
    }
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

describe('announcementCard', () => {
  it('says what mentoring is, why join and how long it takes, from the programme defaults', () => {
    const text = visibleText(announcementCard(cohort, { mentors: 4, aktoris: 6 }, NOW, 'en'));
    assert.match(text, /A mentor and a mentee meet to share know-how/);
    assert.match(text, /confidential/);
    assert.match(text, /voluntary/);
    assert.match(
      text,
      /Three meetings of 60 minutes about once a month in working time, then you decide together whether to continue\./,
    );
    assert.match(text, /15 February 2027–15 December 2027/);
    assert.match(text, /at the start, in the middle and at the end/);
    assert.match(text, /change management and data\\_analysis/);
    assert.match(text, /Preserve and develop/);
    assert.match(text, /31 January 2027/);
  });

  it('formats the rhythm and the deadline for each language', () => {
    const fi = visibleText(announcementCard(cohort, { mentors: 4, aktoris: 6 }, NOW, 'fi'));
    assert.match(fi, /Kolme 60 minuutin tapaamista noin kerran kuukaudessa työajalla/);
    assert.match(fi, /31\.1\.2027/);
    const sv = visibleText(announcementCard(cohort, { mentors: 4, aktoris: 6 }, NOW, 'sv'));
    assert.match(sv, /Tre möten på 60 minuter ungefär en gång i månaden på arbetstid/);
    assert.match(sv, /31\.1\.2027/);
    const twoWeekly = visibleText(announcementCard(nonstop, { mentors: 0, aktoris: 0 }, NOW, 'en'));
    assert.match(twoWeekly, /Two meetings of 45 minutes every two weeks/);
    assert.match(twoWeekly, /Non-stop: start whenever it suits you/);
    const sixWeekly = {
      ...cohort,
      defaults: { ...cohort.defaults, firstPhaseMeetings: 5, cadenceWeeks: 6 as const },
    };
    assert.match(
      visibleText(announcementCard(sixWeekly, { mentors: 0, aktoris: 0 }, NOW, 'fi')),
      /Viisi .* kuuden viikon välein/,
    );
    assert.match(
      visibleText(announcementCard(quick, { mentors: 0, aktoris: 0 }, NOW, 'en')),
      /One or two conversations on one question\./,
    );
  });

  it('shows how many signed up, never who', () => {
    const json = announcementCard(cohort, { mentors: 4, aktoris: 6 }, NOW, 'en');
    const text = visibleText(json);
    assert.match(text, /4 mentors and 6 mentees have signed up so far\./);
    for (const word of PEOPLE_TEXT) assert.ok(!JSON.stringify(json).includes(word), word);
    assert.match(
      visibleText(announcementCard(cohort, { mentors: 4, aktoris: 6 }, NOW, 'fi')),
      /4 mentoria ja 6 aktoria/,
    );
    assert.match(
      visibleText(announcementCard(cohort, { mentors: 4, aktoris: 6 }, NOW, 'sv')),
      /4 mentorer och 6 adepter/,
    );
    assert.match(
      visibleText(announcementCard(cohort, { mentors: 1, aktoris: 1 }, NOW, 'en')),
      /1 mentor and 1 mentee have/,
    );
    assert.match(
      visibleText(announcementCard(cohort, { mentors: 0, aktoris: 0 }, NOW, 'en')),
      /Nobody has signed up yet/,
    );
  });

  it('opens the sign-up form for either role while sign-up is open', () => {
    const found = actions(announcementCard(cohort, { mentors: 0, aktoris: 0 }, NOW, 'en'));
    assert.deepEqual(
      found.map((a) => [a.title, a.verb, a.data]),
      [
        ['Join as mentor', 'signup.open', { programmeId: PROGRAMME_ID, role: 'mentor' }],
        ['Join as mentee', 'signup.open', { programmeId: PROGRAMME_ID, role: 'aktori' }],
      ],
    );
  });

  it('says sign-up has closed and offers no buttons after the deadline day (in the programme’s zone)', () => {
    // 31 January 23:30 in Helsinki is still the deadline day; 1 February 00:30 is not.
    assert.equal(
      actions(announcementCard(cohort, { mentors: 1, aktoris: 1 }, new Date('2027-01-31T21:30:00Z'), 'fi'))
        .length,
      2,
    );
    const closed = announcementCard(
      cohort,
      { mentors: 1, aktoris: 1 },
      new Date('2027-01-31T22:30:00Z'),
      'en',
    );
    assert.equal(closed.actions, undefined);
    assert.deepEqual(actions(closed), []);
    assert.match(visibleText(closed), /Sign-up for this programme has closed\./);
  });

  it('shows the programme’s own text as text, not markdown', () => {
    const json = announcementCard(cohort, { mentors: 0, aktoris: 0 }, NOW, 'en');
    assert.equal(json.body[0]?.text, 'Asiakaskokemus \\[x\\]\\(https://evil.example\\)');
    assert.equal(json.body[1]?.text, 'Jaetaan osaamista \\*yli\\* yksikkörajojen.\n\\- ei lista');
  });
});

describe('signUpFormCard', () => {
  it('asks a mentor what they offer, their unit, languages, capacity and a note, with the exact input ids', () => {
    const json = signUpFormCard(cohort, 'mentor', undefined, 'en');
    const found = inputs(json);
    assert.deepEqual([...found.keys()], ['offers', 'unit', 'languages', 'capacity', 'note']);
    const offers = found.get('offers')!;
    assert.equal(offers.type, 'Input.ChoiceSet');
    assert.equal(offers.isMultiSelect, true);
    assert.equal(offers.style, 'expanded');
    assert.equal(offers.isRequired, true);
    const choices = offers.choices as Array<{ title: string; value: string }>;
    assert.deepEqual(
      choices.map((c) => c.value),
      topicTags(cohort),
    );
    assert.deepEqual(choices[0], { title: 'change management', value: 'area:change management' });
    assert.ok(choices.some((c) => c.title === 'Career direction' && c.value === 'theme:career'));
    const unit = found.get('unit')!;
    assert.equal(unit.type, 'Input.Text');
    assert.equal(unit.maxLength, 80);
    assert.equal(unit.isRequired, true);
    const languages = found.get('languages')!;
    assert.equal(languages.isMultiSelect, true);
    assert.equal(languages.isRequired, true);
    const capacity = found.get('capacity')!;
    assert.deepEqual(
      [capacity.type, capacity.min, capacity.max, capacity.label],
      ['Input.Number', 1, 5, 'How many mentees can you take?'],
    );
    const note = found.get('note')!;
    assert.deepEqual([note.isMultiline, note.maxLength], [true, 500]);
    assert.match(String(note.label), /only the supervisor sees it/);
  });

  it('asks an aktori what they want to learn, with no capacity', () => {
    assert.deepEqual(
      [...inputs(signUpFormCard(cohort, 'aktori', undefined, 'fi')).keys()],
      ['wants', 'unit', 'languages', 'note'],
    );
  });

  it('names the languages in themselves in every locale', () => {
    for (const locale of LOCALES) {
      const languages = inputs(signUpFormCard(cohort, 'aktori', undefined, locale)).get('languages')!;
      assert.deepEqual(languages.choices, [
        { title: 'suomi', value: 'fi' },
        { title: 'svenska', value: 'sv' },
        { title: 'English', value: 'en' },
      ]);
    }
  });

  it('saves with the programme, the role and the sign-up it showed (none); a new sign-up can switch role but not withdraw', () => {
    const found = actions(signUpFormCard(cohort, 'mentor', undefined, 'en'));
    assert.deepEqual(
      found.map((a) => [a.verb, a.data, a.associatedInputs]),
      [
        ['signup.save', { programmeId: PROGRAMME_ID, role: 'mentor', shown: '' }, undefined],
        ['signup.open', { programmeId: PROGRAMME_ID, role: 'aktori' }, 'none'],
      ],
    );
    assert.equal(found[1]?.title, 'I’d rather join as mentee');
  });

  it('prefills an active sign-up and offers withdrawal', () => {
    const json = signUpFormCard(cohort, 'mentor', mentor, 'en');
    const found = inputs(json);
    assert.equal(found.get('offers')?.value, 'area:change management,theme:career');
    assert.equal(found.get('unit')?.value, '- Asiakaspalvelu');
    assert.equal(found.get('languages')?.value, 'fi,en');
    assert.equal(found.get('capacity')?.value, 2);
    assert.equal(found.get('note')?.value, '# Voin aloittaa maaliskuussa');
    assert.deepEqual(
      actions(json).map((a) => [a.verb, a.data]),
      [
        // The sign-up it showed, so a late copy of this click cannot undo a newer save.
        ['signup.save', { programmeId: PROGRAMME_ID, role: 'mentor', shown: mentor.updatedAt }],
        ['signup.withdraw', { programmeId: PROGRAMME_ID }],
        ['signup.open', { programmeId: PROGRAMME_ID, role: 'aktori' }],
      ],
    );
    assert.equal(actions(json)[1]?.associatedInputs, 'none');
  });

  it('keeps unit, languages and note but not topics when switching role', () => {
    const found = inputs(signUpFormCard(cohort, 'aktori', mentor, 'en'));
    assert.equal(found.get('wants')?.value, undefined);
    assert.equal(found.get('unit')?.value, '- Asiakaspalvelu');
  });

  it('shows a server-side problem at the top, and keeps what was typed', () => {
    const draft = {
      offers: 'theme:career',
      unit: 'Talous',
      languages: 'sv',
      capacity: '3',
      note: 'hei',
      junk: 'x',
    };
    const json = signUpFormCard(cohort, 'mentor', undefined, 'fi', problem, draft);
    assert.deepEqual(json.body[1], {
      type: 'TextBlock',
      text: 'Yksikkö puuttuu.',
      wrap: true,
      color: 'Attention',
      weight: 'Bolder',
    });
    const found = inputs(json);
    assert.deepEqual(
      ['offers', 'unit', 'languages', 'capacity', 'note'].map((id) => found.get(id)?.value),
      ['theme:career', 'Talous', 'sv', 3, 'hei'],
    );
  });
});

describe('signUpStateCard and signUpConfirmationCard', () => {
  it('active: what the person said, with edit and withdraw', () => {
    const json = signUpStateCard(cohort, mentor, 'en');
    const text = visibleText(json);
    assert.match(text, /You are signed up as mentor in Asiakaskokemus/);
    assert.match(text, /change management and Career direction/);
    assert.match(text, /\\- Asiakaspalvelu/);
    assert.match(text, /suomi and English/);
    assert.match(text, /\\# Voin aloittaa/);
    assert.match(text, /until the pairs are formed/);
    assert.deepEqual(
      actions(json).map((a) => [a.title, a.verb, a.data]),
      [
        ['Edit', 'signup.open', { programmeId: PROGRAMME_ID, role: 'mentor' }],
        ['Withdraw', 'signup.withdraw', { programmeId: PROGRAMME_ID }],
      ],
    );
  });

  it('withdrawn: can join again; paired: no actions', () => {
    const withdrawn = signUpStateCard(cohort, { ...aktori, status: 'withdrawn' }, 'en');
    assert.match(visibleText(withdrawn), /You withdrew/);
    assert.deepEqual(
      actions(withdrawn).map((a) => [a.verb, a.data]),
      [['signup.open', { programmeId: PROGRAMME_ID, role: 'aktori' }]],
    );
    const paired = signUpStateCard(cohort, { ...aktori, status: 'paired' }, 'en');
    assert.match(visibleText(paired), /paired.*Polku has sent you a personal message/);
    assert.deepEqual(actions(paired), []);
  });

  it('confirmation wording differs for a new sign-up, a change and a withdrawal', () => {
    const texts = [
      signUpConfirmationCard(cohort, mentor, 'en'),
      signUpConfirmationCard(cohort, aktori, 'en'),
      signUpConfirmationCard(cohort, { ...aktori, status: 'withdrawn' }, 'en'),
    ].map((json) => String(json.body[0]?.text));
    assert.deepEqual(texts, ['Thanks for signing up!', 'Sign-up saved', 'Sign-up withdrawn']);
  });
});

describe('signUpClosedCard and unpairedCard', () => {
  it('closed: says so, no actions', () => {
    const json = signUpClosedCard(cohort, 'sv');
    assert.match(visibleText(json), /Anmälan till Asiakaskokemus .* har stängt/);
    assert.deepEqual(actions(json), []);
  });

  it('unpaired: kind, stays in the pool, may be paired later', () => {
    const text = visibleText(unpairedCard(cohort, aktori, 'en'));
    assert.match(text, /No suitable pair was found for you/);
    assert.match(text, /You stay in the pool, and the supervisor may still pair you later/);
    assert.match(visibleText(unpairedCard(cohort, aktori, 'fi')), /Pysyt mukana/);
  });
});

describe('pairIntroductionCard', () => {
  it('tells each member who is mentor and who is aktori, by name, as text', () => {
    const toMentor = visibleText(pairIntroductionCard(cohort, pair, mentor.userId, 'en'));
    assert.match(toMentor, /You are the mentor of Ville \\\[Korhonen\\\]\\\(https:\/\/evil\.example\\\) in/);
    const toAktori = visibleText(pairIntroductionCard(cohort, pair, aktori.userId, 'fi'));
    assert.match(toAktori, /Mentorisi ohjelmassa .* on Aino \\\*\\\*Virtanen\\\*\\\*\./);
    assert.match(toAktori, /aktorin 1–2 tavoitetta/);
    assert.match(toAktori, /Polku opastaa/);
  });

  it('gives the next step and the rhythm from the programme defaults', () => {
    const text = visibleText(pairIntroductionCard(cohort, pair, aktori.userId, 'en'));
    assert.match(text, /how long you go on, your ground rules, confidentiality, and the mentee’s 1–2 goals/);
    assert.match(text, /meetings of 60 minutes about once a month in working time: three to begin with/);
  });

  it('says nothing anyone wrote about themselves', () => {
    const json = JSON.stringify(pairIntroductionCard(cohort, pair, aktori.userId, 'en'));
    for (const word of ['Asiakaspalvelu', 'maaliskuussa', 'Talous']) assert.ok(!json.includes(word), word);
  });

  it('speaks to a group as a group', () => {
    const toMentor = pairIntroductionCard(nonstop, group, mentor.userId, 'en');
    assert.equal(toMentor.body[0]?.text, 'Meet your mentoring group');
    assert.match(visibleText(toMentor), /The mentees are Ville .*, Eeva and Mikko\./);
    assert.match(visibleText(toMentor), /each mentee’s 1–2 goals/);
    const toEeva = visibleText(pairIntroductionCard(nonstop, group, 'user-eeva', 'sv'));
    assert.match(toEeva, /du är adept tillsammans med Ville .* och Mikko\./);
    assert.doesNotMatch(toEeva, /med Eeva/);
  });
});

describe('programmeFormCard', () => {
  const ids = [
    'name',
    'description',
    'form',
    'modeKind',
    'startDate',
    'endDate',
    'signUpDeadline',
    'coachingSessions',
    'aims',
    'competenceAreas',
    'firstPhaseMeetings',
    'cadenceWeeks',
    'meetingMinutes',
    'nudgeLeadHours',
    'nudgeAktori',
    'language',
  ];

  it('has every input, labelled, with sensible defaults', () => {
    const json = programmeFormCard('en', {});
    const found = inputs(json);
    assert.deepEqual([...found.keys()], ids);
    assert.deepEqual([found.get('name')?.isRequired, found.get('name')?.maxLength], [true, 120]);
    assert.deepEqual(
      [found.get('description')?.isMultiline, found.get('description')?.maxLength],
      [true, 1000],
    );
    assert.deepEqual(
      (found.get('form')!.choices as { value: string }[]).map((c) => c.value),
      ['pair', 'group', 'peer', 'reverse', 'quick'],
    );
    for (const id of ['startDate', 'endDate', 'signUpDeadline'])
      assert.equal(found.get(id)?.type, 'Input.Date');
    assert.equal(found.get('coachingSessions')?.isMultiSelect, true);
    assert.equal(found.get('aims')?.isMultiSelect, true);
    assert.match(String(found.get('competenceAreas')?.label), /commas/);
    assert.deepEqual(
      [
        found.get('firstPhaseMeetings')?.min,
        found.get('firstPhaseMeetings')?.max,
        found.get('firstPhaseMeetings')?.value,
      ],
      [1, 5, 3],
    );
    assert.equal(found.get('cadenceWeeks')?.value, '4');
    assert.deepEqual(
      (found.get('cadenceWeeks')!.choices as { title: string }[]).map((c) => c.title),
      ['Every two weeks', 'Every three weeks', 'About once a month', 'Every six weeks'],
    );
    assert.equal(found.get('meetingMinutes')?.value, '60');
    assert.deepEqual(
      [
        found.get('nudgeLeadHours')?.min,
        found.get('nudgeLeadHours')?.max,
        found.get('nudgeLeadHours')?.value,
      ],
      [1, 168, 24],
    );
    assert.equal(found.get('language')?.value, 'en');
    assert.equal(inputs(programmeFormCard('sv', {})).get('language')?.value, 'sv');
    assert.deepEqual(
      actions(json).map((a) => a.verb),
      ['programme.create'],
    );
  });

  it('localises the choices', () => {
    const form = inputs(programmeFormCard('fi', {})).get('form')!;
    assert.deepEqual(
      (form.choices as { title: string }[]).map((c) => c.title),
      ['Parimentorointi', 'Ryhmämentorointi', 'Vertaismentorointi', 'Käänteismentorointi', 'Pikamentorointi'],
    );
  });

  it('comes back with the problem on top and the draft kept, dropping what does not fit', () => {
    const draft = {
      name: 'x'.repeat(500),
      form: 'junk',
      modeKind: 'nonstop',
      startDate: 'not a date',
      endDate: '2027-12-15',
      aims: 'preserve,bogus,preserve',
      cadenceWeeks: '5',
      meetingMinutes: 45,
      firstPhaseMeetings: '9',
      nudgeLeadHours: '48',
      language: 'sv',
      __proto__: 'ignored',
    };
    const json = programmeFormCard('en', { draft, problem });
    assert.equal(json.body[1]?.color, 'Attention');
    const found = inputs(json);
    assert.equal(String(found.get('name')?.value).length, 120);
    assert.equal(found.get('form')?.value, 'pair');
    assert.equal(found.get('modeKind')?.value, 'nonstop');
    assert.equal(found.get('startDate')?.value, undefined);
    assert.equal(found.get('endDate')?.value, '2027-12-15');
    assert.equal(found.get('aims')?.value, 'preserve');
    assert.equal(found.get('cadenceWeeks')?.value, '4');
    assert.equal(found.get('meetingMinutes')?.value, '45');
    assert.equal(found.get('firstPhaseMeetings')?.value, 3);
    assert.equal(found.get('nudgeLeadHours')?.value, 48);
    assert.equal(found.get('language')?.value, 'sv');
  });
});

describe('programmeCreatedCard', () => {
  it('sums up the programme and offers to announce it here; the dashboard is in the tab', () => {
    const json = programmeCreatedCard(cohort, 'en');
    const text = visibleText(json);
    assert.match(text, /Programme created: Asiakaskokemus \\\[x\\\]/);
    assert.match(text, /Pair mentoring/);
    assert.match(text, /Polku tab/);
    assert.deepEqual(
      actions(json).map((a) => [a.title, a.verb, a.data]),
      [
        ['Announce in this channel', 'programme.announce', { programmeId: PROGRAMME_ID }],
        ['Edit', 'programme.edit', { programmeId: PROGRAMME_ID }],
      ],
    );
  });

  it('once announced, says so and offers only editing', () => {
    const json = programmeCreatedCard(cohort, 'fi', { announced: true });
    assert.deepEqual(
      actions(json).map((a) => a.verb),
      ['programme.edit'],
    );
    assert.match(visibleText(json), /julkaistu tällä kanavalla/);
    assert.deepEqual(
      actions(
        programmeCreatedCard({ ...cohort, announcement: { activityId: 'a', conversationId: 'c' } }, 'en'),
      ).map((a) => a.verb),
      ['programme.edit'],
    );
  });

  it('edits carry the version they show, and save as an update', () => {
    const json = programmeFormCard('en', {
      draft: programmeDraft(cohort),
      edit: { programmeId: PROGRAMME_ID, etag: 'W/"1"' },
    });
    assert.deepEqual(
      actions(json).map((a) => [a.verb, a.data]),
      [['programme.update', { programmeId: PROGRAMME_ID, etag: 'W/"1"' }]],
    );
    assert.deepEqual(cardProblems(json), []);
    const input = programmeInputFromCard(programmeDraft(cohort));
    assert.equal((input as { name: string }).name, cohort.name);
  });
});

describe('card JSON', () => {
  it('carries no undefined values or functions (it is sent as JSON)', () => {
    for (const [name, json] of everyCard('fi')) {
      for (const node of allNodes(json)) {
        for (const [key, value] of Object.entries(node)) {
          assert.ok(value !== undefined && typeof value !== 'function', `${name}: ${key}`);
        }
      }
    }
  });
});
