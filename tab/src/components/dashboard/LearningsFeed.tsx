/**
 * Learnings every member of a pair approved for sharing, newest first, each
 * with "Share to channel". Text only; the server decides what is shared.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type ApiClient, problemOf } from '../../api/client';
import type { DashboardPair, SharedLearning } from '../../api/dashboardTypes';
import { useI18n } from '../../i18n';
import { dateLabel, listOf } from '../../i18n/labels';
import { problemKey } from '../Status';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    paddingBlockEnd: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere', maxWidth: '65ch' },
  meta: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface LearningsFeedProps {
  readonly api: ApiClient;
  readonly programmeId: string;
  readonly learnings: readonly SharedLearning[];
  readonly pairs: readonly DashboardPair[];
  readonly onUnauthenticated: () => void;
}

export function LearningsFeed({ api, programmeId, learnings, pairs, onUnauthenticated }: LearningsFeedProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<string>();
  const [outcome, setOutcome] = useState<{ id: string; ok: boolean; text: string }>();
  const [sharedNow, setSharedNow] = useState<ReadonlySet<string>>(new Set());
  const names = (pairId: string) =>
    listOf(pairs.find((p) => p.id === pairId)?.members.map((m) => m.name) ?? [], locale);

  async function share(id: string) {
    if (busy) return;
    setBusy(id);
    setOutcome(undefined);
    try {
      await api.shareLearning(programmeId, id);
      setSharedNow((s) => new Set([...s, id]));
      setOutcome({ id, ok: true, text: t('dashboard.learnings.sharedNow') });
    } catch (err) {
      if (problemOf(err) === 'unauthenticated') return onUnauthenticated();
      setOutcome({ id, ok: false, text: t(problemKey(err)) });
    } finally {
      setBusy(undefined);
    }
  }

  if (learnings.length === 0) return <Text>{t('dashboard.learnings.none')}</Text>;
  return (
    <ul className={styles.list} data-testid="learnings">
      {learnings.map((l) => (
        <li key={l.id} className={styles.item}>
          <Text as="p" className={styles.text}>
            {l.text}
          </Text>
          <Text size={200} className={styles.meta}>
            {t('dashboard.learnings.from', { names: names(l.pairId), date: dateLabel(l.proposedAt, locale) })}
          </Text>
          {l.sharedToChannelAt ? (
            <Text size={200}>
              {t('dashboard.learnings.shared', { date: dateLabel(l.sharedToChannelAt, locale) })}
            </Text>
          ) : (
            !sharedNow.has(l.id) && (
              <Button size="small" disabledFocusable={busy !== undefined} onClick={() => share(l.id)}>
                {busy === l.id ? t('dashboard.learnings.sharing') : t('dashboard.learnings.share')}
              </Button>
            )
          )}
          <Text
            role={outcome?.id === l.id && !outcome.ok ? 'alert' : 'status'}
            className={outcome?.ok === false ? styles.error : undefined}
          >
            {outcome?.id === l.id ? outcome.text : ''}
          </Text>
        </li>
      ))}
    </ul>
  );
}
