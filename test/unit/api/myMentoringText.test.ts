/**
 * The tab's rules for a pair's meetings and the channel tab's landing: which
 * join links are offered, which meetings are ahead, what each failure says,
 * and where a channel tab opens.
 */
import assert from 'node:assert/strict';
import { ApiError } from '../../../tab/src/api/http';
import type { PairMeeting } from '../../../tab/src/api/meetingApi';
import {
  earlierStatusKey,
  meetingProblem,
  safeJoinUrl,
  splitMeetings,
} from '../../../tab/src/components/mentoring/meetingText';
import { parseRoute } from '../../../tab/src/routing/route';
import { channelTabConfig, readLaunchParams } from '../../../tab/src/teams/hostContext';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const meeting = (over: Partial<PairMeeting>): PairMeeting => ({
  number: 1,
  start: '2026-11-24T10:00:00.000Z',
  end: '2026-11-24T10:45:00.000Z',
  status: 'booked',
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  cancelledAt: null,
  checkIn: null,
  ...over,
});
const PROGRAMME = '0b0c8f1e-2f7a-4c55-9a57-3c1f2b8e7d10';

describe('My mentoring: meetings as the tab shows them', () => {
  it('offers only https join links', () => {
    assert.equal(safeJoinUrl('https://teams.microsoft.com/l/x'), 'https://teams.microsoft.com/l/x');
    for (const bad of [
      'javascript:alert(1)',
      'http://teams.microsoft.com/l/x',
      'data:text/html,x',
      'no url',
      '',
      null,
    ])
      assert.equal(safeJoinUrl(bad), undefined, String(bad));
  });

  it('lists booked meetings not yet over first, soonest first; the rest newest first; failed ones not at all', () => {
    const { upcoming, earlier } = splitMeetings(
      [
        meeting({ number: 1, start: '2026-11-01T10:00:00Z', end: '2026-11-01T10:45:00Z', checkIn: 'met' }),
        meeting({ number: 2, start: '2026-12-20T10:00:00Z', end: '2026-12-20T10:45:00Z' }),
        meeting({ number: 3, start: '2026-11-30T10:00:00Z', end: '2026-11-30T10:45:00Z' }),
        meeting({
          number: 4,
          status: 'cancelled',
          start: '2026-12-01T10:00:00Z',
          end: '2026-12-01T10:45:00Z',
        }),
        meeting({ number: 5, status: 'failed' }),
        // Under way: still ahead until it ends.
        meeting({ number: 6, start: '2026-11-23T09:30:00Z', end: '2026-11-23T10:15:00Z' }),
      ],
      NOW,
    );
    assert.deepEqual(
      upcoming.map((m) => m.number),
      [6, 3, 2],
    );
    assert.deepEqual(
      earlier.map((m) => m.number),
      [4, 1],
    );
  });

  it('says of an earlier meeting whether it was cancelled, held, not held or not answered', () => {
    assert.equal(
      earlierStatusKey(meeting({ status: 'cancelled', checkIn: 'met' })),
      'meetings.status.cancelled',
    );
    assert.equal(earlierStatusKey(meeting({ checkIn: 'met' })), 'meetings.status.held');
    assert.equal(earlierStatusKey(meeting({ checkIn: 'not-met' })), 'meetings.status.notMet');
    assert.equal(earlierStatusKey(meeting({})), 'meetings.status.past');
  });

  it('puts each failure in plain words, and says when the times or the list are stale', () => {
    const err = (status: number, code: string) => new ApiError(status, code, 'x');
    assert.deepEqual(meetingProblem(err(409, 'agreement_not_in_force'), 'book'), {
      key: 'meetings.error.notInForce',
      freshList: true,
    });
    assert.deepEqual(meetingProblem(err(409, 'slot_taken'), 'move'), {
      key: 'meetings.error.slotTaken',
      freshTimes: true,
    });
    assert.equal(meetingProblem(err(503, 'unavailable'), 'book').key, 'meetings.error.calendarBook');
    assert.equal(meetingProblem(err(503, 'unavailable'), 'move').key, 'meetings.error.calendarMove');
    assert.equal(meetingProblem(err(503, 'unavailable'), 'cancel').key, 'meetings.error.calendarCancel');
    assert.equal(meetingProblem(err(429, 'throttled'), 'slots').key, 'meetings.error.calendarSlots');
    assert.equal(meetingProblem(err(404, 'no_mailbox'), 'slots').key, 'meetings.error.noCalendar');
    assert.equal(meetingProblem(err(400, 'meeting_past'), 'cancel').key, 'meetings.error.over');
    // No answer at all: the booking may have happened, so the list is read again.
    assert.deepEqual(meetingProblem(new ApiError(0, 'network_error', 'x'), 'book'), { freshList: true });
    // Anything else not particular to meetings: the general wording (no key of its own).
    assert.deepEqual(meetingProblem(err(403, 'not_pair_member'), 'slots'), {});
  });
});

describe('the channel tab’s landing', () => {
  it('opens a channel tab saved with its programme on that programme’s dashboard', () => {
    const launch = readLaunchParams(`?view=dashboard&programme=${PROGRAMME}&host=teams`);
    assert.equal(launch.programmeId, PROGRAMME);
    assert.deepEqual(parseRoute('', launch.landing), { kind: 'dashboard', id: PROGRAMME });
    // A hash the person navigated to wins (reloads, Back).
    assert.deepEqual(parseRoute('#/programmes', launch.landing), { kind: 'list' });
  });

  it('lands on the programmes without a well-formed programme, and on My mentoring in the personal tab', () => {
    for (const search of [
      '?view=dashboard',
      '?view=dashboard&programme=../me',
      `?view=configure&programme=${PROGRAMME}`,
    ])
      assert.deepEqual(parseRoute('', readLaunchParams(search).landing), { kind: 'list' }, search);
    assert.deepEqual(parseRoute('', readLaunchParams('?view=me&host=teams').landing), { kind: 'me' });
  });

  it('saves the chosen programme into the tab’s URLs', () => {
    const config = channelTabConfig(
      { id: PROGRAMME, name: 'Myynnin mentorointi' },
      'https://polku.example/tab/?view=configure&host=teams',
    );
    assert.equal(
      config.contentUrl,
      `https://polku.example/tab/?view=dashboard&programme=${PROGRAMME}&host=teams`,
    );
    assert.equal(config.websiteUrl, `https://polku.example/tab/?view=dashboard&programme=${PROGRAMME}`);
    assert.equal(config.entityId, `programme-dashboard-${PROGRAMME}`);
    assert.equal(config.suggestedDisplayName, 'Myynnin mentorointi');
    assert.equal(readLaunchParams(new URL(config.contentUrl).search).programmeId, PROGRAMME);
  });
});
