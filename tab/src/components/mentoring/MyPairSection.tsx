/**
 * One of my pairs: the programme, who with, my role, the agreement's status,
 * our meetings (book, move, cancel), the agreement itself and our learnings.
 * Each part loads on its own, so one part's trouble hides neither the others
 * nor the other pairs.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import type { MyPair } from '../../api/agreementTypes';
import type { ApiClient } from '../../api/client';
import { useLoad } from '../../hooks/useLoad';
import { useSessionGuard } from '../../hooks/useSessionGuard';
import { useI18n } from '../../i18n';
import { listOf } from '../../i18n/labels';
import { AgreementStatusBadge } from '../AgreementStatusBadge';
import { Panel } from '../Panel';
import { Loading, ProblemNotice } from '../Status';
import { AgreementDetails } from './AgreementDetails';
import { PairLearnings } from './PairLearnings';
import { PairMeetings } from './PairMeetings';

const useStyles = makeStyles({
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
});

export interface MyPairSectionProps {
  readonly api: ApiClient;
  readonly pair: MyPair;
  readonly meId: string;
  readonly meName: string;
  readonly onUnauthenticated: () => void;
}

export function MyPairSection({ api, pair, meId, meName, onUnauthenticated }: MyPairSectionProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const load = useCallback(() => api.agreement(pair.pairId), [api, pair.pairId]);
  const { state, retry } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const agreement = state.status === 'loaded' ? state.value : undefined;
  const partners = pair.partnerNames.filter(Boolean);
  const names = useMemo(
    () => ({
      ...Object.fromEntries(pair.partnerIds.map((id, i) => [id, pair.partnerNames[i] ?? ''])),
      [meId]: meName,
    }),
    [pair.partnerIds, pair.partnerNames, meId, meName],
  );
  // Booking needs the agreement in force; while a change is agreed, the previous version still binds.
  const status = agreement?.status ?? pair.status;
  return (
    <Panel title={pair.programmeName || t('programme.title')} testId="my-pair">
      <div className={styles.meta}>
        <Text weight="semibold">{t('me.with', { names: listOf(partners, locale) })}</Text>
        <Text>{t(`me.youAre.${pair.role}`)}</Text>
        <AgreementStatusBadge status={status} />
      </div>
      <PairMeetings
        api={api}
        pairId={pair.pairId}
        canBook={status !== 'drafting'}
        onUnauthenticated={onUnauthenticated}
      />
      {(state.status === 'loading' || ended) && <Loading label={t('agreement.loading')} />}
      {state.status === 'failed' && !ended && <ProblemNotice error={state.error} onRetry={retry} />}
      {agreement && <AgreementDetails agreement={agreement} meId={meId} />}
      <PairLearnings
        api={api}
        pairId={pair.pairId}
        names={names}
        meId={meId}
        onUnauthenticated={onUnauthenticated}
      />
    </Panel>
  );
}
