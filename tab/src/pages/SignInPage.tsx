/**
 * Dev sign-in (outside Teams, local mode only): a real form with one radio
 * per demo person. The server says whether dev sign-in is on; when it is not,
 * the page explains where to use Polku instead.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../api/client';
import type { Session } from '../auth/session';
import { PageHeading } from '../components/PageHeading';
import { Loading, ProblemNotice } from '../components/Status';
import { useLoad } from '../hooks/useLoad';
import { useI18n } from '../i18n';
import { SignInForm } from './SignInForm';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  text: { margin: 0, maxWidth: '65ch' },
  notice: {
    margin: 0,
    maxWidth: '65ch',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface SignInPageProps {
  readonly api: ApiClient;
  /** Why the person is here again, if it was not their own choice. */
  readonly notice?: 'sessionEnded' | undefined;
  readonly onSignedIn: (session: Session) => void;
}

export function SignInPage({ api, notice, onSignedIn }: SignInPageProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const load = useCallback(() => api.sessionOptions(), [api]);
  const { state, retry } = useLoad(load);

  return (
    <div className={styles.page}>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {notice === 'sessionEnded' && (
        <Text as="p" className={styles.notice} role="status">
          {t('error.sessionEnded')}
        </Text>
      )}
      {state.status === 'loading' && <Loading label={t('signIn.loadingOptions')} />}
      {state.status === 'failed' && <ProblemNotice error={state.error} onRetry={retry} />}
      {state.status === 'loaded' &&
        (state.value.mode === 'local' && state.value.devSignIn ? (
          <>
            <Text as="p" className={styles.text}>
              {t('signIn.intro')}
            </Text>
            <SignInForm api={api} users={state.value.users} onSignedIn={onSignedIn} />
          </>
        ) : (
          <Text as="p" className={styles.text}>
            {t('signIn.unavailable')}
          </Text>
        ))}
    </div>
  );
}
