/** No programmes yet: explain what a programme is and how one comes to exist, for each kind of reader. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
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
  p: { margin: 0 },
});

export function EmptyProgrammes() {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="programmes-empty">
      <h2 id={headingId} className={styles.h2}>
        {t('programmes.empty.title')}
      </h2>
      <Text as="p" className={styles.p}>
        {t('programmes.empty.what')}
      </Text>
      <Text as="p" className={styles.p}>
        {t('programmes.empty.supervisors')}
      </Text>
      <Text as="p" className={styles.p}>
        {t('programmes.empty.participants')}
      </Text>
    </section>
  );
}
