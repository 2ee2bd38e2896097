import assert from 'node:assert/strict';
import {
  clearTimeZoneCache,
  DAY,
  epochToLocal,
  isTimeZone,
  localDay,
  localToEpoch,
  mondayOf,
  offsetAt,
  weekday,
} from '../../../bot/src/domain/slots/timeZones';
import { HOUR, MIN, pick, prng, wall } from './support';

const ZONES = [
  'Europe/Helsinki',
  'Europe/Stockholm',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
];

/** A local value (wall clock written as UTC) for a date and time. */
const local = (date: string, hhmm: string): number => Date.parse(`${date}T${hhmm}:00Z`);

describe('timeZones', () => {
  beforeEach(clearTimeZoneCache);

  it('knows IANA zones and refuses unknown and Windows names', () => {
    assert.ok(isTimeZone('Europe/Helsinki'));
    assert.ok(isTimeZone('UTC'));
    assert.ok(!isTimeZone('Europe/Atlantis'));
    assert.ok(!isTimeZone('FLE Standard Time'));
    assert.ok(!isTimeZone(''));
  });

  it('agrees with Intl on the wall clock at 5,000 random instants around DST changes', () => {
    const rng = prng(3);
    const around = [
      Date.UTC(2027, 2, 28),
      Date.UTC(2027, 9, 31),
      Date.UTC(2027, 2, 14),
      Date.UTC(2027, 3, 4),
    ];
    for (let i = 0; i < 5000; i++) {
      const zone = pick(rng, ZONES);
      const t = pick(rng, around) + Math.floor(((rng() - 0.5) * 4 * DAY) / 1000) * 1000;
      const w = wall(zone, t);
      const l = epochToLocal(zone, t);
      const expected = Date.parse(`${w.date}T00:00:00Z`) + Math.round(w.minute * 60) * 1000;
      assert.equal(l, expected, `${zone} ${new Date(t).toISOString()}`);
    }
  });

  it('finds the exact second of the Helsinki changes in 2027', () => {
    const spring = Date.UTC(2027, 2, 28, 1); // 03:00 EET → 04:00 EEST
    assert.equal(offsetAt('Europe/Helsinki', spring - 1000), 2 * HOUR);
    assert.equal(offsetAt('Europe/Helsinki', spring), 3 * HOUR);
    const autumn = Date.UTC(2027, 9, 31, 1); // 04:00 EEST → 03:00 EET
    assert.equal(offsetAt('Europe/Helsinki', autumn - 1000), 3 * HOUR);
    assert.equal(offsetAt('Europe/Helsinki', autumn), 2 * HOUR);
  });

  it('turns wall-clock times back into the instants, round trip, except in gaps', () => {
    const rng = prng(4);
    for (let i = 0; i < 3000; i++) {
      const zone = pick(rng, ZONES);
      const t = Date.UTC(2027, 0, 1) + Math.floor((rng() * 365 * DAY) / MIN) * MIN;
      const back = localToEpoch(zone, epochToLocal(zone, t));
      // In the repeated autumn hour the earlier instant is chosen, so a later one maps back one change earlier.
      assert.ok(back === t || (back < t && epochToLocal(zone, back) === epochToLocal(zone, t)), zone);
    }
  });

  it('pushes a time in the spring gap forward and takes the earlier of a repeated autumn time', () => {
    const hel = 'Europe/Helsinki';
    assert.equal(localToEpoch(hel, local('2027-03-28', '03:30')), Date.UTC(2027, 2, 28, 1, 30)); // 04:30 EEST
    assert.equal(localToEpoch(hel, local('2027-10-31', '03:30')), Date.UTC(2027, 9, 31, 0, 30)); // the first 03:30
    assert.equal(localToEpoch(hel, local('2027-03-29', '08:00')), Date.UTC(2027, 2, 29, 5));
    assert.equal(localToEpoch(hel, local('2027-11-01', '08:00')), Date.UTC(2027, 10, 1, 6));
    // Lord Howe moves by half an hour.
    const lh = 'Australia/Lord_Howe';
    assert.equal(offsetAt(lh, Date.UTC(2027, 0, 10)), 11 * HOUR);
    assert.equal(offsetAt(lh, Date.UTC(2027, 5, 10)), 10.5 * HOUR);
  });

  it('gives the same answers from a warm cache as from a cold one', () => {
    const ts = Array.from({ length: 200 }, (_, i) => Date.UTC(2027, 2, 20) + i * 97 * MIN);
    const cold = ts.map((t) => offsetAt('Europe/Stockholm', t));
    const warm = ts.map((t) => offsetAt('Europe/Stockholm', t));
    assert.deepEqual(warm, cold);
  });

  it('numbers days and weeks from the local date', () => {
    assert.equal(
      weekday(localDay('Europe/Helsinki', Date.UTC(2027, 2, 28, 22, 30))),
      1,
      'Monday 01:30 in Helsinki',
    );
    assert.equal(
      weekday(localDay('Europe/London', Date.UTC(2027, 2, 28, 22, 30))),
      0,
      'still Sunday 23:30 in London',
    );
    const monday = Date.UTC(2027, 2, 29) / DAY;
    for (let d = monday; d < monday + 7; d++) assert.equal(mondayOf(d), monday);
    assert.equal(mondayOf(monday - 1), monday - 7);
  });
});
