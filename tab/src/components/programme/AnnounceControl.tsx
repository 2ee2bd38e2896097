/**
 * Announcing the programme in its Teams channel. Without a channel the
 * button stays focusable but disabled, and says what to do instead; a
 * programme created here without one can pick a channel Polku is in.
 */
import { Button, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { type ApiClient, problemOf } from '../../api/client';
import type { ProgrammeDetail, Saved } from '../../api/programmeTypes';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n';
import { channelName } from '../../i18n/labels';
import { problemKey } from '../Status';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  field: { alignSelf: 'stretch', maxWidth: '28rem' },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: '65ch' },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface AnnounceControlProps {
  readonly api: ApiClient;
  readonly detail: ProgrammeDetail;
  readonly onAnnounced: (saved: Saved) => void;
  readonly onUnauthenticated: () => void;
}

export function AnnounceControl({ api, detail, onAnnounced, onUnauthenticated }: AnnounceControlProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const explainId = useId();
  const { programme } = detail;
  const needsChannel = programme.channel === null;
  const loadChannels = useCallback(async () => (needsChannel ? api.channels() : []), [api, needsChannel]);
  const channels = useLoad(loadChannels);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  const available = channels.state.status === 'loaded' ? channels.state.value : [];
  const channelId = needsChannel ? chosen || available[0]?.channelId : undefined;
  const blocked = needsChannel && !channelId;

  async function announce() {
    if (busy || blocked) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const saved = await api.announce(programme.id, channelId);
      const where = saved.programme.channel ? channelName(saved.programme.channel, t) : '';
      setOutcome({ ok: true, text: t('announce.done', { channel: where }) });
      onAnnounced(saved);
    } catch (err) {
      if (problemOf(err) === 'unauthenticated') return onUnauthenticated();
      setOutcome({ ok: false, text: t(problemKey(err)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.box}>
      <Text>
        {programme.announced ? t('announce.announced') : t('announce.notYet')}{' '}
        {programme.channel && t('announce.channel', { channel: channelName(programme.channel, t) })}
      </Text>
      {needsChannel && available.length > 0 && (
        <Field label={t('announce.chooseChannel')} className={styles.field}>
          <Select value={channelId ?? ''} onChange={(_, d) => setChosen(d.value)}>
            {available.map((c) => (
              <option key={c.channelId} value={c.channelId}>
                {channelName(c, t)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Button
        appearance={programme.announced ? 'secondary' : 'primary'}
        disabledFocusable={busy || blocked}
        aria-describedby={blocked ? explainId : undefined}
        onClick={announce}
      >
        {busy ? t('announce.busy') : programme.announced ? t('announce.again') : t('announce.button')}
      </Button>
      {blocked && channels.state.status !== 'loading' && (
        <Text id={explainId} size={200} className={styles.hint}>
          {t('announce.noChannel')}
        </Text>
      )}
      <Text role="status">{outcome?.ok ? outcome.text : ''}</Text>
      <Text role="alert" className={styles.error}>
        {outcome && !outcome.ok ? outcome.text : ''}
      </Text>
    </div>
  );
}
