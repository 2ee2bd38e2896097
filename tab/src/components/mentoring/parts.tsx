/** Small building blocks of the pair views: a sub-heading, a term list, a goal list, what a change did. */
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ReactNode, Ref } from 'react';
import type { Goal } from '../../api/agreementTypes';
import { useI18n } from '../../i18n';
import { tagLabel } from '../../i18n/labels';
import type { TermRow } from './termRows';

const useStyles = makeStyles({
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  focusable: {
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  terms: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    // Side by side only while both columns have room; stacked in a side panel.
    '@media (max-width: 520px)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: 0 },
  },
  term: {
    fontWeight: tokens.fontWeightSemibold,
    '@media (max-width: 520px)': { marginTop: tokens.spacingVerticalS },
  },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  goals: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  goal: { overflowWrap: 'anywhere' },
  topics: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXXS,
  },
  topicsLabel: { color: tokens.colorNeutralForeground3 },
  tagList: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  done: { margin: 0, maxWidth: '65ch', fontWeight: tokens.fontWeightSemibold },
  failed: {
    margin: 0,
    maxWidth: '65ch',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusDangerBorder2}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
  },
  tag: {
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
  },
});

/** A section's h3; with `headingRef` it can take focus (after a change, say) without being in the tab order. */
export function SubHeading({
  children,
  headingRef,
}: {
  children: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const styles = useStyles();
  return headingRef ? (
    <h3 ref={headingRef} tabIndex={-1} className={mergeClasses(styles.h3, styles.focusable)}>
      {children}
    </h3>
  ) : (
    <h3 className={styles.h3}>{children}</h3>
  );
}

export function TermList({ rows, testId }: { rows: readonly TermRow[]; testId?: string }) {
  const styles = useStyles();
  return (
    <dl className={styles.terms} data-testid={testId}>
      {rows.map((row) => (
        <div key={row.key} style={{ display: 'contents' }}>
          <dt className={styles.term}>{row.label}</dt>
          <dd className={styles.value}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Goals as a numbered list, each with its topics (competence areas and themes) as labels. */
export function GoalList({ goals }: { goals: readonly Goal[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (goals.length === 0) return <Text>{t('agreement.goalsNone')}</Text>;
  return (
    <ol className={styles.goals} data-testid="agreement-goals">
      {goals.map((g, i) => (
        // Goals have no id; their order is their identity in the agreement (goal 1, goal 2).
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i} className={styles.goal}>
          <Text>{g.text}</Text>
          {g.tags.length > 0 && (
            <div className={styles.topics}>
              <Text size={200} className={styles.topicsLabel}>
                {t('agreement.goalTopics')}
              </Text>
              <ul className={styles.tagList}>
                {g.tags.map((tag) => (
                  <li key={tag} className={styles.tag}>
                    {tagLabel(tag, t)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** What the person's last change did: a success is announced politely, a failure as an alert. */
export type Outcome = { readonly ok: boolean; readonly text: string };

export function OutcomeNotice({ outcome }: { outcome: Outcome | undefined }) {
  const styles = useStyles();
  // Both regions are always present, so what a change did is announced when it appears.
  return (
    <>
      <div role="status" aria-live="polite">
        {outcome?.ok && (
          <Text as="p" className={styles.done}>
            {outcome.text}
          </Text>
        )}
      </div>
      <div role="alert">
        {outcome && !outcome.ok && (
          <Text as="p" className={styles.failed}>
            {outcome.text}
          </Text>
        )}
      </div>
    </>
  );
}
