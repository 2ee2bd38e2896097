/**
 * A pair's meetings in "My mentoring": the ones ahead with their join links,
 * Book (while the agreement is in force), Move and Cancel, and the earlier
 * and cancelled ones with what the check-ins said. The same service as the
 * chat cards does the work, so the other members are told either way.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import { type ApiClient, problemOf } from '../../api/client';
import type { PairMeeting, Slot } from '../../api/meetingApi';
import { useLoad } from '../../hooks/useLoad';
import { useSessionGuard } from '../../hooks/useSessionGuard';
import { useI18n } from '../../i18n';
import { Loading, ProblemNotice, problemKey } from '../Status';
import { MeetingItem } from './MeetingItem';
import { meetingProblem, meetingTimeLabel, splitMeetings, viewerTimeZone } from './meetingText';
import { type Outcome, OutcomeNotice, SubHeading } from './parts';
import { type ChoiceProblem, SlotPicker } from './SlotPicker';

const useStyles = makeStyles({
  // A rule sets the part apart from the agreement next to it, in every theme (high contrast too).
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    paddingBlockEnd: tokens.spacingVerticalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  h4: {
    margin: 0,
    marginBlockStart: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  p: { margin: 0, maxWidth: '65ch' },
  note: { margin: 0, maxWidth: '65ch', color: tokens.colorNeutralForeground2 },
});

export interface PairMeetingsProps {
  readonly api: ApiClient;
  readonly pairId: string;
  /** Booking needs an agreement in force (the server says so too: 409 agreement_not_in_force). */
  readonly canBook: boolean;
  readonly onUnauthenticated: () => void;
}

type Picking = { readonly kind: 'book' } | { readonly kind: 'move'; readonly meeting: PairMeeting };

