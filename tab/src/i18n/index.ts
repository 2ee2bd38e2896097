/**
 * The tab's translations. The locale rule itself is the bot's resolveLocale,
 * so the bot and the tab never disagree on which language a person gets.
 */
import { createContext, useContext } from 'react';
import { type Locale, resolveLocale } from '../../../bot/src/i18n/locale';
import { en, type MessageKey, type Messages } from './en';
import { fi } from './fi';
import { sv } from './sv';

export type { Locale, MessageKey };
export { resolveLocale };

const catalogues: Record<Locale, Messages> = { fi, sv, en };

export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string>>) => string;

export function translator(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, vars) => {
    const text = messages[key];
    if (!vars) return text;
    // An unknown placeholder stays visible rather than silently vanishing.
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  };
}

export interface I18n {
  readonly locale: Locale;
  readonly t: Translate;
}

export const I18nContext = createContext<I18n>({ locale: 'fi', t: translator('fi') });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
