/**
 * The channel tab's configuration: which programme's dashboard the tab
 * shows. The programme announced in this channel comes first and is chosen
 * already; the choice goes into the tab's content URL when Save is pressed.
 */
import { makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import type { ApiClient } from '../api/client';
import { useLoad } from '../hooks/useLoad';
import { useI18n } from '../i18n';
import { type ManagedProgramme, managedProgrammes } from '../teams/channelProgrammes';
import { Loading, ProblemNotice } from './Status';

const useStyles = makeStyles({
  p: { margin: 0, maxWidth: '65ch' },
  choice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold },
});

export interface ChannelTabProgrammeChoiceProps {
  readonly api: ApiClient;
  readonly channelId: string | undefined;
  /** Called with the programme chosen (at once with the preselected one). */
  readonly onChoose: (programme: ManagedProgramme) => void;
}

export function ChannelTabProgrammeChoice({ api, channelId, onChoose }: ChannelTabProgrammeChoiceProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const load = useCallback(() => managedProgrammes(api, channelId), [api, channelId]);
  const { state, retry } = useLoad(load);
  const [chosen, setChosen] = useState<string>();
  const labelId = useId();
  const programmes = state.status === 'loaded' ? state.value : [];

  // Preselect this channel's programme, or the only one there is.
  useEffect(() => {
    if (state.status !== 'loaded' || chosen) return;
    const first =
      state.value.find((p) => p.inThisChannel) ?? (state.value.length === 1 ? state.value[0] : undefined);
    if (first) {
      setChosen(first.id);
      onChoose(first);
    }
  }, [state, chosen, onChoose]);

  if (state.status === 'loading') return <Loading label={t('configure.loading')} />;
  if (state.status === 'failed') return <ProblemNotice error={state.error} onRetry={retry} />;
  if (programmes.length === 0)
    return (
      <Text as="p" className={styles.p}>
        {t('configure.noProgrammes')}
      </Text>
    );
  return (
    <div className={styles.choice}>
      <Text id={labelId} className={styles.label}>
        {t('configure.choose')}
      </Text>
      <RadioGroup
        aria-labelledby={labelId}
        value={chosen ?? ''}
        onChange={(_, data) => {
          const programme = programmes.find((p) => p.id === data.value);
          if (!programme) return;
          setChosen(programme.id);
          onChoose(programme);
        }}
      >
        {programmes.map((p) => (
          <Radio
            key={p.id}
            value={p.id}
            label={p.inThisChannel ? t('configure.inThisChannel', { name: p.name }) : p.name}
          />
        ))}
      </RadioGroup>
    </div>
  );
}
