/** The dev sign-in form itself: pick a demo person, submit, errors announced in a live region. */
import { Button, Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { type FormEvent, useId, useState } from 'react';
import { type ApiClient, ApiError, type DemoUserOption, problemOf } from '../api/client';
import { signInAsDemoUser } from '../auth/devSignIn';
import type { Session } from '../auth/session';
import { type MessageKey, useI18n } from '../i18n';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalL,
    boxSizing: 'border-box',
    maxWidth: '36rem',
    padding: 'clamp(12px, 3vw, 24px)',
    // Transparent in the light and dark themes; visible in high contrast, where shadows vanish.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  field: { alignSelf: 'stretch' },
  role: { color: tokens.colorNeutralForeground3 },
  error: {
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':empty': { display: 'none' },
  },
});

export interface SignInFormProps {
  readonly api: ApiClient;
  readonly users: readonly DemoUserOption[];
  readonly onSignedIn: (session: Session) => void;
}

export function SignInForm({ api, users, onSignedIn }: SignInFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const errorId = useId();
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!userId) {
      setError('signIn.chooseUser');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signInAsDemoUser(api, userId));
    } catch (err) {
      setError(errorKey(err));
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field label={t('signIn.userLabel')} required className={styles.field}>
        <RadioGroup
          value={userId}
          onChange={(_, data) => setUserId(data.value)}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
        >
          {users.map((u) => (
            <Radio
              key={u.id}
              value={u.id}
              label={
                <>
                  {u.name} <span className={styles.role}>– {t(`role.${u.role}`)}</span>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <Button type="submit" appearance="primary" disabledFocusable={busy}>
        {busy ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
      {/* Always in the DOM so screen readers announce the text when it appears. */}
      <Text id={errorId} className={styles.error} role="alert" aria-live="assertive">
        {error ? t(error) : ''}
      </Text>
    </form>
  );
}

function errorKey(err: unknown): MessageKey {
  if (err instanceof ApiError && err.code === 'unknown_user') return 'signIn.unknownUser';
  if (err instanceof ApiError && err.code === 'dev_sign_in_disabled') return 'signIn.unavailable';
  switch (problemOf(err)) {
    case 'network':
      return 'error.network';
    case 'busy':
      return 'error.busy';
    default:
      return 'error.server';
  }
}
