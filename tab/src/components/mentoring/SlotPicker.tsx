/**
 * Three times when every member of the pair is free in working hours (the
 * server reads both calendars), and "other times" a week further on each
 * time. Choosing one hands it to the caller (book or move); a time taken
 * meanwhile brings fresh times with a word why.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { problemOf } from '../../api/client';
import type { Slot } from '../../api/meetingApi';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n';
import { Loading, problemKey } from '../Status';
import { meetingProblem, meetingTimeLabel } from './meetingText';

/** How far "other times" may look: the server takes weeksLater 0–8. */
const MAX_WEEKS_LATER = 8;

/** A choice that did not go through: the words to show, and whether the times shown are stale. */
export interface ChoiceProblem {
  readonly message: string;
  readonly freshTimes?: boolean | undefined;
}

const useStyles = makeStyles({
  picker: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  h4: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  p: { margin: 0, maxWidth: '65ch' },
  slots: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    width: '100%',
  },
  slot: { maxWidth: '100%', justifyContent: 'flex-start', textAlign: 'start', whiteSpace: 'normal' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  error: { margin: 0, fontWeight: tokens.fontWeightSemibold, maxWidth: '65ch' },
});

export interface SlotPickerProps {
  /** Free times, `weeksLater` weeks further on; stable (useCallback), as a new function loads again. */
  readonly slots: (weeksLater: number) => Promise<readonly Slot[]>;
  readonly title: string;
  /** Books or moves; resolves to what went wrong, or undefined when done (the caller then closes this). */
  readonly onChoose: (slot: Slot) => Promise<ChoiceProblem | undefined>;
  readonly onClose: () => void;
  readonly onUnauthenticated: () => void;
  readonly testId?: string;
}

export function SlotPicker({ slots, title, onChoose, onClose, onUnauthenticated, testId }: SlotPickerProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [weeksLater, setWeeksLater] = useState(0);
  const [working, setWorking] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const load = useCallback(() => slots(weeksLater), [slots, weeksLater]);
  const { state, retry } = useLoad(load);

  // Keyboard and screen-reader users land on what just opened.
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (state.status === 'failed' && problemOf(state.error) === 'unauthenticated') onUnauthenticated();
  }, [state, onUnauthenticated]);

  async function choose(slot: Slot) {
    if (working) return;
    setWorking(slot.start);
    setProblem(undefined);
    const found = await onChoose(slot);
    setWorking(undefined);
    if (!found) return;
    setProblem(found.message);
    if (found.freshTimes) retry();
  }

  function later(weeks: number) {
    setProblem(undefined);
    setWeeksLater(weeks);
  }

  const slotsProblem =
    state.status === 'failed'
      ? t(meetingProblem(state.error, 'slots').key ?? problemKey(state.error))
      : undefined;
  const shown = problem ?? slotsProblem;
  return (
    <div className={styles.picker} data-testid={testId}>
      <h4 ref={headingRef} tabIndex={-1} className={styles.h4}>
        {title}
      </h4>
      <Text as="p" className={styles.p}>
        {t('meetings.pick.explain')}
      </Text>
      {state.status === 'loading' && <Loading label={t('meetings.pick.loading')} />}
      {state.status === 'loaded' && state.value.length === 0 && (
        <Text as="p" className={styles.p} role="status">
          {t('meetings.pick.none')}
        </Text>
      )}
      {state.status === 'loaded' && state.value.length > 0 && (
        <ul className={styles.slots} aria-label={title}>
          {state.value.map((slot) => (
            <li key={slot.start}>
              <Button
                className={styles.slot}
                appearance={working === slot.start ? 'primary' : 'secondary'}
                disabledFocusable={working !== undefined}
                onClick={() => choose(slot)}
              >
                {working === slot.start
                  ? `${meetingTimeLabel(slot.start, slot.end, locale)} · ${t('meetings.pick.working')}`
                  : meetingTimeLabel(slot.start, slot.end, locale)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div role="alert">
        {shown && (
          <Text as="p" className={styles.error}>
            {shown}
          </Text>
        )}
      </div>
      <div className={styles.actions}>
        {state.status === 'failed' && (
          <Button onClick={retry} disabledFocusable={working !== undefined}>
            {t('common.retry')}
          </Button>
        )}
        {weeksLater < MAX_WEEKS_LATER && (
          <Button
            onClick={() => later(weeksLater + 1)}
            disabledFocusable={working !== undefined || state.status === 'loading'}
          >
            {t('meetings.pick.other')}
          </Button>
        )}
        {weeksLater > 0 && (
          <Button onClick={() => later(0)} disabledFocusable={working !== undefined}>
            {t('meetings.pick.first')}
          </Button>
        )}
        <Button appearance="subtle" onClick={onClose} disabledFocusable={working !== undefined}>
          {t('meetings.pick.close')}
        </Button>
      </div>
    </div>
  );
}
