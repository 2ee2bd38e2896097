/**
 * A person who signed up to a programme, as mentor or aktori, and the rules
 * for what they may say about themselves. What they offer or want to learn
 * are tags: the programme's competence areas and the mentoring themes.
 */
import { field, integer, listOf, object, oneOf, text } from '../validate';
import type { Programme } from './programme';
import { LANGUAGES, type Language, THEMES, VOLUNTEER_ROLES, type VolunteerRole } from './vocabulary';

export type VolunteerStatus = 'active' | 'withdrawn' | 'paired';

export interface VolunteerProfile {
  readonly role: VolunteerRole;
  /** Mentor: what I can offer. Tag ids (see topicTags). */
  readonly offers: readonly string[];
  /** Aktori: what I want to learn. Tag ids. */
  readonly wants: readonly string[];
  readonly unit: string;
  readonly languages: readonly Language[];
  /** Mentors: how many aktoris they can take. Aktoris: 1. */
  readonly capacity: number;
  /** A short free text to the supervisor (≤ 500 characters). */
  readonly note: string;
}

export interface Volunteer extends VolunteerProfile {
  readonly programmeId: string;
  readonly userId: string;
  readonly name: string;
  /** Mailbox address from the Teams roster, for booking meetings; absent when Teams did not say. */
  readonly email?: string;
  readonly status: VolunteerStatus;
  /** Pairs the person is in: one for an aktori, up to `capacity` for a mentor. */
  readonly pairIds: readonly string[];
  readonly signedUpAt: string;
  readonly updatedAt: string;
}

export const VOLUNTEER_LIMITS = { unit: 80, note: 500, topics: 8, capacity: 5 } as const;

const THEME_PREFIX = 'theme:';
const AREA_PREFIX = 'area:';

/** The tags a volunteer of this programme may choose from: its competence areas, then the themes. */
export function topicTags(programme: Pick<Programme, 'competenceAreas'>): string[] {
  return [
    ...programme.competenceAreas.map((a) => `${AREA_PREFIX}${a}`),
    ...THEMES.map((t) => `${THEME_PREFIX}${t}`),
  ];
}

export function describeTag(tag: string): { kind: 'area'; label: string } | { kind: 'theme'; theme: string } {
  if (tag.startsWith(THEME_PREFIX)) return { kind: 'theme', theme: tag.slice(THEME_PREFIX.length) };
  return { kind: 'area', label: tag.startsWith(AREA_PREFIX) ? tag.slice(AREA_PREFIX.length) : tag };
}

export function parseVolunteerProfile(
  raw: unknown,
  programme: Pick<Programme, 'competenceAreas'>,
): VolunteerProfile {
  const input = object(raw);
  const role = oneOf(field(input, 'role'), 'role', VOLUNTEER_ROLES);
  const allowed = topicTags(programme);
  const topics = listOf(
    field(input, role === 'mentor' ? 'offers' : 'wants'),
    role === 'mentor' ? 'offers' : 'wants',
    allowed,
    {
      max: VOLUNTEER_LIMITS.topics,
      min: 1,
    },
  );
  const languages = listOf(field(input, 'languages'), 'languages', LANGUAGES, {
    max: LANGUAGES.length,
    min: 1,
  });
  const capacity =
    role === 'mentor' ? integer(field(input, 'capacity'), 'capacity', 1, VOLUNTEER_LIMITS.capacity, 1) : 1;
  return {
    role,
    offers: role === 'mentor' ? topics : [],
    wants: role === 'aktori' ? topics : [],
    unit: text(field(input, 'unit'), 'unit', { max: VOLUNTEER_LIMITS.unit, required: true }),
    languages,
    capacity,
    note: text(field(input, 'note'), 'note', { max: VOLUNTEER_LIMITS.note, multiline: true }),
  };
}

export function countVolunteers(volunteers: readonly Pick<Volunteer, 'role' | 'status'>[]): {
  mentors: number;
  aktoris: number;
} {
  let mentors = 0;
  let aktoris = 0;
  for (const v of volunteers) {
    if (v.status === 'withdrawn') continue;
    if (v.role === 'mentor') mentors++;
    else aktoris++;
  }
  return { mentors, aktoris };
}

/** Aktoris a mentor can still take; aktoris and peers take part in one pair. */
export function spareCapacity(v: Pick<Volunteer, 'role' | 'capacity' | 'pairIds'>): number {
  return Math.max(0, (v.role === 'mentor' ? v.capacity : 1) - v.pairIds.length);
}
