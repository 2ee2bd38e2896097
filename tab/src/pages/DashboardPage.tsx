/**
 * The supervisor's programme dashboard: phase and dates, key figures, the
 * pairs with their goals and rhythm, charts, the learnings pairs shared,
 * announcing and the CSV export. Owners and coordinators only; the server
 * refuses everyone else, and the page says so plainly.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../api/client';
import { BackLink } from '../components/BackLink';
import { CsvExportButton } from '../components/dashboard/CsvExportButton';
import { DashboardCharts } from '../components/dashboard/DashboardCharts';
import { KeyFigures } from '../components/dashboard/KeyFigures';
import { LearningsFeed } from '../components/dashboard/LearningsFeed';
import { PairsTable } from '../components/dashboard/PairsTable';
import { PageHeading } from '../components/PageHeading';
import { Panel } from '../components/Panel';
import { AnnounceControl } from '../components/programme/AnnounceControl';
import { Loading, ProblemNotice } from '../components/Status';
import { useLoad } from '../hooks/useLoad';
import { useSessionGuard } from '../hooks/useSessionGuard';
import { useI18n } from '../i18n';
import { dateLabel, dateTimeLabel } from '../i18n/labels';
import { hrefOf } from '../routing/route';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  p: { margin: 0, maxWidth: '65ch', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
});

export interface DashboardPageProps {
  readonly api: ApiClient;
  readonly programmeId: string;
  readonly onUnauthenticated: () => void;
}

export function DashboardPage({ api, programmeId, onUnauthenticated }: DashboardPageProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const load = useCallback(async () => {
    const [dashboard, detail] = await Promise.all([api.dashboard(programmeId), api.programme(programmeId)]);
    return { dashboard, detail };
  }, [api, programmeId]);
  const { state, retry, refresh, set } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const loaded = state.status === 'loaded' ? state.value : undefined;
  const d = loaded?.dashboard;
  const mode = d?.programme.mode;

  return (
    <div className={styles.page}>
      <BackLink href={hrefOf({ kind: 'programme', id: programmeId })}>
        {t('dashboard.backToProgramme')}
      </BackLink>
      <PageHeading>{d ? `${d.programme.name} – ${t('dashboard.title')}` : t('dashboard.title')}</PageHeading>
      {(state.status === 'loading' || ended) && <Loading label={t('dashboard.loading')} />}
      {state.status === 'failed' && !ended && <ProblemNotice error={state.error} onRetry={retry} />}
      {loaded && d && (
        <>
          <div className={styles.meta} data-testid="dashboard-phase">
            <Text weight="semibold">{t('dashboard.phase', { phase: t(`dashboard.phase.${d.phase}`) })}</Text>
            {mode?.startDate && mode.endDate && (
              <Text>
                {t('dashboard.dates', {
                  start: dateLabel(mode.startDate, locale),
                  end: dateLabel(mode.endDate, locale),
                })}
              </Text>
            )}
            {d.programme.signUpDeadline && (
              <Text>
                {t('dashboard.signUpUntil', { date: dateLabel(d.programme.signUpDeadline, locale) })}
              </Text>
            )}
          </div>
          <Text as="p" className={styles.p}>
            {t('dashboard.confidential')}
          </Text>
          <div className={styles.actions}>
            <CsvExportButton api={api} programmeId={programmeId} onUnauthenticated={onUnauthenticated} />
            <Button onClick={refresh}>{t('dashboard.refresh')}</Button>
          </div>
          <Panel title={t('dashboard.figures')} testId="figures">
            <KeyFigures figures={d.figures} />
            <Text size={200} className={styles.p}>
              {t('dashboard.updated', { time: dateTimeLabel(d.generatedAt, locale) })}
            </Text>
          </Panel>
          <Panel title={t('dashboard.table.title')} testId="dashboard-pairs">
            <PairsTable pairs={d.pairs} />
          </Panel>
          <Panel title={t('dashboard.charts.title')} testId="charts">
            <DashboardCharts dashboard={d} />
          </Panel>
          <Panel title={t('dashboard.learnings.title')} testId="dashboard-learnings">
            <LearningsFeed
              api={api}
              programmeId={programmeId}
              learnings={d.learnings}
              pairs={d.pairs}
              onUnauthenticated={onUnauthenticated}
            />
          </Panel>
          <Panel title={t('announce.title')}>
            <AnnounceControl
              api={api}
              detail={loaded.detail}
              onUnauthenticated={onUnauthenticated}
              onAnnounced={(saved) => set({ ...loaded, detail: { ...loaded.detail, ...saved } })}
            />
          </Panel>
        </>
      )}
    </div>
  );
}
