/** What confirming did, pair by pair: formed (and who Polku could not message), or refused and why. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ConfirmResult } from '../../api/programmeTypes';
import { type MessageKey, useI18n } from '../../i18n';
import { listOf } from '../../i18n/labels';
import { PairNames } from '../programme/PairNames';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusSuccessBorder1}`,
    overflowWrap: 'anywhere',
  },
  refused: { borderLeftColor: tokens.colorStatusDangerBorder2 },
  warn: { color: tokens.colorStatusWarningForeground3 },
});

const REASON: Readonly<Record<string, MessageKey>> = {
  'not-volunteer': 'refused.not-volunteer',
  withdrawn: 'refused.withdrawn',
  'already-paired': 'refused.already-paired',
  'wrong-role': 'refused.wrong-role',
  'over-capacity': 'refused.over-capacity',
  'paired-before': 'refused.paired-before',
  changed: 'refused.changed',
};

export function ConfirmResults({
  results,
  nameOf,
}: {
  results: readonly ConfirmResult[];
  nameOf: (id: string) => string;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const formed = results.filter((r) => r.status === 'formed').length;
  return (
    <>
      <Text>
        {t('results.summary', { formed: String(formed), refused: String(results.length - formed) })}
      </Text>
      <ul className={styles.list} data-testid="confirm-results">
        {results.map((r) => (
          <li
            key={`${r.mentorId}:${r.aktoriIds.join(',')}`}
            className={r.status === 'formed' ? styles.item : `${styles.item} ${styles.refused}`}
          >
            <Text weight="semibold">
              {r.status === 'formed' ? t('results.formed') : t('results.refused')}{' '}
              <PairNames mentorId={r.mentorId} aktoriIds={r.aktoriIds} nameOf={nameOf} />
            </Text>
            {r.status === 'formed' ? (
              r.unreachable.length > 0 ? (
                <Text size={200} className={styles.warn}>
                  {t('results.unreachable', { names: listOf(r.unreachable.map(nameOf), locale) })}
                </Text>
              ) : (
                <Text size={200}>{t('results.introduced')}</Text>
              )
            ) : (
              <Text size={200}>{t(REASON[r.reason] ?? 'refused.other')}</Text>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
