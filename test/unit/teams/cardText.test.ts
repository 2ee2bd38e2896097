/** The words cards are made of: escaping, violations, pairing reasons, tags, and the programme form's data. */
import assert from 'node:assert/strict';
import { ValidationError, type Violation } from '../../../bot/src/domain/errors';
import type { Reason } from '../../../bot/src/domain/matching/matchTypes';
import { parseProgrammeSettings } from '../../../bot/src/domain/programme/parseProgrammeSettings';
import { THEMES } from '../../../bot/src/domain/programme/vocabulary';
import { parseVolunteerProfile } from '../../../bot/src/domain/programme/volunteer';
import { LOCALES, type Locale } from '../../../bot/src/i18n/locale';
import { explainSuggestion, reasonText, tagLabel } from '../../../bot/src/i18n/reasonText';
import { translator } from '../../../bot/src/i18n/translate';
import { formatDate } from '../../../bot/src/i18n/wording';
import { plain } from '../../../bot/src/teams/cards/adaptiveCard';
import {
  describeViolation,
  fieldLabel,
  VIOLATION_FIELDS,
  VIOLATION_RULES,
} from '../../../bot/src/teams/cards/describeViolation';
import { programmeFormCard, programmeInputFromCard } from '../../../bot/src/teams/cards/programmeFormCard';
import { inputs } from '../../support/adaptiveCards';

