/**
 * Active volunteers in no proposed pair, with Polku's reason when it had
 * one, and a small form to pair two of them by hand.
 */
import { Button, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { Form, Volunteer } from '../../api/programmeTypes';
import { type MessageKey, useI18n } from '../../i18n';
import { type BoardAction, canBeMentored, canMentor } from '../../model/board';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  field: { alignSelf: 'stretch' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const WHY: Readonly<Record<string, MessageKey>> = {
  'no-capacity': 'why.no-capacity',
  'no-allowed-partner': 'why.no-allowed-partner',
  'no-shared-language': 'why.no-shared-language',
};

export interface UnpairedListProps {
  readonly free: readonly Volunteer[];
  readonly why: Readonly<Record<string, string>>;
  readonly form: Form;
  readonly dispatch: (action: BoardAction) => void;
  readonly announce: (text: string) => void;
}

export function UnpairedList({ free, why, form, dispatch, announce }: UnpairedListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const mentors = free.filter((v) => canMentor(v, form));
  const aktoris = free.filter((v) => canBeMentored(v, form));
  const [mentorId, setMentorId] = useState('');
  const [aktoriId, setAktoriId] = useState('');
  const [error, setError] = useState<MessageKey>();

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mentor = mentors.find((m) => m.userId === mentorId);
    const aktori = aktoris.find((a) => a.userId === aktoriId);
    if (!mentor || !aktori) return setError('board.manualChoose');
    if (mentor.userId === aktori.userId) return setError('board.manualSame');
    setError(undefined);
    dispatch({ type: 'add', mentorId: mentor.userId, aktoriId: aktori.userId });
    setMentorId('');
    setAktoriId('');
    announce(t('board.added', { mentor: mentor.name, aktori: aktori.name }));
  }

  return (
    <>
      {free.length === 0 ? (
        <Text>{t('board.everyoneInPair')}</Text>
      ) : (
        <ul className={styles.list} data-testid="unpaired">
          {free.map((v) => {
            const reason = why[v.userId];
            return (
              <li key={v.userId} className={styles.item}>
                <Text weight="semibold">
                  {v.name} <Text weight="regular">– {t(`role.${v.role}`)}</Text>
                </Text>
                <Text size={200} className={styles.muted}>
                  {reason ? t(WHY[reason] ?? 'why.other') : t('board.notInPair')}
                </Text>
              </li>
            );
          })}
        </ul>
      )}
      <form className={styles.form} onSubmit={add} noValidate>
        <h3 className={styles.h3}>{t('board.manualTitle')}</h3>
        <Field label={t('board.manualMentor')} className={styles.field}>
          <Select value={mentorId} onChange={(_, d) => setMentorId(d.value)} disabled={mentors.length === 0}>
            <option value="">{mentors.length ? t('board.choose') : t('board.noneFree')}</option>
            {mentors.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('board.manualAktori')} className={styles.field}>
          <Select value={aktoriId} onChange={(_, d) => setAktoriId(d.value)} disabled={aktoris.length === 0}>
            <option value="">{aktoris.length ? t('board.choose') : t('board.noneFree')}</option>
            {aktoris.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabledFocusable={mentors.length === 0 || aktoris.length === 0}>
          {t('board.manualAdd')}
        </Button>
        <Text role="alert" className={styles.error}>
          {error ? t(error) : ''}
        </Text>
      </form>
    </>
  );
}
