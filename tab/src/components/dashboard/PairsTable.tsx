/**
 * The pairs, with search, status and attention filters and a sort order.
 * A table on a wide screen, a list of cards in a narrow side panel. Names
 * and goals are rendered as text (React escapes them), never as markup;
 * attention is said in words with a mark, not by colour.
 */
import { Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { ATTENTION_FLAGS, type DashboardPair, PAIR_STAGES } from '../../api/dashboardTypes';
import { useNarrow } from '../../hooks/useNarrow';
import { type MessageKey, useI18n } from '../../i18n';
import { dateLabel, dateTimeLabel } from '../../i18n/labels';
import { DEFAULT_VIEW, type PairView, SORTS, type SortKey, viewPairs } from './pairView';

const useStyles = makeStyles({
  controls: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'start',
      verticalAlign: 'top',
      paddingBlock: tokens.spacingVerticalS,
      paddingInline: tokens.spacingHorizontalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      overflowWrap: 'anywhere',
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  goals: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  flags: { margin: 0, padding: 0, listStyleType: 'none' },
  flag: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  member: { display: 'block' },
});

export function PairsTable({ pairs }: { pairs: readonly DashboardPair[] }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const narrow = useNarrow();
  const [view, setView] = useState<PairView>(DEFAULT_VIEW);
  const shown = useMemo(() => viewPairs(pairs, view, locale), [pairs, view, locale]);
  const set = (patch: Partial<PairView>) => setView((v) => ({ ...v, ...patch }));
  const ariaSort = (key: SortKey) => (view.sort === key ? ('ascending' as const) : undefined);

  return (
    <>
      <div className={styles.controls} data-testid="pair-filters">
        <Field label={t('dashboard.table.search')}>
          <Input type="search" value={view.search} onChange={(_, d) => set({ search: d.value })} />
        </Field>
        <Field label={t('dashboard.table.stage')}>
          <Select value={view.stage} onChange={(_, d) => set({ stage: d.value as PairView['stage'] })}>
            <option value="all">{t('dashboard.table.stage.all')}</option>
            {PAIR_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`dashboard.stage.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('dashboard.table.attention')}>
          <Select
            value={view.attention}
            onChange={(_, d) => set({ attention: d.value as PairView['attention'] })}
          >
            <option value="all">{t('dashboard.table.attention.all')}</option>
            <option value="any">{t('dashboard.table.attention.any')}</option>
            {ATTENTION_FLAGS.map((f) => (
              <option key={f} value={f}>
                {t(`dashboard.attention.${f}`)}
              </option>
            ))}
            <option value="none">{t('dashboard.table.attention.none')}</option>
          </Select>
        </Field>
        <Field label={t('dashboard.table.sort')}>
          <Select value={view.sort} onChange={(_, d) => set({ sort: d.value as SortKey })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`dashboard.table.sort.${s}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text role="status" data-testid="pairs-shown">
        {pairs.length === 0
          ? t('dashboard.table.empty')
          : shown.length === 0
            ? t('dashboard.table.none')
            : t('dashboard.table.shown', { shown: String(shown.length), total: String(pairs.length) })}
      </Text>
      {shown.length > 0 &&
        (narrow ? (
          <ul className={styles.list} data-testid="pairs">
            {shown.map((p) => (
              <li key={p.id} className={styles.card} data-testid="pair-row" data-pair={p.id}>
                <Members pair={p} />
                <Text>{t(`dashboard.stage.${p.stage}`)}</Text>
                <Goals pair={p} />
                <Text>
                  {t('dashboard.table.col.meetings')}:{' '}
                  {t('dashboard.table.meetings', {
                    held: String(p.meetingsHeld),
                    booked: String(p.meetingsBooked),
                  })}
                </Text>
                <Text>
                  {t('dashboard.table.col.next')}: <NextMeeting pair={p} />
                </Text>
                <Attention pair={p} />
              </li>
            ))}
          </ul>
        ) : (
          <table className={styles.table} data-testid="pairs" aria-label={t('dashboard.table.title')}>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort('names')}>
                  {t('dashboard.table.col.members')}
                </th>
                <th scope="col">{t('dashboard.table.col.goals')}</th>
                <th scope="col">{t('dashboard.table.col.status')}</th>
                <th scope="col" aria-sort={ariaSort('meetings')}>
                  {t('dashboard.table.col.meetings')}
                </th>
                <th scope="col" aria-sort={ariaSort('nextMeeting')}>
                  {t('dashboard.table.col.next')}
                </th>
                <th scope="col" aria-sort={ariaSort('lastActivity')}>
                  {t('dashboard.table.col.last')}
                </th>
                <th scope="col" aria-sort={ariaSort('attention')}>
                  {t('dashboard.table.col.attention')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id} data-testid="pair-row" data-pair={p.id}>
                  <th scope="row" style={{ fontWeight: 'normal' }}>
                    <Members pair={p} />
                  </th>
                  <td>
                    <Goals pair={p} />
                  </td>
                  <td>{t(`dashboard.stage.${p.stage}`)}</td>
                  <td>
                    {t('dashboard.table.meetings', {
                      held: String(p.meetingsHeld),
                      booked: String(p.meetingsBooked),
                    })}
                  </td>
                  <td>
                    <NextMeeting pair={p} />
                  </td>
                  <td>{p.lastActivity ? dateLabel(p.lastActivity, locale) : ''}</td>
                  <td>
                    <Attention pair={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}

function Members({ pair }: { pair: DashboardPair }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <>
      {pair.members.map((m) => (
        <span key={m.id} className={styles.member}>
          <Text weight={m.role === 'mentor' ? 'semibold' : 'regular'}>{m.name}</Text>{' '}
          <Text size={200} className={styles.muted}>
            ({t(m.role === 'mentor' ? 'dashboard.table.mentor' : 'dashboard.table.aktori')})
          </Text>
        </span>
      ))}
    </>
  );
}

function Goals({ pair }: { pair: DashboardPair }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (pair.goals.length === 0) return <Text className={styles.muted}>{t('dashboard.table.noGoals')}</Text>;
  return (
    <ol className={styles.goals} data-testid="pair-goals">
      {pair.goals.map((g, i) => (
        // The goals' order is their identity (goal 1, goal 2).
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i}>{g}</li>
      ))}
    </ol>
  );
}

function NextMeeting({ pair }: { pair: DashboardPair }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  return pair.nextMeeting ? (
    <span>{dateTimeLabel(pair.nextMeeting, locale)}</span>
  ) : (
    <span className={styles.muted}>{t('dashboard.table.noMeeting')}</span>
  );
}

function Attention({ pair }: { pair: DashboardPair }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (pair.attention.length === 0) return <Text className={styles.muted}>{t('dashboard.table.ok')}</Text>;
  return (
    <ul className={styles.flags} data-testid="pair-attention">
      {pair.attention.map((f) => (
        <li key={f} className={styles.flag}>
          <span aria-hidden="true">⚠ </span>
          {t(`dashboard.attention.${f}`)}
        </li>
      ))}
    </ul>
  );
}
