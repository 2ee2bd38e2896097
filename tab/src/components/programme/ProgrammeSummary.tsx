/** The programme's settings in plain words, for managers and participants alike. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Programme } from '../../api/programmeTypes';
import { useI18n } from '../../i18n';
import { channelName, dateLabel, languageLabel, listOf } from '../../i18n/labels';

const useStyles = makeStyles({
  description: { margin: 0, maxWidth: '65ch', whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(9rem, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: 0 },
  },
  term: {
    fontWeight: tokens.fontWeightSemibold,
    '@media (max-width: 480px)': { marginTop: tokens.spacingVerticalS },
  },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export function ProgrammeSummary({ programme: p }: { programme: Programme }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const none = t('summary.none');
  const mode =
    p.mode.kind === 'cohort'
      ? t('summary.cohort', {
          start: dateLabel(p.mode.startDate, locale),
          end: dateLabel(p.mode.endDate, locale),
        })
      : t('form.mode.nonstop');
  const coaching =
    p.mode.kind === 'cohort' && p.mode.coachingSessions.length > 0
      ? listOf(
          p.mode.coachingSessions.map((c) => t(`coaching.${c}`)),
          locale,
        )
      : undefined;
  const d = p.defaults;
  const rows: [string, string][] = [
    [t('form.form'), t(`form.form.${p.form}`)],
    [t('form.mode'), mode],
    ...(coaching ? [[t('form.coaching'), coaching] as [string, string]] : []),
    [t('form.signUpDeadline'), p.signUpDeadline ? dateLabel(p.signUpDeadline, locale) : none],
    [
      t('form.aims'),
      p.aims.length
        ? listOf(
            p.aims.map((a) => t(`aim.${a}`)),
            locale,
          )
        : none,
    ],
    [t('form.areas'), p.competenceAreas.length ? p.competenceAreas.join(', ') : none],
    [
      t('summary.agreement'),
      t('summary.agreementText', {
        meetings: String(d.firstPhaseMeetings),
        cadence: t(`cadence.${d.cadenceWeeks}`),
        minutes: String(d.meetingMinutes),
        hours: String(d.nudgeLeadHours),
      }),
    ],
    [t('form.language'), languageLabel(p.language, t)],
    [t('form.channel'), p.channel ? channelName(p.channel, t) : t('form.channel.notYet')],
  ];
  return (
    <>
      {p.description && (
        <Text as="p" className={styles.description}>
          {p.description}
        </Text>
      )}
      <dl className={styles.list}>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
