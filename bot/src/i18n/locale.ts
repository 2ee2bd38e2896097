/**
 * Finnish first: Polku speaks Finnish, Swedish or English, chosen from the
 * Teams locale ("fi-FI", "sv-FI", "en-GB"...). Anything else gets English;
 * a missing locale gets Finnish, the product's home language.
 */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function resolveLocale(raw: string | undefined | null): Locale {
  if (!raw) return 'fi';
  const lang = raw.trim().toLowerCase().split(/[-_]/)[0];
  if (lang === 'fi') return 'fi';
  if (lang === 'sv') return 'sv';
  return 'en';
}
