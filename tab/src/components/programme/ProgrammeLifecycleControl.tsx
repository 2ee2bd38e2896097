/**
 * The programme's status, and for its owners the two irreversible steps at
 * its end: close it (a confirmation dialog), then delete its data (a dialog
 * that asks for the programme's name and says what goes and what stays).
 * Fluent's Dialog traps focus, closes on Escape and returns focus to the
 * button that opened it; outcomes are announced through live regions.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type ApiClient, ApiError, problemOf } from '../../api/client';
import type { ProgrammeDetail, Saved } from '../../api/programmeTypes';
import { type MessageKey, useI18n } from '../../i18n';
import { problemKey } from '../Status';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: '65ch' },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  status: {
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface ProgrammeLifecycleControlProps {
  readonly api: ApiClient;
  readonly detail: ProgrammeDetail;
  readonly onClosed: (saved: Saved) => void;
  readonly onPurged: () => void;
  readonly onUnauthenticated: () => void;
}

export function ProgrammeLifecycleControl({
  api,
  detail,
  onClosed,
  onPurged,
  onUnauthenticated,
}: ProgrammeLifecycleControlProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { programme } = detail;
  const closed = Boolean(programme.closedAt);
  const [done, setDone] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  // The button that was pressed is gone once closed: keyboard focus moves to the new status, not to the page's top.
  useEffect(() => {
    if (done) statusRef.current?.focus();
  }, [done]);

  return (
    <div className={styles.box} data-testid="programme-lifecycle">
      <div ref={statusRef} tabIndex={-1} className={styles.status}>
        <ProgrammeStatusText closedAt={programme.closedAt} />
      </div>
      {!detail.isOwner && (
        <Text size={200} className={styles.hint}>
          {t('lifecycle.onlyOwners')}
        </Text>
      )}
      {detail.isOwner && !closed && (
        <>
          <Text size={200} className={styles.hint}>
            {t('lifecycle.closeHint')}
          </Text>
          <CloseDialog
            api={api}
            detail={detail}
            onUnauthenticated={onUnauthenticated}
            onClosed={(saved) => {
              setDone(t('lifecycle.closedNow'));
              onClosed(saved);
            }}
          />
        </>
      )}
      {detail.isOwner && closed && (
        <>
          <Text size={200} className={styles.hint}>
            {t('lifecycle.purgeHint')}
          </Text>
          <PurgeDialog api={api} detail={detail} onUnauthenticated={onUnauthenticated} onPurged={onPurged} />
        </>
      )}
      <Text role="status">{done}</Text>
    </div>
  );
}

/** "Open", or "closed on <date>", in the person's language. */
export function ProgrammeStatusText({ closedAt }: { closedAt: string | null | undefined }) {
  const { t, locale } = useI18n();
  if (!closedAt) return <Text data-testid="programme-status">{t('lifecycle.status.open')}</Text>;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(closedAt));
  return <Text data-testid="programme-status">{t('lifecycle.status.closed', { date })}</Text>;
}

/** What an answer from the server means here: its own words for the refusals this control can meet. */
function failureKey(err: unknown): MessageKey {
  if (err instanceof ApiError && err.code === 'programme_not_closed') return 'lifecycle.notClosed';
  if (err instanceof ApiError && err.code === 'not_programme_owner') return 'lifecycle.onlyOwners';
  if (err instanceof ApiError && err.code === 'confirm_name_mismatch')
    return 'lifecycle.purgeDialog.mismatch';
  return problemKey(err);
}

/**
 * Runs what follows a dialog's work (the page changing under it) only once
 * the dialog has fully closed and handed focus back to its trigger; a second
 * later if focus never comes back. Changed any earlier, the dialog's cleanup
 * is cut short and the app's root stays aria-hidden: screen readers would
 * see nothing of the page that follows.
 */
