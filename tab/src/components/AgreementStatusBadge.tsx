/**
 * An agreement's status in words, with a mark and a border: the wording
 * carries the meaning, so it reads the same without colour (and in high
 * contrast, where the tints vanish).
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AgreementStatus } from '../api/agreementTypes';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    width: 'fit-content',
    maxWidth: '100%',
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
  },
  drafting: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  inForce: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}`,
    backgroundColor: tokens.colorStatusSuccessBackground1,
  },
  reopened: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
});

const MARK: Record<AgreementStatus, string> = { drafting: '✎', 'in-force': '✓', reopened: '↻' };

export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  const styles = useStyles();
  const { t } = useI18n();
  const tone =
    status === 'in-force' ? styles.inForce : status === 'reopened' ? styles.reopened : styles.drafting;
  return (
    <span className={mergeClasses(styles.badge, tone)} data-testid="agreement-status" data-status={status}>
      <span aria-hidden="true">{MARK[status]}</span>
      {t(`agreementStatus.${status}`)}
    </span>
  );
}
