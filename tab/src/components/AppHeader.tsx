/** The banner: product name, who is signed in, and the way out (also how to switch demo user). */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: 'clamp(12px, 4vw, 32px)',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorBrandForeground1,
  },
  account: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  name: { overflowWrap: 'anywhere' },
});

export interface AppHeaderProps {
  readonly userName?: string | undefined;
  /** Absent inside Teams, where the Teams account is the session. */
  readonly onSignOut?: (() => void) | undefined;
}

export function AppHeader({ userName, onSignOut }: AppHeaderProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <header className={styles.header}>
      <Text className={styles.brand}>{t('app.name')}</Text>
      {(userName || onSignOut) && (
        <div className={styles.account}>
          {userName && (
            <Text size={200} className={styles.name} data-testid="signed-in-as">
              {t('header.signedInAs', { name: userName })}
            </Text>
          )}
          {onSignOut && (
            <Button size="small" appearance="secondary" onClick={onSignOut}>
              {t('header.signOut')}
            </Button>
          )}
        </div>
      )}
    </header>
  );
}
