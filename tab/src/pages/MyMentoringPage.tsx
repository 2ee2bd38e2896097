/**
 * "My mentoring", the personal tab's landing page, for everyone signed in:
 * my pairs and, for each, our meetings (booked, moved and cancelled here as
 * in chat), the agreement we made and the learnings we proposed. The
 * agreement itself is walked through, accepted and changed in Teams chat.
 */
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId } from 'react';
import type { MyPair } from '../api/agreementTypes';
import type { ApiClient, Me } from '../api/client';
import { ChatHint } from '../components/mentoring/ChatHint';
import { MyPairSection } from '../components/mentoring/MyPairSection';
import { PageHeading } from '../components/PageHeading';
import { Loading, ProblemNotice } from '../components/Status';
import { useLoad } from '../hooks/useLoad';
import { useSessionGuard } from '../hooks/useSessionGuard';
import { useI18n } from '../i18n';
import { hrefOf } from '../routing/route';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  p: { margin: 0, maxWidth: '65ch' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    maxWidth: '65ch',
    padding: 'clamp(12px, 3vw, 24px)',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Transparent in the light and dark themes; visible in high contrast, where shadows vanish.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
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
  const headingId = useId();
  return (
    <section className={styles.empty} aria-labelledby={headingId} data-testid="me-empty">
      <h2 id={headingId} className={styles.h2}>
        {t('me.empty.title')}
      </h2>
      <Text as="p" className={styles.p}>
        {t('me.empty.body')}
      </Text>
      <Text as="p" className={styles.p}>
        {t('me.empty.supervisors')}
      </Text>
      <Link href={hrefOf({ kind: 'list' })}>{t('me.empty.toProgrammes')}</Link>
    </section>
  );
}
