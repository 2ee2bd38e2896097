/**
 * Who signed up, for the programme's managers: a table on wide screens, a
 * list of cards in a narrow side panel, both filtered by role and status.
 * The note is the volunteer's words to the supervisor; only managers get here.
 */
import { Badge, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Volunteer, VolunteerRole, VolunteerStatus } from '../../api/programmeTypes';
import { useNarrow } from '../../hooks/useNarrow';
import { type Translate, useI18n } from '../../i18n';
import { languageLabel, tagLabel } from '../../i18n/labels';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  filter: { minWidth: '10rem', flexGrow: 1, maxWidth: '16rem' },
  scroll: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '44rem' },
  th: {
    textAlign: 'start',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    verticalAlign: 'bottom',
  },
  td: {
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
    // break-word, not anywhere: a column is never squeezed narrower than its longest word.
    overflowWrap: 'break-word',
  },
  status: { whiteSpace: 'nowrap' },
  cards: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  cardHead: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { fontStyle: 'italic', whiteSpace: 'pre-line' },
});

type RoleFilter = 'all' | VolunteerRole;
type StatusFilter = 'all' | VolunteerStatus;

export function VolunteersTable({ volunteers }: { volunteers: readonly Volunteer[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const narrow = useNarrow();
  const captionId = useId();
  const [role, setRole] = useState<RoleFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const shown = volunteers.filter(
    (v) => (role === 'all' || v.role === role) && (status === 'all' || v.status === status),
  );

  if (volunteers.length === 0) return <Text>{t('volunteers.none')}</Text>;
  return (
    <>
      <div className={styles.filters}>
        <Field label={t('volunteers.filterRole')} className={styles.filter}>
          <Select value={role} onChange={(_, d) => setRole(d.value as RoleFilter)}>
            <option value="all">{t('volunteers.all')}</option>
            <option value="mentor">{t('volunteers.mentors')}</option>
            <option value="aktori">{t('volunteers.aktoris')}</option>
          </Select>
        </Field>
        <Field label={t('volunteers.filterStatus')} className={styles.filter}>
          <Select value={status} onChange={(_, d) => setStatus(d.value as StatusFilter)}>
            <option value="all">{t('volunteers.all')}</option>
            <option value="active">{t('status.active')}</option>
            <option value="paired">{t('status.paired')}</option>
            <option value="withdrawn">{t('status.withdrawn')}</option>
          </Select>
        </Field>
      </div>
      <Text id={captionId} role="status" size={200}>
        {t('volunteers.showing', { shown: String(shown.length), total: String(volunteers.length) })}
      </Text>
      {narrow ? (
        <ul className={styles.cards} aria-labelledby={captionId}>
          {shown.map((v) => (
            <li key={v.userId} className={styles.card}>
              <div className={styles.cardHead}>
                <Text weight="semibold">{v.name}</Text>
                <Text size={200}>{t(`role.${v.role}`)}</Text>
                <StatusBadge status={v.status} t={t} />
              </div>
              {v.unit && <Text size={200}>{v.unit}</Text>}
              <Text size={200}>{topics(v, t)}</Text>
              <Text size={200} className={styles.muted}>
                {details(v, t)}
              </Text>
              {v.note && (
                <Text size={200} className={styles.note}>
                  {t('volunteers.noteSays', { note: v.note })}
                </Text>
              )}
            </li>
          ))}
        </ul>
      ) : (
        // Scrolls sideways on mid widths; focusable so keyboard users can scroll it too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        <section className={styles.scroll} tabIndex={0} aria-labelledby={captionId}>
          <table className={styles.table}>
            <thead>
              <tr>
                {(
                  [
                    'volunteers.name',
                    'volunteers.role',
                    'volunteers.unit',
                    'volunteers.topics',
                    'volunteers.languages',
                    'volunteers.capacity',
                    'volunteers.status',
                    'volunteers.note',
                  ] as const
                ).map((k) => (
                  <th key={k} scope="col" className={styles.th}>
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((v) => (
                <tr key={v.userId}>
                  <th scope="row" className={styles.td} style={{ textAlign: 'start' }}>
                    {v.name}
                  </th>
                  <td className={styles.td}>{t(`role.${v.role}`)}</td>
                  <td className={styles.td}>{v.unit}</td>
                  <td className={styles.td}>{topics(v, t)}</td>
                  <td className={styles.td}>{v.languages.map((l) => languageLabel(l, t)).join(', ')}</td>
                  <td className={styles.td}>{v.role === 'mentor' ? v.capacity : ''}</td>
                  <td className={styles.td}>
                    <StatusBadge status={v.status} t={t} />
                  </td>
                  <td className={`${styles.td} ${styles.note}`}>{v.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function topics(v: Volunteer, t: Translate): string {
  const tags = v.role === 'mentor' ? v.offers : v.wants;
  const label = v.role === 'mentor' ? 'volunteers.offers' : 'volunteers.wants';
  return t(label, { topics: tags.map((tag) => tagLabel(tag, t)).join(', ') });
}

function details(v: Volunteer, t: Translate): string {
  const languages = v.languages.map((l) => languageLabel(l, t)).join(', ');
  return v.role === 'mentor'
    ? t('volunteers.detailsMentor', { languages, capacity: String(v.capacity) })
    : t('volunteers.detailsAktori', { languages });
}

/** Status in words; the colour only repeats what the word says. */
export function StatusBadge({ status, t }: { status: VolunteerStatus; t: Translate }) {
  const color = status === 'active' ? 'brand' : status === 'paired' ? 'success' : 'subtle';
  return (
    <Badge
      appearance="outline"
      color={color === 'subtle' ? 'informative' : color}
      shape="rounded"
      className={useStyles().status}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
