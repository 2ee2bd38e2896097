/**
 * First page after sign-in: the programmes this person may see, with their
 * role in each, and the way to start a new one. Loading /me alongside proves
 * the token is still good and gives the header the server's own name for
 * the person.
 */
import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import { type ApiClient, type Me, type ProgrammeSummary, problemOf } from '../api/client';
import { PageHeading } from '../components/PageHeading';
import { Loading, ProblemNotice } from '../components/Status';
import { useLoad } from '../hooks/useLoad';
import { useI18n } from '../i18n';
import { hrefOf } from '../routing/route';
import { EmptyProgrammes } from './EmptyProgrammes';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  name: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Transparent in the light and dark themes; visible in high contrast, where shadows vanish.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    overflowWrap: 'anywhere',
  },
});

export interface ProgrammesPageProps {
  readonly api: ApiClient;
  readonly onIdentified: (me: Me) => void;
  readonly onUnauthenticated: () => void;
}

interface Loaded {
  readonly me: Me;
  readonly programmes: readonly ProgrammeSummary[];
}

export function ProgrammesPage({ api, onIdentified, onUnauthenticated }: ProgrammesPageProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const load = useCallback(async (): Promise<Loaded> => {
    const [me, programmes] = await Promise.all([api.me(), api.programmes()]);
    return { me, programmes };
  }, [api]);
  const { state, retry } = useLoad(load);

  const unauthenticated = state.status === 'failed' && problemOf(state.error) === 'unauthenticated';
  useEffect(() => {
    if (unauthenticated) onUnauthenticated();
  }, [unauthenticated, onUnauthenticated]);
  const me = state.status === 'loaded' ? state.value.me : undefined;
  useEffect(() => {
    if (me) onIdentified(me);
  }, [me, onIdentified]);

  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <PageHeading>{t('programmes.title')}</PageHeading>
        <Button as="a" href={hrefOf({ kind: 'new' })} appearance="primary">
          {t('programmes.new')}
        </Button>
      </div>
      {(state.status === 'loading' || unauthenticated) && <Loading label={t('programmes.loading')} />}
      {state.status === 'failed' && !unauthenticated && <ProblemNotice error={state.error} onRetry={retry} />}
      {state.status === 'loaded' &&
        (state.value.programmes.length === 0 ? (
          <EmptyProgrammes />
        ) : (
          <ul className={styles.list}>
            {state.value.programmes.map((p) => (
              <li key={p.id} className={styles.item}>
                <Link href={hrefOf({ kind: 'programme', id: p.id })} className={styles.name}>
                  {p.name}
                </Link>
                <Text size={200}>{t('programmes.yourRole', { role: t(`programmes.role.${p.role}`) })}</Text>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
