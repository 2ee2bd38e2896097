/**
 * The pair's learnings in "My mentoring": every one the pair proposed, with
 * its status in words, who proposed it and who has approved it, and a form
 * to propose one. Nothing leaves the pair until every member approves, in
 * Teams chat; the text says so before anyone writes.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { type ApiClient, ApiError, problemOf } from '../../api/client';
import type { PairLearning } from '../../api/meetingApi';
import { useLoad } from '../../hooks/useLoad';
import { useSessionGuard } from '../../hooks/useSessionGuard';
import { type MessageKey, useI18n } from '../../i18n';
import { dateLabel, listOf } from '../../i18n/labels';
import { Loading, ProblemNotice, problemKey } from '../Status';
import { ProposeLearningForm } from './ProposeLearningForm';
import { type Outcome, OutcomeNotice, SubHeading } from './parts';

const useStyles = makeStyles({
  // A rule sets the part apart from the agreement next to it, in every theme (high contrast too).
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    paddingBlockStart: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  p: { margin: 0, maxWidth: '65ch' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  text: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere', maxWidth: '65ch' },
  status: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface PairLearningsProps {
  readonly api: ApiClient;
  readonly pairId: string;
  /** Member id → name, the signed-in person included ("(you)" is added here). */
  readonly names: Readonly<Record<string, string>>;
  readonly meId: string;
  readonly onUnauthenticated: () => void;
}

const STATUS: Readonly<Record<string, MessageKey>> = {
  proposed: 'learnings.status.proposed',
  approved: 'learnings.status.approved',
  withdrawn: 'learnings.status.withdrawn',
};

export function PairLearnings({ api, pairId, names, meId, onUnauthenticated }: PairLearningsProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const load = useCallback(() => api.pairLearnings(pairId), [api, pairId]);
  const { state, retry, refresh, set } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const [outcome, setOutcome] = useState<Outcome>();
  const nameOf = (id: string) => {
    const name = names[id] || t('agreement.formerMember');
    return id === meId ? t('agreement.you', { name }) : name;
  };

  async function propose(text: string): Promise<boolean> {
    setOutcome(undefined);
    const before = state.status === 'loaded' ? state.value : [];
    try {
      const learning = await api.proposeLearning(pairId, text);
      // The same text again names the same learning (the server answers it as it is, 200 instead of 201).
      const repeat = before.some((l) => l.id === learning.id && l.status !== 'withdrawn');
      setOutcome({ ok: true, text: t(repeat ? 'learnings.repeat' : 'learnings.proposed') });
      // Listed at once with the message; then read again (a partner may have approved meanwhile).
      set([learning, ...before.filter((l) => l.id !== learning.id)]);
      refresh();
      return true;
    } catch (err) {
      if (problemOf(err) === 'unauthenticated') {
        onUnauthenticated();
        return false;
      }
      // A 400 is the text itself (too long, say): the form keeps it, so it can be fixed and sent again.
      const invalid = err instanceof ApiError && err.status === 400;
      setOutcome({ ok: false, text: t(invalid ? 'learnings.error.invalid' : problemKey(err)) });
      return false;
    }
  }

  const items = state.status === 'loaded' ? [...state.value].sort(newestFirst) : [];
  return (
    <div className={styles.block} data-testid="pair-learnings">
      <SubHeading>{t('learnings.title')}</SubHeading>
      <Text as="p" className={styles.p}>
        {t('learnings.explain')}
      </Text>
      {(state.status === 'loading' || ended) && <Loading label={t('learnings.loading')} />}
      {state.status === 'failed' && !ended && <ProblemNotice error={state.error} onRetry={retry} />}
      {state.status === 'loaded' && items.length === 0 && (
        <Text as="p" className={styles.p}>
          {t('learnings.none')}
        </Text>
      )}
      {items.length > 0 && (
        <ul className={styles.list} aria-label={t('learnings.title')} data-testid="learnings-list">
          {items.map((l) => (
            <li key={l.id} className={styles.item} data-status={l.status}>
              <Text as="p" className={styles.text}>
                {l.text}
              </Text>
              <Text size={200} className={styles.status} data-testid="learning-status">
                {STATUS[l.status]
                  ? t(STATUS[l.status] as MessageKey)
                  : t('learnings.status.other', { status: l.status })}
              </Text>
              <Text size={200} className={styles.meta}>
                {t('learnings.proposedBy', {
                  name: nameOf(l.proposedBy),
                  date: dateLabel(l.proposedAt, locale),
                })}
              </Text>
              <Text size={200} className={styles.meta}>
                {l.approvedBy.length > 0
                  ? t('learnings.approvedBy', { names: listOf(l.approvedBy.map(nameOf), locale) })
                  : t('learnings.approvedByNobody')}
              </Text>
              {l.sharedToChannelAt && (
                <Text size={200} className={styles.meta}>
                  {t('learnings.shared', { date: dateLabel(l.sharedToChannelAt, locale) })}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
      <OutcomeNotice outcome={outcome} />
      <ProposeLearningForm onPropose={propose} />
    </div>
  );
}

function newestFirst(a: PairLearning, b: PairLearning): number {
  return b.proposedAt.localeCompare(a.proposedAt);
}
