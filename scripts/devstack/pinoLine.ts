/** Server logs are pino JSON lines; on a terminal a level, the message and a few fields read better. */
const SKIP = new Set(['level', 'time', 'msg', 'app', 'pid', 'hostname']);
const MAX_FIELDS = 160;

function fieldValue(value: unknown): string {
  if (value && typeof value === 'object' && 'message' in value)
    return JSON.stringify((value as Error).message);
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** `INFO  Polku listening on … port=3978`; anything that is not a pino line comes back unchanged. */
export function formatPinoLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (typeof entry.msg !== 'string' && entry.level === undefined) return line;
  const level = String(entry.level ?? '').toUpperCase();
  let fields = Object.entries(entry)
    .filter(([key, value]) => !SKIP.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${fieldValue(value)}`)
    .join(' ');
  if (fields.length > MAX_FIELDS) fields = `${fields.slice(0, MAX_FIELDS - 1)}…`;
  return [level.padEnd(5), entry.msg ?? '', fields].filter(Boolean).join('  ');
}
