/** Field labels and error wording for the programme form, shared by the fields and the error summary. */

import type { MessageKey, Translate } from '../../i18n';
import type { FieldError, FieldName } from '../../model/programmeDraft';

export const FIELD_LABEL: Readonly<Record<FieldName, MessageKey>> = {
  name: 'form.name',
  description: 'form.description',
  form: 'form.form',
  language: 'form.language',
  'mode.kind': 'form.mode',
  'mode.startDate': 'form.startDate',
  'mode.endDate': 'form.endDate',
  'mode.coachingSessions': 'form.coaching',
  signUpDeadline: 'form.signUpDeadline',
  aims: 'form.aims',
  competenceAreas: 'form.areas',
  'defaults.firstPhaseMeetings': 'form.meetings',
  'defaults.cadenceWeeks': 'form.cadence',
  'defaults.meetingMinutes': 'form.minutes',
  'defaults.nudgeLeadHours': 'form.nudge',
  'defaults.nudgeAktori': 'form.nudgeAktori',
  channel: 'form.channel',
  coordinators: 'form.coordinators',
};

const RULE_TEXT: Readonly<Record<string, MessageKey>> = {
  required: 'validation.required',
  'too-long': 'validation.tooLong',
  'too-many': 'validation.tooMany',
  'not-allowed': 'validation.notAllowed',
  format: 'validation.format',
  range: 'validation.range',
  'in-past': 'validation.inPast',
  order: 'validation.after',
  'not-after': 'validation.notAfter',
  'channel-gone': 'validation.channelGone',
};

export function errorText(t: Translate, error: FieldError): string {
  const key =
    error.rule === 'range' && error.limit?.includes('days')
      ? 'validation.tooFar'
      : (RULE_TEXT[error.rule] ?? 'validation.other');
  const other = error.limit && error.limit in FIELD_LABEL ? t(FIELD_LABEL[error.limit as FieldName]) : '';
  return t(key, { limit: error.limit ?? '', other });
}
