/**
 * Checks Adaptive Cards with the Adaptive Cards SDK (the renderer Teams
 * uses) and walks their JSON, so every card test asks the same questions.
 */
import * as AC from 'adaptivecards';

type Json = Record<string, unknown>;

/** Everything the SDK reports while parsing and validating the card; [] for a clean card. */
export function cardProblems(json: object): string[] {
  // The SDK's lang pattern is a /g regex run with exec(), so it keeps lastIndex between cards: reset it.
  const langPattern = (AC.CardElement.langProperty as unknown as { regEx?: RegExp }).regEx;
  if (langPattern) langPattern.lastIndex = 0;
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const e of card.validateProperties().validationEvents) problems.push(e.message);
  return problems;
}

/** Every object in the card (body elements, nested containers, facts, choices, actions), depth first. */
export function allNodes(json: unknown): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (typeof value === 'object' && value !== null) {
      out.push(value as Json);
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(json);
  return out;
}

export function elementsOfType(json: unknown, type: string): Json[] {
  return allNodes(json).filter((n) => n.type === type);
}

/** Inputs by id. */
export function inputs(json: unknown): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const n of allNodes(json)) {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string')
      found.set(n.id, n);
  }
  return found;
}

/** Every Action.* in the card, wherever it sits. */
export function actions(json: unknown): Json[] {
  return allNodes(json).filter((n) => typeof n.type === 'string' && n.type.startsWith('Action.'));
}

/** All the text a person could read: TextBlocks, facts, input labels, choice titles, action titles. */
export function visibleText(json: unknown): string {
  const parts: string[] = [];
  for (const n of allNodes(json)) {
    for (const key of ['text', 'title', 'value', 'label', 'placeholder', 'errorMessage'] as const) {
      if (typeof n[key] === 'string') parts.push(n[key] as string);
    }
  }
  return parts.join('\n');
}

export function byteSize(json: unknown): number {
  return Buffer.byteLength(JSON.stringify(json));
}
