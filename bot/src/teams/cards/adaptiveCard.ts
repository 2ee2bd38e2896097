/**
 * Minimal typed building blocks for Adaptive Cards 1.5. Cards are plain JSON;
 * these helpers keep every card on the same schema and version, and keep user
 * text in TextBlocks (never markdown links built from input).
 */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly Record<string, unknown>[];
  readonly msteams?: { readonly width: 'Full' };
  readonly lang?: string;
}

export type CardElement = Record<string, unknown> & { readonly type: string };

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function card(
  body: readonly CardElement[],
  lang: string,
  actions?: readonly Record<string, unknown>[],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang,
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' };
}

export function subheading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

export function paragraph(text: string, options: { subtle?: boolean } = {}): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.subtle ? { isSubtle: true, size: 'Small' } : {}),
  };
}

/**
 * Makes text that people typed (programme names, units, notes, competence
 * areas, people's names) render as itself in a TextBlock or FactSet: every
 * character Teams' markdown reacts to is backslash-escaped (CommonMark), and
 * so are list markers at the start of a line, so "[x](https://evil)" stays
 * literal text instead of becoming a link. Not for Input values or choice
 * titles, which are never markdown.
 */
export function plain(text: string): string {
  return (
    text
      .replace(/[\\*_[\]()#>`~&<]/g, '\\$&')
      // "- item", "+ item", "= heading underline" at the start of a line.
      .replace(/^([ \t]*)([-+=])/gm, '$1\\$2')
      // "1. item", "1) item" (the ")" is already escaped above).
      .replace(/^([ \t]*\d+)\./gm, '$1\\.')
  );
}

/** A TextBlock that stands out: what went wrong, or what can no longer be done. */
export function notice(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, color: 'Attention', weight: 'Bolder' };
}

/** Label–value pairs; values that people typed must already be plain(). */
export function factSet(facts: readonly (readonly [title: string, value: string])[]): CardElement {
  return { type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) };
}

/**
 * A Universal Action. `inputs: 'none'` sends no input values and skips their
 * validation, for actions (withdraw, switch role) that must work on a half-filled form.
 */
export function execute(
  title: string,
  verb: string,
  data: Readonly<Record<string, unknown>>,
  options: { inputs?: 'auto' | 'none'; style?: 'positive' | 'destructive' } = {},
): Record<string, unknown> {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(options.inputs === 'none' ? { associatedInputs: 'none' } : {}),
    ...(options.style ? { style: options.style } : {}),
  };
}
