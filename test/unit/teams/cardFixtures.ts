/** Programmes, volunteers and pairs for the card tests, with names that try markdown on purpose. */
import type { Pair } from '../../../bot/src/domain/programme/pair';
import type { Programme } from '../../../bot/src/domain/programme/programme';
import type { Volunteer } from '../../../bot/src/domain/programme/volunteer';

export const PROGRAMME_ID = '6f1c2a4e-8b7d-4c3a-9e21-0d5b7a9c3f10';

/** 1 January 2027, 12:00 in Helsinki: before the deadline of the cohort below. */
export const NOW = new Date('2027-01-01T10:00:00Z');
/** 1 February 2027: after it. */
export const LATER = new Date('2027-02-01T10:00:00Z');

export const cohort: Programme = {
  id: PROGRAMME_ID,
  tenantId: 'tenant-1',
  name: 'Asiakaskokemus [x](https://evil.example)',
  description: 'Jaetaan osaamista *yli* yksikkörajojen.\n- ei lista',
  form: 'pair',
  mode: {
    kind: 'cohort',
    startDate: '2027-02-15',
    endDate: '2027-12-15',
    coachingSessions: ['start', 'middle', 'end'],
  },
  aims: ['preserve', 'develop'],
  competenceAreas: ['change management', 'data_analysis'],
  defaults: {
    firstPhaseMeetings: 3,
    cadenceWeeks: 4,
    meetingMinutes: 60,
    nudgeLeadHours: 24,
    nudgeAktori: false,
  },
  signUpDeadline: '2027-01-31',
  timeZone: 'Europe/Helsinki',
  language: 'fi',
  owners: ['owner-1'],
  coordinators: [],
  channel: { teamId: 'team-1', channelId: '19:channel@thread.tacv2', teamName: 'Asiakaspalvelu' },
  announcement: undefined,
  createdBy: 'owner-1',
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
};

export const nonstop: Programme = {
  ...cohort,
  name: 'Jatkuva mentorointi',
  description: '',
  form: 'group',
  mode: { kind: 'nonstop' },
  aims: [],
  competenceAreas: [],
  defaults: {
    firstPhaseMeetings: 2,
    cadenceWeeks: 2,
    meetingMinutes: 45,
    nudgeLeadHours: 12,
    nudgeAktori: false,
  },
  signUpDeadline: undefined,
};

export const quick: Programme = {
  ...nonstop,
  name: 'Pikamentorointi',
  form: 'quick',
  defaults: {
    firstPhaseMeetings: 1,
    cadenceWeeks: 6,
    meetingMinutes: 45,
    nudgeLeadHours: 24,
    nudgeAktori: false,
  },
};

export const mentor: Volunteer = {
  programmeId: PROGRAMME_ID,
  userId: 'user-aino',
  name: 'Aino **Virtanen**',
  role: 'mentor',
  offers: ['area:change management', 'theme:career'],
  wants: [],
  unit: '- Asiakaspalvelu',
  languages: ['fi', 'en'],
  capacity: 2,
  note: '# Voin aloittaa maaliskuussa',
  status: 'active',
  pairIds: [],
  signedUpAt: '2027-01-01T09:00:00.000Z',
  updatedAt: '2027-01-01T09:00:00.000Z',
};

export const aktori: Volunteer = {
  programmeId: PROGRAMME_ID,
  userId: 'user-ville',
  name: 'Ville [Korhonen](https://evil.example)',
  role: 'aktori',
  offers: [],
  wants: ['area:change management'],
  unit: 'Talous',
  languages: ['sv'],
  capacity: 1,
  note: '',
  status: 'active',
  pairIds: [],
  signedUpAt: '2027-01-02T09:00:00.000Z',
  updatedAt: '2027-01-03T09:00:00.000Z',
};

export const pair: Pair = {
  id: 'p0123456789abcdef',
  programmeId: PROGRAMME_ID,
  tenantId: 'tenant-1',
  form: 'pair',
  mentorId: mentor.userId,
  aktoriIds: [aktori.userId],
  names: { [mentor.userId]: mentor.name, [aktori.userId]: aktori.name },
  reasons: [],
  status: 'formed',
  formedBy: 'owner-1',
  formedAt: '2027-02-01T08:00:00.000Z',
};

export const group: Pair = {
  ...pair,
  id: 'p1123456789abcdef',
  form: 'group',
  aktoriIds: [aktori.userId, 'user-eeva', 'user-mikko'],
  names: { ...pair.names, 'user-eeva': 'Eeva', 'user-mikko': 'Mikko' },
};

export const peerPair: Pair = { ...pair, id: 'p2123456789abcdef', form: 'peer' };
export const reversePair: Pair = { ...pair, id: 'p3123456789abcdef', form: 'reverse' };

/** Every name and free text above, as people typed them: none of it may appear in a channel post. */
export const PEOPLE_TEXT = [
  'Aino',
  'Virtanen',
  'Ville',
  'Korhonen',
  'Asiakaspalvelu',
  'maaliskuussa',
  'Talous',
];
