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
