/** Where the programme is announced, and who runs it with you. */
import { Select, Textarea } from '@fluentui/react-components';
import type { Channel } from '../../api/programmeTypes';
import { useI18n } from '../../i18n';
import { channelName } from '../../i18n/labels';
import { controlId } from '../../model/programmeDraft';
import { FormField, Section } from './FormParts';
import type { SectionProps } from './sectionProps';

export function PeopleSection({
  draft,
  set,
  errors,
  channels,
  editing,
}: SectionProps & { channels: readonly Channel[]; editing: boolean }) {
  const { t } = useI18n();
  // A channel the programme already has stays selectable even if Polku was since removed from it.
  const known = channels.some((c) => c.channelId === draft.channelId);
  const hint = editing
    ? t('form.channel.editHint')
    : channels.length === 0
      ? t('form.channel.none')
      : t('form.channel.hint');
  return (
    <Section legend={t('form.section.people')}>
      <FormField field="channel" label={t('form.channel')} hint={hint} errors={errors}>
        <Select
          id={controlId('channel')}
          value={draft.channelId}
          disabled={editing}
          onChange={(_, d) => set({ channelId: d.value })}
        >
          <option value="">{t('form.channel.notYet')}</option>
          {channels.map((c) => (
            <option key={c.channelId} value={c.channelId}>
              {channelName(c, t)}
            </option>
          ))}
          {!known && draft.channelId && <option value={draft.channelId}>{t('form.channel.current')}</option>}
        </Select>
      </FormField>
      <FormField
        field="coordinators"
        label={t('form.coordinators')}
        hint={t('form.coordinators.hint')}
        errors={errors}
      >
        <Textarea
          id={controlId('coordinators')}
          value={draft.coordinators}
          resize="vertical"
          onChange={(_, d) => set({ coordinators: d.value })}
        />
      </FormField>
    </Section>
  );
}
