/**
 * The pairs formed so far, newest first, each with its agreement's status and
 * the goals in force. That is all a supervisor sees of a pair's agreement:
 * goals and rhythm, never what the pair discusses (DESIGN.md, principle 1).
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Pair } from '../../api/programmeTypes';
import { useI18n } from '../../i18n';
import { dateLabel } from '../../i18n/labels';
import { AgreementStatusBadge } from '../AgreementStatusBadge';
import { PairNames } from './PairNames';

const useStyles = makeStyles({
  note: { margin: 0, maxWidth: '65ch', color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  goals: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL, overflowWrap: 'anywhere' },
  goalsLabel: { fontWeight: tokens.fontWeightSemibold },
});

/** Pair statuses beyond agreeing: "agreeing" and "just formed" would only repeat the agreement's status. */
const SHOWN_STATUS = ['active', 'concluded'] as const;

export function PairsList({ pairs }: { pairs: readonly Pair[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (pairs.length === 0) return <Text>{t('pairs.none')}</Text>;
  const sorted = [...pairs].sort((a, b) => b.formedAt.localeCompare(a.formedAt));
  return (
    <>
      <Text as="p" className={styles.note} data-testid="pairs-confidential">
        {t('pairs.confidential')}
      </Text>
      <ul className={styles.list} data-testid="formed-pairs">
        {sorted.map((p) => (
          <PairItem key={p.id} pair={p} />
        ))}
      </ul>
    </>
  );
}

function PairItem({ pair: p }: { pair: Pair }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const goalsId = useId();
  const date = dateLabel(p.formedAt, locale);
  const meta = (SHOWN_STATUS as readonly string[]).includes(p.status)
    ? t('pairs.meta', { date, status: t(`pairStatus.${p.status as (typeof SHOWN_STATUS)[number]}`) })
    : t('pairs.formedOn', { date });
  const goals = p.agreement.status === 'drafting' ? [] : p.agreement.goals;
  return (
    <li className={styles.item}>
      <div className={styles.head}>
        <Text weight="semibold">
          <PairNames mentorId={p.mentorId} aktoriIds={p.aktoriIds} nameOf={(id) => p.names[id] ?? id} />
        </Text>
        <AgreementStatusBadge status={p.agreement.status} />
      </div>
      <Text size={200} className={styles.muted}>
        {meta}
      </Text>
      {p.agreement.status !== 'drafting' && p.agreement.cadenceWeeks && p.agreement.meetingMinutes ? (
        <Text size={200} data-testid="rhythm-in-force">
          {t('pairs.rhythm', {
            weeks: String(p.agreement.cadenceWeeks),
            minutes: String(p.agreement.meetingMinutes),
          })}
        </Text>
      ) : null}
      {goals.length > 0 ? (
        <>
          <Text size={200} id={goalsId} className={styles.goalsLabel}>
            {t('pairs.goalsInForce')}
          </Text>
          <ul className={styles.goals} aria-labelledby={goalsId} data-testid="goals-in-force">
            {goals.map((g) => (
              <li key={g}>
                <Text size={300}>{g}</Text>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Text size={200} className={styles.muted}>
          {t('pairs.goalsLater')}
        </Text>
      )}
    </li>
  );
}
