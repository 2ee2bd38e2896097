import { boardSv } from './board/sv';
import { dashboardSv } from './dashboard/sv';
import type { Messages } from './en';
import { lifecycleSv } from './lifecycle/sv';
import { mentoringSv } from './mentoring/sv';
import { programmeSv } from './programme/sv';

/** Svenska. Den som mentoreras kallas "adept". */
export const sv: Messages = {
  'app.name': 'Polku',
  'app.documentTitle': 'Polku – mentorskap',
  'common.loading': 'Läser in…',
  'common.retry': 'Försök igen',
  'header.signedInAs': 'Inloggad som {name}',
  'header.signOut': 'Logga ut / byt användare',
  'error.network': 'Polku går inte att nå just nu. Kontrollera din anslutning och försök igen.',
  'error.server': 'Något gick fel hos Polku. Försök igen om en stund.',
  'error.busy': 'Polku är upptaget just nu. Försök igen om några sekunder.',
  'error.sessionEnded': 'Din inloggning har gått ut. Logga in igen.',
  'signIn.title': 'Logga in',
  'signIn.intro':
    'Du använder Polku utanför Teams på en lokal utvecklingsserver. Välj en demoperson att logga in som.',
  'signIn.userLabel': 'Demoperson',
  'signIn.submit': 'Logga in',
  'signIn.submitting': 'Loggar in…',
  'signIn.loadingOptions': 'Läser in inloggningsalternativ…',
  'signIn.chooseUser': 'Välj vem du vill logga in som.',
  'signIn.unknownUser': 'Den demopersonen finns inte längre. Välj en annan.',
  'signIn.unavailable':
    'Inloggning utanför Teams fungerar bara när Polku körs lokalt på din egen dator. Öppna Polku i Microsoft Teams.',
  'role.supervisor': 'Chef',
  'role.coordinator': 'Koordinator',
  'role.mentor': 'Mentor',
  'role.aktori': 'Adept',
  'teams.connecting': 'Ansluter till Teams…',
  'teams.connectFailed': 'Polku kunde inte ansluta till Teams. Stäng fliken och öppna den igen.',
  'teams.signInFailed.title': 'Det gick inte att logga in dig',
  'teams.signInFailed.body':
    'Polku kunde inte logga in dig med ditt Teams-konto. Försök igen. Om det fortsätter att hända, be din Teams-administratör kontrollera Polkus inloggningsinställningar.',
  'teams.signInFailed.consent':
    'Polku behöver ditt tillstånd att använda ditt Teams-konto. Välj Försök igen och godkänn begäran. Om du inte kan det, be din administratör godkänna Polku för organisationen.',
  'configure.title': 'Lägg till Polkus programöversikt',
  'configure.body':
    'Den här fliken visar ett mentorprograms översikt: vilka som deltar, paren och deras mål – aldrig vad paren pratar om. Välj Spara för att lägga till den.',
  'configure.tabName': 'Mentorskap',
  'configure.loading': 'Läser in programmen du leder…',
  'configure.choose': 'Vilket programs översikt visar den här fliken?',
  'configure.inThisChannel': '{name} (meddelat i den här kanalen)',
  'configure.noProgrammes':
    'Du leder inget program ännu. Spara lägger till en flik som visar programmet som meddelats i den här kanalen när det finns ett.',
  'programmes.title': 'Program',
  'programmes.loading': 'Läser in dina program…',
  'programmes.yourRole': 'Din roll: {role}',
  'programmes.role.owner': 'ägare',
  'programmes.role.coordinator': 'koordinator',
  'programmes.role.participant': 'deltagare',
  'programmes.empty.title': 'Inga program ännu',
  'programmes.empty.what':
    'Ett program är hur mentorskapet genomförs i din enhet: en chef tillkännager det, kollegor anmäler sig som mentorer eller adepter, och chefen bildar par som träffas 45–60 minuter ungefär en gång i månaden på arbetstid.',
  'programmes.empty.supervisors':
    'Chefer: starta ett program med Nytt program ovan, eller genom att nämna @Polku i en teamkanal.',
  'programmes.empty.participants': 'Deltar du? När du anmäler dig till ett program ser du det här.',
  ...programmeSv,
  ...lifecycleSv,
  ...boardSv,
  ...mentoringSv,
  ...dashboardSv,
};
