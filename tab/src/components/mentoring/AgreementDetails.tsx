/**
 * A pair's agreement as its members see it: where it stands, the terms (those
 * in force, or the proposal while none is), the goals with their topics, who
 * has accepted the current version, and every version so far. While a change
 * is being agreed, the version in force is shown with only what the proposal
 * would change. Read-only: the agreement is made and changed in Teams chat.
 */
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Agreement } from '../../api/agreementTypes';
import { useI18n } from '../../i18n';
import { dateLabel } from '../../i18n/labels';
import { Acceptances, VersionHistory } from './AgreementHistory';
import { GoalList, SubHeading, TermList } from './parts';
import { changedRows, type TermRow, termRows } from './termRows';

const useStyles = makeStyles({
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  explain: { margin: 0, maxWidth: '65ch' },
  grid: {
    display: 'grid',
    // The terms (label and value side by side) get the wider column; one column below tablet width.
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXL,
    alignItems: 'start',
  },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  wide: { gridColumn: '1 / -1' },
  proposal: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '65ch' },
});

export interface AgreementDetailsProps {
  readonly agreement: Agreement;
  /** The signed-in person, named "(you)" among the members. */
  readonly meId?: string | undefined;
}

export function AgreementDetails({ agreement: a, meId }: AgreementDetailsProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const nameOf = (id: string) => {
    const name = a.members.find((m) => m.id === id)?.name || t('agreement.formerMember');
    return id === meId ? t('agreement.you', { name }) : name;
  };
  const inForce = a.status !== 'drafting' ? a.inForce : null;
  const shown = inForce?.terms ?? a.terms;
  const rows = termRows(shown, t, locale, a.members.length);
  const explain = inForce
    ? a.status === 'reopened'
      ? t('agreement.explain.reopened', {
          version: String(a.version),
          inForce: String(inForce.version),
          date: dateLabel(inForce.at, locale),
        })
      : t('agreement.explain.in-force', {
          version: String(inForce.version),
          date: dateLabel(inForce.at, locale),
        })
    : t('agreement.explain.drafting');
  const roles = Object.entries(shown.roles);

  return (
    <div className={styles.details}>
      <Text as="p" className={styles.explain} data-testid="agreement-explain">
        {explain}
      </Text>
      <div className={styles.grid}>
        <div className={styles.block}>
          <SubHeading>
            {inForce
              ? t('agreement.termsInForce', { version: String(inForce.version) })
              : t('agreement.termsProposal', { version: String(a.version) })}
          </SubHeading>
          <TermList rows={rows} testId="agreement-terms" />
        </div>
        <div className={styles.block}>
          <SubHeading>{t('agreement.goals')}</SubHeading>
          <GoalList goals={shown.goals} />
          <Text as="p" size={200} className={styles.note}>
            {t('agreement.supervisorSees')}
          </Text>
          {roles.length > 0 && (
            <>
              <SubHeading>{t('agreement.roles')}</SubHeading>
              <TermList
                rows={roles.map(([id, text]) => ({ key: id, label: nameOf(id), value: text }))}
                testId="agreement-roles"
              />
            </>
          )}
        </div>
        {inForce && a.status === 'reopened' && (
          <ProposedChange agreement={a} inForceRows={rows} nameOf={nameOf} />
        )}
        <div className={styles.block}>
          <SubHeading>{t('agreement.acceptances', { version: String(a.version) })}</SubHeading>
          <Acceptances agreement={a} nameOf={nameOf} />
        </div>
        <div className={styles.block}>
          <SubHeading>{t('agreement.history')}</SubHeading>
          <VersionHistory agreement={a} nameOf={nameOf} />
        </div>
      </div>
    </div>
  );
}

function ProposedChange({
  agreement: a,
  inForceRows,
  nameOf,
}: {
  agreement: Agreement;
  inForceRows: readonly TermRow[];
  nameOf: (id: string) => string;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const before = a.inForce?.terms;
  const changed = changedRows(termRows(a.terms, t, locale, a.members.length), inForceRows);
  const goalsChanged = JSON.stringify(a.terms.goals) !== JSON.stringify(before?.goals ?? []);
  const roleRows = Object.entries(a.terms.roles)
    .filter(([id, text]) => before?.roles[id] !== text)
    .map(([id, text]) => ({
      key: `role:${id}`,
      label: `${t('agreement.roles')}: ${nameOf(id)}`,
      value: text,
    }));
  const nothing = changed.length === 0 && !goalsChanged && roleRows.length === 0;
  return (
    <div className={mergeClasses(styles.block, styles.wide, styles.proposal)} data-testid="proposed-change">
      <SubHeading>{t('agreement.proposedChange', { version: String(a.version) })}</SubHeading>
      {nothing && <Text>{t('agreement.noChanges')}</Text>}
      {(changed.length > 0 || roleRows.length > 0) && <TermList rows={[...changed, ...roleRows]} />}
      {goalsChanged && (
        <>
          <Text weight="semibold">{t('agreement.goals')}</Text>
          <GoalList goals={a.terms.goals} />
        </>
      )}
    </div>
  );
}
