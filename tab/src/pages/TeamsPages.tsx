/** The pages only seen inside Teams: connecting, connection failed, sign-in failed, and configuration. */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalL,
    maxWidth: '65ch',
  },
});

export function TeamsConnectFailedPage() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <PageHeading>{t('app.name')}</PageHeading>
      <Text as="p" role="alert">
        {t('teams.connectFailed')}
      </Text>
      {/* Initialising teams-js again in the same page is not supported; a reload starts cleanly. */}
      <Button appearance="primary" onClick={() => window.location.reload()}>
        {t('common.retry')}
      </Button>
    </div>
  );
}

/** Teams gave no token (consent missing, or it failed), or the API refused a fresh one. */
export function TeamsSignInFailedPage({
  problem,
  onRetry,
}: {
  readonly problem: 'consent' | 'failed';
  readonly onRetry: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <PageHeading>{t('teams.signInFailed.title')}</PageHeading>
      <Text as="p" role="alert">
        {t(problem === 'consent' ? 'teams.signInFailed.consent' : 'teams.signInFailed.body')}
      </Text>
      {/* Trying again asks Teams again, which shows its consent prompt when consent is what is missing. */}
      <Button appearance="primary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}

/** The channel tab's configuration; `children` is the programme choice once the person is signed in. */
export function TeamsConfigurePage({ children }: { readonly children?: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <PageHeading>{t('configure.title')}</PageHeading>
      <Text as="p">{t('configure.body')}</Text>
      {children}
    </div>
  );
}
