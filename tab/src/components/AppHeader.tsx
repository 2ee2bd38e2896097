/**
 * The banner: product name, the two sections (My mentoring for everyone,
 * Programmes), who is signed in, and the way out (also how to switch demo user).
 */
import { Button, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { hrefOf } from '../routing/route';

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
  start: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  brand: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorBrandForeground1,
  },
  nav: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  link: {
    display: 'inline-block',
    paddingBlock: tokens.spacingVerticalXXS,
    // The current section is underlined and bold, not only coloured.
    borderBottom: `${tokens.strokeWidthThick} solid transparent`,
  },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    borderBottomColor: tokens.colorCompoundBrandStroke,
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
  /** The current section; the sections show only to someone signed in. */
  readonly section?: 'me' | 'programmes' | undefined;
}

export function AppHeader({ userName, onSignOut, section }: AppHeaderProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const sections = [
    { id: 'me', label: t('nav.me'), href: hrefOf({ kind: 'me' }) },
    { id: 'programmes', label: t('programmes.title'), href: hrefOf({ kind: 'list' }) },
  ] as const;
  return (
    <header className={styles.header}>
      <div className={styles.start}>
        <Text className={styles.brand}>{t('app.name')}</Text>
        {section && (
          <nav aria-label={t('nav.label')}>
            <ul className={styles.nav}>
              {sections.map((s) => (
                <li key={s.id}>
                  <Link
                    href={s.href}
                    className={mergeClasses(styles.link, s.id === section && styles.current)}
                    aria-current={s.id === section ? 'page' : undefined}
                  >
                    {s.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
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
