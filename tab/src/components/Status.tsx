/** Loading and failure states shared by the pages, in plain language with a way forward. */
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { type Problem, problemOf } from '../api/client';
import { type MessageKey, useI18n } from '../i18n';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalL,
  },
  problem: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    // The border and the wording carry the signal, not the colour alone.
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusDangerBorder2}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export function Loading({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.box} role="status">
      <Spinner size="small" label={label} labelPosition="after" />
    </div>
  );
}

const PROBLEM_TEXT: Record<Problem, MessageKey> = {
  network: 'error.network',
  busy: 'error.busy',
  server: 'error.server',
  unauthenticated: 'error.sessionEnded',
  forbidden: 'error.forbidden',
  notFound: 'error.notFound',
  changed: 'error.changed',
};

/** The plain-language text for a failure, for pages that place it themselves. */
export function problemKey(error: unknown): MessageKey {
  return PROBLEM_TEXT[problemOf(error)];
}

export function ProblemNotice({ error, onRetry }: { error: unknown; onRetry?: (() => void) | undefined }) {
  const styles = useStyles();
  const { t } = useI18n();
  // Retrying cannot help when access is refused or the thing is gone.
  const final = ['forbidden', 'notFound'].includes(problemOf(error));
  return (
    <div className={`${styles.box} ${styles.problem}`} role="alert">
      <Text>{t(PROBLEM_TEXT[problemOf(error)])}</Text>
      {onRetry && !final && (
        <Button appearance="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
