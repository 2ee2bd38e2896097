/**
 * Where the tab runs and what the host tells it. The manifest's Teams URLs
 * carry `host=teams` (and `view=`), so the tab knows before loading teams-js
 * whether it is inside Teams: outside Teams, teams-js is never downloaded and
 * app.initialize() never waits for a parent that does not exist.
 */

import type { Landing } from '../routing/route';

export type TabView = 'me' | 'dashboard' | 'configure';

export interface LaunchParams {
  readonly inTeams: boolean;
  readonly view: TabView;
  /** The page an empty hash shows: "My mentoring" only when the URL asks for view=me (the personal tab). */
  readonly landing: Landing;
  /** `?lang=` as given; resolved by the caller with the bot's rule. */
  readonly lang: string | undefined;
}

export function readLaunchParams(search: string): LaunchParams {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return {
    inTeams: params.get('host') === 'teams',
    view: view === 'dashboard' || view === 'configure' ? view : 'me',
    landing: view === 'me' ? 'me' : 'list',
    lang: params.get('lang') ?? undefined,
  };
}

export interface TabConfig {
  readonly entityId: string;
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
}

export interface TeamsHost {
  /** e.g. "fi-fi", as Teams reports it. */
  readonly locale: string;
  /** 'default' | 'dark' | 'contrast' */
  readonly theme: string;
  onThemeChange(handler: (theme: string) => void): void;
  notifySuccess(): Promise<void>;
  /** Configure view of a channel tab: enables Save and stores this configuration. */
  enableConfigSave(config: TabConfig): void;
}

/**
 * A tab opened with host=teams but not framed by Teams (a copied link) would
 * otherwise wait forever; after this long we say we could not connect.
 */
const CONNECT_TIMEOUT_MS = 10000;

export async function connectToTeams(timeoutMs = CONNECT_TIMEOUT_MS): Promise<TeamsHost> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Teams did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([initialise(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function initialise(): Promise<TeamsHost> {
  // Loaded on demand: a separate chunk that the browser-only path never fetches.
  const { app, pages } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  return {
    locale: context.app.locale,
    theme: context.app.theme,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
    notifySuccess: async () => {
      await app.notifySuccess();
    },
    enableConfigSave: (config) => {
      pages.config.registerOnSaveHandler((event) => {
        pages.config.setConfig(config).then(
          () => event.notifySuccess(),
          (err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)),
        );
      });
      pages.config.setValidityState(true);
    },
  };
}
