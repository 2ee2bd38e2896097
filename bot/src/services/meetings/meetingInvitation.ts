/**
 * What the calendar event says, in the programme's language: who meets and
 * in which programme, and how to change it. Never goals or anything else
 * from the agreement: invitations are read in Outlook, on phones and by
 * delegates.
 */
import { memberIds, type Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import { translator } from '../../i18n/translate';

export function invitationText(
  programme: Pick<Programme, 'name' | 'language'>,
  pair: Pick<Pair, 'mentorId' | 'aktoriIds' | 'names'>,
): { subject: string; bodyHtml: string } {
  const t = translator(programme.language);
  const names = memberIds(pair)
    .map((id) => pair.names[id] ?? '')
    .filter(Boolean);
  return {
    subject: t('meeting.event.subject', { programme: programme.name }).slice(0, 255),
    bodyHtml: [
      t('meeting.event.who', {
        programme: escapeHtml(programme.name),
        names: names.map(escapeHtml).join(' &amp; '),
      }),
      t('meeting.event.how'),
    ]
      .map((p) => `<p>${p}</p>`)
      .join(''),
  };
}

/** The note attendees get with a cancellation. */
export function cancellationComment(programme: Pick<Programme, 'language'>, byName: string): string {
  return translator(programme.language)('meeting.event.cancelled', { name: byName });
}

/** The note with the cancellation of an event Polku made but could not record as booked. */
export function notBookedComment(programme: Pick<Programme, 'language'>): string {
  return translator(programme.language)('meeting.event.notBooked');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
