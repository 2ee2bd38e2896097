/**
 * The supervisor's pairing board: Polku's explained suggestions, changed by
 * hand as needed, then confirmed in one go. Nothing reaches anyone until
 * Confirm; after it, each pair's outcome is shown and focus moves there.
 */
import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useReducer, useRef, useState } from 'react';
import { type ApiClient, problemOf } from '../../api/client';
import type { ConfirmResult, Programme, Volunteer } from '../../api/programmeTypes';
import { useI18n } from '../../i18n';
import { accepted, boardReducer, emptyBoard, freeVolunteers, type Row } from '../../model/board';
import { Panel } from '../Panel';
import { Loading, problemKey } from '../Status';
import { ConfirmResults } from './ConfirmResults';
import { SuggestionRow } from './SuggestionRow';
import { UnpairedList } from './UnpairedList';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignItems: 'start',
    '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 3fr) minmax(16rem, 2fr)' },
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  rows: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  text: { margin: 0, maxWidth: '65ch' },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface PairingBoardProps {
  readonly api: ApiClient;
  readonly programme: Programme;
  readonly volunteers: readonly Volunteer[];
  /** After confirming: the page reloads volunteers and pairs. */
  readonly onConfirmed: () => void;
  readonly onUnauthenticated: () => void;
}

export function PairingBoard({
  api,
  programme,
  volunteers,
  onConfirmed,
  onUnauthenticated,
}: PairingBoardProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [board, dispatch] = useReducer(boardReducer, emptyBoard);
  const [phase, setPhase] = useState<'idle' | 'suggesting' | 'confirming'>('idle');
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [tellUnpaired, setTellUnpaired] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [results, setResults] = useState<readonly ConfirmResult[]>();
  const suggestionsHeading = useRef<HTMLHeadingElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  // New results take focus once they are on the page, so the outcome is read out first.
  useEffect(() => {
    if (results) resultsHeading.current?.focus();
  }, [results]);

  const names = new Map(volunteers.map((v) => [v.userId, v.name]));
  const nameOf = (id: string) => names.get(id) ?? t('board.unknownPerson');
  const chosen = accepted(board);
  const free = freeVolunteers(board, volunteers);
  const active = volunteers.filter((v) => v.status === 'active').length;

  function fail(err: unknown) {
    if (problemOf(err) === 'unauthenticated') return onUnauthenticated();
    setError(t(problemKey(err)));
  }

  async function suggest() {
    if (phase !== 'idle') return;
    setPhase('suggesting');
    setError('');
    try {
      const suggestions = await api.suggestions(programme.id, locale);
      dispatch({ type: 'load', suggestions });
      setLoadedOnce(true);
      setNotice(t('board.suggested', { count: String(suggestions.suggestions.length) }));
    } catch (err) {
      fail(err);
    } finally {
      setPhase('idle');
    }
  }

  function remove(row: Row) {
    dispatch({ type: 'remove', key: row.key });
    const pair = t('board.pairText', {
      mentor: nameOf(row.mentorId),
      aktoris: row.aktoriIds.map(nameOf).join(', '),
    });
    setNotice(t('board.removed', { pair }));
    // The row and its button are gone: continue from the list's heading rather than the top of the page.
    suggestionsHeading.current?.focus();
  }

  async function confirm() {
    if (phase !== 'idle' || chosen.length === 0) return;
    setPhase('confirming');
    setError('');
    try {
      const outcome = await api.confirmPairs(programme.id, chosen, tellUnpaired);
      setResults(outcome);
      dispatch({ type: 'clear' });
      setLoadedOnce(false);
      setNotice('');
      onConfirmed();
    } catch (err) {
      fail(err);
    } finally {
      setPhase('idle');
    }
  }

  return (
    <>
      {results && (
        <Panel title={t('results.title')} headingRef={resultsHeading} testId="results">
          <ConfirmResults results={results} nameOf={nameOf} />
        </Panel>
      )}
      <div className={styles.layout}>
        <Panel title={t('board.suggestionsTitle')} headingRef={suggestionsHeading} testId="board">
          <Text as="p" className={styles.text}>
            {t('board.intro', { active: String(active) })}
          </Text>
          <div className={styles.actions}>
            <Button
              appearance={loadedOnce ? 'secondary' : 'primary'}
              disabledFocusable={phase !== 'idle'}
              onClick={suggest}
            >
              {loadedOnce ? t('board.suggestAgain') : t('board.suggest')}
            </Button>
          </div>
          {phase === 'suggesting' && <Loading label={t('board.suggesting')} />}
          {loadedOnce && board.rows.length === 0 && <Text>{t('board.noSuggestions')}</Text>}
          {board.rows.length > 0 && (
            <ul className={styles.rows} aria-label={t('board.listLabel')}>
              {board.rows.map((row) => (
                <SuggestionRow
                  key={row.key}
                  row={row}
                  board={board}
                  volunteers={volunteers}
                  form={programme.form}
                  nameOf={nameOf}
                  dispatch={dispatch}
                  onRemove={remove}
                  announce={setNotice}
                />
              ))}
            </ul>
          )}
          <Text role="status" size={200}>
            {notice}
          </Text>
        </Panel>
        <div className={styles.side}>
          <Panel title={t('board.unpairedTitle')}>
            <UnpairedList
              free={free}
              why={board.why}
              form={programme.form}
              dispatch={dispatch}
              announce={setNotice}
            />
          </Panel>
          <Panel title={t('board.confirmTitle')}>
            <Checkbox
              checked={tellUnpaired}
              onChange={(_, d) => setTellUnpaired(d.checked === true)}
              label={t('board.tellUnpaired')}
            />
            <Text size={200} className={styles.text}>
              {t('board.confirmHint')}
            </Text>
            <Button
              appearance="primary"
              disabledFocusable={phase !== 'idle' || chosen.length === 0}
              onClick={confirm}
            >
              {phase === 'confirming'
                ? t('board.confirming')
                : t('board.confirm', { count: String(chosen.length) })}
            </Button>
            <Text role="alert" className={styles.error}>
              {error}
            </Text>
          </Panel>
        </div>
      </div>
    </>
  );
}
