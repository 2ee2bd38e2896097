/** The charts: meetings per month, the funnel, and the evaluation (only when the server sends a group of 3+). */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Dashboard, EvaluationSummary } from '../../api/dashboardTypes';
import { useI18n } from '../../i18n';
import { BarRows } from './BarRows';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))',
    gap: tokens.spacingVerticalXL,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  block: { display: 'block', margin: 0 },
});

export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const month = (m: string) =>
    new Date(`${m}-15T12:00:00Z`).toLocaleDateString(locale, { month: 'short', year: 'numeric' });
  return (
    <div className={styles.grid}>
      {dashboard.meetingsPerMonth.length === 0 ? (
        <Text className={styles.muted}>{t('dashboard.charts.meetings.none')}</Text>
      ) : (
        <BarRows
          testId="chart-meetings"
          title={t('dashboard.charts.meetings')}
          description={t('dashboard.charts.meetings.desc')}
          rowHeading={t('dashboard.charts.month')}
          series={[
            { key: 'held', label: t('dashboard.charts.meetings.held') },
            { key: 'unconfirmed', label: t('dashboard.charts.meetings.unconfirmed') },
            { key: 'upcoming', label: t('dashboard.charts.meetings.upcoming') },
          ]}
          rows={dashboard.meetingsPerMonth.map((m) => ({
            label: month(m.month),
            values: { held: m.held, unconfirmed: m.unconfirmed, upcoming: m.upcoming },
          }))}
        />
      )}
      <BarRows
        testId="chart-funnel"
        title={t('dashboard.charts.funnel')}
        description={t('dashboard.charts.funnel.desc')}
        rowHeading={t('dashboard.charts.people')}
        series={[{ key: 'people', label: t('dashboard.charts.people') }]}
        rows={dashboard.funnel.map((f) => ({
          label: t(`dashboard.charts.funnel.${f.stage}`),
          values: { people: f.people },
        }))}
      />
      <Evaluation summary={dashboard.evaluations.all} />
    </div>
  );
}

function Evaluation({ summary }: { summary: EvaluationSummary | null }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (!summary) {
    return (
      <div data-testid="chart-evaluation">
        <Text weight="semibold" as="p" className={styles.block}>
          {t('dashboard.charts.evaluation')}
        </Text>
        <Text as="p" className={`${styles.block} ${styles.muted}`}>
          {t('dashboard.charts.evaluation.hidden')}
        </Text>
      </div>
    );
  }
  const ratings = (counts: Readonly<Record<string, number>>) =>
    ['1', '2', '3', '4', '5'].map((n) => ({
      label: t('dashboard.charts.rating', { n }),
      values: { count: counts[n] ?? 0 },
    }));
  const count = [{ key: 'count', label: t('dashboard.charts.count') }];
  return (
    <div data-testid="chart-evaluation">
      <Text weight="semibold" as="p" className={styles.block}>
        {t('dashboard.charts.evaluation')} ·{' '}
        {t('dashboard.charts.evaluation.answers', { count: String(summary.answers) })}
      </Text>
      <Text as="p" className={styles.block}>
        {t('dashboard.charts.evaluation.recommend', {
          count: String(summary.wouldRecommend),
          answers: String(summary.answers),
        })}
      </Text>
      <BarRows
        title={t('dashboard.charts.evaluation.competence')}
        description=""
        rowHeading={t('dashboard.charts.answer')}
        series={count}
        rows={ratings(summary.competence)}
      />
      <BarRows
        title={t('dashboard.charts.evaluation.dialogue')}
        description=""
        rowHeading={t('dashboard.charts.answer')}
        series={count}
        rows={ratings(summary.dialogue)}
      />
      <BarRows
        title={t('dashboard.charts.evaluation.goals')}
        description=""
        rowHeading={t('dashboard.charts.answer')}
        series={count}
        rows={(['yes', 'partly', 'no'] as const).map((k) => ({
          label: t(`dashboard.charts.evaluation.goals.${k}`),
          values: { count: summary.goalsReached[k] ?? 0 },
        }))}
      />
    </div>
  );
}
