/**
 * Picks the Fluent theme. In Teams the client decides (default, dark or
 * contrast) and tells us when the person switches; outside Teams we follow
 * the operating system, treating "more contrast" and forced colours (Windows
 * contrast themes) as a request for the high-contrast theme.
 */
import {
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark' | 'contrast';

const THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export function fluentTheme(name: ThemeName): Theme {
  return THEMES[name];
}

/** Teams sends 'default' | 'dark' | 'contrast'; anything new falls back to light, Teams' own default. */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

const CONTRAST_QUERIES = ['(forced-colors: active)', '(prefers-contrast: more)'];
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function systemTheme(): ThemeName {
  if (CONTRAST_QUERIES.some((q) => window.matchMedia(q).matches)) return 'contrast';
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Calls back whenever the system preference changes; returns the unsubscribe. */
export function watchSystemTheme(onChange: (theme: ThemeName) => void): () => void {
  const lists = [...CONTRAST_QUERIES, DARK_QUERY].map((q) => window.matchMedia(q));
  const listener = () => onChange(systemTheme());
  for (const l of lists) l.addEventListener('change', listener);
  return () => {
    for (const l of lists) l.removeEventListener('change', listener);
  };
}
