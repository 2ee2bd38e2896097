/**
 * English messages of the tab. The key set here is the contract: fi and sv are
 * typed against it, so a key added here fails the type check until both fill it.
 * Placeholders are written {name}. The programme pages' messages live in
 * ./programme and ./board, typed the same way.
 */
import { boardEn } from './board/en';
import { dashboardEn } from './dashboard/en';
import { lifecycleEn } from './lifecycle/en';
import { mentoringEn } from './mentoring/en';
import { programmeEn } from './programme/en';

export const en = {
  'app.name': 'Polku',
  'app.documentTitle': 'Polku – mentoring',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'header.signedInAs': 'Signed in as {name}',
  'header.signOut': 'Sign out / switch user',
  'error.network': 'Polku can’t be reached right now. Check your connection and try again.',
  'error.server': 'Something went wrong on Polku’s side. Please try again in a moment.',
  'error.busy': 'Polku is busy right now. Please try again in a few seconds.',
  'error.sessionEnded': 'Your sign-in has ended. Please sign in again.',
  'signIn.title': 'Sign in',
  'signIn.intro':
    'You are using Polku outside Teams on a local development server. Choose a demo person to sign in as.',
  'signIn.userLabel': 'Demo person',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.loadingOptions': 'Loading sign-in options…',
  'signIn.chooseUser': 'Choose who to sign in as.',
  'signIn.unknownUser': 'That demo person no longer exists. Choose another one.',
  'signIn.unavailable':
    'Signing in outside Teams only works when Polku runs locally on your own computer. Open Polku in Microsoft Teams.',
  'role.supervisor': 'Supervisor',
  'role.coordinator': 'Coordinator',
  'role.mentor': 'Mentor',
  'role.aktori': 'Mentee',
  'teams.connecting': 'Connecting to Teams…',
  'teams.connectFailed': 'Polku couldn’t connect to Teams. Close this tab and open it again.',
  'teams.signInFailed.title': 'Couldn’t sign you in',
  'teams.signInFailed.body':
    'Polku couldn’t sign you in with your Teams account. Try again; if it keeps happening, ask your Teams administrator to check Polku’s sign-in settings.',
  'teams.signInFailed.consent':
    'Polku needs your permission to use your Teams account. Select Try again and accept the request. If you can’t, ask your administrator to approve Polku for your organisation.',
  'configure.title': 'Add the Polku programme dashboard',
  'configure.body':
    'This tab shows a mentoring programme’s dashboard: who takes part, the pairs and their goals – never what pairs talk about. Select Save to add it.',
  'configure.tabName': 'Mentoring',
  'configure.loading': 'Loading the programmes you run…',
  'configure.choose': 'Which programme’s dashboard does this tab show?',
  'configure.inThisChannel': '{name} (announced in this channel)',
  'configure.noProgrammes':
    'You do not run a programme yet. Save adds a tab that shows the programme announced in this channel once there is one.',
  'programmes.title': 'Programmes',
  'programmes.loading': 'Loading your programmes…',
  'programmes.yourRole': 'Your role: {role}',
  'programmes.role.owner': 'owner',
  'programmes.role.coordinator': 'coordinator',
  'programmes.role.participant': 'participant',
  'programmes.empty.title': 'No programmes yet',
  'programmes.empty.what':
    'A programme is how mentoring runs in your unit: a supervisor announces it, colleagues volunteer as mentors or mentees, and the supervisor forms pairs who meet for 45–60 minutes about once a month in working time.',
  'programmes.empty.supervisors':
    'Supervisors: start one with New programme above, or by @mentioning Polku in a team channel.',
  'programmes.empty.participants': 'Taking part? Once you volunteer for a programme, you will see it here.',
  ...programmeEn,
  ...lifecycleEn,
  ...boardEn,
  ...mentoringEn,
  ...dashboardEn,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
/** A part catalogue in another language: exactly the keys of its English part. */
export type PartOf<T> = { readonly [K in keyof T]: string };
