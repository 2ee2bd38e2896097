/**
 * One of my pairs: the programme, who with, my role, the agreement's status,
 * and the agreement itself (loaded per pair, so one pair's trouble does not
 * hide the others).
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
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
  readonly onUnauthenticated: () => void;
}

export function MyPairSection({ api, pair, meId, onUnauthenticated }: MyPairSectionProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const load = useCallback(() => api.agreement(pair.pairId), [api, pair.pairId]);
  const { state, retry } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const agreement = state.status === 'loaded' ? state.value : undefined;
  const partners = pair.partnerNames.filter(Boolean);
  return (
    <Panel title={pair.programmeName || t('programme.title')} testId="my-pair">
      <div className={styles.meta}>
        <Text weight="semibold">{t('me.with', { names: listOf(partners, locale) })}</Text>
        <Text>{t(`me.youAre.${pair.role}`)}</Text>
        <AgreementStatusBadge status={agreement?.status ?? pair.status} />
      </div>
      {(state.status === 'loading' || ended) && <Loading label={t('agreement.loading')} />}
      {state.status === 'failed' && !ended && <ProblemNotice error={state.error} onRetry={retry} />}
      {agreement && <AgreementDetails agreement={agreement} meId={meId} />}
    </Panel>
  );
}
