/**
 * The programme form's state as the person types it (strings, as inputs hold
 * them), its defaults, and the client-side checks. The checks mirror the
 * server's rules (bot/src/domain/programme/parseProgrammeSettings.ts) so most
 * mistakes are explained before a round trip; the server stays the authority.
 * Errors are keyed by the server's field names, so its answers land on the
 * same fields.
 */
import type { Aim, Coaching, Form, Language, Programme, ProgrammeInput } from '../api/programmeTypes';

export interface Draft {
  readonly name: string;
  readonly description: string;
  readonly form: Form;
  readonly language: Language;
  readonly modeKind: 'nonstop' | 'cohort';
  readonly startDate: string;
  readonly endDate: string;
  readonly coaching: readonly Coaching[];
  readonly signUpDeadline: string;
  readonly aims: readonly Aim[];
  /** One competence area per line. */
  readonly areas: string;
  readonly firstPhaseMeetings: string;
  readonly cadenceWeeks: string;
  readonly meetingMinutes: string;
  readonly nudgeLeadHours: string;
  readonly nudgeAktori: boolean;
  /** Entra object ids, one per line. */
  readonly coordinators: string;
  readonly channelId: string;
}

/** Server field names the form can show an error on. */
export type FieldName =
  | 'name'
  | 'description'
  | 'form'
  | 'language'
  | 'mode.kind'
  | 'mode.startDate'
  | 'mode.endDate'
  | 'mode.coachingSessions'
  | 'signUpDeadline'
  | 'aims'
  | 'competenceAreas'
  | 'defaults.firstPhaseMeetings'
  | 'defaults.cadenceWeeks'
  | 'defaults.meetingMinutes'
  | 'defaults.nudgeLeadHours'
  | 'defaults.nudgeAktori'
  | 'coordinators'
  | 'channel';

export interface FieldError {
  readonly rule: string;
  readonly limit?: string | undefined;
}

export type FieldErrors = Partial<Record<FieldName, FieldError>>;

export const LIMITS = { name: 120, description: 1000, areas: 12, areaLength: 60, coordinators: 10 } as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function defaultDraft(language: Language): Draft {
  return {
    name: '',
    description: '',
    form: 'pair',
    language,
    modeKind: 'nonstop',
    startDate: '',
    endDate: '',
    coaching: ['start', 'middle', 'end'],
    signUpDeadline: '',
    aims: [],
    areas: '',
    firstPhaseMeetings: '3',
    cadenceWeeks: '4',
    meetingMinutes: '60',
    nudgeLeadHours: '24',
    nudgeAktori: false,
    coordinators: '',
    channelId: '',
  };
}

export function draftOf(p: Programme): Draft {
  const cohort = p.mode.kind === 'cohort' ? p.mode : undefined;
  return {
    name: p.name,
    description: p.description,
    form: p.form,
    language: p.language,
    modeKind: p.mode.kind,
    startDate: cohort?.startDate ?? '',
    endDate: cohort?.endDate ?? '',
    coaching: cohort?.coachingSessions ?? ['start', 'middle', 'end'],
    signUpDeadline: p.signUpDeadline ?? '',
    aims: p.aims,
    areas: p.competenceAreas.join('\n'),
    firstPhaseMeetings: String(p.defaults.firstPhaseMeetings),
    cadenceWeeks: String(p.defaults.cadenceWeeks),
    meetingMinutes: String(p.defaults.meetingMinutes),
    nudgeLeadHours: String(p.defaults.nudgeLeadHours),
    nudgeAktori: p.defaults.nudgeAktori === true,
    coordinators: p.coordinators.join('\n'),
    channelId: p.channel?.channelId ?? '',
  };
}

/** Quick mentoring is one or two discussions; the others start with two to five meetings. */
export function meetingRange(form: Form): readonly [number, number] {
  return form === 'quick' ? [1, 2] : [2, 5];
}

export function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function inputOf(d: Draft): ProgrammeInput {
  const [min, max] = meetingRange(d.form);
  const meetings = Math.min(max, Math.max(min, Number(d.firstPhaseMeetings)));
  return {
    name: d.name.trim(),
    description: d.description.trim(),
    form: d.form,
    mode:
      d.modeKind === 'cohort'
        ? { kind: 'cohort', startDate: d.startDate, endDate: d.endDate, coachingSessions: d.coaching }
        : { kind: 'nonstop' },
    aims: d.aims,
    competenceAreas: lines(d.areas),
    ...(d.signUpDeadline ? { signUpDeadline: d.signUpDeadline } : {}),
    defaults: {
      firstPhaseMeetings: meetings,
      cadenceWeeks: Number(d.cadenceWeeks) as ProgrammeInput['defaults']['cadenceWeeks'],
      meetingMinutes: Number(d.meetingMinutes) as ProgrammeInput['defaults']['meetingMinutes'],
      nudgeLeadHours: Number(d.nudgeLeadHours),
      nudgeAktori: d.nudgeAktori,
    },
    language: d.language,
    coordinators: lines(d.coordinators),
    ...(d.channelId ? { channel: { channelId: d.channelId } } : {}),
  };
}

