/** The scheduler's own cards: the nudge before a meeting and the weekly digest. */
import assert from 'node:assert/strict';
import type { KeyFigures } from '../../../bot/src/domain/dashboard/buildDashboard';
import { LOCALES } from '../../../bot/src/i18n/locale';
import { meetingNudgeCard } from '../../../bot/src/teams/cards/meetingNudgeCard';
import { DIGEST_MAX_PAIRS, weeklyDigestCard } from '../../../bot/src/teams/cards/weeklyDigestCard';
import { actions, cardProblems, visibleText } from '../../support/adaptiveCards';

const meeting = {
  pairId: 'p0123456789abcdef',
  number: 2,
  start: Date.parse('2027-03-01T10:00:00Z'),
  end: Date.parse('2027-03-01T11:00:00Z'),
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
};
const terms = {
  goals: [{ text: 'Oppia <script>alert(1)</script> **delegoimaan**', tags: [] }],
  preparation: 'Kumpikin tuo yhden kysymyksen.',
};
const figures: KeyFigures = {
  volunteers: { mentors: 4, aktoris: 5 },
  pairs: { total: 4, active: 3, concluded: 1 },
  agreementsInForce: 3,
  meetings: { held: 6, booked: 9, upcoming: 3 },
  checkpoints: { continued: 1, concluded: 1, waiting: 1 },
  needAttention: 2,
};

describe('the scheduler’s cards', () => {
  for (const locale of LOCALES) {
    it(`nudge (${locale}): valid, the time in the recipient’s zone, goals as plain text, working actions`, () => {
      const card = meetingNudgeCard(
        {
          role: 'mentor',
          meeting,
          programmeName: 'Asiakaskokemus',
          partnerNames: ['Eveliina'],
          timeZone: 'America/New_York',
          terms,
        },
        locale,
      );
      assert.deepEqual(cardProblems(card), []);
      const text = visibleText(card);
      // 10:00 UTC is 05:00 in New York.
      assert.match(text, /5[.:]00|05[.:]00/);
      assert.ok(!text.includes('**delegoimaan**'), 'markdown in a goal is shown as text');
      assert.ok(text.includes('Kumpikin tuo yhden kysymyksen.'));
      const verbs = actions(card).map((a) => a.verb ?? a.type);
      assert.deepEqual(verbs, [
        'Action.OpenUrl',
        'agreement.open',
        'meeting.moveOptions',
        'meeting.cancelAsk',
      ]);
      for (const a of actions(card).filter((x) => String(x.verb ?? '').startsWith('meeting.'))) {
        assert.deepEqual(a.data, { pairId: meeting.pairId, number: 2, start: '2027-03-01T10:00:00.000Z' });
      }
    });

    it(`digest (${locale}): valid, counts and names with reasons, never goals, capped`, () => {
      const attention = Array.from({ length: DIGEST_MAX_PAIRS + 3 }, (_, i) => ({
        names: [`Mentor ${i}`, `Aktori ${i}`],
        attention: ['no-meeting-booked' as const],
      }));
      const card = weeklyDigestCard('Asiakaskokemus', figures, attention, locale);
      assert.deepEqual(cardProblems(card), []);
      const text = visibleText(card);
      assert.ok(text.includes('Mentor 0') && !text.includes(`Mentor ${DIGEST_MAX_PAIRS}`));
      assert.ok(text.includes('3'), 'the remainder is counted');
      const quiet = visibleText(weeklyDigestCard('Asiakaskokemus', figures, [], locale));
      assert.ok(!quiet.includes('Mentor'));
    });
  }

  it('leaves out a join link that is not https', () => {
    const card = meetingNudgeCard(
      {
        role: 'aktori',
        meeting: { ...meeting, joinUrl: 'javascript:alert(1)' },
        programmeName: 'P',
        partnerNames: ['A'],
        timeZone: 'Europe/Helsinki',
        terms: undefined,
      },
      'en',
    );
    assert.ok(!actions(card).some((a) => a.type === 'Action.OpenUrl'));
  });
});
