/** Who has accepted the current version, and every version with who proposed and who accepted it. */
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Agreement } from '../../api/agreementTypes';
import { useI18n } from '../../i18n';
import { dateTimeLabel, listOf } from '../../i18n/labels';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  person: { display: 'flex', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  mark: { flexShrink: 0, width: '1.25em', textAlign: 'center', fontWeight: tokens.fontWeightSemibold },
  yes: { color: tokens.colorStatusSuccessForeground1 },
  no: { color: tokens.colorNeutralForeground3 },
  version: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  inForce: { borderLeftColor: tokens.colorStatusSuccessBorder1 },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface PeopleProps {
  readonly agreement: Agreement;
  /** The name to show for a member id: "Aino Mäkinen (you)", or "a former member". */
  readonly nameOf: (id: string) => string;
}

export function Acceptances({ agreement: a, nameOf }: PeopleProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const current = a.history.find((h) => h.version === a.version);
  return (
    <ul className={styles.list} data-testid="acceptances">
      {a.members.map((m) => {
        const accepted = m.acceptedVersion === a.version;
        const at = current?.acceptedBy[m.id];
        const state = accepted
          ? at
            ? t('agreement.acceptedOn', { date: dateTimeLabel(at, locale) })
            : t('agreement.accepted')
          : t('agreement.notAccepted');
        return (
          <li key={m.id} className={styles.person} data-accepted={accepted}>
            <span aria-hidden="true" className={mergeClasses(styles.mark, accepted ? styles.yes : styles.no)}>
              {accepted ? '✓' : '○'}
            </span>
            <Text>
              <Text weight="semibold">{nameOf(m.id)}</Text>
              {` · ${t(`role.${m.role}`)}: ${state}`}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}

export function VersionHistory({ agreement: a, nameOf }: PeopleProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const members = new Set(a.members.map((m) => m.id));
  const versions = [...a.history].sort((x, y) => y.version - x.version);
  return (
    <ol className={styles.list} data-testid="version-history">
      {versions.map((h) => {
        const inForce = a.inForce?.version === h.version;
        const when = dateTimeLabel(h.at, locale);
        const accepted = Object.entries(h.acceptedBy)
          .sort(([, x], [, y]) => x.localeCompare(y))
          .map(([id, at]) =>
            t('agreement.history.acceptance', { name: nameOf(id), date: dateTimeLabel(at, locale) }),
          );
        return (
          <li key={h.version} className={mergeClasses(styles.version, inForce && styles.inForce)}>
            <Text weight="semibold">
              {t('agreement.history.version', { version: String(h.version) })}
              {inForce && ` · ${t('agreement.history.inForce')}`}
            </Text>
            <Text size={200} className={styles.muted}>
              {members.has(h.proposedBy)
                ? t('agreement.history.proposed', { name: nameOf(h.proposedBy), date: when })
                : t('agreement.history.started', { date: when })}
            </Text>
            <Text size={200} className={styles.muted}>
              {accepted.length
                ? t('agreement.history.acceptedBy', { names: listOf(accepted, locale) })
                : t('agreement.history.acceptedByNobody')}
            </Text>
          </li>
        );
      })}
    </ol>
  );
}
