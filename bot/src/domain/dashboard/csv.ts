/**
 * CSV that opens safely in Excel: UTF-8 with a byte order mark (so Excel
 * reads ä and å right), CRLF line ends, every cell quoted, and any cell that
 * a spreadsheet would read as a formula (starting with = + - @, a tab or a
 * carriage return) neutralised with a leading apostrophe — names and goals
 * are typed by people, and a goal "=HYPERLINK(…)" must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const CSV_BOM = '\uFEFF';

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  return `"${neutraliseCell(value).replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${CSV_BOM}${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
