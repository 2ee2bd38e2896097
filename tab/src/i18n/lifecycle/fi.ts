import type { PartOf } from '../en';
import type { lifecycleEn } from './en';

/** Suomi: ohjelman päättäminen ja sen tietojen poistaminen (vain omistajat). */
export const lifecycleFi: PartOf<typeof lifecycleEn> = {
  'lifecycle.title': 'Päättäminen ja tiedot',
  'lifecycle.status.open': 'Tila: avoin. Ohjelmaan voi ilmoittautua, ja pareja voi muodostaa.',
  'lifecycle.status.closed':
    'Tila: päätetty {date}. Uusia ilmoittautumisia tai pareja ei oteta; jo tapaavat parit jatkavat.',
  'lifecycle.close': 'Päätä ohjelma',
  'lifecycle.closeHint':
    'Päättäminen lopettaa ilmoittautumiset ja uusien parien muodostamisen. Jo tapaavat parit jatkavat, ja niiden tapaamiset pysyvät varattuina.',
  'lifecycle.closeDialog.title': 'Päätetäänkö {name}?',
  'lifecycle.closeDialog.body':
    'Kukaan ei voi enää ilmoittautua, eikä uusia pareja muodosteta. Kanavan ilmoitukseen tulee tieto, että ohjelma on päättynyt. Jo tapaavat parit jatkavat. Päätettyä ohjelmaa ei voi avata uudelleen.',
  'lifecycle.closeDialog.confirm': 'Päätä ohjelma',
  'lifecycle.closing': 'Päätetään…',
  'lifecycle.closedNow': 'Ohjelma on nyt päätetty.',
  'lifecycle.purge': 'Poista ohjelman tiedot',
  'lifecycle.purgeHint':
    'Kun parit ovat lopettaneet, voit poistaa kaikki Polun tiedot tästä ohjelmasta. Vain omistajat voivat tehdä tämän.',
  'lifecycle.purgeDialog.title': 'Poistetaanko kaikki ohjelman {name} tiedot?',
  'lifecycle.purgeDialog.what':
    'Tämä poistaa pysyvästi kaiken, mitä Polulla on ohjelmasta: ilmoittautumiset, parit, niiden sopimukset ja tavoitteet, Polun kirjaamat tapaamiset ja niiden kuittaukset, opit, arvioinnit, tulevat muistutukset, kaikkien pääsyn ohjelmaan ja itse ohjelman. Poistoa ei voi perua.',
  'lifecycle.purgeDialog.calendar':
    'Jo varatut tapaamiset jäävät osallistujien Outlook- ja Teams-kalentereihin. He voivat poistaa ne sieltä.',
  'lifecycle.purgeDialog.label': 'Vahvista kirjoittamalla ohjelman nimi: {name}',
  'lifecycle.purgeDialog.confirm': 'Poista pysyvästi',
  'lifecycle.purgeDialog.mismatch': 'Nimi ei täsmää. Kirjoita se täsmälleen niin kuin se näkyy.',
  'lifecycle.purging': 'Poistetaan…',
  'lifecycle.purged.title': 'Ohjelman tiedot poistettiin',
  'lifecycle.purged.body':
    'Kaikki Polun tiedot ohjelmasta {name} on poistettu. Jo varatut tapaamiset jäävät osallistujien kalentereihin.',
  'lifecycle.notClosed': 'Päätä ohjelma ennen kuin poistat sen tiedot.',
  'lifecycle.onlyOwners': 'Vain ohjelman omistajat voivat päättää sen tai poistaa sen tiedot.',
};
