/**
 * Fills Teams Toolkit style `${{NAME}}` placeholders, the syntax the toolkit
 * itself uses in manifest.json, so one template serves both the toolkit's
 * zipAppPackage action and our own offline packaging.
 */

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface FillOptions {
  /** Names whose value may be the empty string (e.g. APP_NAME_SUFFIX in production). */
  readonly allowEmpty?: readonly string[];
  /** Encodes a value before it is inserted, e.g. for a JSON string literal. */
  readonly encode?: (value: string) => string;
}

export interface FillResult {
  readonly text: string;
  /** Every placeholder name found, in order of first appearance. */
  readonly names: readonly string[];
  /** Names that had no value (missing, or empty when empty is not allowed); left in the text. */
  readonly unfilled: readonly string[];
}

/** Lists the placeholder names in a template, in order of first appearance. */
export function findPlaceholders(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names];
}

/**
 * Replaces every `${{NAME}}` that has a value and reports the ones that have
 * none. Unfilled placeholders stay in the text, so a caller that ignores the
 * report still cannot ship a package that silently lost a value.
 */
export function fillPlaceholders(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  options: FillOptions = {},
): FillResult {
  const allowEmpty = new Set(options.allowEmpty ?? []);
  const encode = options.encode ?? ((v: string) => v);
  const unfilled = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || (value === '' && !allowEmpty.has(name))) {
      unfilled.add(name);
      return whole;
    }
    return encode(value);
  });
  return { text, names: findPlaceholders(template), unfilled: [...unfilled] };
}

/** Encodes a value for insertion inside a JSON string literal ("a\"b" stays valid JSON). */
export function encodeForJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** True when the text still holds anything that looks like a placeholder, even a malformed one. */
export function hasPlaceholderResidue(text: string): boolean {
  return text.includes('${{');
}
