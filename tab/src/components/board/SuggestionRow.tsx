/**
 * One proposed pair on the board: include it or not, Polku's reason, and
 * the ways to change it (another mentor, swap an aktori, remove the pair).
 * The changes sit behind a disclosure so a narrow side panel stays calm.
 */
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  mergeClasses,
  Select,
  shorthands,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Form, Volunteer } from '../../api/programmeTypes';
import { useI18n } from '../../i18n';
import { type Board, type BoardAction, mentorChoices, type Row, swapChoices } from '../../model/board';
import { PairNames } from '../programme/PairNames';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  left: { backgroundColor: tokens.colorNeutralBackground3, ...shorthands.borderStyle('dashed') },
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  include: { minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  remove: { marginLeft: 'auto' },
  why: { margin: 0, maxWidth: '65ch', color: tokens.colorNeutralForeground2 },
  tag: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: {
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    width: 'fit-content',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  controls: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 14rem), 1fr))',
    paddingTop: tokens.spacingVerticalS,
  },
});

export interface SuggestionRowProps {
  readonly row: Row;
  readonly board: Board;
  readonly volunteers: readonly Volunteer[];
  readonly form: Form;
  readonly nameOf: (id: string) => string;
  readonly dispatch: (action: BoardAction) => void;
  readonly onRemove: (row: Row) => void;
  readonly announce: (text: string) => void;
}

export function SuggestionRow({
  row,
  board,
  volunteers,
  form,
  nameOf,
  dispatch,
  onRemove,
  announce,
}: SuggestionRowProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const pairText = t('board.pairText', {
    mentor: nameOf(row.mentorId),
    aktoris: row.aktoriIds.map(nameOf).join(', '),
  });
  const mentors = mentorChoices(board, row, volunteers, form);
  const swaps = swapChoices(board, row, volunteers, form);
  const note =
    row.origin === 'manual'
      ? t('board.addedByYou')
      : row.origin === 'changed'
        ? t('board.changedByYou')
        : undefined;

  return (
    <li className={mergeClasses(styles.row, !row.accepted && styles.left)} data-testid="suggestion">
      <div className={styles.head}>
        <Checkbox
          className={styles.include}
          checked={row.accepted}
          onChange={(_, d) => dispatch({ type: 'accept', key: row.key, accepted: d.checked === true })}
          label={<PairNames mentorId={row.mentorId} aktoriIds={row.aktoriIds} nameOf={nameOf} />}
        />
        <Button
          className={styles.remove}
          size="small"
          aria-label={t('board.removeLabel', { pair: pairText })}
          onClick={() => onRemove(row)}
        >
          {t('board.remove')}
        </Button>
      </div>
      <Text size={200}>{row.accepted ? t('board.included') : t('board.leftOut')}</Text>
      {row.explanation && (
        <Text as="p" className={styles.why}>
          {row.explanation}
        </Text>
      )}
      {note && <Text className={styles.tag}>{note}</Text>}
      <details className={styles.details}>
        <summary className={styles.summary}>{t('board.change')}</summary>
        <div className={styles.controls}>
          <Field label={t('board.mentor')}>
            <Select
              value={row.mentorId}
              onChange={(_, d) => {
                dispatch({ type: 'setMentor', key: row.key, mentorId: d.value });
                announce(t('board.mentorChanged', { name: nameOf(d.value) }));
              }}
            >
              <option value={row.mentorId}>{nameOf(row.mentorId)}</option>
              {mentors.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {t('board.mentorOption', { name: m.name, capacity: String(m.capacity) })}
                </option>
              ))}
            </Select>
          </Field>
          {row.aktoriIds.map((aktoriId, i) => (
            // Keyed by position: the select keeps focus when its aktori changes.
            // biome-ignore lint/suspicious/noArrayIndexKey: the position is this control's identity.
            <Field key={i} label={t('board.swap', { name: nameOf(aktoriId) })}>
              <Select
                value=""
                disabled={swaps.inRows.length + swaps.free.length === 0}
                onChange={(_, d) => {
                  if (!d.value) return;
                  dispatch({ type: 'swapAktori', key: row.key, aktoriId, withId: d.value });
                  announce(t('board.swapped', { a: nameOf(aktoriId), b: nameOf(d.value) }));
                }}
              >
                <option value="">{t('board.swapChoose')}</option>
                {swaps.inRows.length > 0 && (
                  <optgroup label={t('board.swapInPairs')}>
                    {swaps.inRows.map((v) => (
                      <option key={v.userId} value={v.userId}>
                        {v.name}
                      </option>
                    ))}
                  </optgroup>
                )}
                {swaps.free.length > 0 && (
                  <optgroup label={t('board.swapFree')}>
                    {swaps.free.map((v) => (
                      <option key={v.userId} value={v.userId}>
                        {v.name}
                      </option>
                    ))}
                  </optgroup>
                )}
              </Select>
            </Field>
          ))}
        </div>
      </details>
    </li>
  );
}
