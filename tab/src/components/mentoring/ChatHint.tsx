/** "You change an agreement together in your chat with Polku: say `sopimus`." The command is set apart as what to type. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  p: { margin: 0, maxWidth: '65ch' },
  command: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function ChatHint() {
  const styles = useStyles();
  const { t } = useI18n();
  // Split around the placeholder, so the command can be its own element in any word order.
  const [before = '', after = ''] = t('me.changeInChat').split('{command}');
  return (
    <Text as="p" className={styles.p} data-testid="chat-hint">
      {before}
      <kbd className={styles.command}>{t('me.command')}</kbd>
      {after}
    </Text>
  );
}
