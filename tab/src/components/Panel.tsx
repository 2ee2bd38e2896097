/**
 * A titled section of a page (a region named by its h2), on a card surface.
 * The heading can take focus, so a page can move keyboard and screen-reader
 * users to what just changed (results after confirming, say).
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type ReactNode, type Ref, useId } from 'react';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    padding: 'clamp(12px, 3vw, 24px)',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Transparent in the light and dark themes; visible in high contrast, where shadows vanish.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface PanelProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly headingRef?: Ref<HTMLHeadingElement>;
  readonly className?: string;
  readonly testId?: string;
}

export function Panel({ title, children, headingRef, className, testId }: PanelProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <section aria-labelledby={id} className={mergeClasses(styles.box, className)} data-testid={testId}>
      <h2 id={id} ref={headingRef} tabIndex={-1} className={styles.h2}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Text for screen readers only (the "with" between the names of a pair, say). */
const useHiddenStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export function ScreenReaderOnly({ children }: { children: ReactNode }) {
  return <span className={useHiddenStyles().hidden}>{children}</span>;
}
