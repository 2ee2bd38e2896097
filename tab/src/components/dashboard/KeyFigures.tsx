/** The programme's key figures as a list of labelled numbers, each with a line that explains it. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { KeyFigures as Figures } from '../../api/dashboardTypes';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  small: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  detail: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function KeyFigures({ figures: f }: { figures: Figures }) {
  const styles = useStyles();
  const { t } = useI18n();
  const n = (x: number) => String(x);
  const items = [
    {
      key: 'volunteers',
      term: t('dashboard.figures.volunteers'),
      value: n(f.volunteers.mentors + f.volunteers.aktoris),
      detail: t('dashboard.figures.volunteers.detail', {
        mentors: n(f.volunteers.mentors),
        aktoris: n(f.volunteers.aktoris),
      }),
    },
    {
      key: 'pairs',
      term: t('dashboard.figures.pairs'),
      value: n(f.pairs.total),
      detail: t('dashboard.figures.pairs.detail', {
        active: n(f.pairs.active),
        concluded: n(f.pairs.concluded),
      }),
    },
    {
      key: 'agreements',
      term: t('dashboard.figures.agreements'),
      value: n(f.agreementsInForce),
      detail: t('dashboard.figures.agreements.detail', { pairs: n(f.pairs.total) }),
    },
    {
      key: 'meetings',
      term: t('dashboard.figures.meetings'),
      value: n(f.meetings.held),
      detail: t('dashboard.figures.meetings.detail', {
        booked: n(f.meetings.booked),
        upcoming: n(f.meetings.upcoming),
      }),
    },
    {
      key: 'checkpoints',
      term: t('dashboard.figures.checkpoints'),
      value: t('dashboard.figures.checkpoints.value', {
        continued: n(f.checkpoints.continued),
        concluded: n(f.checkpoints.concluded),
      }),
      small: true,
      detail: t('dashboard.figures.checkpoints.detail', { waiting: n(f.checkpoints.waiting) }),
    },
    {
      key: 'attention',
      term: t('dashboard.figures.attention'),
      value: n(f.needAttention),
      detail: t('dashboard.figures.attention.detail'),
    },
  ];
  return (
    <dl className={styles.list} data-testid="key-figures">
      {items.map((i) => (
        <div key={i.key} className={styles.item} data-figure={i.key}>
          <dt className={styles.term}>{i.term}</dt>
          <dd className={`${styles.value} ${i.small ? styles.small : ''}`}>{i.value}</dd>
          <dd className={styles.detail}>{i.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
