/**
 * One pair's agreement, meetings and learnings on their own page
 * (#/me/pairs/<pairId>), for a link from chat or a bookmark. Only the pair's members may see it; anyone else, the
 * programme's supervisor included, is told so plainly.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import { type ApiClient, type Me, problemOf } from '../api/client';
import { AgreementStatusBadge } from '../components/AgreementStatusBadge';
import { BackLink } from '../components/BackLink';
import { AgreementDetails } from '../components/mentoring/AgreementDetails';
import { ChatHint } from '../components/mentoring/ChatHint';
import { PairLearnings } from '../components/mentoring/PairLearnings';
import { PairMeetings } from '../components/mentoring/PairMeetings';
import { PageHeading } from '../components/PageHeading';
import { Panel } from '../components/Panel';
import { Loading, ProblemNotice } from '../components/Status';
import { useLoad } from '../hooks/useLoad';
import { useSessionGuard } from '../hooks/useSessionGuard';
import { useI18n } from '../i18n';
import { listOf } from '../i18n/labels';
import { hrefOf } from '../routing/route';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  refused: {
    margin: 0,
    maxWidth: '65ch',
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    // The wording carries the message; the border marks it as a notice, in high contrast too.
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
});

export interface AgreementPageProps {
  readonly api: ApiClient;
  readonly pairId: string;
  readonly onIdentified: (me: Me) => void;
  readonly onUnauthenticated: () => void;
}

export function AgreementPage({ api, pairId, onIdentified, onUnauthenticated }: AgreementPageProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const load = useCallback(async () => {
    const [me, agreement] = await Promise.all([api.me(), api.agreement(pairId)]);
    return { me, agreement };
  }, [api, pairId]);
  const { state, retry } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const loaded = state.status === 'loaded' ? state.value : undefined;
  useEffect(() => {
    if (loaded) onIdentified(loaded.me);
  }, [loaded, onIdentified]);
  const refused = state.status === 'failed' && problemOf(state.error) === 'forbidden';
  const a = loaded?.agreement;
  const others = a ? a.members.filter((m) => m.id !== loaded?.me.id).map((m) => m.name) : [];

  return (
    <div className={styles.page}>
      <BackLink href={hrefOf({ kind: 'me' })}>{t('nav.me')}</BackLink>
      <PageHeading>{a?.programme.name || t('agreement.title')}</PageHeading>
      {(state.status === 'loading' || ended) && <Loading label={t('agreement.loading')} />}
      {refused && (
        <Text as="p" role="alert" className={styles.refused} data-testid="agreement-refused">
          {t('agreement.forbidden')}
        </Text>
      )}
      {state.status === 'failed' && !ended && !refused && (
        <ProblemNotice error={state.error} onRetry={retry} />
      )}
      {a && loaded && (
        <>
          <ChatHint />
          <Panel title={t('agreement.title')} testId="my-pair">
            <div className={styles.meta}>
              <Text weight="semibold">{t('me.with', { names: listOf(others, locale) })}</Text>
              <AgreementStatusBadge status={a.status} />
            </div>
            <PairMeetings
              api={api}
              pairId={pairId}
              canBook={a.status !== 'drafting'}
              onUnauthenticated={onUnauthenticated}
            />
            <AgreementDetails agreement={a} meId={loaded.me.id} />
            <PairLearnings
              api={api}
              pairId={pairId}
              names={Object.fromEntries(a.members.map((m) => [m.id, m.name]))}
              meId={loaded.me.id}
              onUnauthenticated={onUnauthenticated}
            />
          </Panel>
        </>
      )}
    </div>
  );
}
