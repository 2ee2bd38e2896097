import type { Messages } from './en';

/** Suomi. Mentoroitavasta käytetään sanaa "aktori". */
export const fi: Messages = {
  'welcome.title': 'Tervetuloa Polkuun',
  'welcome.personal':
    'Autan organisaatiotasi mentoroinnissa: käyn jokaisen parin kanssa läpi, miten te työskentelette, varaan tapaamisenne työajalle ja muistutan ennen jokaista tapaamista. Keskustelunne pysyvät teidän välisinänne.',
  'welcome.team':
    'Hei, {team}! Hoidan tämän tiimin mentorointiohjelmat. Esihenkilö voi julkaista ohjelman täällä, ja kollegat ilmoittautuvat kortilta mentoriksi tai aktoriksi.',
  'welcome.next': 'Kirjoita **apua** milloin tahansa, niin näet mitä osaan.',
  'help.title': 'Mitä Polku tekee',
  'help.intro':
    'Mentorointi jakaa osaamista kollegoiden kesken: mentori ja aktori tapaavat 45–60 minuuttia noin kerran kuukaudessa työajalla.',
  'help.mentors.title': 'Mentoreille',
  'help.mentors.body':
    'Sovi pelisäännöt aktorisi kanssa, saat muistutuksen liittymislinkkeineen ennen jokaista tapaamista, ja päätätte yhdessä väliarvioinnissa, jatketaanko.',
  'help.aktoris.title': 'Aktoreille',
  'help.aktoris.body':
    'Sinun kysymyksesi ja tavoitteesi ratkaisevat, mistä mentoroinnissa puhutaan. Kirjaat 1–2 tavoitetta; esihenkilösi näkee vain ne.',
  'help.supervisors.title': 'Esihenkilöille',
  'help.supervisors.body':
    'Julkaise ohjelma kanavalla, näe ketkä ilmoittautuivat, muodosta parit perustelluin ehdotuksin ja seuraa tavoitteita ja rytmiä koontinäkymästä – keskustelujen sisältöä et näe koskaan.',
  'help.commands.title': 'Komennot',
  'help.commands.help': '**apua** — tämä kortti',
  'help.confidential':
    'Keskustelut ovat luottamuksellisia: Polku ei koskaan kysy eikä tallenna, mistä pari puhuu.',
  'unknown.text': 'En ihan ymmärtänyt. Kirjoita **apua**, niin näet mitä osaan.',
  'error.generic':
    'Jotain meni vikaan minun päässäni, eikä mitään muutettu. Yritä hetken päästä uudelleen. (Viite: {ref})',
  'error.unavailable':
    'En juuri nyt tavoita tallennustilaani, joten mitään ei tallennettu. Yritä uudelleen minuutin päästä. (Viite: {ref})',
  'error.busy': 'Minulla on juuri nyt kiire. Yritä uudelleen muutaman sekunnin päästä. (Viite: {ref})',
  'action.unknown': 'Tämä painike ei ole enää käytössä. Kirjoita **apua**, niin näet mitä osaan nyt.',
};
