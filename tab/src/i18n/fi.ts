import { boardFi } from './board/fi';
import { dashboardFi } from './dashboard/fi';
import type { Messages } from './en';
import { lifecycleFi } from './lifecycle/fi';
import { mentoringFi } from './mentoring/fi';
import { programmeFi } from './programme/fi';

/** Suomi, tuotteen kotikieli. Mentoroitavasta käytetään sanaa "aktori". */
export const fi: Messages = {
  'app.name': 'Polku',
  'app.documentTitle': 'Polku – mentorointi',
  'common.loading': 'Ladataan…',
  'common.retry': 'Yritä uudelleen',
  'header.signedInAs': 'Kirjautunut: {name}',
  'header.signOut': 'Kirjaudu ulos / vaihda käyttäjää',
  'error.network': 'Polkuun ei juuri nyt saada yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.',
  'error.server': 'Polun päässä meni jotain vikaan. Yritä hetken päästä uudelleen.',
  'error.busy': 'Polulla on juuri nyt kiire. Yritä muutaman sekunnin päästä uudelleen.',
  'error.sessionEnded': 'Kirjautumisesi on päättynyt. Kirjaudu uudelleen.',
  'signIn.title': 'Kirjaudu sisään',
  'signIn.intro':
    'Käytät Polkua Teamsin ulkopuolella paikallisella kehityspalvelimella. Valitse demohenkilö, jona kirjaudut.',
  'signIn.userLabel': 'Demohenkilö',
  'signIn.submit': 'Kirjaudu',
  'signIn.submitting': 'Kirjaudutaan…',
  'signIn.loadingOptions': 'Ladataan kirjautumisvaihtoehtoja…',
  'signIn.chooseUser': 'Valitse, kenenä kirjaudut.',
  'signIn.unknownUser': 'Tätä demohenkilöä ei enää ole. Valitse toinen.',
  'signIn.unavailable':
    'Kirjautuminen Teamsin ulkopuolella toimii vain, kun Polku on käynnissä omalla koneellasi. Avaa Polku Microsoft Teamsissa.',
  'role.supervisor': 'Esihenkilö',
  'role.coordinator': 'Koordinaattori',
  'role.mentor': 'Mentori',
  'role.aktori': 'Aktori',
  'teams.connecting': 'Yhdistetään Teamsiin…',
  'teams.connectFailed': 'Polku ei saanut yhteyttä Teamsiin. Sulje välilehti ja avaa se uudelleen.',
  'teams.signInFailed.title': 'Kirjautuminen ei onnistunut',
  'teams.signInFailed.body':
    'Polku ei saanut kirjattua sinua sisään Teams-tililläsi. Yritä uudelleen. Jos ongelma toistuu, pyydä Teams-ylläpitäjää tarkistamaan Polun kirjautumisasetukset.',
  'teams.signInFailed.consent':
    'Polku tarvitsee luvan käyttää Teams-tiliäsi. Valitse Yritä uudelleen ja hyväksy pyyntö. Jos et voi hyväksyä sitä, pyydä ylläpitäjää hyväksymään Polku organisaatiollesi.',
  'configure.title': 'Lisää Polun ohjelmanäkymä',
  'configure.body':
    'Tämä välilehti näyttää mentorointiohjelman näkymän: ketkä osallistuvat, parit ja heidän tavoitteensa – ei koskaan sitä, mistä parit puhuvat. Lisää välilehti valitsemalla Tallenna.',
  'configure.tabName': 'Mentorointi',
  'configure.loading': 'Ladataan ohjelmia, joita vedät…',
  'configure.choose': 'Minkä ohjelman näkymän tämä välilehti näyttää?',
  'configure.inThisChannel': '{name} (ilmoitettu tällä kanavalla)',
  'configure.noProgrammes':
    'Et vedä vielä ohjelmaa. Tallenna lisää välilehden, joka näyttää tällä kanavalla ilmoitetun ohjelman, kun sellainen on.',
  'programmes.title': 'Ohjelmat',
  'programmes.loading': 'Ladataan ohjelmiasi…',
  'programmes.yourRole': 'Roolisi: {role}',
  'programmes.role.owner': 'omistaja',
  'programmes.role.coordinator': 'koordinaattori',
  'programmes.role.participant': 'osallistuja',
  'programmes.empty.title': 'Ei vielä ohjelmia',
  'programmes.empty.what':
    'Ohjelma on tapa, jolla mentorointi toteutuu yksikössäsi: esihenkilö julkaisee sen, kollegat ilmoittautuvat mentoreiksi tai aktoreiksi, ja esihenkilö muodostaa parit, jotka tapaavat 45–60 minuuttia noin kerran kuukaudessa työajalla.',
  'programmes.empty.supervisors':
    'Esihenkilöt: aloita ohjelma yllä olevasta Uusi ohjelma -painikkeesta tai mainitsemalla @Polku tiimin kanavalla.',
  'programmes.empty.participants': 'Osallistutko? Kun ilmoittaudut ohjelmaan, näet sen täällä.',
  ...programmeFi,
  ...lifecycleFi,
  ...boardFi,
  ...mentoringFi,
  ...dashboardFi,
};
