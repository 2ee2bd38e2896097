/**
 * The pairs and their goals as a table for export: one row per pair, one
 * column per goal. Words come from the caller (the requester's language);
 * times are written in the programme's time zone.
 */
import type { AttentionFlag } from './attention';
import type { PairRow, PairStage } from './pairRow';

export interface DashboardCsvWords {
  readonly columns: {
    readonly mentor: string;
    readonly aktoris: string;
    readonly form: string;
    readonly stage: string;
    readonly goal: (n: number) => string;
    readonly meetingsHeld: string;
    readonly meetingsBooked: string;
    readonly nextMeeting: string;
    readonly lastActivity: string;
    readonly formedAt: string;
    readonly attention: string;
  };
  readonly form: (form: PairRow['form']) => string;
  readonly stage: (stage: PairStage) => string;
  readonly attention: (flag: AttentionFlag) => string;
}

export function dashboardCsvRows(
  rows: readonly PairRow[],
  words: DashboardCsvWords,
  timeZone: string,
): string[][] {
  const goalColumns = Math.max(2, ...rows.map((r) => r.goals.length));
  const c = words.columns;
  const header = [
    c.mentor,
    c.aktoris,
    c.form,
    c.stage,
    ...Array.from({ length: goalColumns }, (_, i) => c.goal(i + 1)),
    c.meetingsHeld,
    c.meetingsBooked,
    c.nextMeeting,
    c.lastActivity,
    c.formedAt,
    c.attention,
  ];
  const when = localTime(timeZone);
  const body = rows.map((r) => [
    r.members
      .filter((m) => m.role === 'mentor')
      .map((m) => m.name)
      .join('; '),
    r.members
      .filter((m) => m.role === 'aktori')
      .map((m) => m.name)
      .join('; '),
    words.form(r.form),
    words.stage(r.stage),
    ...Array.from({ length: goalColumns }, (_, i) => r.goals[i] ?? ''),
    String(r.meetingsHeld),
    String(r.meetingsBooked),
    r.nextMeeting === undefined ? '' : when(r.nextMeeting),
    r.lastActivity > 0 ? when(r.lastActivity) : '',
    Number.isFinite(Date.parse(r.formedAt)) ? when(Date.parse(r.formedAt)) : '',
    r.attention.map(words.attention).join('; '),
  ]);
  return [header, ...body];
}

/** "2026-03-05 14:00" in the zone: sortable, and read as a date by spreadsheets in every locale. */
function localTime(timeZone: string): (t: number) => string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (t) => format.format(new Date(t));
}
