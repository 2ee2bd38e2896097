/**
 * "My mentoring", the personal tab's landing page, for everyone signed in:
 * my pairs and, for each, our meetings (booked, moved and cancelled here as
 * in chat), the agreement we made and the learnings we proposed. The
 * agreement itself is walked through, accepted and changed in Teams chat.
 */
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import type { MyPair } from '../api/agreementTypes';
import type { ApiClient, Me } from '../api/client';
import { ChatHint } from '../components/mentoring/ChatHint';
import { MyPairSection } from '../components/mentoring/MyPairSection';
import { PageHeading } from '../components/PageHeading';
import { Panel } from '../components/Panel';
import { Loading, ProblemNotice } from '../components/Status';
import { useLoad } from '../hooks/useLoad';
import { useSessionGuard } from '../hooks/useSessionGuard';
import { useI18n } from '../i18n';
import { hrefOf } from '../routing/route';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  p: { margin: 0, maxWidth: '65ch' },
  // The empty state's panel: a readable line length, its link at the start rather than stretched.
  empty: { maxWidth: '65ch', alignItems: 'flex-start' },
});

export interface MyMentoringPageProps {
  readonly api: ApiClient;
  readonly onIdentified: (me: Me) => void;
  readonly onUnauthenticated: () => void;
}

interface Loaded {
  readonly me: Me;
  readonly pairs: readonly MyPair[];
}

export function MyMentoringPage({ api, onIdentified, onUnauthenticated }: MyMentoringPageProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const load = useCallback(async (): Promise<Loaded> => {
    const [me, pairs] = await Promise.all([api.me(), api.myPairs()]);
    return { me, pairs };
  }, [api]);
  const { state, retry } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const loaded = state.status === 'loaded' ? state.value : undefined;
  // The header shows the server's own name for the person (inside Teams there is no other).
  useEffect(() => {
    if (loaded) onIdentified(loaded.me);
  }, [loaded, onIdentified]);
  const pairs = loaded
    ? [...loaded.pairs].sort((a, b) => a.programmeName.localeCompare(b.programmeName, locale))
    : [];

  return (
    <div className={styles.page}>
      <PageHeading>{t('me.title')}</PageHeading>
      {(state.status === 'loading' || ended) && <Loading label={t('me.loading')} />}
      {state.status === 'failed' && !ended && <ProblemNotice error={state.error} onRetry={retry} />}
      {loaded && pairs.length === 0 && <NoPairYet />}
      {loaded && pairs.length > 0 && (
        <>
          <div className={styles.intro}>
            <Text as="p" className={styles.p}>
              {t('me.intro')} {t('me.confidential')}
            </Text>
            <ChatHint />
          </div>
          {pairs.map((p) => (
            <MyPairSection
              key={p.pairId}
              api={api}
              pair={p}
              meId={loaded.me.id}
              meName={loaded.me.name}
              onUnauthenticated={onUnauthenticated}
            />
          ))}
        </>
      )}
    </div>
  );
}

function NoPairYet() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Panel title={t('me.empty.title')} className={styles.empty} testId="me-empty">
      <Text as="p" className={styles.p}>
        {t('me.empty.body')}
      </Text>
      <Text as="p" className={styles.p}>
        {t('me.empty.supervisors')}
      </Text>
      <Link href={hrefOf({ kind: 'list' })}>{t('me.empty.toProgrammes')}</Link>
    </Panel>
  );
}
