/** The pairs formed so far, newest first. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Pair } from '../../api/programmeTypes';
import { useI18n } from '../../i18n';
import { dateLabel } from '../../i18n/labels';
import { PairNames } from './PairNames';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

const KNOWN_STATUS = ['formed', 'agreeing', 'active', 'concluded'] as const;

export function PairsList({ pairs }: { pairs: readonly Pair[] }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  if (pairs.length === 0) return <Text>{t('pairs.none')}</Text>;
  const sorted = [...pairs].sort((a, b) => b.formedAt.localeCompare(a.formedAt));
  return (
    <ul className={styles.list} data-testid="formed-pairs">
      {sorted.map((p) => {
        const status = (KNOWN_STATUS as readonly string[]).includes(p.status)
          ? t(`pairStatus.${p.status as (typeof KNOWN_STATUS)[number]}`)
          : p.status;
        return (
          <li key={p.id} className={styles.item}>
            <Text weight="semibold">
              <PairNames mentorId={p.mentorId} aktoriIds={p.aktoriIds} nameOf={(id) => p.names[id] ?? id} />
            </Text>
            <Text size={200} className={styles.muted}>
              {t('pairs.meta', { date: dateLabel(p.formedAt, locale), status })}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
