/**
 * Seeded support chats in German, French, Spanish, Dutch and Italian, with planted PII and exact
 * labels, for `npx tsx bench/mask-eu.ts` and test/mask-eu-corpus.test.ts. Customers are from the
 * language's country (French and Dutch chats also from Belgium): their phones, IBANs, addresses and
 * national identifiers are that country's. The hard negatives are the numbers a chat in these
 * languages is full of: order and invoice numbers (some with an identifier's shape and a wrong check
 * digit), dates, amounts with a decimal comma, the shop's own postcode and town, parcel numbers.
 */
import type { EntityType } from '../server/masking/types.js';
import { type LabelledTurn, type Piece, assemble, pii } from './corpus.js';
import { digits, ibanIn, int, pick } from './corpus-values.js';
import {
  type EuCountry,
  beNrn,
  deIdCard,
  deTaxId,
  esDni,
  esNie,
  euPhone,
  frNir,
  itCf,
  nlBsn,
  typo,
} from './corpus-eu-values.js';
import { type Rng, seeded } from '../harness/seeded.js';

export const LANGUAGES = ['de', 'fr', 'es', 'nl', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `say('Mein Name ist {0}.', pii('PERSON', name))`: a phrase with its values in place. */
function say(phrase: string, ...values: Piece[]): Piece[] {
  return phrase.split(/\{(\d)\}/).map((part, i) => (i % 2 ? values[Number(part)]! : part));
}

interface Conv {
  r: Rng;
  country: EuCountry;
  cust: [string, string];
  agent: [string, string];
  email: string;
  phone: string;
}
type Ids = [EntityType, (r: Rng) => string, string[]][];

interface Lang {
  countries: EuCountry[];
  first: string[];
  last: string[];
  domains: string[];
  titles: string[];
  address: (r: Rng, country: EuCountry) => string;
  postcode: (r: Rng, country: EuCountry) => string;
  /** Phrases by slot; `{0}`, `{1}` are where the values go (see `turn`). */
  phrases: Record<Slot, string[]>;
  ids: Partial<Record<EuCountry, Ids>>;
  /** Texts without PII; `{n}` a number, `{d}` a date, `{a}` an amount, `{x}` a typo'd identifier. */
  negatives: string[];
}
type Slot =
  | 'opener'
  | 'plainOpener'
  | 'agentOpener'
  | 'agentFormal'
  | 'email'
  | 'phone'
  | 'iban'
  | 'address'
  | 'postcode'
  | 'third'
  | 'closer'
  | 'agentCloser'
  | 'agentPhone';

const full = (p: [string, string]) => `${p[0]} ${p[1]}`;
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const five = (r: Rng) => pad(int(r, 1067, 99998), 5);

const STREETS: Record<EuCountry, string[]> = {
  DE: ['Goethestraße', 'Hauptstr.', 'Lindenweg', 'Bahnhofstraße', 'Kastanienallee', 'Berliner Straße', 'Am Markt'],
  FR: ['rue de la Paix', 'avenue Victor Hugo', 'boulevard Voltaire', 'rue des Lilas', 'place de la République'],
  BE: ['Rue de la Loi', 'Avenue Louise', 'Kerkstraat', 'Stationsstraat', 'Rue Neuve', 'Nieuwstraat'],
  ES: ['Calle Mayor', 'Avenida de la Constitución', 'C/ Alcalá', 'Calle de Serrano', 'Paseo de Gracia', 'Plaza Mayor'],
  NL: ['Kerkstraat', 'Dorpsweg', 'Parklaan', 'Keizersgracht', 'Stationsplein', 'Molenweg'],
  IT: ['Via Roma', 'Via Garibaldi', 'Piazza di Spagna', 'Corso Vittorio Emanuele', 'Viale Monza', 'Via dei Mille'],
};
const TOWNS: Record<EuCountry, string[]> = {
  DE: ['Berlin', 'München', 'Hamburg', 'Köln', 'Frankfurt am Main', 'Leipzig'],
  FR: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille'],
  BE: ['Bruxelles', 'Antwerpen', 'Gent', 'Liège', 'Namur', 'Leuven'],
  ES: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Málaga'],
  NL: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven', 'Groningen'],
  IT: ['Roma', 'Milano', 'Napoli', 'Torino', 'Bologna', 'Firenze'],
};

function postcodeOf(r: Rng, c: EuCountry): string {
  if (c === 'NL') return `${int(r, 1011, 9999)} ${pick(r, ['AB', 'GB', 'KL', 'PT', 'XR', 'CE'])}`;
  if (c === 'BE') return String(int(r, 1000, 9992));
  return five(r);
}

function addressOf(r: Rng, c: EuCountry): string {
  const n = String(int(r, 1, 180)) + (r() < 0.1 ? 'a' : '');
  const name = pick(r, STREETS[c]);
  // French and Spanish write the number first or after a comma; the others after the name.
  const street =
    c === 'FR' && /^[a-z]/.test(name) ? `${n} ${name}` : c === 'ES' && r() < 0.3 ? `${name}, ${n}` : `${name} ${n}`;
  const floor = c === 'ES' && r() < 0.3 ? `, ${int(r, 1, 9)}º ${pick(r, ['A', 'B', 'C'])}` : '';
  return r() < 0.8 ? `${street}${floor}, ${postcodeOf(r, c)} ${pick(r, TOWNS[c])}` : street;
}

const LANGS: Record<Language, Lang> = {
  de: {
    countries: ['DE'],
    first: ['Jürgen', 'Anna', 'Lena', 'Felix', 'Katrin', 'Stefan', 'Sabine', 'Lukas', 'Monika', 'Tobias', 'Heike'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Krüger', 'Vogel'],
    domains: ['web.de', 'gmx.de', 't-online.de', 'gmail.com', 'posteo.de'],
    titles: ['Frau', 'Herr'],
    address: addressOf,
    postcode: postcodeOf,
    phrases: {
      opener: ['Hallo, mein Name ist {0} und meine Bestellung ist nicht angekommen.', 'Guten Tag, ich heiße {0}.'],
      plainOpener: ['Hallo, mein Mixer ist nach zwei Wochen kaputt gegangen.', 'Guten Tag, ich habe eine Frage.'],
      agentOpener: ['Hallo {0}, ich bin {1} vom Kundenservice.', 'Hallo {0}, mein Name ist {1}. Ich sehe nach.'],
      agentFormal: ['Guten Tag {0}{1}, danke für Ihre Nachricht.', 'Sehr geehrte(r) {0}{1}, gern helfe ich Ihnen.'],
      email: ['Meine E-Mail-Adresse ist {0}.', 'Schreiben Sie mir an {0}', 'E-Mail: {0}'],
      phone: [
        'Rufen Sie mich bitte unter {0} an.',
        'Meine Handynummer: {0}',
        'Sie erreichen mich unter {0}.',
        'Tel. {0}',
      ],
      iban: ['Bitte erstatten Sie auf meine IBAN {0}.', 'IBAN: {0}', 'Das Konto ist {0}, Inhaber ich.'],
      address: ['Meine Adresse ist {0}.', 'Bitte liefern Sie an {0}.', 'Neue Anschrift: {0}'],
      postcode: ['Meine PLZ ist {0}.', 'Postleitzahl {0}'],
      third: ['Mein Nachbar Herr {0} hat das Paket angenommen.', 'Ihre Kollegin Frau {0} hat mir das zugesagt.'],
      closer: ['Mit freundlichen Grüßen\n{0}', 'Viele Grüße,\n{0}', 'Danke, {0}'],
      agentCloser: ['Mit freundlichen Grüßen\n{0}\nKundenservice', 'Beste Grüße,\n{0}'],
      agentPhone: ['Sie erreichen uns auch telefonisch unter {0} (Mo–Fr 9–17 Uhr).'],
    },
    ids: {
      DE: [
        ['DE_TAX_ID', deTaxId, ['Meine Steuer-ID ist {0}.', 'Steuerliche Identifikationsnummer: {0}', 'IdNr {0}']],
        [
          'DE_ID_CARD',
          (r) => deIdCard(r, r() < 0.6),
          ['Meine Ausweisnummer ist {0}.', 'Personalausweis-Nr. {0}', 'Ausweis: {0}'],
        ],
      ],
    },
    negatives: [
      'Meine Bestellnummer ist {n}.',
      'Die Lieferung kam am {d}, aber der Karton war leer.',
      'Ich habe {a} bezahlt und möchte das Geld zurück.',
      'Auftragsnummer {x}, bitte prüfen.',
      'Ihr Lager in 10115 Berlin hat es am {d} verschickt.',
      'Die Sendungsnummer lautet 00340434{n}.',
      'Rechnung RE-2025-{n} über {a}.',
      'Das Modell KD55X85J kostet {a}.',
      'Vielen Dank, das hat geholfen!',
    ],
  },
  fr: {
    countries: ['FR', 'FR', 'BE'],
    first: ['Camille', 'Julien', 'Élodie', 'Mathieu', 'Chloé', 'Nicolas', 'Manon', 'Antoine', 'Inès', 'Théo'],
    last: ['Martin', 'Dubois', 'Durand', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Bonnet', 'Dupont', 'Lambert'],
    domains: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com', 'skynet.be'],
    titles: ['Mme', 'M.', 'Madame', 'Monsieur'],
    address: addressOf,
    postcode: postcodeOf,
    phrases: {
      opener: ["Bonjour, je m'appelle {0} et ma commande n'est pas arrivée.", 'Bonjour, mon nom est {0}.'],
      plainOpener: ["Bonjour, mon aspirateur ne s'allume plus.", "Bonjour, j'ai une question sur ma facture."],
      agentOpener: [
        "Bonjour {0}, je m'appelle {1}, je regarde votre dossier.",
        'Bonjour {0}, ici {1} du service client.',
      ],
      agentFormal: ['Bonjour {0}{1}, merci pour votre message.', 'Bonsoir {0}{1}, je reviens vers vous.'],
      email: ['Mon adresse e-mail est {0}.', 'Écrivez-moi à {0}', 'e-mail : {0}'],
      phone: ['Vous pouvez me rappeler au {0}.', 'Mon portable : {0}', 'Je suis joignable au {0}.', 'Tél. {0}'],
      iban: ['Merci de me rembourser sur mon IBAN {0}.', 'IBAN : {0}', 'Mon compte : {0}'],
      address: ['Mon adresse est {0}.', "Merci d'envoyer le colis au {0}.", 'Nouvelle adresse : {0}'],
      postcode: ['Mon code postal est {0}.', 'code postal : {0}'],
      third: ['Mon voisin M. {0} a réceptionné le colis.', 'Votre collègue Mme {0} me l’avait promis.'],
      closer: ['Cordialement,\n{0}', 'Bien à vous,\n{0}', 'Merci, {0}'],
      agentCloser: ['Cordialement,\n{0}\nService client', 'Bien cordialement,\n{0}'],
      agentPhone: ['Vous pouvez aussi nous appeler au {0} (du lundi au vendredi).'],
    },
    ids: {
      FR: [['FR_NIR', frNir, ['Mon numéro de sécurité sociale est {0}.', 'NIR : {0}', 'n° de sécu {0}']]],
      BE: [['BE_NRN', beNrn, ['Mon numéro national est {0}.', 'numéro de registre national : {0}', 'NISS {0}']]],
    },
    negatives: [
      'Mon numéro de commande est {n}.',
      'Le colis est arrivé le {d} mais la boîte était vide.',
      "J'ai payé {a} et je veux être remboursé.",
      'Référence de facture {x}, merci de vérifier.',
      'Votre entrepôt de 69007 Lyon l’a expédié le {d}.',
      'Numéro de suivi 6A{n}.',
      'Facture FA-2025-{n} de {a}.',
      'Merci beaucoup, c’est réglé !',
    ],
  },
  es: {
    countries: ['ES'],
    first: ['Lucía', 'Javier', 'Carmen', 'Alejandro', 'Marta', 'Pablo', 'Elena', 'Diego', 'Sofía', 'Raúl'],
    last: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Díaz', 'Moreno', 'Navarro'],
    domains: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net', 'outlook.es'],
    titles: ['Sra.', 'Sr.'],
    address: addressOf,
    postcode: postcodeOf,
    phrases: {
      opener: ['Hola, me llamo {0} y mi pedido no ha llegado.', 'Buenos días, mi nombre es {0}.'],
      plainOpener: ['Hola, la batidora dejó de funcionar.', 'Buenas tardes, tengo una duda con la factura.'],
      agentOpener: ['Hola {0}, soy {1} del servicio de atención al cliente.', 'Hola {0}, me llamo {1}. Lo reviso.'],
      agentFormal: ['Buenos días {0}{1}, gracias por escribirnos.', 'Estimado/a {0}{1}, le ayudo con gusto.'],
      email: ['Mi correo es {0}.', 'Escríbame a {0}', 'email: {0}'],
      phone: ['Puede llamarme al {0}.', 'Mi móvil: {0}', 'Mi teléfono es {0}.', 'Tel. {0}'],
      iban: ['Por favor, devuélvanme el dinero al IBAN {0}.', 'IBAN: {0}', 'Mi cuenta es {0}.'],
      address: ['Mi dirección es {0}.', 'Envíenlo a {0}, por favor.', 'Nueva dirección: {0}'],
      postcode: ['Mi código postal es {0}.', 'código postal {0}'],
      third: ['Mi vecino el Sr. {0} recogió el paquete.', 'Su compañera la Sra. {0} me lo prometió.'],
      closer: ['Saludos,\n{0}', 'Un saludo,\n{0}', 'Gracias, {0}'],
      agentCloser: ['Atentamente,\n{0}\nAtención al cliente', 'Saludos cordiales,\n{0}'],
      agentPhone: ['También puede llamarnos al {0} (de lunes a viernes).'],
    },
    ids: {
      ES: [
        ['ES_DNI', esDni, ['Mi DNI es {0}.', 'DNI: {0}', 'con DNI {0}']],
        ['ES_NIE', esNie, ['Mi NIE es {0}.', 'NIE: {0}', 'tengo el NIE {0}']],
      ],
    },
    negatives: [
      'Mi número de pedido es {n}.',
      'El paquete llegó el {d} pero la caja estaba vacía.',
      'Pagué {a} y quiero la devolución.',
      'Referencia de la factura {x}, revísenlo.',
      'Su almacén de 28042 Madrid lo envió el {d}.',
      'El número de seguimiento es PQ{n}.',
      'Factura F-2025-{n} por {a}.',
      '¡Muchas gracias, ya está!',
    ],
  },
  nl: {
    countries: ['NL', 'NL', 'BE'],
    first: ['Sanne', 'Daan', 'Emma', 'Bram', 'Lotte', 'Thijs', 'Femke', 'Ruben', 'Anouk', 'Joris'],
    last: ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Peeters', 'Maes'],
    domains: ['ziggo.nl', 'kpnmail.nl', 'gmail.com', 'telenet.be', 'hotmail.nl'],
    titles: ['Dhr.', 'Mevr.', 'meneer', 'mevrouw'],
    address: addressOf,
    postcode: postcodeOf,
    phrases: {
      opener: ['Hallo, mijn naam is {0} en mijn bestelling is niet aangekomen.', 'Goedemiddag, ik heet {0}.'],
      plainOpener: ['Hallo, mijn stofzuiger doet het niet meer.', 'Goedemorgen, ik heb een vraag over de factuur.'],
      agentOpener: ['Hallo {0}, ik ben {1} van de klantenservice.', 'Hallo {0}, mijn naam is {1}. Ik kijk het na.'],
      agentFormal: ['Goedemiddag {0}{1}, bedankt voor uw bericht.', 'Geachte {0}{1}, ik help u graag.'],
      email: ['Mijn e-mailadres is {0}.', 'Mail me op {0}', 'e-mail: {0}'],
      phone: ['U kunt me bellen op {0}.', 'Mijn mobiele nummer: {0}', 'Bel me op {0}.', 'Tel. {0}'],
      iban: ['Wilt u het bedrag terugstorten op IBAN {0}?', 'IBAN: {0}', 'Mijn rekening is {0}.'],
      address: ['Mijn adres is {0}.', 'Stuur het naar {0} alstublieft.', 'Nieuw adres: {0}'],
      postcode: ['Mijn postcode is {0}.', 'postcode {0}'],
      third: ['Mijn buurman Dhr. {0} heeft het pakket aangenomen.', 'Uw collega Mevr. {0} had het beloofd.'],
      closer: ['Met vriendelijke groet,\n{0}', 'Groeten,\n{0}', 'Bedankt, {0}'],
      agentCloser: ['Met vriendelijke groet,\n{0}\nKlantenservice', 'Vriendelijke groeten,\n{0}'],
      agentPhone: ['U kunt ons ook bellen op {0} (ma–vr 9–17 uur).'],
    },
    ids: {
      NL: [['NL_BSN', nlBsn, ['Mijn BSN is {0}.', 'burgerservicenummer: {0}', 'BSN {0}']]],
      BE: [['BE_NRN', beNrn, ['Mijn rijksregisternummer is {0}.', 'rijksregisternummer: {0}', 'INSZ {0}']]],
    },
    negatives: [
      'Mijn bestelnummer is {n}.',
      'Het pakket kwam op {d} maar de doos was leeg.',
      'Ik heb {a} betaald en wil mijn geld terug.',
      'Factuurnummer {x}, kunt u dat nakijken?',
      'Uw magazijn in 3542 AB Utrecht heeft het op {d} verstuurd.',
      'De track-and-trace code is 3S{n}.',
      'Factuur F-2025-{n} van {a}.',
      'Bedankt, het is opgelost!',
    ],
  },
  it: {
    countries: ['IT'],
    first: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Matteo', 'Sara', 'Alessandro', 'Elisa', 'Davide'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
    domains: ['libero.it', 'gmail.com', 'virgilio.it', 'alice.it', 'tiscali.it'],
    titles: ['Sig.ra', 'Sig.', 'Signora', 'Signor'],
    address: addressOf,
    postcode: postcodeOf,
    phrases: {
      opener: ['Buongiorno, mi chiamo {0} e il mio ordine non è arrivato.', 'Salve, il mio nome è {0}.'],
      plainOpener: ['Buongiorno, il frullatore non funziona più.', 'Salve, ho una domanda sulla fattura.'],
      agentOpener: ['Ciao {0}, sono {1} del servizio clienti.', 'Buongiorno {0}, mi chiamo {1}. Controllo subito.'],
      agentFormal: ['Buongiorno {0}{1}, grazie per averci scritto.', 'Gentile {0}{1}, la aiuto volentieri.'],
      email: ['La mia email è {0}.', 'Scrivetemi a {0}', 'email: {0}'],
      phone: ['Potete chiamarmi al {0}.', 'Il mio cellulare: {0}', 'Il mio numero è {0}.', 'Tel. {0}'],
      iban: ["Vi prego di rimborsare sull'IBAN {0}.", 'IBAN: {0}', 'Il mio conto è {0}.'],
      address: ['Il mio indirizzo è {0}.', 'Spedite a {0}, per favore.', 'Nuovo indirizzo: {0}'],
      postcode: ['Il mio CAP è {0}.', 'CAP {0}'],
      third: ['Il mio vicino Sig. {0} ha ritirato il pacco.', 'La vostra collega Sig.ra {0} me lo aveva promesso.'],
      closer: ['Cordiali saluti,\n{0}', 'Saluti,\n{0}', 'Grazie, {0}'],
      agentCloser: ['Cordiali saluti,\n{0}\nServizio clienti', 'Un saluto,\n{0}'],
      agentPhone: ['Può chiamarci anche al {0} (dal lunedì al venerdì).'],
    },
    ids: {
      IT: [['IT_CF', itCf, ['Il mio codice fiscale è {0}.', 'Codice fiscale: {0}', 'CF {0}']]],
    },
    negatives: [
      "Il numero d'ordine è {n}.",
      'Il pacco è arrivato il {d} ma la scatola era vuota.',
      'Ho pagato {a} e voglio il rimborso.',
      'Riferimento fattura {x}, potete controllare?',
      'Il vostro magazzino di 20121 Milano l’ha spedito il {d}.',
      'Il codice di tracciamento è BRT{n}.',
      'Fattura FT-2025-{n} di {a}.',
      'Grazie mille, tutto risolto!',
    ],
  },
};

const date = (r: Rng) =>
  pick(r, [
    `${pad(int(r, 1, 28), 2)}.${pad(int(r, 1, 12), 2)}.${int(r, 2023, 2026)}`,
    `${pad(int(r, 1, 28), 2)}/${pad(int(r, 1, 12), 2)}/${int(r, 2023, 2026)}`,
    `${int(r, 2023, 2026)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`,
    `${pad(int(r, 1, 28), 2)}-${pad(int(r, 1, 12), 2)}-${int(r, 2023, 2026)}`,
  ]);
const amount = (r: Rng) =>
  pick(r, [
    `${int(r, 5, 999)},${digits(r, 2)} €`,
    `€ ${int(r, 1, 9)}.${digits(r, 3)},${digits(r, 2)}`,
    `${int(r, 1, 99)} ${digits(r, 3)},00 €`,
    `EUR ${int(r, 5, 999)},${digits(r, 2)}`,
  ]);
/** A number of an identifier's shape with one typo, or a plain order number. */
function reference(r: Rng, c: EuCountry): string {
  const ids = Object.values(LANGS).flatMap((l) => l.ids[c] ?? []);
  const id = ids.length && r() < 0.7 ? pick(r, ids)[1](r).replace(/[ .-]/g, '') : `${int(r, 1, 9)}${digits(r, 9)}`;
  return /\d/.test(id) ? typo(r, id) : id;
}

function negative(c: Conv, lang: Lang): Piece[] {
  return [
    pick(c.r, lang.negatives)
      .replace('{n}', `${int(c.r, 1, 9)}${digits(c.r, 8)}`)
      .replace(/\{d\}/g, () => date(c.r))
      .replace('{a}', amount(c.r))
      .replace('{x}', reference(c.r, c.country)),
  ];
}

function conversation(r: Rng, lang: Lang, n: number, code: Language): LabelledTurn[] {
  const person = (): [string, string] => [pick(r, lang.first), pick(r, lang.last)];
  const cust = person();
  const agent = person();
  const country = pick(r, lang.countries);
  const local = pick(r, [`${ascii(cust[0])}.${ascii(cust[1])}`, `${ascii(cust[0])}${int(r, 70, 99)}`]);
  const c: Conv = { r, country, cust, agent, email: `${local}@${pick(r, lang.domains)}`, phone: euPhone(r, country) };
  const p = (slot: Slot, ...values: Piece[]) => say(pick(r, lang.phrases[slot]), ...values);
  const P = (v: string) => pii('PERSON', v);
  const ids = lang.ids[country] ?? [];
  const piiTurns: (() => Piece[])[] = [
    () => p('email', pii('EMAIL', c.email)),
    () => p('phone', pii('PHONE', r() < 0.5 ? c.phone : euPhone(r, country))),
    () => p('phone', pii('PHONE', euPhone(r, country))),
    () => p('iban', pii('IBAN', ibanIn(r, country))),
    () => p('address', pii('ADDRESS', lang.address(r, country))),
    () => p('postcode', pii('ADDRESS', lang.postcode(r, country))),
    () => p('third', P(pick(r, lang.last))),
    ...ids.map(
      ([type, make, phrases]) =>
        () =>
          say(pick(r, phrases), pii(type, make(r))),
    ),
    ...ids.map(
      ([type, make, phrases]) =>
        () =>
          say(pick(r, phrases), pii(type, make(r))),
    ),
  ];
  const script: [LabelledTurn['role'], () => Piece[]][] = [
    ['customer', () => (r() < 0.6 ? p('opener', P(full(cust))) : p('plainOpener'))],
    [
      'agent',
      () =>
        r() < 0.6
          ? p('agentOpener', P(cust[0]), P(agent[0]))
          : p('agentFormal', `${pick(r, lang.titles)} `, P(cust[1])),
    ],
  ];
  for (let i = int(r, 3, 5); i > 0; i--) {
    script.push(['customer', pick(r, piiTurns)]);
    script.push(['customer', () => (r() < 0.6 ? negative(c, lang) : pick(r, piiTurns)())]);
    script.push(['agent', () => (r() < 0.3 ? p('agentPhone', pii('PHONE', euPhone(r, country))) : negative(c, lang))]);
  }
  script.push(['customer', () => p('closer', P(r() < 0.5 ? cust[0] : full(cust)))]);
  script.push(['agent', () => p('agentCloser', P(r() < 0.5 ? agent[0] : full(agent)))]);
  const known = { names: [full(cust), full(agent)] };
  return script.map(([role, make], i) => ({
    id: `${code}${n}-t${i}`,
    conversation: `${code}${n}`,
    role,
    known,
    ...assemble(make()),
  }));
}

/** One language's corpus; the same seed always gives the same turns. */
export function generateEuCorpus(language: Language, opts: { seed?: number; conversations?: number } = {}) {
  const r = seeded((opts.seed ?? 20260323) + LANGUAGES.indexOf(language));
  const out: LabelledTurn[] = [];
  for (let n = 0; n < (opts.conversations ?? 300); n++) out.push(...conversation(r, LANGS[language], n, language));
  return out;
}
