/**
 * The new/edit programme form. Checks run on submit (not while typing), then
 * an error summary lists what to fix and focus moves to the first such
 * field; the server's own refusals land on the field they name the same way.
 */
import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, problemOf } from '../../api/client';
import type { Channel, ProgrammeInput } from '../../api/programmeTypes';
import { type MessageKey, useI18n } from '../../i18n';
import {
  checkDraft,
  controlId,
  type Draft,
  FIELD_ORDER,
  type FieldErrors,
  type FieldName,
  fieldNamed,
  fieldsOf,
  inputOf,
  today,
} from '../../model/programmeDraft';
import { problemKey } from '../Status';
import { BasicsSection, CompetenceSection } from './AboutSections';
import { errorText, FIELD_LABEL } from './fieldText';
import { PeopleSection } from './PeopleSection';
import { AgreementSection, ScheduleSection } from './ScheduleSections';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '44rem' },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusDangerBorder2}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
    ':empty': { display: 'none' },
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** A failure that is not about one field: what to say, and whether a reload helps. */
interface FormProblem {
  readonly key: MessageKey;
  readonly detail?: string;
  readonly reload?: boolean;
}

export interface ProgrammeFormProps {
  readonly initial: Draft;
  readonly channels: readonly Channel[];
  readonly editing: boolean;
  readonly onSubmit: (input: ProgrammeInput) => Promise<void>;
  readonly onCancel: () => void;
  /** Offered when someone else saved the programme meanwhile. */
  readonly onReload?: () => void;
  readonly onUnauthenticated: () => void;
}

export function ProgrammeForm(props: ProgrammeFormProps) {
  const { initial, channels, editing, onSubmit, onCancel, onReload, onUnauthenticated } = props;
  const styles = useStyles();
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  // Client checks run from the first submit on, so fixed fields clear as the person fixes them.
  const [checked, setChecked] = useState(false);
  // The server's refusals stay on their field until that field is changed.
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<FormProblem>();
  const [busy, setBusy] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);
  // Where focus goes once the messages are on the page, so the field is read out with its error.
  const [focusTo, setFocusTo] = useState<{ target: FieldName | 'problem' }>();
  const errors: FieldErrors = { ...(checked ? checkDraft(draft, today()) : {}), ...serverErrors };

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    const touched = fieldsOf(patch);
    setServerErrors((e) =>
      Object.fromEntries(Object.entries(e).filter(([f]) => !touched.includes(f as FieldName))),
    );
  };

  useEffect(() => {
    if (!focusTo) return;
    if (focusTo.target === 'problem') problemRef.current?.focus();
    else focusField(focusTo.target);
  }, [focusTo]);

  function focusFirst(found: FieldErrors) {
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) setFocusTo({ target: first });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setProblem(undefined);
    setChecked(true);
    const found = { ...checkDraft(draft, today()), ...serverErrors };
    if (Object.keys(found).length > 0) return focusFirst(found);
    setBusy(true);
    try {
      await onSubmit(inputOf(draft));
    } catch (err) {
      setBusy(false);
      handleFailure(err);
    }
  }

  function handleFailure(err: unknown) {
    const kind = problemOf(err);
    if (kind === 'unauthenticated') return onUnauthenticated();
    const field =
      err instanceof ApiError && err.code === 'not_in_team'
        ? 'channel'
        : err instanceof ApiError && err.status === 400 && err.violation
          ? fieldNamed(err.violation.field)
          : undefined;
    if (field && err instanceof ApiError) {
      const refusal = err.violation
        ? { rule: err.violation.rule, limit: err.violation.limit }
        : { rule: 'channel-gone' };
      setServerErrors({ [field]: refusal });
      return focusFirst({ [field]: refusal });
    }
    setProblem(
      kind === 'changed'
        ? { key: 'form.changed', reload: true }
        : err instanceof ApiError && err.status === 400
          ? { key: 'form.refused', detail: err.message }
          : { key: problemKey(err) },
    );
    setFocusTo({ target: 'problem' });
  }

  const listed = FIELD_ORDER.filter((f) => errors[f]);
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={busy}>
      {/* Each field announces its own error; this list is the overview, with a link to each field. */}
      {listed.length > 0 && (
        <div className={styles.summary}>
          <Text weight="semibold">{t('form.errorSummary', { count: String(listed.length) })}</Text>
          <ul className={styles.list}>
            {listed.map((f) => (
              <li key={f}>
                <Link
                  href={`#${controlId(f)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(f);
                  }}
                >
                  {t(FIELD_LABEL[f])}: {errorText(t, errors[f] ?? { rule: '' })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div ref={problemRef} tabIndex={-1} className={styles.summary} role="alert">
        {problem && (
          <>
            <Text>{t(problem.key)}</Text>
            {problem.detail && <Text size={200}>{problem.detail}</Text>}
            {problem.reload && onReload && (
              <div>
                <Button appearance="primary" onClick={onReload}>
                  {t('form.reload')}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
      <BasicsSection draft={draft} set={set} errors={errors} />
      <ScheduleSection draft={draft} set={set} errors={errors} />
      <CompetenceSection draft={draft} set={set} errors={errors} />
      <AgreementSection draft={draft} set={set} errors={errors} />
      <PeopleSection draft={draft} set={set} errors={errors} channels={channels} editing={editing} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? t('form.saving') : editing ? t('form.save') : t('form.create')}
        </Button>
        <Button appearance="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Focuses a field's control, or the first control inside a group (radio group, checkbox fieldset). */
function focusField(field: FieldName): void {
  const el = document.getElementById(controlId(field));
  if (!el) return;
  const target = el.matches('input, select, textarea, button')
    ? el
    : el.querySelector<HTMLElement>('input:checked, input, select, textarea, button');
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}
