/** How ids from the API are shown to people: tags, languages, channels. */
import type { Channel } from '../api/programmeTypes';
import { THEMES, type Theme } from '../api/programmeTypes';
import type { MessageKey, Translate } from './index';

/** "area:Asiakaskokemus" shows as the area's own words; "theme:career" in the person's language. */
export function tagLabel(tag: string, t: Translate): string {
  if (tag.startsWith('theme:')) {
    const theme = tag.slice('theme:'.length);
    return (THEMES as readonly string[]).includes(theme) ? t(`theme.${theme as Theme}`) : theme;
  }
  return tag.startsWith('area:') ? tag.slice('area:'.length) : tag;
}

export function languageLabel(code: string, t: Translate): string {
  return code === 'fi' || code === 'sv' || code === 'en' ? t(`language.${code}` as MessageKey) : code;
}

export function channelName(c: Channel, t: Translate): string {
  const team = c.teamName ?? t('channel.unnamedTeam');
  const channel = c.channelName ?? t('channel.unnamedChannel');
  return `${team} › ${channel}`;
}

/** Lists in the reader's language ("A, B and C"). */
export function listOf(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** A date (YYYY-MM-DD or ISO) as the reader writes it. */
export function dateLabel(value: string, locale: string): string {
  const d = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** A moment (ISO time) as the reader writes a date and time. */
export function dateTimeLabel(value: string, locale: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime())
    ? value
    : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
