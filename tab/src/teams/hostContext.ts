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
  /**
   * The page an empty hash shows: "My mentoring" for view=me (the personal tab), the programme's dashboard
   * for a channel tab saved with its programme (view=dashboard&programme=<id>), else the programmes.
   */
  readonly landing: Landing;
  /** The channel tab's programme, as its configuration saved it in the content URL. */
  readonly programmeId: string | undefined;
  /** `?lang=` as given; resolved by the caller with the bot's rule. */
  readonly lang: string | undefined;
}

export function readLaunchParams(search: string): LaunchParams {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const programme = params.get('programme') ?? '';
  // Only a well-formed id becomes a route; anything else lands on the programmes as before.
  const programmeId = view === 'dashboard' && PROGRAMME_ID.test(programme) ? programme : undefined;
  return {
    inTeams: params.get('host') === 'teams',
    view: view === 'dashboard' || view === 'configure' ? view : 'me',
    landing: programmeId ? { kind: 'dashboard', id: programmeId } : view === 'me' ? 'me' : 'list',
    programmeId,
    lang: params.get('lang') ?? undefined,
  };
}

const PROGRAMME_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a channel tab saves: its content URL names the programme, so opening the tab lands on its dashboard. */
export function channelTabConfig(
  programme: { readonly id: string; readonly name: string },
  base: string,
): TabConfig {
  const query = `?view=dashboard&programme=${encodeURIComponent(programme.id)}`;
  return {
    entityId: `programme-dashboard-${programme.id}`,
    contentUrl: new URL(`${query}&host=teams`, base).href,
    websiteUrl: new URL(query, base).href,
    suggestedDisplayName: programme.name.slice(0, 128),
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
  /** The channel a channel tab sits in (its conversation id), when Teams says. */
  readonly channelId: string | undefined;
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
    channelId: context.channel?.id,
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
