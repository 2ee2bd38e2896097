/**
 * Proposing a learning for the pair: one text of at most 1,000 characters
 * with a live count. Longer text is kept (nothing is cut off behind the
 * person's back) but cannot be sent until it is shortened.
 */
import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { type FormEvent, useId, useState } from 'react';
import { LEARNING_MAX_LENGTH } from '../../../../bot/src/domain/rhythm/learning';
import { useI18n } from '../../i18n';
import { ScreenReaderOnly } from '../Panel';

/** From this many characters before the limit on, the count is announced as it changes. */
const NEAR_LIMIT = 100;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  field: { width: '100%', maxWidth: '65ch' },
  counter: { color: tokens.colorNeutralForeground2 },
  over: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface ProposeLearningFormProps {
  /** Resolves true when proposed (the text is then cleared), false when it failed (the text stays). */
  readonly onPropose: (text: string) => Promise<boolean>;
}

export function ProposeLearningForm({ onPropose }: ProposeLearningFormProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [tried, setTried] = useState(false);
  const counterId = useId();
  const count = [...text].length;
  const over = count - LEARNING_MAX_LENGTH;
  const empty = text.trim() === '';
  const number = (n: number) => n.toLocaleString(locale);
  const max = number(LEARNING_MAX_LENGTH);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (sending || empty || over > 0) return;
    setSending(true);
    const ok = await onPropose(text.trim());
    setSending(false);
    if (ok) {
      setText('');
      setTried(false);
    }
  }

  const problem =
    over > 0
      ? t('learnings.form.tooLong', { over: number(over), max })
      : tried && empty
        ? t('learnings.form.empty')
        : undefined;
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="propose-learning">
      <Field
        className={styles.field}
        label={t('learnings.form.label')}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem}
      >
        <Textarea
          value={text}
          onChange={(_, data) => setText(data.value)}
          resize="vertical"
          rows={3}
          aria-describedby={counterId}
        />
      </Field>
      {/* Read with the field (aria-describedby); near the limit a live region also says it as it changes. */}
      <span id={counterId} className={over > 0 ? styles.over : styles.counter} data-testid="learning-counter">
        {t('learnings.form.counter', { count: number(count), max })}
      </span>
      <ScreenReaderOnly>
        <span aria-live="polite">
          {count > LEARNING_MAX_LENGTH - NEAR_LIMIT
            ? t('learnings.form.counter', { count: number(count), max })
            : ''}
        </span>
      </ScreenReaderOnly>
      <Button type="submit" appearance="primary" disabledFocusable={sending || empty || over > 0}>
        {sending ? t('learnings.form.submitting') : t('learnings.form.submit')}
      </Button>
    </form>
  );
}
