/** Where a programme is in its life, from its settings and today's date in its own time zone. */
import { isSignUpOpen, localDate, type Programme } from '../programme/programme';

export type ProgrammePhase = 'sign-up' | 'starting' | 'running' | 'ended' | 'ongoing';

export function programmePhase(
  programme: Pick<Programme, 'mode' | 'signUpDeadline' | 'timeZone'>,
  now: Date,
): ProgrammePhase {
  if (programme.mode.kind === 'nonstop') return 'ongoing';
  const today = localDate(now, programme.timeZone);
  if (today > programme.mode.endDate) return 'ended';
  if (today >= programme.mode.startDate) return 'running';
  return isSignUpOpen(programme, now) ? 'sign-up' : 'starting';
}
