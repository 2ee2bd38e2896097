/**
 * One programme. Its managers see the settings with Edit, the announcement,
 * the volunteers and the pairs, and go on to the pairing board from here.
 * A participant sees what the programme is, read-only, and nothing about
 * the other volunteers (the server would refuse it anyway).
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../api/client';
import { BackLink } from '../components/BackLink';
import { PageHeading } from '../components/PageHeading';
import { Panel } from '../components/Panel';
import { AnnounceControl } from '../components/programme/AnnounceControl';
import { PairsList } from '../components/programme/PairsList';
import {
  ProgrammeLifecycleControl,
  ProgrammeStatusText,
} from '../components/programme/ProgrammeLifecycleControl';
import { ProgrammeSummary } from '../components/programme/ProgrammeSummary';
import { VolunteersTable } from '../components/programme/VolunteersTable';
import { Loading, ProblemNotice } from '../components/Status';
import { useLoad } from '../hooks/useLoad';
import { useSessionGuard } from '../hooks/useSessionGuard';
import { useI18n } from '../i18n';
import { hrefOf } from '../routing/route';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  text: { margin: 0, maxWidth: '65ch' },
});

export interface ProgrammePageProps {
  readonly api: ApiClient;
  readonly programmeId: string;
  readonly onUnauthenticated: () => void;
}

export function ProgrammePage({ api, programmeId, onUnauthenticated }: ProgrammePageProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const load = useCallback(async () => {
    const detail = await api.programme(programmeId);
    if (!detail.canManage) return { detail, volunteers: [], pairs: [] };
    const [volunteers, pairs] = await Promise.all([api.volunteers(programmeId), api.pairs(programmeId)]);
    return { detail, volunteers, pairs };
  }, [api, programmeId]);
  const { state, retry, set } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const loaded = state.status === 'loaded' ? state.value : undefined;
  const detail = loaded?.detail;
  const closed = Boolean(detail?.programme.closedAt);
  // After its data is deleted the programme is gone: the page says so and leads back to the list.
  const [purged, setPurged] = useState<string>();

  if (purged !== undefined) {
    return (
      <div className={styles.page}>
        <BackLink href={hrefOf({ kind: 'list' })}>{t('nav.backToList')}</BackLink>
        <PageHeading>{t('lifecycle.purged.title')}</PageHeading>
        <Text as="p" role="status" className={styles.text} data-testid="programme-purged">
          {t('lifecycle.purged.body', { name: purged })}
        </Text>
      </div>
    );
  }

  return (
    <div className={styles.page}>
      <BackLink href={hrefOf({ kind: 'list' })}>{t('nav.backToList')}</BackLink>
      <PageHeading>{detail?.programme.name ?? t('programme.title')}</PageHeading>
      {(state.status === 'loading' || ended) && <Loading label={t('common.loading')} />}
      {state.status === 'failed' && !ended && <ProblemNotice error={state.error} onRetry={retry} />}
      {loaded && detail?.canManage && (
        <>
          <div className={styles.actions}>
            {!closed && (
              <Button as="a" appearance="primary" href={hrefOf({ kind: 'pairing', id: programmeId })}>
                {t('programme.formPairs')}
              </Button>
            )}
            <Button as="a" href={hrefOf({ kind: 'dashboard', id: programmeId })}>
              {t('dashboard.open')}
            </Button>
          </div>
          <Panel title={t('summary.title')}>
            <ProgrammeSummary programme={detail.programme} />
            <div className={styles.actions}>
              <Button as="a" href={hrefOf({ kind: 'edit', id: programmeId })}>
                {t('programme.edit')}
              </Button>
            </div>
          </Panel>
          <Panel title={t('announce.title')}>
            <AnnounceControl
              api={api}
              detail={detail}
              onUnauthenticated={onUnauthenticated}
              onAnnounced={(saved) => set({ ...loaded, detail: { ...detail, ...saved } })}
            />
          </Panel>
          <Panel title={t('volunteers.title')} testId="volunteers">
            <Text>
              {t('programme.counts', {
                mentors: String(detail.counts.mentors),
                aktoris: String(detail.counts.aktoris),
              })}
            </Text>
            <VolunteersTable volunteers={loaded.volunteers} />
          </Panel>
          <Panel title={t('pairs.title')}>
            <PairsList pairs={loaded.pairs} />
          </Panel>
          <Panel title={t('lifecycle.title')}>
            <ProgrammeLifecycleControl
              api={api}
              detail={detail}
              onUnauthenticated={onUnauthenticated}
              onClosed={(saved) => set({ ...loaded, detail: { ...detail, ...saved } })}
              onPurged={() => setPurged(detail.programme.name)}
            />
          </Panel>
        </>
      )}
      {detail && !detail.canManage && (
        <>
          <Text as="p" className={styles.text} data-testid="participant-note">
            {t('programme.participantNote')}
          </Text>
          <Panel title={t('summary.title')}>
            <ProgrammeStatusText closedAt={detail.programme.closedAt} />
            <ProgrammeSummary programme={detail.programme} />
          </Panel>
        </>
      )}
    </div>
  );
}
