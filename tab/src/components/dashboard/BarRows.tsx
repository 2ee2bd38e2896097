/**
 * A bar chart as rows: the label and the numbers are text beside each bar
 * (so the chart reads the same to a screen reader and without colour), the
 * bars are inline SVG drawn with theme tokens, and series differ by pattern
 * as well as colour. A table of the same numbers is one click away.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useI18n } from '../../i18n';

export interface Series {
  readonly key: string;
  readonly label: string;
}

export interface BarRow {
  readonly label: string;
  /** Per series key. */
  readonly values: Readonly<Record<string, number>>;
}

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold },
  desc: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  rows: {
    display: 'grid',
    gridTemplateColumns: 'minmax(4rem, max-content) minmax(3rem, 1fr) max-content',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
  },
  label: { overflowWrap: 'anywhere' },
  value: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  bar: { width: '100%', height: '1.1rem', display: 'block' },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': { textAlign: 'start', paddingInline: tokens.spacingHorizontalS },
  },
});

/** Fills by series position: brand, then lighter brand with stripes, then neutral with dots. */
const FILLS = [
  tokens.colorBrandBackground,
  tokens.colorBrandBackground2Hover,
  tokens.colorNeutralBackground5,
];
const PATTERNS = ['', 'stripes', 'dots'];

export function BarRows({
  title,
  description,
  series,
  rows,
  rowHeading,
  testId,
}: {
  readonly title: string;
  /** What the rows are (Month, Answer…), for the table's first column. */
  readonly rowHeading: string;
  readonly description: string;
  readonly series: readonly Series[];
  readonly rows: readonly BarRow[];
  readonly testId?: string;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const uid = useId().replace(/:/g, '');
  const max = Math.max(1, ...rows.map((r) => series.reduce((s, x) => s + (r.values[x.key] ?? 0), 0)));
  const patternId = (i: number) => `${uid}-${PATTERNS[i % PATTERNS.length]}`;
  const fill = (i: number) => (PATTERNS[i % PATTERNS.length] ? `url(#${patternId(i)})` : FILLS[0]);
  const swatch = (i: number) => (
    <svg width="14" height="14" aria-hidden="true" focusable="false">
      <rect width="14" height="14" style={{ fill: fill(i), stroke: tokens.colorNeutralStroke1 }} />
    </svg>
  );
  return (
    <figure className={styles.figure} data-testid={testId}>
      <figcaption>
        <div className={styles.caption}>{title}</div>
        <div className={styles.desc}>{description}</div>
      </figcaption>
      {/* Pattern definitions, shared by the bars of this chart. */}
      <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
        <defs>
          {series.map((_, i) =>
            PATTERNS[i % PATTERNS.length] ? (
              <pattern
                key={patternId(i)}
                id={patternId(i)}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
              >
                <rect width="6" height="6" style={{ fill: FILLS[i % FILLS.length] }} />
                {PATTERNS[i % PATTERNS.length] === 'stripes' ? (
                  <path d="M0 6 L6 0" style={{ stroke: tokens.colorBrandForeground1, strokeWidth: 1.5 }} />
                ) : (
                  <circle cx="3" cy="3" r="1.3" style={{ fill: tokens.colorNeutralForeground2 }} />
                )}
              </pattern>
            ) : null,
          )}
        </defs>
      </svg>
      {series.length > 1 && (
        <ul className={styles.legend}>
          {series.map((s, i) => (
            <li key={s.key} className={styles.legendItem}>
              {swatch(i)}
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.rows}>
        {rows.map((r) => {
          let x = 0;
          const total = series.reduce((s, x2) => s + (r.values[x2.key] ?? 0), 0);
          return (
            <div key={r.label} style={{ display: 'contents' }}>
              <span className={styles.label}>{r.label}</span>
              <svg
                className={styles.bar}
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                {series.map((s, i) => {
                  const w = ((r.values[s.key] ?? 0) / max) * 100;
                  const rect = (
                    <rect key={s.key} x={x} y={0} width={w} height={10} style={{ fill: fill(i) }} />
                  );
                  x += w;
                  return rect;
                })}
              </svg>
              <span className={styles.value}>
                {series.length > 1
                  ? `${total} (${series.map((s) => r.values[s.key] ?? 0).join(' + ')})`
                  : total}
              </span>
            </div>
          );
        })}
      </div>
      <details>
        <summary>{t('dashboard.charts.showTable')}</summary>
        <table className={styles.table}>
          <caption className={styles.desc}>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {series.map((s) => (
                  <td key={s.key}>{r.values[s.key] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
