/**
 * The tab shell: decides where it runs (Teams or a plain browser), the
 * language and theme, and which page to show. Pages get the API client and
 * callbacks; only this component changes the screen or the session.
 */
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createApiClient, type SessionUser } from './api/client';
import { clearSession, loadSession, type Session } from './auth/session';
import { acquireTeamsToken, type TeamsSignIn } from './auth/teamsSso';
import { AppHeader } from './components/AppHeader';
import { ChannelTabProgrammeChoice } from './components/ChannelTabProgrammeChoice';
import { PageHeading } from './components/PageHeading';
import { Loading } from './components/Status';
import { I18nContext, type Locale, resolveLocale, translator } from './i18n';
import { SignedInPages } from './pages/SignedInPages';
import { SignInPage } from './pages/SignInPage';
import { TeamsConfigurePage, TeamsConnectFailedPage, TeamsSignInFailedPage } from './pages/TeamsPages';
import { sectionOf, useRoute } from './routing/route';
import { landOnChannelProgramme, type ManagedProgramme } from './teams/channelProgrammes';
import { channelTabConfig, connectToTeams, type LaunchParams, type TeamsHost } from './teams/hostContext';
import { fluentTheme, systemTheme, type ThemeName, themeFromTeams, watchSystemTheme } from './theme';

type Screen =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'teams-failed' }
  | { readonly kind: 'teams-sign-in-failed'; readonly problem: 'consent' | 'failed' }
  | { readonly kind: 'configure' }
  | { readonly kind: 'sign-in'; readonly notice?: 'sessionEnded' }
  | { readonly kind: 'signed-in' };

