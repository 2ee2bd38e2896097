import type { Messages } from './en';

/** Svenska. Den som mentoreras kallas "adept". */
export const sv: Messages = {
  'welcome.title': 'Välkommen till Polku',
  'welcome.personal':
    'Jag hjälper din organisation med mentorskap: jag går igenom med varje par hur ni ska arbeta, bokar era möten på arbetstid och påminner er före varje möte. Det ni pratar om stannar mellan er.',
  'welcome.team':
    'Hej, {team}! Jag sköter det här teamets mentorprogram. En chef kan annonsera ett program här, och kolleger anmäler sig som mentor eller adept från kortet.',
  'welcome.next': 'Skriv **hjälp** när som helst för att se vad jag kan göra.',
  'help.title': 'Vad Polku gör',
  'help.intro':
    'Mentorskap delar kunnande mellan kolleger: en mentor och en adept träffas 45–60 minuter ungefär en gång i månaden på arbetstid.',
  'help.mentors.title': 'För mentorer',
  'help.mentors.body':
    'Kom överens om spelreglerna med din adept, få en påminnelse med möteslänken före varje möte och bestäm tillsammans vid avstämningen om ni fortsätter.',
  'help.aktoris.title': 'För adepter',
  'help.aktoris.body':
    'Dina frågor och mål avgör vad mentorskapet handlar om. Du skriver 1–2 mål; din chef ser de målen och inget annat.',
  'help.supervisors.title': 'För chefer',
  'help.supervisors.body':
    'Annonsera ett program i en kanal, se vilka som anmält sig, bilda paren med motiverade förslag och följ mål och rytm på översikten – aldrig innehållet i samtalen.',
  'help.commands.title': 'Kommandon',
  'help.commands.help': '**hjälp** — det här kortet',
  'help.confidential':
    'Samtalen är konfidentiella: Polku frågar aldrig efter eller sparar vad ett par pratar om.',
  'unknown.text': 'Jag förstod inte riktigt. Skriv **hjälp** för att se vad jag kan göra.',
  'error.generic': 'Något gick fel hos mig och inget ändrades. Försök igen om en stund. (Referens: {ref})',
  'error.unavailable':
    'Jag når inte min lagring just nu, så inget sparades. Försök igen om en minut. (Referens: {ref})',
  'error.busy': 'Jag är upptagen just nu. Försök igen om några sekunder. (Referens: {ref})',
  'action.unknown': 'Den knappen används inte längre. Skriv **hjälp** för att se vad jag kan göra nu.',
};