export function PairMeetings({ api, pairId, canBook, onUnauthenticated }: PairMeetingsProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const load = useCallback(() => api.meetings(pairId), [api, pairId]);
  const { state, retry, refresh, set } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const [picking, setPicking] = useState<Picking>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bookRef = useRef<HTMLButtonElement>(null);
  const moveButtons = useRef(new Map<number, HTMLButtonElement>());
  const moving = picking?.kind === 'move' ? picking.meeting.number : undefined;

  const bookSlots = useCallback((weeks: number) => api.slots(pairId, weeks), [api, pairId]);
  const moveSlots = useCallback(
    (weeks: number) => (moving === undefined ? Promise.resolve([]) : api.moveSlots(pairId, moving, weeks)),
    [api, pairId, moving],
  );

  /** Focus goes back to the button that opened the times, or to the heading when that is gone. */
  const closePicker = useCallback((back: () => HTMLElement | null | undefined) => {
    setPicking(undefined);
    requestAnimationFrame(() => (back() ?? headingRef.current)?.focus());
  }, []);

  /** Runs a change; a problem is returned for the times to show, or shown here. */
  async function change(
    action: 'book' | 'move' | 'cancel',
    run: () => Promise<PairMeeting>,
    done: (m: PairMeeting) => string,
  ): Promise<ChoiceProblem | undefined> {
    setBusy(true);
    setOutcome(undefined);
    try {
      const meeting = await run();
      // The answer is the meeting as it now is: shown at once with the message, then the list is read again.
      const shown = state.status === 'loaded' ? state.value.filter((m) => m.number !== meeting.number) : [];
      set([...shown, meeting]);
      setOutcome({ ok: true, text: done(meeting) });
      refresh();
      setPicking(undefined);
      requestAnimationFrame(() => headingRef.current?.focus());
      return undefined;
    } catch (err) {
      if (problemOf(err) === 'unauthenticated') {
        onUnauthenticated();
        return undefined;
      }
      const problem = meetingProblem(err, action);
      const message = t(problem.key ?? problemKey(err));
      if (problem.freshList) refresh();
      // Shown with the times when they are open and still of use; otherwise here.
      if (action === 'cancel' || !picking || problem.key === 'meetings.error.notInForce') {
        setOutcome({ ok: false, text: message });
        if (problem.key === 'meetings.error.notInForce') setPicking(undefined);
        return undefined;
      }
      return { message, freshTimes: problem.freshTimes };
    } finally {
      setBusy(false);
    }
  }

  const label = (m: PairMeeting) => meetingTimeLabel(m.start, m.end, locale);
  const book = (slot: Slot) =>
    change(
      'book',
      () => api.book(pairId, slot.start),
      (m) => t('meetings.booked', { time: label(m) }),
    );
  const move = (meeting: PairMeeting) => (slot: Slot) =>
    change(
      'move',
      async () => (await api.move(pairId, meeting.number, slot.start)).meeting,
      (m) => t('meetings.moved', { time: label(m) }),
    );
  const cancel = async (meeting: PairMeeting) => {
    await change(
      'cancel',
      async () => (await api.cancel(pairId, meeting.number)).meeting,
      () => t('meetings.cancelled', { time: label(meeting) }),
    );
  };

  const { upcoming, earlier } =
    state.status === 'loaded' ? splitMeetings(state.value, Date.now()) : { upcoming: [], earlier: [] };
  return (
    <div className={styles.block} data-testid="pair-meetings">
      <SubHeading headingRef={headingRef}>{t('meetings.title')}</SubHeading>
      {(state.status === 'loading' || ended) && <Loading label={t('meetings.loading')} />}
      {state.status === 'failed' && !ended && <ProblemNotice error={state.error} onRetry={retry} />}
      <OutcomeNotice outcome={outcome} />
      {state.status === 'loaded' && (
        <>
          <Text as="p" size={200} className={styles.note}>
            {t('meetings.timeZone', { zone: viewerTimeZone() })}
          </Text>
          <h4 className={styles.h4}>{t('meetings.upcoming')}</h4>
          {upcoming.length === 0 ? (
            <Text as="p" className={styles.p}>
              {t('meetings.noneUpcoming')}
            </Text>
          ) : (
            <ul className={styles.list} aria-label={t('meetings.upcoming')} data-testid="meetings-upcoming">
              {upcoming.map((m) => (
                <MeetingItem
                  key={`${m.number}:${m.start}`}
                  meeting={m}
                  ahead
                  busy={busy}
                  onMove={canBook ? (meeting) => setPicking({ kind: 'move', meeting }) : undefined}
                  onCancel={cancel}
                  moveRef={(el) => {
                    if (el) moveButtons.current.set(m.number, el);
                    else moveButtons.current.delete(m.number);
                  }}
                />
              ))}
            </ul>
          )}
          {picking?.kind === 'move' && (
            <SlotPicker
              key={`move:${picking.meeting.number}`}
              slots={moveSlots}
              title={t('meetings.pick.moveTitle', { time: label(picking.meeting) })}
              onChoose={move(picking.meeting)}
              onClose={() => closePicker(() => moveButtons.current.get(picking.meeting.number))}
              onUnauthenticated={onUnauthenticated}
              testId="move-times"
            />
          )}
          {canBook && picking?.kind !== 'book' && (
            <div>
              <Button ref={bookRef} disabledFocusable={busy} onClick={() => setPicking({ kind: 'book' })}>
                {t('meetings.book')}
              </Button>
            </div>
          )}
          {!canBook && (
            <Text as="p" className={styles.note}>
              {t('meetings.bookLater')}
            </Text>
          )}
          {picking?.kind === 'book' && (
            <SlotPicker
              key="book"
              slots={bookSlots}
              title={t('meetings.pick.bookTitle')}
              onChoose={book}
              onClose={() => closePicker(() => bookRef.current)}
              onUnauthenticated={onUnauthenticated}
              testId="book-times"
            />
          )}
          {earlier.length > 0 && (
            <>
              <h4 className={styles.h4}>{t('meetings.earlier')}</h4>
              <ul className={styles.list} aria-label={t('meetings.earlier')} data-testid="meetings-earlier">
                {earlier.map((m) => (
                  <MeetingItem
                    key={`${m.number}:${m.start}`}
                    meeting={m}
                    ahead={false}
                    busy={busy}
                    onCancel={cancel}
                  />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
