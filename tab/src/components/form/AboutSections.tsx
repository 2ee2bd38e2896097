/** What the programme is: name, description, form and language; and the competence it is about. */
import { Checkbox, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { AIMS, FORMS, type Form, LANGUAGES, type Language } from '../../api/programmeTypes';
import { useI18n } from '../../i18n';
import { controlId, LIMITS, meetingRange } from '../../model/programmeDraft';
import { ChoiceGroup, FormField, Section } from './FormParts';
import { type SectionProps, toggled } from './sectionProps';

export function BasicsSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  const onForm = (form: Form) => {
    // Keeps the meeting count valid when switching to or from quick mentoring.
    const [min, max] = meetingRange(form);
    const meetings = Math.min(max, Math.max(min, Number(draft.firstPhaseMeetings)));
    set({ form, firstPhaseMeetings: String(form === 'quick' ? min : meetings) });
  };
  return (
    <Section legend={t('form.section.basics')}>
      <FormField field="name" label={t('form.name')} errors={errors} required>
        <Input
          id={controlId('name')}
          value={draft.name}
          maxLength={LIMITS.name + 20}
          onChange={(_, d) => set({ name: d.value })}
        />
      </FormField>
      <FormField
        field="description"
        label={t('form.description')}
        hint={t('form.description.hint')}
        errors={errors}
      >
        <Textarea
          id={controlId('description')}
          value={draft.description}
          resize="vertical"
          onChange={(_, d) => set({ description: d.value })}
        />
      </FormField>
      <FormField field="form" label={t('form.form')} errors={errors} required>
        <RadioGroup id={controlId('form')} value={draft.form} onChange={(_, d) => onForm(d.value as Form)}>
          {FORMS.map((f) => (
            <Radio key={f} value={f} label={t(`form.form.${f}`)} />
          ))}
        </RadioGroup>
      </FormField>
      <FormField field="language" label={t('form.language')} hint={t('form.language.hint')} errors={errors}>
        <Select
          id={controlId('language')}
          value={draft.language}
          onChange={(_, d) => set({ language: d.value as Language })}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </Select>
      </FormField>
    </Section>
  );
}

export function CompetenceSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  return (
    <Section legend={t('form.section.competence')}>
      <ChoiceGroup field="aims" legend={t('form.aims')} hint={t('form.aims.hint')} errors={errors}>
        {AIMS.map((aim) => (
          <Checkbox
            key={aim}
            label={t(`aim.${aim}`)}
            checked={draft.aims.includes(aim)}
            onChange={(_, d) => set({ aims: toggled(draft.aims, aim, d.checked === true) })}
          />
        ))}
      </ChoiceGroup>
      <FormField field="competenceAreas" label={t('form.areas')} hint={t('form.areas.hint')} errors={errors}>
        <Textarea
          id={controlId('competenceAreas')}
          rows={4}
          value={draft.areas}
          resize="vertical"
          onChange={(_, d) => set({ areas: d.value })}
        />
      </FormField>
    </Section>
  );
}
