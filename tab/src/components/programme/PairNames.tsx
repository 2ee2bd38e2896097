/** "Aino Mäkinen ↔ Eveliina Laine": who is paired with whom. The arrow is read out as a word. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import { listOf } from '../../i18n/labels';
import { ScreenReaderOnly } from '../Panel';

const useStyles = makeStyles({
  pair: { overflowWrap: 'anywhere' },
  arrow: { color: tokens.colorNeutralForeground3, paddingInline: tokens.spacingHorizontalXS },
});

export function PairNames({
  mentorId,
  aktoriIds,
  nameOf,
}: {
  mentorId: string;
  aktoriIds: readonly string[];
  nameOf: (id: string) => string;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  return (
    <span className={styles.pair}>
      {nameOf(mentorId)}
      <span aria-hidden="true" className={styles.arrow}>
        {' ↔ '}
      </span>
      <ScreenReaderOnly>{` ${t('pair.with')} `}</ScreenReaderOnly>
      {listOf(aktoriIds.map(nameOf), locale)}
    </span>
  );
}
