/** No programmes yet: explain what a programme is and how one comes to exist, for each kind of reader. */
import { makeStyles, Text } from '@fluentui/react-components';
import { Panel } from '../components/Panel';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  // A readable line length: the explanation is prose.
  box: { maxWidth: '65ch' },
  p: { margin: 0 },
});

export function EmptyProgrammes() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Panel title={t('programmes.empty.title')} className={styles.box} testId="programmes-empty">
      <Text as="p" className={styles.p}>
        {t('programmes.empty.what')}
      </Text>
      <Text as="p" className={styles.p}>
        {t('programmes.empty.supervisors')}
      </Text>
      <Text as="p" className={styles.p}>
        {t('programmes.empty.participants')}
      </Text>
    </Panel>
  );
}