/** Today as YYYY-MM-DD in the browser's zone (the server uses the programme's; they agree but near midnight). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function checkDraft(d: Draft, todayIs: string): FieldErrors {
  const errors: FieldErrors = {};
  const name = d.name.trim();
  if (!name) errors.name = { rule: 'required' };
  else if (name.length > LIMITS.name) errors.name = { rule: 'too-long', limit: String(LIMITS.name) };
  if (d.description.trim().length > LIMITS.description) {
    errors.description = { rule: 'too-long', limit: String(LIMITS.description) };
  }
  if (d.modeKind === 'cohort') {
    if (!d.startDate) errors['mode.startDate'] = { rule: 'required' };
    else if (d.startDate < todayIs) errors['mode.startDate'] = { rule: 'in-past' };
    if (!d.endDate) errors['mode.endDate'] = { rule: 'required' };
    else if (d.startDate && d.endDate <= d.startDate) {
      errors['mode.endDate'] = { rule: 'order', limit: 'mode.startDate' };
    }
    if (!d.signUpDeadline) errors.signUpDeadline = { rule: 'required' };
  }
  if (d.signUpDeadline && !errors.signUpDeadline) {
    if (d.signUpDeadline < todayIs) errors.signUpDeadline = { rule: 'in-past' };
    else if (d.modeKind === 'cohort' && d.startDate && d.signUpDeadline > d.startDate) {
      errors.signUpDeadline = { rule: 'not-after', limit: 'mode.startDate' };
    }
  }
  const areas = lines(d.areas);
  if (areas.length > LIMITS.areas) errors.competenceAreas = { rule: 'too-many', limit: String(LIMITS.areas) };
  else if (areas.some((a) => a.length > LIMITS.areaLength)) {
    errors.competenceAreas = { rule: 'too-long', limit: String(LIMITS.areaLength) };
  }
  const hours = d.nudgeLeadHours.trim();
  if (!/^\d+$/.test(hours) || Number(hours) < 1 || Number(hours) > 168) {
    errors['defaults.nudgeLeadHours'] = { rule: 'range', limit: '1–168' };
  }
  const coordinators = lines(d.coordinators);
  if (coordinators.length > LIMITS.coordinators) {
    errors.coordinators = { rule: 'too-many', limit: String(LIMITS.coordinators) };
  } else if (coordinators.some((c) => !GUID.test(c))) {
    errors.coordinators = { rule: 'format' };
  }
  return errors;
}

const FIELD_NAMES: readonly FieldName[] = [
  'name',
  'description',
  'form',
  'language',
  'mode.kind',
  'mode.startDate',
  'mode.endDate',
  'mode.coachingSessions',
  'signUpDeadline',
  'aims',
  'competenceAreas',
  'defaults.firstPhaseMeetings',
  'defaults.cadenceWeeks',
  'defaults.meetingMinutes',
  'defaults.nudgeLeadHours',
  'defaults.nudgeAktori',
  'channel',
  'coordinators',
];

/** The form field a server field name belongs to ("channel.channelId" is the channel choice), if any. */
export function fieldNamed(serverField: string): FieldName | undefined {
  const name = serverField === 'channel.channelId' ? 'channel' : serverField;
  return FIELD_NAMES.find((f) => f === name);
}

const FIELD_OF_DRAFT: Readonly<Record<keyof Draft, readonly FieldName[]>> = {
  name: ['name'],
  description: ['description'],
  form: ['form', 'defaults.firstPhaseMeetings'],
  language: ['language'],
  modeKind: ['mode.kind', 'mode.startDate', 'mode.endDate', 'mode.coachingSessions', 'signUpDeadline'],
  startDate: ['mode.startDate', 'signUpDeadline'],
  endDate: ['mode.endDate'],
  coaching: ['mode.coachingSessions'],
  signUpDeadline: ['signUpDeadline', 'mode.startDate'],
  aims: ['aims'],
  areas: ['competenceAreas'],
  firstPhaseMeetings: ['defaults.firstPhaseMeetings'],
  cadenceWeeks: ['defaults.cadenceWeeks'],
  meetingMinutes: ['defaults.meetingMinutes'],
  nudgeLeadHours: ['defaults.nudgeLeadHours'],
  nudgeAktori: ['defaults.nudgeAktori'],
  coordinators: ['coordinators'],
  channelId: ['channel'],
};

/** The form fields a change to the draft touches (a server error on them no longer holds). */
export function fieldsOf(patch: Partial<Draft>): FieldName[] {
  return (Object.keys(patch) as (keyof Draft)[]).flatMap((k) => FIELD_OF_DRAFT[k]);
}

/** The form's fields in the order they appear, for the error summary and first-error focus. */
export const FIELD_ORDER = FIELD_NAMES;

export function controlId(field: FieldName): string {
  return `programme-${field.replace(/\./g, '-')}`;
}
