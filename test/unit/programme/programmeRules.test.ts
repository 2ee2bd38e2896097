import assert from 'node:assert/strict';
import { ValidationError } from '../../../bot/src/domain/errors';
import { pairIdFor } from '../../../bot/src/domain/programme/pair';
import { parseProgrammeSettings } from '../../../bot/src/domain/programme/parseProgrammeSettings';
import { canManage, isSignUpOpen } from '../../../bot/src/domain/programme/programme';
import { parseVolunteerProfile, spareCapacity, topicTags } from '../../../bot/src/domain/programme/volunteer';

const now = new Date('2026-11-22T10:00:00Z');
const cohort = {
  kind: 'cohort',
  startDate: '2027-01-10',
  endDate: '2027-12-01',
  coachingSessions: ['start', 'end'],
};

function violation(fn: () => unknown): { field: string; rule: string } {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return { field: err.violation?.field ?? '', rule: err.violation?.rule ?? '' };
  }
  assert.fail('expected a ValidationError');
}

describe('programme settings', () => {
  it('fills the practice’s defaults: pair, three meetings about monthly, 60 minutes, nudged a day ahead', () => {
    const s = parseProgrammeSettings({ name: '  Mentorointi  ' }, now);
    assert.equal(s.name, 'Mentorointi');
    assert.equal(s.form, 'pair');
    assert.deepEqual(s.mode, { kind: 'nonstop' });
    assert.deepEqual(s.defaults, {
      firstPhaseMeetings: 3,
      cadenceWeeks: 4,
      meetingMinutes: 60,
      nudgeLeadHours: 24,
      nudgeAktori: false,
    });
    assert.equal(s.timeZone, 'Europe/Helsinki');
    assert.equal(s.language, 'fi');
  });

  it('accepts a cohort with dates, aims, areas and a deadline before the start', () => {
    const s = parseProgrammeSettings(
      {
        name: 'K',
        mode: cohort,
        signUpDeadline: '2026-12-15',
        aims: ['strengthen', 'develop'],
        competenceAreas: ['A', 'a', ' B '],
      },
      now,
    );
    assert.deepEqual(s.competenceAreas, ['A', 'B'], 'trimmed and de-duplicated ignoring case');
    assert.equal(s.signUpDeadline, '2026-12-15');
  });

  it('names the field and rule of every bad input', () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{}, 'name', 'required'],
      [{ name: 'x'.repeat(121) }, 'name', 'too-long'],
      [{ name: 'a\u0000b' }, 'name', 'format'],
      [{ name: 'x', form: 'solo' }, 'form', 'not-allowed'],
      [{ name: 'x', mode: { kind: 'forever' } }, 'mode.kind', 'not-allowed'],
      [{ name: 'x', mode: { ...cohort, startDate: '2026-11-01' } }, 'mode.startDate', 'in-past'],
      [{ name: 'x', mode: { ...cohort, endDate: '2027-01-01' } }, 'mode.endDate', 'order'],
      [{ name: 'x', mode: { ...cohort, endDate: '2029-12-01' } }, 'mode.endDate', 'range'],
      [{ name: 'x', mode: { ...cohort, startDate: '2027-02-30' } }, 'mode.startDate', 'format'],
      [{ name: 'x', mode: cohort }, 'signUpDeadline', 'required'],
      [{ name: 'x', mode: cohort, signUpDeadline: '2027-02-01' }, 'mode.startDate', 'order'],
      [{ name: 'x', signUpDeadline: '2026-11-21' }, 'signUpDeadline', 'in-past'],
      [{ name: 'x', defaults: { firstPhaseMeetings: 6 } }, 'defaults.firstPhaseMeetings', 'range'],
      [
        { name: 'x', form: 'quick', defaults: { firstPhaseMeetings: 3 } },
        'defaults.firstPhaseMeetings',
        'range',
      ],
      [{ name: 'x', defaults: { meetingMinutes: 30 } }, 'defaults.meetingMinutes', 'not-allowed'],
      [{ name: 'x', defaults: { cadenceWeeks: 5 } }, 'defaults.cadenceWeeks', 'not-allowed'],
      [{ name: 'x', aims: ['conquer'] }, 'aims', 'not-allowed'],
      [
        { name: 'x', competenceAreas: Array.from({ length: 13 }, (_, i) => `a${i}`) },
        'competenceAreas',
        'too-many',
      ],
      [{ name: 'x', timeZone: 'Mars/Olympus' }, 'timeZone', 'not-allowed'],
      [{ name: 'x', language: 'de' }, 'language', 'not-allowed'],
    ];
    for (const [input, field, rule] of cases) {
      assert.deepEqual(
        violation(() => parseProgrammeSettings(input, now)),
        { field, rule },
        JSON.stringify(input),
      );
    }
  });

  it('keeps sign-up open through the deadline day in the programme’s own time zone', () => {
    const p = { signUpDeadline: '2026-12-15', timeZone: 'Europe/Helsinki' };
    assert.equal(isSignUpOpen(p, new Date('2026-12-15T21:59:00Z')), true, '23:59 in Helsinki');
    assert.equal(isSignUpOpen(p, new Date('2026-12-15T22:00:00Z')), false, 'midnight in Helsinki');
    assert.equal(isSignUpOpen({ signUpDeadline: undefined, timeZone: 'Europe/Helsinki' }, now), true);
  });

  it('lets only owners and coordinators manage', () => {
    const p = { owners: ['o'], coordinators: ['c'] };
    assert.deepEqual(
      ['o', 'c', 'x'].map((u) => canManage(p, u)),
      [true, true, false],
    );
  });
});

