/** How the programme runs: cohort or non-stop with its dates, and the defaults each pair starts from. */
import { Checkbox, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { CADENCES, COACHING } from '../../api/programmeTypes';
import { useI18n } from '../../i18n';
import { controlId, type Draft, meetingRange } from '../../model/programmeDraft';
import { ChoiceGroup, FormField, Section } from './FormParts';
import { type SectionProps, toggled } from './sectionProps';

export function ScheduleSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  const cohort = draft.modeKind === 'cohort';
  return (
    <Section legend={t('form.section.schedule')}>
      <FormField field="mode.kind" label={t('form.mode')} errors={errors} required>
        <RadioGroup
          id={controlId('mode.kind')}
          value={draft.modeKind}
          onChange={(_, d) => set({ modeKind: d.value as Draft['modeKind'] })}
        >
          <Radio value="nonstop" label={t('form.mode.nonstop')} />
          <Radio value="cohort" label={t('form.mode.cohort')} />
        </RadioGroup>
      </FormField>
      {cohort && (
        <>
          <FormField field="mode.startDate" label={t('form.startDate')} errors={errors} required>
            <Input
              id={controlId('mode.startDate')}
              type="date"
              value={draft.startDate}
              onChange={(_, d) => set({ startDate: d.value })}
            />
          </FormField>
          <FormField field="mode.endDate" label={t('form.endDate')} errors={errors} required>
            <Input
              id={controlId('mode.endDate')}
              type="date"
              value={draft.endDate}
              onChange={(_, d) => set({ endDate: d.value })}
            />
          </FormField>
          <ChoiceGroup
            field="mode.coachingSessions"
            legend={t('form.coaching')}
            hint={t('form.coaching.hint')}
            errors={errors}
          >
            {COACHING.map((c) => (
              <Checkbox
                key={c}
                label={t(`coaching.${c}`)}
                checked={draft.coaching.includes(c)}
                onChange={(_, d) => set({ coaching: toggled(draft.coaching, c, d.checked === true) })}
              />
            ))}
          </ChoiceGroup>
        </>
      )}
      <FormField
        field="signUpDeadline"
        label={t('form.signUpDeadline')}
        hint={cohort ? t('form.signUpDeadline.cohortHint') : t('form.signUpDeadline.nonstopHint')}
        errors={errors}
        required={cohort}
      >
        <Input
          id={controlId('signUpDeadline')}
          type="date"
          value={draft.signUpDeadline}
          onChange={(_, d) => set({ signUpDeadline: d.value })}
        />
      </FormField>
    </Section>
  );
}

export function AgreementSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  const [min, max] = meetingRange(draft.form);
  const counts = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  return (
    <Section legend={t('form.section.agreement')}>
      <FormField
        field="defaults.firstPhaseMeetings"
        label={t('form.meetings')}
        hint={t('form.meetings.hint')}
        errors={errors}
      >
        <Select
          id={controlId('defaults.firstPhaseMeetings')}
          value={draft.firstPhaseMeetings}
          onChange={(_, d) => set({ firstPhaseMeetings: d.value })}
        >
          {counts.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField field="defaults.cadenceWeeks" label={t('form.cadence')} errors={errors}>
        <Select
          id={controlId('defaults.cadenceWeeks')}
          value={draft.cadenceWeeks}
          onChange={(_, d) => set({ cadenceWeeks: d.value })}
        >
          {CADENCES.map((w) => (
            <option key={w} value={String(w)}>
              {t(`cadence.${w}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField field="defaults.meetingMinutes" label={t('form.minutes')} errors={errors}>
        <RadioGroup
          id={controlId('defaults.meetingMinutes')}
          layout="horizontal"
          value={draft.meetingMinutes}
          onChange={(_, d) => set({ meetingMinutes: d.value })}
        >
          <Radio value="45" label={t('form.minutes.n', { n: '45' })} />
          <Radio value="60" label={t('form.minutes.n', { n: '60' })} />
        </RadioGroup>
      </FormField>
      <FormField
        field="defaults.nudgeLeadHours"
        label={t('form.nudge')}
        hint={t('form.nudge.hint')}
        errors={errors}
      >
        <Input
          id={controlId('defaults.nudgeLeadHours')}
          type="number"
          inputMode="numeric"
          min={1}
          max={168}
          value={draft.nudgeLeadHours}
          onChange={(_, d) => set({ nudgeLeadHours: d.value })}
        />
      </FormField>
      <Checkbox
        id={controlId('defaults.nudgeAktori')}
        checked={draft.nudgeAktori}
        onChange={(_, d) => set({ nudgeAktori: d.checked === true })}
        label={t('form.nudgeAktori')}
      />
    </Section>
  );
}
