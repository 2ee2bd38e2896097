/**
 * The page's single h1. It takes focus when a page replaces another, so that
 * keyboard and screen-reader users start at the top of the new page instead
 * of on a button that no longer exists.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles({
  h1: {
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    // Focus is moved here by script only; it is not a control, so no ring.
    ':focus': { outlineStyle: 'none' },
  },
});

export function PageHeading({ children }: { children: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={styles.h1}>
      {children}
    </h1>
  );
}