describe('volunteer profile', () => {
  const programme = { competenceAreas: ['Asiakaskokemus'] };

  it('accepts a mentor with topics from the programme and the themes, and caps capacity', () => {
    const v = parseVolunteerProfile(
      {
        role: 'mentor',
        offers: 'area:Asiakaskokemus,theme:career',
        unit: 'IT',
        languages: ['fi', 'sv'],
        capacity: '3',
        note: 'Hei',
      },
      programme,
    );
    assert.deepEqual(v.offers, ['area:Asiakaskokemus', 'theme:career']);
    assert.equal(v.capacity, 3);
    assert.deepEqual(v.wants, []);
    assert.ok(topicTags(programme).includes('theme:networking'));
  });

  it('gives aktoris capacity 1 whatever the card says', () => {
    const v = parseVolunteerProfile(
      { role: 'aktori', wants: 'theme:career', unit: 'IT', languages: 'fi', capacity: '5' },
      programme,
    );
    assert.equal(v.capacity, 1);
    assert.equal(spareCapacity({ ...v, pairIds: [] }), 1);
  });

  it('refuses unknown topics, roles and languages, missing units and over-long notes', () => {
    const base = { role: 'aktori', wants: 'theme:career', unit: 'IT', languages: 'fi' };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...base, role: 'boss' }, 'role', 'not-allowed'],
      [{ ...base, wants: 'area:Something else' }, 'wants', 'not-allowed'],
      [{ ...base, wants: '' }, 'wants', 'required'],
      [{ ...base, languages: 'de' }, 'languages', 'not-allowed'],
      [{ ...base, unit: '' }, 'unit', 'required'],
      [{ ...base, note: 'x'.repeat(501) }, 'note', 'too-long'],
      [{ ...base, role: 'mentor', offers: 'theme:career', capacity: '6' }, 'capacity', 'range'],
    ];
    for (const [input, field, rule] of cases) {
      assert.deepEqual(
        violation(() => parseVolunteerProfile(input, programme)),
        { field, rule },
        JSON.stringify(input),
      );
    }
  });
});

describe('pair ids', () => {
  it('are the same for the same members in any order, and differ otherwise', () => {
    assert.equal(pairIdFor('p', 'm', ['a', 'b']), pairIdFor('p', 'm', ['b', 'a']));
    assert.notEqual(pairIdFor('p', 'm', ['a']), pairIdFor('p', 'm', ['b']));
    assert.notEqual(pairIdFor('p', 'm', ['a']), pairIdFor('q', 'm', ['a']));
    assert.match(pairIdFor('p', 'm', ['a']), /^p[0-9a-f]{16}$/);
  });
});
