/**
 * One meeting in a pair's list: when (in the viewer's zone), its number and
 * status in words, the Teams join link (https only), and for a meeting
 * still ahead Move and Cancel. Cancelling asks first, in place, so it works
 * the same in a narrow side panel and on a wide screen.
 */
import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PairMeeting } from '../../api/meetingApi';
import { useI18n } from '../../i18n';
import { ScreenReaderOnly } from '../Panel';
import { earlierStatusKey, meetingTimeLabel, safeJoinUrl } from './meetingText';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  when: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  confirm: {
    margin: 0,
    minInlineSize: 0,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    // The wording and the border carry the warning, not the colour alone.
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    maxWidth: '65ch',
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // A legend is laid out apart from the fieldset's flex flow; as a block it reads as the question above the buttons.
  question: {
    float: 'left',
    width: '100%',
    padding: 0,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
});

export interface MeetingItemProps {
  readonly meeting: PairMeeting;
  /** Ahead: shows the join link and, when booked, Move and Cancel. */
  readonly ahead: boolean;
  /** Another change is under way in this pair's list: buttons wait. */
  readonly busy: boolean;
  readonly onMove?: ((meeting: PairMeeting) => void) | undefined;
  readonly onCancel: (meeting: PairMeeting) => Promise<void>;
  /** The Move button, so focus can come back to it when the times close. */
  readonly moveRef?: (element: HTMLButtonElement | null) => void;
}

export function MeetingItem({ meeting: m, ahead, busy, onMove, onCancel, moveRef }: MeetingItemProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [asking, setAsking] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const confirmRef = useRef<HTMLFieldSetElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const askedOnce = useRef(false);
  const time = meetingTimeLabel(m.start, m.end, locale);
  const join = ahead ? safeJoinUrl(m.joinUrl) : undefined;
  const changeable = ahead && m.status === 'booked';
  // Names the meeting for screen readers, so "Move" among several meetings says which one.
  const which = <ScreenReaderOnly>{` (${t('meetings.forMeeting', { time })})`}</ScreenReaderOnly>;

  useEffect(() => {
    if (asking) {
      askedOnce.current = true;
      confirmRef.current?.focus();
    } else if (askedOnce.current) {
      // "Keep it": back to the button that asked.
      cancelRef.current?.focus();
    }
  }, [asking]);

  async function cancel() {
    setCancelling(true);
    try {
      await onCancel(m);
    } finally {
      setCancelling(false);
      setAsking(false);
    }
  }

  return (
    <li className={styles.item} data-testid="meeting" data-number={m.number} data-status={m.status}>
      <Text className={styles.when}>{time}</Text>
      <Text size={200} className={styles.meta}>
        {t('meetings.number', { number: String(m.number) })} ·{' '}
        <span data-testid="meeting-status">
          {ahead
            ? t(m.status === 'booking' ? 'meetings.status.booking' : 'meetings.status.booked')
            : t(earlierStatusKey(m))}
        </span>
      </Text>
      {ahead && m.status === 'booked' && !join && <Text size={200}>{t('meetings.noJoinLink')}</Text>}
      {join && (
        <Link href={join} target="_blank" rel="noopener noreferrer" data-testid="join-link">
          {t('meetings.join')}
          {which}
        </Link>
      )}
      {changeable && !asking && (
        <div className={styles.actions}>
          {onMove && (
            <Button size="small" ref={moveRef} disabledFocusable={busy} onClick={() => onMove(m)}>
              {t('meetings.move')}
              {which}
            </Button>
          )}
          <Button size="small" ref={cancelRef} disabledFocusable={busy} onClick={() => setAsking(true)}>
            {t('meetings.cancel')}
            {which}
          </Button>
        </div>
      )}
      {changeable && asking && (
        <fieldset ref={confirmRef} tabIndex={-1} className={styles.confirm} data-testid="cancel-confirm">
          <legend className={styles.question}>{t('meetings.cancel.confirm', { time })}</legend>
          <div className={styles.actions}>
            <Button appearance="primary" disabledFocusable={cancelling || busy} onClick={cancel}>
              {cancelling ? t('meetings.cancelling') : t('meetings.cancel.yes')}
            </Button>
            <Button disabledFocusable={cancelling} onClick={() => setAsking(false)}>
              {t('meetings.cancel.no')}
            </Button>
          </div>
        </fieldset>
      )}
    </li>
  );
}
