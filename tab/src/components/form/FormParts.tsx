/**
 * Building blocks of the programme form: a labelled field whose error is
 * announced and tied to its control, and a fieldset whose legend names a
 * group of controls (screen readers read the legend with each control).
 */
import { Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { controlId, type FieldErrors, type FieldName } from '../../model/programmeDraft';
import { errorText } from './fieldText';

const useStyles = makeStyles({
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalS} clamp(8px, 2vw, 16px) ${tokens.spacingVerticalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: {
    paddingInline: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  inner: { border: 'none', padding: 0, margin: 0, minWidth: 0 },
  innerLegend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function Section({ legend, children }: { legend: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
}

export interface FormFieldProps {
  readonly field: FieldName;
  readonly label: string;
  readonly errors: FieldErrors;
  readonly hint?: string | undefined;
  readonly required?: boolean;
  /** The control; it must take id={controlId(field)}. */
  readonly children: ReactElement;
}

export function FormField({ field, label, errors, hint, required, children }: FormFieldProps) {
  const { t } = useI18n();
  const error = errors[field];
  return (
    <Field
      label={{ children: label, htmlFor: controlId(field) }}
      hint={hint}
      required={required ?? false}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ? errorText(t, error) : undefined}
    >
      {children}
    </Field>
  );
}

/** A group of checkboxes under one question: a nested fieldset, its error tied to it. */
export function ChoiceGroup({
  field,
  legend,
  errors,
  hint,
  children,
}: {
  field: FieldName;
  legend: string;
  errors: FieldErrors;
  hint?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const error = errors[field];
  const id = controlId(field);
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      className={styles.inner}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className={styles.innerLegend}>{legend}</legend>
      {hint && (
        <Text id={`${id}-hint`} size={200} block className={styles.hint}>
          {hint}
        </Text>
      )}
      <div className={styles.options}>{children}</div>
      {error && (
        <Text id={`${id}-error`} role="alert" size={200} block className={styles.error}>
          {errorText(t, error)}
        </Text>
      )}
    </fieldset>
  );
}