const useStyles = makeStyles({
  root: {
    minHeight: '100dvh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    // A <select> is as wide as its longest option by default; in a 320 px side panel it must shrink instead.
    '& .fui-Field, & .fui-Select': { minWidth: 0, maxWidth: '100%' },
    '& select': { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
  },
  main: {
    flexGrow: 1,
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '1040px',
    paddingBlock: 'clamp(16px, 3vw, 32px)',
    paddingInline: 'clamp(12px, 4vw, 32px)',
  },
});

export function App({ launch }: { launch: LaunchParams }) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(() => resolveLocale(launch.lang ?? navigator.language));
  const [themeName, setThemeName] = useState<ThemeName>(() => (launch.inTeams ? 'light' : systemTheme()));
  // The stored dev session is read once, before the first paint, so a reload lands on the right page.
  const [initial] = useState(() => (launch.inTeams ? undefined : loadSession()));
  const [screen, setScreen] = useState<Screen>(() => {
    if (launch.inTeams) return { kind: 'connecting' };
    return initial ? { kind: 'signed-in' } : { kind: 'sign-in' };
  });
  const [user, setUser] = useState<SessionUser | undefined>(initial?.user);
  // One route for the header (which section is current) and the pages.
  const { route, navigate } = useRoute(launch.landing);

  // Read on every request, so signing in again needs no new client.
  const tokenRef = useRef<string | undefined>(initial?.token);
  const api = useMemo(
    () =>
      createApiClient({
        getToken: () => tokenRef.current,
        // Inside Teams an ended token is renewed by Teams itself; the request is then tried once more.
        ...(launch.inTeams
          ? {
              refreshToken: async () => {
                const signIn = await acquireTeamsToken();
                if (signIn.status === 'signed-in') tokenRef.current = signIn.token;
                return signIn.status === 'signed-in';
              },
            }
          : {}),
      }),
    [launch.inTeams],
  );
  const i18n = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  // The channel tab's configuration: Teams (to name the chosen programme on Save) and whether sign-in worked.
  const [configuring, setConfiguring] = useState<{ host: TeamsHost; signedIn: boolean }>();

  useEffect(() => {
    if (!launch.inTeams) return watchSystemTheme(setThemeName);
    let live = true;
    connectToTeams().then(
      async (host) => {
        if (!live) return;
        setLocale(resolveLocale(launch.lang ?? host.locale));
        setThemeName(themeFromTeams(host.theme));
        host.onThemeChange((theme) => setThemeName(themeFromTeams(theme)));
        if (launch.view === 'configure') {
          // Save works at once (the tab then finds the programme announced in its channel); choosing a
          // programme below names it in the tab's URL instead.
          host.enableConfigSave({
            entityId: 'programme-dashboard',
            contentUrl: new URL('?view=dashboard&host=teams', window.location.href).href,
            websiteUrl: new URL('?view=dashboard', window.location.href).href,
            suggestedDisplayName: translator(resolveLocale(host.locale))('configure.tabName'),
          });
          const signIn = await acquireTeamsToken();
          if (!live) return;
          if (signIn.status === 'signed-in') tokenRef.current = signIn.token;
          setConfiguring({ host, signedIn: signIn.status === 'signed-in' });
          setScreen({ kind: 'configure' });
        } else {
          const signIn = await acquireTeamsToken();
          if (!live) return;
          if (signIn.status === 'signed-in') tokenRef.current = signIn.token;
          // A channel tab saved without its programme: the dashboard of the one announced in this channel.
          if (
            signIn.status === 'signed-in' &&
            launch.view === 'dashboard' &&
            !launch.programmeId &&
            host.channelId
          )
            await landOnChannelProgramme(api, host.channelId);
          if (!live) return;
          setScreen(screenAfter(signIn));
        }
        // Tells Teams to drop its loading indicator: the tab now shows something true.
        await host.notifySuccess();
      },
      () => {
        if (live) setScreen({ kind: 'teams-failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [launch, api]);
  const onChooseProgramme = useCallback(
    (programme: ManagedProgramme) =>
      configuring?.host.enableConfigSave(channelTabConfig(programme, window.location.href)),
    [configuring],
  );

  const theme = fluentTheme(themeName);
  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale;
    document.title = translator(locale)('app.documentTitle');
    // The page behind the app (overscroll, short pages) must match the theme too.
    root.style.colorScheme = themeName === 'light' ? 'light' : 'dark';
    document.body.style.backgroundColor = theme.colorNeutralBackground3;
  }, [locale, themeName, theme]);

  const endSession = useCallback(
    (notice?: 'sessionEnded') => {
      clearSession();
      tokenRef.current = undefined;
      setUser(undefined);
      // In Teams the Teams account is the session; only its sign-in can start a new one.
      setScreen(
        launch.inTeams
          ? { kind: 'teams-sign-in-failed', problem: 'failed' }
          : notice
            ? { kind: 'sign-in', notice }
            : { kind: 'sign-in' },
      );
    },
    [launch.inTeams],
  );
  const onUnauthenticated = useCallback(() => endSession('sessionEnded'), [endSession]);
  const onSignOut = useCallback(() => endSession(), [endSession]);
  const onRetryTeamsSignIn = useCallback(async () => {
    const signIn = await acquireTeamsToken();
    if (signIn.status === 'signed-in') tokenRef.current = signIn.token;
    setScreen(screenAfter(signIn));
  }, []);
  const onSignedIn = useCallback((session: Session) => {
    tokenRef.current = session.token;
    setUser(session.user);
    setScreen({ kind: 'signed-in' });
  }, []);

  const signedIn = screen.kind === 'signed-in';
  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={theme} className={styles.root}>
        <AppHeader
          userName={signedIn ? user?.name : undefined}
          onSignOut={signedIn && !launch.inTeams ? onSignOut : undefined}
          section={signedIn ? sectionOf(route) : undefined}
        />
        <main className={styles.main}>
          {screen.kind === 'connecting' && (
            <>
              <PageHeading>{i18n.t('app.name')}</PageHeading>
              <Loading label={i18n.t('teams.connecting')} />
            </>
          )}
          {screen.kind === 'teams-failed' && <TeamsConnectFailedPage />}
          {screen.kind === 'teams-sign-in-failed' && (
            <TeamsSignInFailedPage problem={screen.problem} onRetry={onRetryTeamsSignIn} />
          )}
          {screen.kind === 'configure' && (
            <TeamsConfigurePage>
              {configuring?.signedIn && (
                <ChannelTabProgrammeChoice
                  api={api}
                  channelId={configuring.host.channelId}
                  onChoose={onChooseProgramme}
                />
              )}
            </TeamsConfigurePage>
          )}
          {screen.kind === 'sign-in' && (
            <SignInPage api={api} notice={screen.notice} onSignedIn={onSignedIn} />
          )}
          {signedIn && (
            <SignedInPages
              api={api}
              route={route}
              navigate={navigate}
              onIdentified={setUser}
              onUnauthenticated={onUnauthenticated}
            />
          )}
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}

/** Where Teams sign-in leaves the tab. */
function screenAfter(signIn: TeamsSignIn): Screen {
  if (signIn.status === 'signed-in') return { kind: 'signed-in' };
  if (signIn.status === 'not-in-teams') return { kind: 'teams-failed' };
  return {
    kind: 'teams-sign-in-failed',
    problem: signIn.status === 'consent-required' ? 'consent' : 'failed',
  };
}
