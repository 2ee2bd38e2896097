/**
 * The demo organisation used by the local stack only: the Agents Playground's
 * mock tenant, the dev sign-in of the tab and (later) the Graph emulator's
 * mailboxes all read it from here so that one person has one id everywhere.
 * Never used in azure mode.
 */
export type DemoRole = 'supervisor' | 'coordinator' | 'mentor' | 'aktori';

export interface DemoUser {
  /** AAD object id as Teams sends it in from.aadObjectId. */
  readonly aadObjectId: string;
  /** Bot Framework user id as the Playground sends it in from.id. */
  readonly botUserId: string;
  readonly name: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
  readonly role: DemoRole;
  readonly timeZone: string;
  readonly locale: string;
}

export const DEMO_TENANT_ID = '8a5c2c5e-5a0e-4c52-9d0b-3a2f8f1c0d11';
export const DEMO_DOMAIN = 'polku-demo.onmicrosoft.com';
export const DEMO_BOT_ID = '00000000-0000-0000-0000-00000000b07a';
export const DEMO_BOT_NAME = 'Polku';
export const DEMO_TEAM_ID = '19:polku-demo-team@thread.tacv2';
export const DEMO_TEAM_NAME = 'Asiakaspalvelu';
export const DEMO_CHANNEL_ID = '19:polku-demo-mentoring@thread.tacv2';
export const DEMO_CHANNEL_NAME = 'Mentorointi';

function user(
  n: number,
  givenName: string,
  surname: string,
  role: DemoRole,
  timeZone = 'Europe/Helsinki',
  locale = 'fi-FI',
): DemoUser {
  const suffix = n.toString(16).padStart(12, '0');
  const aadObjectId = `6f1e0c2a-1b7d-4e8f-a0c3-${suffix}`;
  const email = `${givenName}.${surname}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return {
    aadObjectId,
    botUserId: `29:demo-${aadObjectId}`,
    name: `${givenName} ${surname}`,
    givenName,
    surname,
    email: `${email}@${DEMO_DOMAIN}`,
    role,
    timeZone,
    locale,
  };
}

export const DEMO_USERS: readonly DemoUser[] = [
  user(1, 'Sanna', 'Virtanen', 'supervisor'),
  user(2, 'Jukka', 'Korhonen', 'coordinator'),
  user(3, 'Aino', 'Mäkinen', 'mentor'),
  user(4, 'Mikko', 'Nieminen', 'mentor'),
  user(5, 'Helmi', 'Mäkelä', 'mentor', 'Europe/Stockholm', 'sv-SE'),
  user(6, 'Pekka', 'Hämäläinen', 'mentor'),
  user(7, 'Eveliina', 'Laine', 'aktori'),
  user(8, 'Onni', 'Heikkinen', 'aktori'),
  user(9, 'Linnea', 'Koskinen', 'aktori', 'Europe/Stockholm', 'sv-SE'),
  user(10, 'Ville', 'Järvinen', 'aktori', 'Europe/London', 'en-GB'),
];

export function findDemoUser(aadObjectId: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.aadObjectId === aadObjectId);
}