/** What CommonMark shows for backslash-escaped text: each "\x" (x punctuation) is x. */
function rendered(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A markdown character that is not escaped. */
function unescapedMarkdown(markdown: string): string | undefined {
  const stripped = markdown.replace(/\\[!-/:-@[-`{-~]/g, '');
  return /[\\*_[\]()#>`~<&]/.exec(stripped)?.[0] ?? /^[ \t]*([-+=]|\d+[.)])/m.exec(markdown)?.[0];
}

describe('plain()', () => {
  const hostile = [
    '[x](https://evil)',
    '![img](https://evil/pixel.png)',
    '<https://evil>',
    '**bold** and __bold__ and *it* _it_ ~~gone~~',
    '# Heading',
    '> quote',
    '`code` and ```fence```',
    '- item\n+ item\n* item\n1. item\n  2) item',
    'Title\n===',
    'C:\\path\\to',
    '&lt;b&gt; &amp;',
    'Aino-Liisa Virtanen-Korhonen (HR) 2027. vuosi',
  ];

  it('escapes every markdown character and leading list marker, and renders back to the original', () => {
    for (const text of hostile) {
      const escaped = plain(text);
      assert.equal(
        unescapedMarkdown(escaped),
        undefined,
        `${JSON.stringify(text)} → ${JSON.stringify(escaped)}`,
      );
      assert.equal(rendered(escaped), text, text);
    }
  });

  it('turns a link into literal text', () => {
    assert.equal(plain('[x](https://evil)'), '\\[x\\]\\(https://evil\\)');
  });

  it('leaves ordinary text as it is', () => {
    assert.equal(
      plain('Asiakaskokemus, data-analyysi ja työn ja perheen yhteensovittaminen.'),
      'Asiakaskokemus, data-analyysi ja työn ja perheen yhteensovittaminen.',
    );
    assert.equal(plain(''), '');
  });
});

describe('describeViolation', () => {
  const limits: Record<Violation['rule'], Violation['limit'][]> = {
    required: [undefined],
    'too-long': [80],
    'too-many': [8],
    'not-allowed': [undefined],
    format: [undefined],
    range: ['1–5', '731 days', 'odd'],
    'in-past': [undefined],
    order: ['mode.startDate', 'signUpDeadline'],
  };

  it('labels every field in all three languages, differently in each', () => {
    const unknown = LOCALES.map((l) => translator(l)('field.unknown'));
    for (const field of VIOLATION_FIELDS) {
      const labels = LOCALES.map((l) => fieldLabel(field, translator(l)));
      labels.forEach((label, i) => {
        assert.notEqual(label, unknown[i], `${field} has a label in ${LOCALES[i]}`);
      });
      assert.equal(new Set(labels).size, 3, `${field}: ${labels.join(' / ')}`);
    }
  });

  it('says every rule for every field in fi, sv and en, naming the field and never a raw key', () => {
    for (const field of VIOLATION_FIELDS) {
      for (const rule of VIOLATION_RULES) {
        for (const limit of limits[rule]) {
          const violation: Violation = { field, rule, ...(limit === undefined ? {} : { limit }) };
          const said = LOCALES.map((l) => describeViolation(violation, l));
          assert.equal(new Set(said).size, 3, `${field} ${rule}: ${said.join(' | ')}`);
          said.forEach((text, i) => {
            const locale = LOCALES[i] as Locale;
            assert.ok(text.includes(fieldLabel(field, translator(locale))), text);
            assert.doesNotMatch(text, /\{\w+\}|field\.|violation\.|mode\.|defaults\./, text);
            if (typeof limit === 'number') assert.ok(text.includes(String(limit)), text);
          });
        }
      }
    }
  });

  it('reads naturally', () => {
    assert.equal(
      describeViolation({ field: 'mode.startDate', rule: 'required' }, 'en'),
      'Start date is required.',
    );
    assert.equal(
      describeViolation({ field: 'unit', rule: 'too-long', limit: 80 }, 'en'),
      'Unit can be at most 80 characters.',
    );
    assert.equal(
      describeViolation({ field: 'mode.endDate', rule: 'order', limit: 'mode.startDate' }, 'en'),
      'End date must come after Start date.',
    );
    assert.equal(
      describeViolation({ field: 'defaults.firstPhaseMeetings', rule: 'range', limit: '2–5' }, 'fi'),
      'Kohdan ”Tapaamiset ennen väliarviointia” arvon pitää olla väliltä 2–5.',
    );
    assert.equal(
      describeViolation({ field: 'signUpDeadline', rule: 'in-past' }, 'sv'),
      '”Sista anmälningsdag” kan inte vara ett datum som redan har passerat.',
    );
    assert.match(
      describeViolation({ field: 'mode.endDate', rule: 'range', limit: '731 days' }, 'en'),
      /at most 731 days/,
    );
    assert.equal(
      describeViolation({ field: 'whatever', rule: 'format' }, 'en'),
      'A field isn’t in the right format.',
    );
  });

  it('knows every field the parsers name', () => {
    const now = new Date('2027-01-01T10:00:00Z');
    const programme = { competenceAreas: ['a'] };
    const bad: Array<() => unknown> = [
      () => parseProgrammeSettings('x', now),
      () => parseProgrammeSettings({ name: 'n', timeZone: 'Mars/Base' }, now),
      () => parseProgrammeSettings({ name: 'n', form: 'x' }, now),
      () => parseProgrammeSettings({ name: 'n', mode: 'x' }, now),
      () => parseProgrammeSettings({ name: 'n', mode: {} }, now),
      () => parseProgrammeSettings({ name: 'n', mode: { kind: 'cohort' } }, now),
      () => parseProgrammeSettings({ name: 'n', mode: { kind: 'cohort', startDate: '2027-02-01' } }, now),
      () =>
        parseProgrammeSettings(
          {
            name: 'n',
            mode: { kind: 'cohort', startDate: '2027-02-01', endDate: '2027-03-01', coachingSessions: 'x' },
          },
          now,
        ),
      () =>
        parseProgrammeSettings(
          { name: 'n', mode: { kind: 'cohort', startDate: '2027-02-01', endDate: '2027-03-01' } },
          now,
        ),
      () => parseProgrammeSettings({ name: 'n', signUpDeadline: '2026-01-01' }, now),
      () => parseProgrammeSettings({ name: 'n', defaults: 'x' }, now),
      () => parseProgrammeSettings({ name: 'n', defaults: { firstPhaseMeetings: 9 } }, now),
      () => parseProgrammeSettings({ name: 'n', defaults: { cadenceWeeks: 5 } }, now),
      () => parseProgrammeSettings({ name: 'n', defaults: { meetingMinutes: 30 } }, now),
      () => parseProgrammeSettings({ name: 'n', defaults: { nudgeLeadHours: 0 } }, now),
      () => parseProgrammeSettings({ name: 'n', aims: ['x'] }, now),
      () => parseProgrammeSettings({ name: 'n', competenceAreas: 7 }, now),
      () => parseProgrammeSettings({ name: 'n', language: 'de' }, now),
      () => parseProgrammeSettings({ name: 'n', description: 5 }, now),
      () => parseProgrammeSettings({}, now),
      () => parseVolunteerProfile({ role: 'x' }, programme),
      () => parseVolunteerProfile({ role: 'mentor' }, programme),
      () => parseVolunteerProfile({ role: 'aktori' }, programme),
      () => parseVolunteerProfile({ role: 'aktori', wants: 'area:a' }, programme),
      () => parseVolunteerProfile({ role: 'aktori', wants: 'area:a', languages: 'fi' }, programme),
      () =>
        parseVolunteerProfile(
          { role: 'mentor', offers: 'area:a', languages: 'fi', unit: 'u', capacity: 9 },
          programme,
        ),
      () =>
        parseVolunteerProfile(
          { role: 'aktori', wants: 'area:a', languages: 'fi', unit: 'u', note: 'x'.repeat(501) },
          programme,
        ),
    ];
    const seen = new Set<string>();
    for (const attempt of bad) {
      try {
        attempt();
        assert.fail(`accepted: ${attempt}`);
      } catch (err) {
        assert.ok(err instanceof ValidationError && err.violation, String(err));
        seen.add(err.violation.field);
        if (err.violation.rule === 'order') seen.add(String(err.violation.limit));
      }
    }
    for (const field of seen) assert.ok((VIOLATION_FIELDS as readonly string[]).includes(field), field);
    assert.ok(seen.size >= 20, [...seen].join(', '));
  });
});

describe('reasonText and explainSuggestion', () => {
  const reasons: Reason[] = [
    { code: 'fit', mentor: 'Aino', aktori: 'Ville', topics: ['area:change management'] },
    { code: 'different-units', mentor: 'Aino', aktori: 'Ville' },
    { code: 'same-unit', mentor: 'Aino', aktori: 'Ville' },
    { code: 'shared-language', languages: ['fi'] },
    { code: 'shared-language', languages: ['fi', 'en'] },
    { code: 'no-topic-overlap', mentor: 'Aino', aktori: 'Ville' },
    { code: 'mutual-fit', a: 'Aino', b: 'Ville', aToB: ['theme:career'], bToA: ['area:data'] },
    { code: 'mutual-fit', a: 'Aino', b: 'Ville', aToB: [], bToA: ['area:data'] },
  ];
  const label = (locale: Locale) => (tag: string) => tagLabel(tag, locale);

  it('puts each reason into plain English', () => {
    assert.deepEqual(
      reasons.map((r) => reasonText(r, 'en', label('en'))),
      [
        'Aino offers change management, which Ville wants to learn',
        'different units',
        'same unit',
        'shared language: suomi',
        'shared languages: suomi and English',
        'no topic in common',
        'each offers something the other wants: Aino offers Career direction, Ville offers data',
        'Ville offers data, which Aino wants to learn',
      ],
    );
  });

  it('says every reason in Finnish and Swedish too, differently from English', () => {
    for (const reason of reasons) {
      const said = LOCALES.map((l) => reasonText(reason, l, label(l)));
      assert.equal(new Set(said).size, 3, said.join(' | '));
      for (const text of said) assert.doesNotMatch(text, /\{\w+\}/);
    }
    assert.equal(
      reasonText(reasons[0]!, 'fi', label('fi')),
      'Ville haluaa oppia sitä, mitä Aino tarjoaa: change management',
    );
    assert.equal(
      reasonText(reasons[0]!, 'sv', label('sv')),
      'Aino erbjuder change management, som Ville vill lära sig',
    );
    assert.equal(reasonText(reasons[4]!, 'fi', label('fi')), 'yhteiset kielet: suomi ja English');
  });

  it('joins a suggestion’s reasons with semicolons', () => {
    assert.equal(
      explainSuggestion(reasons.slice(0, 2), 'en', label('en')),
      'Aino offers change management, which Ville wants to learn; different units',
    );
    assert.equal(explainSuggestion([], 'en', label('en')), '');
  });

  it('names topics from several tags in a list', () => {
    const reason: Reason = {
      code: 'fit',
      mentor: 'A',
      aktori: 'B',
      topics: ['area:x', 'theme:career', 'theme:networking'],
    };
    assert.equal(
      reasonText(reason, 'en', label('en')),
      'A offers x, Career direction and Networking, which B wants to learn',
    );
  });
});

describe('tagLabel and formatDate', () => {
  it('shows areas as entered and themes in the locale', () => {
    assert.equal(tagLabel('area:Asiakaskokemus', 'en'), 'Asiakaskokemus');
    assert.equal(tagLabel('theme:supervisory-work', 'fi'), 'Esihenkilötyö');
    assert.equal(tagLabel('theme:unknown-theme', 'fi'), 'unknown-theme');
    for (const theme of THEMES) {
      const labels = LOCALES.map((l) => tagLabel(`theme:${theme}`, l));
      assert.ok(
        labels.every((l) => l !== theme),
        theme,
      );
    }
  });

  it('formats dates per locale without moving the day', () => {
    assert.equal(formatDate('2027-01-31', 'fi'), '31.1.2027');
    assert.equal(formatDate('2027-01-31', 'sv'), '31.1.2027');
    assert.equal(formatDate('2027-01-31', 'en'), '31 January 2027');
    assert.equal(formatDate('junk', 'en'), 'junk');
  });
});

describe('programmeInputFromCard', () => {
  const now = new Date('2027-01-01T10:00:00Z');
  // What Teams sends for the form: every value a string, multi-selects comma-separated.
  const payload = (): Record<string, unknown> =>
    JSON.parse(
      JSON.stringify({
        name: '  Asiakaskokemuksen mentorointi 2027 ',
        description: 'Jaetaan osaamista yli yksikkörajojen.',
        form: 'group',
        modeKind: 'cohort',
        startDate: '2027-02-15',
        endDate: '2027-12-15',
        signUpDeadline: '2027-01-31',
        coachingSessions: 'start,middle,end',
        aims: 'preserve,develop',
        competenceAreas: 'asiakaskokemus, data-analyysi , ',
        firstPhaseMeetings: '3',
        cadenceWeeks: '4',
        meetingMinutes: '45',
        nudgeLeadHours: '48',
        language: 'sv',
        programmeId: 'junk',
        timeZone: 'Mars/Base',
        role: 'mentor',
      }),
    );

  it('maps a realistic card payload to input that parseProgrammeSettings accepts', () => {
    const settings = parseProgrammeSettings(programmeInputFromCard(payload()), now);
    assert.deepEqual(settings, {
      name: 'Asiakaskokemuksen mentorointi 2027',
      description: 'Jaetaan osaamista yli yksikkörajojen.',
      form: 'group',
      mode: {
        kind: 'cohort',
        startDate: '2027-02-15',
        endDate: '2027-12-15',
        coachingSessions: ['start', 'middle', 'end'],
      },
      aims: ['preserve', 'develop'],
      competenceAreas: ['asiakaskokemus', 'data-analyysi'],
      defaults: {
        firstPhaseMeetings: 3,
        cadenceWeeks: 4,
        meetingMinutes: 45,
        nudgeLeadHours: 48,
        nudgeAktori: false,
      },
      signUpDeadline: '2027-01-31',
      timeZone: 'Europe/Helsinki',
      language: 'sv',
    });
  });

  it('produces exactly the nested shape, with numbers as numbers and no junk', () => {
    assert.deepEqual(programmeInputFromCard(payload()), {
      name: '  Asiakaskokemuksen mentorointi 2027 ',
      description: 'Jaetaan osaamista yli yksikkörajojen.',
      form: 'group',
      mode: {
        kind: 'cohort',
        startDate: '2027-02-15',
        endDate: '2027-12-15',
        coachingSessions: 'start,middle,end',
      },
      aims: 'preserve,develop',
      competenceAreas: 'asiakaskokemus, data-analyysi , ',
      signUpDeadline: '2027-01-31',
      defaults: { firstPhaseMeetings: 3, cadenceWeeks: 4, meetingMinutes: 45, nudgeLeadHours: 48 },
      language: 'sv',
    });
  });

  it('accepts numbers as numbers, drops dates for non-stop, and lets blanks take the defaults', () => {
    const input = programmeInputFromCard({
      name: 'Jatkuva',
      modeKind: 'nonstop',
      startDate: '2020-01-01',
      endDate: '',
      coachingSessions: 'start',
      firstPhaseMeetings: 2,
      cadenceWeeks: '',
      meetingMinutes: null,
      description: '',
    });
    assert.deepEqual(input, {
      name: 'Jatkuva',
      mode: { kind: 'nonstop' },
      defaults: { firstPhaseMeetings: 2 },
    });
    const settings = parseProgrammeSettings(input, now, { language: 'en' });
    assert.deepEqual(settings.mode, { kind: 'nonstop' });
    assert.deepEqual(settings.defaults, {
      firstPhaseMeetings: 2,
      cadenceWeeks: 4,
      meetingMinutes: 60,
      nudgeLeadHours: 24,
      nudgeAktori: false,
    });
    assert.equal(settings.language, 'en');
  });

  it('reads the aktori-nudge toggle as a flag and refuses anything else', () => {
    const on = programmeInputFromCard({ name: 'N', modeKind: 'nonstop', nudgeAktori: 'true' });
    assert.equal(parseProgrammeSettings(on, now, { language: 'en' }).defaults.nudgeAktori, true);
    const off = programmeInputFromCard({ name: 'N', modeKind: 'nonstop', nudgeAktori: 'false' });
    assert.equal(parseProgrammeSettings(off, now, { language: 'en' }).defaults.nudgeAktori, false);
    assert.throws(
      () =>
        parseProgrammeSettings(
          programmeInputFromCard({ name: 'N', modeKind: 'nonstop', nudgeAktori: 'yes' }),
          now,
          {
            language: 'en',
          },
        ),
      (err: unknown) => err instanceof ValidationError && err.violation?.field === 'defaults.nudgeAktori',
    );
  });

  it('never reads __proto__ or inherited keys, and survives anything', () => {
    const data = JSON.parse('{"name":"N","modeKind":"nonstop","__proto__":{"polluted":true,"form":"quick"}}');
    const input = programmeInputFromCard(data);
    assert.deepEqual(input, { name: 'N', mode: { kind: 'nonstop' }, defaults: {} });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const inherited = Object.create({ name: 'inherited', modeKind: 'cohort' });
    assert.deepEqual(programmeInputFromCard(inherited), { mode: {}, defaults: {} });
    for (const junk of [null, undefined, 'x', 42, [1, 2], () => 1]) {
      assert.deepEqual(programmeInputFromCard(junk), { mode: {}, defaults: {} });
    }
  });

  it('passes wrong types on, so the parser names the field', () => {
    const input = programmeInputFromCard({ name: { evil: true }, modeKind: 'nonstop' });
    assert.throws(
      () => parseProgrammeSettings(input, now),
      (err: unknown) =>
        err instanceof ValidationError && err.violation?.field === 'name' && err.violation.rule === 'format',
    );
    assert.throws(
      () => parseProgrammeSettings(programmeInputFromCard({ name: 'N' }), now),
      (err: unknown) =>
        err instanceof ValidationError &&
        err.violation?.field === 'mode.kind' &&
        err.violation.rule === 'required',
    );
    assert.throws(
      () =>
        parseProgrammeSettings(
          programmeInputFromCard({ name: 'N', modeKind: 'nonstop', nudgeLeadHours: '1.5' }),
          now,
        ),
      (err: unknown) => err instanceof ValidationError && err.violation?.field === 'defaults.nudgeLeadHours',
    );
  });

  it('round-trips the form card itself: its defaults plus a name and dates are a valid programme', () => {
    for (const locale of LOCALES) {
      const submitted: Record<string, unknown> = {};
      for (const [id, input] of inputs(programmeFormCard(locale, {}))) {
        if (input.value !== undefined) submitted[id] = String(input.value);
      }
      Object.assign(submitted, {
        name: 'Mentorointi',
        startDate: '2027-02-15',
        endDate: '2027-12-15',
        signUpDeadline: '2027-02-01',
      });
      const settings = parseProgrammeSettings(programmeInputFromCard(submitted), now);
      assert.equal(settings.mode.kind, 'cohort');
      assert.equal(settings.language, locale);
      assert.deepEqual(settings.defaults, {
        firstPhaseMeetings: 3,
        cadenceWeeks: 4,
        meetingMinutes: 60,
        nudgeLeadHours: 24,
        nudgeAktori: false,
      });
    }
  });
});
