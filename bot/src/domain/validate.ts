/**
 * Input rules shared by the API and the cards: every value that crosses the
 * edge goes through one of these. Each failure names the field and the rule
 * (never the value), so callers can explain it in the person's language.
 */
import { ValidationError, type Violation } from './errors';

export type Input = Readonly<Record<string, unknown>>;

function fail(field: string, rule: Violation['rule'], limit?: number | string): never {
  const text: Record<Violation['rule'], string> = {
    required: `${field} is required`,
    'too-long': `${field} is longer than ${limit} characters`,
    'too-many': `${field} has more than ${limit} items`,
    'not-allowed': `${field} has a value that is not allowed`,
    format: `${field} is not in the expected format`,
    range: `${field} is out of range (${limit})`,
    'in-past': `${field} is in the past`,
    order: `${field} must come after ${limit}`,
  };
  throw new ValidationError(text[rule], { field, rule, ...(limit === undefined ? {} : { limit }) });
}

export function object(value: unknown, field = 'body'): Input {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'format');
  return value as Input;
}

/** Own properties only: "__proto__" and friends in JSON never reach a rule. */
export function field(input: Input, name: string): unknown {
  return Object.hasOwn(input, name) ? input[name] : undefined;
}

/** Trimmed text; control characters other than line breaks are refused. */
export function text(
  value: unknown,
  name: string,
  o: { max: number; required?: boolean; multiline?: boolean },
): string {
  if (value === undefined || value === null || value === '') {
    if (o.required) fail(name, 'required');
    return '';
  }
  if (typeof value !== 'string') fail(name, 'format');
  const trimmed = value.trim();
  if (o.required && trimmed === '') fail(name, 'required');
  if (trimmed.length > o.max) fail(name, 'too-long', o.max);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  const control = o.multiline ? /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  if (control.test(trimmed)) fail(name, 'format');
  return trimmed;
}

export function oneOf<T extends string | number>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  fallback?: T,
): T {
  if ((value === undefined || value === '') && fallback !== undefined) return fallback;
  if (typeof value === 'string' && typeof allowed[0] === 'number' && /^\d+$/.test(value))
    value = Number(value);
  if (!(allowed as readonly unknown[]).includes(value))
    fail(name, value === undefined ? 'required' : 'not-allowed');
  return value as T;
}

/** A list of allowed values; a comma-separated string (Adaptive Card multi-select) is accepted too. */
export function listOf<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  o: { max: number; min?: number },
): T[] {
  const items = listItems(value, name);
  if (items.length > o.max) fail(name, 'too-many', o.max);
  if (items.length < (o.min ?? 0)) fail(name, 'required');
  for (const item of items) if (!(allowed as readonly string[]).includes(item)) fail(name, 'not-allowed');
  return [...new Set(items)] as T[];
}

/** Free-form tags (competence areas, topics): trimmed, de-duplicated, each bounded. */
export function tags(value: unknown, name: string, o: { max: number; maxLength: number }): string[] {
  const items = listItems(value, name)
    .map((t) => text(t, name, { max: o.maxLength }))
    .filter((t) => t !== '');
  if (items.length > o.max) fail(name, 'too-many', o.max);
  const seen = new Set<string>();
  return items.filter((t) => {
    const key = t.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function listItems(value: unknown, name: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (!Array.isArray(value) || value.length > 100) fail(name, 'format');
  return value.map((v) => {
    if (typeof v !== 'string') fail(name, 'format');
    return v.trim();
  });
}

export function integer(value: unknown, name: string, min: number, max: number, fallback?: number): number {
  if ((value === undefined || value === '') && fallback !== undefined) return fallback;
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) fail(name, value === undefined ? 'required' : 'format');
  if (n < min || n > max) fail(name, 'range', `${min}–${max}`);
  return n;
}

/** true/false, or the strings cards send ("true"/"false"); absent is `fallback`. */
export function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  fail(name, 'format');
}

/** A calendar date, YYYY-MM-DD, that exists (no 2027-02-30). */
export function dateOnly(value: unknown, name: string, o: { required?: boolean } = {}): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (o.required) fail(name, 'required');
    return undefined;
  }
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(name, 'format');
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) fail(name, 'format');
  return value;
}

/** Whole days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export { fail as violation };
