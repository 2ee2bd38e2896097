import assert from 'node:assert/strict';
import { csvCell, neutraliseCell, toCsv } from '../../../bot/src/domain/dashboard/csv';
import { type DashboardCsvWords, dashboardCsvRows } from '../../../bot/src/domain/dashboard/dashboardCsv';
import { pairRow } from '../../../bot/src/domain/dashboard/pairRow';
import { inForce, meeting, NOW, pair } from './fixtures';

const words: DashboardCsvWords = {
  columns: {
    mentor: 'Mentor',
    aktoris: 'Mentees',
    form: 'Form',
    stage: 'Status',
    goal: (n) => `Goal ${n}`,
    meetingsHeld: 'Held',
    meetingsBooked: 'Booked',
    nextMeeting: 'Next',
    lastActivity: 'Last',
    formedAt: 'Formed',
    attention: 'Attention',
  },
  form: (f) => f,
  stage: (s) => s,
  attention: (a) => a,
};

describe('CSV export', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x', '=HYPERLINK("http://x","y")']) {
      assert.equal(neutraliseCell(bad), `'${bad}`, JSON.stringify(bad));
    }
    for (const fine of ['Aino', 'a=b', ' =x', '3', '', 'Åsa']) assert.equal(neutraliseCell(fine), fine);
  });

  it('quotes every cell and doubles quotes, so commas, quotes and line breaks stay in their cell', () => {
    assert.equal(csvCell('Hei, "maailma"\nrivi'), '"Hei, ""maailma""\nrivi"');
    assert.equal(csvCell('=A1'), `"'=A1"`);
    const csv = toCsv([
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.ok(csv.startsWith('\uFEFF'), 'a BOM, so Excel reads UTF-8');
    assert.equal(csv, '\uFEFF"a","b"\r\n"1","2"\r\n');
  });

  it('writes one row per pair with a column per goal, times in the programme’s zone', () => {
    const p = pair('p1', {
      agreement: inForce(['=cmd|"/c calc"!A1', 'Verkostoitua, laajasti']),
      names: { 'p1-m': '@Aino', 'p1-a': 'Eveliina' },
    });
    const row = pairRow(
      {
        pair: p,
        meetings: [meeting('p1', 1, Date.parse('2026-04-01T07:00:00Z'))],
        lastLearningAt: undefined,
        firstPhaseMeetings: 3,
      },
      NOW,
    );
    const rows = dashboardCsvRows([row], words, 'Europe/Helsinki');
    assert.deepEqual(rows[0], [
      'Mentor',
      'Mentees',
      'Form',
      'Status',
      'Goal 1',
      'Goal 2',
      'Held',
      'Booked',
      'Next',
      'Last',
      'Formed',
      'Attention',
    ]);
    assert.equal(rows[1]?.[0], '@Aino');
    assert.equal(rows[1]?.[4], '=cmd|"/c calc"!A1');
    assert.equal(rows[1]?.[8], '2026-04-01 10:00', 'the next meeting in Helsinki time');
    const csv = toCsv(rows);
    assert.match(csv, /"'@Aino"/);
    assert.match(csv, /"'=cmd\|""\/c calc""!A1"/);
    assert.match(csv, /"Verkostoitua, laajasti"/);
  });
});