function useAfterClose(open: boolean) {
  const pending = useRef<(() => void) | undefined>(undefined);
  const run = () => {
    const next = pending.current;
    pending.current = undefined;
    next?.();
  };
  useEffect(() => {
    if (open || !pending.current) return;
    const timer = setTimeout(run, 1000);
    return () => clearTimeout(timer);
  });
  return {
    later: (next: () => void) => {
      pending.current = next;
    },
    onTriggerFocus: () => {
      if (!open) run();
    },
  };
}

/**
 * A dialog's one irreversible request: nothing sent twice while it runs, a
 * refusal said inside the dialog in this control's words, a lapsed session
 * handed back to sign-in.
 */
function useDialogRequest(onUnauthenticated: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  async function run(request: () => Promise<void>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setProblem('');
    try {
      await request();
    } catch (err) {
      if (problemOf(err) === 'unauthenticated') return onUnauthenticated();
      setProblem(t(failureKey(err)));
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, clearProblem: () => setProblem(''), run };
}

interface DialogProps {
  readonly api: ApiClient;
  readonly detail: ProgrammeDetail;
  readonly onUnauthenticated: () => void;
}

function CloseDialog({
  api,
  detail,
  onClosed,
  onUnauthenticated,
}: DialogProps & { onClosed: (s: Saved) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const request = useDialogRequest(onUnauthenticated);
  const { busy, problem } = request;
  const bodyId = useId();
  const name = detail.programme.name;
  const after = useAfterClose(open);

  const close = () =>
    request.run(async () => {
      const saved = await api.closeProgramme(detail.programme.id);
      after.later(() => onClosed(saved));
      setOpen(false);
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (busy) return;
        setOpen(d.open);
        request.clearProblem();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button onFocus={after.onTriggerFocus}>{t('lifecycle.close')}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={bodyId}>
        <DialogBody>
          <DialogTitle>{t('lifecycle.closeDialog.title', { name })}</DialogTitle>
          <DialogContent>
            <Text as="p" id={bodyId}>
              {t('lifecycle.closeDialog.body')}
            </Text>
            <Text role="alert" className={styles.error}>
              {problem}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={busy} onClick={close}>
              {busy ? t('lifecycle.closing') : t('lifecycle.closeDialog.confirm')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button disabledFocusable={busy}>{t('common.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function PurgeDialog({ api, detail, onPurged, onUnauthenticated }: DialogProps & { onPurged: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const request = useDialogRequest(onUnauthenticated);
  const { busy, problem } = request;
  const whatId = useId();
  const calendarId = useId();
  const name = detail.programme.name;
  const after = useAfterClose(open);

  async function purge(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    request.clearProblem();
    if (typed.trim().normalize('NFC') !== name.trim().normalize('NFC')) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    await request.run(async () => {
      await api.purgeProgramme(detail.programme.id, typed);
      after.later(onPurged);
      setOpen(false);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (busy) return;
        setOpen(d.open);
        setTyped('');
        setMismatch(false);
        request.clearProblem();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button onFocus={after.onTriggerFocus}>{t('lifecycle.purge')}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={`${whatId} ${calendarId}`}>
        <form onSubmit={purge} className={styles.form} noValidate>
          <DialogBody>
            <DialogTitle>{t('lifecycle.purgeDialog.title', { name })}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text as="p" id={whatId}>
                {t('lifecycle.purgeDialog.what')}
              </Text>
              <Text as="p" id={calendarId}>
                {t('lifecycle.purgeDialog.calendar')}
              </Text>
              <Field
                label={t('lifecycle.purgeDialog.label', { name })}
                required
                validationState={mismatch ? 'error' : 'none'}
                validationMessage={mismatch ? t('lifecycle.purgeDialog.mismatch') : undefined}
              >
                <Input
                  value={typed}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(_, d) => {
                    setTyped(d.value);
                    if (mismatch) setMismatch(false);
                  }}
                />
              </Field>
              <Text role="alert" className={styles.error}>
                {problem}
              </Text>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {busy ? t('lifecycle.purging') : t('lifecycle.purgeDialog.confirm')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button type="button" disabledFocusable={busy}>
                  {t('common.cancel')}
                </Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
