import type { PartOf } from '../en';
import type { lifecycleEn } from './en';

/** Svenska: avsluta ett program och radera dess uppgifter (bara ägare). */
export const lifecycleSv: PartOf<typeof lifecycleEn> = {
  'lifecycle.title': 'Avslutning och uppgifter',
  'lifecycle.status.open': 'Status: öppet. Man kan anmäla sig, och par kan bildas.',
  'lifecycle.status.closed':
    'Status: avslutat {date}. Inga nya anmälningar eller par; par som redan träffas fortsätter.',
  'lifecycle.close': 'Avsluta programmet',
  'lifecycle.closeHint':
    'Att avsluta stoppar anmälningar och nya par. Par som redan träffas fortsätter, och deras möten förblir bokade.',
  'lifecycle.closeDialog.title': 'Avsluta {name}?',
  'lifecycle.closeDialog.body':
    'Ingen kan längre anmäla sig och inga nya par bildas. Meddelandet i kanalen kommer att säga att programmet har avslutats. Par som redan träffas fortsätter. Ett avslutat program kan inte öppnas igen.',
  'lifecycle.closeDialog.confirm': 'Avsluta programmet',
  'lifecycle.closing': 'Avslutar…',
  'lifecycle.closedNow': 'Programmet är nu avslutat.',
  'lifecycle.purge': 'Radera programmets uppgifter',
  'lifecycle.purgeHint':
    'När paren har slutat kan du radera allt Polku har om programmet. Bara ägare kan göra det.',
  'lifecycle.purgeDialog.title': 'Radera alla uppgifter om {name}?',
  'lifecycle.purgeDialog.what':
    'Detta raderar permanent allt Polku har om programmet: anmälningar, par, deras överenskommelser och mål, mötena Polku har registrerat och deras avstämningar, lärdomar, utvärderingar, kommande påminnelser, allas åtkomst till programmet och själva programmet. Det går inte att ångra.',
  'lifecycle.purgeDialog.calendar':
    'Möten som redan bokats finns kvar i deltagarnas Outlook- och Teams-kalendrar. De kan ta bort dem där.',
  'lifecycle.purgeDialog.label': 'Bekräfta genom att skriva programmets namn: {name}',
  'lifecycle.purgeDialog.confirm': 'Radera permanent',
  'lifecycle.purgeDialog.mismatch': 'Namnet stämmer inte. Skriv det exakt som det visas.',
  'lifecycle.purging': 'Raderar…',
  'lifecycle.purged.title': 'Programmets uppgifter har raderats',
  'lifecycle.purged.body':
    'Allt Polku hade om {name} har raderats. Möten som redan bokats finns kvar i deltagarnas kalendrar.',
  'lifecycle.notClosed': 'Avsluta programmet innan du raderar dess uppgifter.',
  'lifecycle.onlyOwners': 'Bara programmets ägare kan avsluta det eller radera dess uppgifter.',
};
