import { en, type MessageKey, type Messages } from './en';
import { fi } from './fi';
import type { Locale } from './locale';
import { sv } from './sv';

const CATALOGUES: Readonly<Record<Locale, Messages>> = { fi, sv, en };

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** Returns t() for a locale. {name} placeholders are filled from params. */
export function translator(locale: Locale): Translate {
  const messages = CATALOGUES[locale];
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}
