/**
 * Forming pairs: the board, then the pairs formed so far. Only the
 * programme's managers get here with data; anyone else (a participant who
 * follows a link) gets the server's refusal explained, not a broken page.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { type ApiClient, problemOf } from '../api/client';
import { BackLink } from '../components/BackLink';
import { PairingBoard } from '../components/board/PairingBoard';
import { PageHeading } from '../components/PageHeading';
import { Panel } from '../components/Panel';
import { PairsList } from '../components/programme/PairsList';
import { Loading, ProblemNotice } from '../components/Status';
import { useLoad } from '../hooks/useLoad';
import { useSessionGuard } from '../hooks/useSessionGuard';
import { useI18n } from '../i18n';
import { hrefOf } from '../routing/route';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  refused: {
    margin: 0,
    maxWidth: '65ch',
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface PairingPageProps {
  readonly api: ApiClient;
  readonly programmeId: string;
  readonly onUnauthenticated: () => void;
}

export function PairingPage({ api, programmeId, onUnauthenticated }: PairingPageProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const load = useCallback(async () => {
    const [detail, volunteers, pairs] = await Promise.all([
      api.programme(programmeId),
      api.volunteers(programmeId),
      api.pairs(programmeId),
    ]);
    return { detail, volunteers, pairs };
  }, [api, programmeId]);
  const { state, retry, refresh } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const forbidden = state.status === 'failed' && problemOf(state.error) === 'forbidden';
  const loaded = state.status === 'loaded' ? state.value : undefined;
  const name = loaded?.detail.programme.name;

  return (
    <div className={styles.page}>
      <BackLink href={hrefOf({ kind: 'programme', id: programmeId })}>{t('nav.backToProgramme')}</BackLink>
      <PageHeading>{name ? t('pairing.title', { name }) : t('pairing.titleShort')}</PageHeading>
      {(state.status === 'loading' || ended) && <Loading label={t('common.loading')} />}
      {forbidden && (
        <Text as="p" role="alert" className={styles.refused}>
          {t('pairing.forbidden')}
        </Text>
      )}
      {state.status === 'failed' && !ended && !forbidden && (
        <ProblemNotice error={state.error} onRetry={retry} />
      )}
      {loaded && (
        <>
          <PairingBoard
            api={api}
            programme={loaded.detail.programme}
            volunteers={loaded.volunteers}
            onConfirmed={refresh}
            onUnauthenticated={onUnauthenticated}
          />
          <Panel title={t('pairs.title')}>
            <PairsList pairs={loaded.pairs} />
          </Panel>
        </>
      )}
    </div>
  );
}
