/**
 * People and places for the synthetic corpus. The name lists are the corpus's own, written
 * independently of the detector's first-name list (server/masking/first-names.ts), so that
 * names the detector has never seen are part of the test.
 */
import type { Rng } from '../harness/seeded.js';
import { type Country, digits, int, pick } from './corpus-values.js';

export const FIRST_NAMES = [
  // UK / US / AU / IE
  'Sarah',
  'James',
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Charlotte',
  'Oliver',
  'Amelia',
  'Harry',
  'Sophie',
  'Jack',
  'Megan',
  'Thomas',
  'Chloe',
  'Daniel',
  'Hannah',
  'Ryan',
  'Lucy',
  'Connor',
  'Siobhan',
  'Declan',
  'Aoife',
  'Niamh',
  'Grace',
  'Mark',
  'Rose',
  'Will',
  'Jordan',
  'Victoria',
  'Brooke',
  'Tyler',
  'Madison',
  'Dylan',
  'Kayla',
  'Cody',
  'Bethany',
  'Gareth',
  'Rhys',
  'Carys',
  'Fiona',
  'Alistair',
  'Kirsty',
  'Hamish',
  'Jade',
  'Shannon',
  'Darren',
  'Kerry',
  // DE / AT / CH
  'Lukas',
  'Anna',
  'Jürgen',
  'Katrin',
  'Stefan',
  'Sabine',
  'Maximilian',
  'Lena',
  'Tobias',
  'Ute',
  'Florian',
  'Heike',
  // FR / BE
  'Chloé',
  'Mathieu',
  'Élodie',
  'Julien',
  'Camille',
  'Antoine',
  'Margaux',
  'Thibault',
  'Océane',
  'Benoît',
  // ES / IT / PT / LatAm
  'Alejandro',
  'Lucía',
  'Javier',
  'Carmen',
  'Matteo',
  'Giulia',
  'Lorenzo',
  'Francesca',
  'João',
  'Inês',
  'Valentina',
  'Diego',
  // IN
  'Priya',
  'Arjun',
  'Ananya',
  'Rohan',
  'Aditi',
  'Vikram',
  'Sneha',
  'Karthik',
  'Deepika',
  'Rahul',
  'Lakshmi',
  'Siddharth',
  // NG / GH / KE
  'Chinedu',
  'Ngozi',
  'Oluwaseun',
  'Adaeze',
  'Emeka',
  'Folasade',
  'Kwame',
  'Ama',
  'Wanjiru',
  'Kofi',
  // CN / JP / KR / VN
  'Wei',
  'Xiaoming',
  'Mei',
  'Haruto',
  'Yuki',
  'Min-jun',
  'Ji-woo',
  'Thanh',
  'Linh',
  'Hiroshi',
  // Arabic / Turkish / Persian
  'Mohammed',
  'Fatima',
  'Omar',
  'Layla',
  'Yusuf',
  'Aisha',
  'Emre',
  'Zeynep',
  'Reza',
  'Shirin',
  // PL / Nordic / NL
  'Katarzyna',
  'Piotr',
  'Agnieszka',
  'Tomasz',
  'Sigrid',
  'Lars',
  'Ingrid',
  'Magnus',
  'Sanne',
  'Joost',
  'Freya',
  'Bram',
];

export const LAST_NAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Evans',
  'Hughes',
  'Davies',
  'Roberts',
  'Clarke',
  'Wright',
  'Green',
  'White',
  'Hall',
  'Young',
  'King',
  'Wood',
  'Hill',
  'Baker',
  'Murphy',
  'Kelly',
  'Walsh',
  "O'Connor",
  "O'Brien",
  'MacDonald',
  'McCarthy',
  'Smith-Jones',
  'Fitzgerald',
  'Henderson',
  'Campbell',
  'Stewart',
  'Morrison',
  'Reynolds',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Becker',
  'Hoffmann',
  'Krüger',
  'Dubois',
  'Martin',
  'Bernard',
  'Moreau',
  'Lefèvre',
  'Girard',
  'García',
  'Fernández',
  'López',
  'Martínez',
  'Rossi',
  'Russo',
  'Bianchi',
  'Esposito',
  'Silva',
  'Pereira',
  'Patel',
  'Sharma',
  'Singh',
  'Iyer',
  'Reddy',
  'Nair',
  'Chatterjee',
  'Gupta',
  'Okafor',
  'Adeyemi',
  'Eze',
  'Nwosu',
  'Mensah',
  'Owusu',
  'Kamau',
  'Otieno',
  'Chen',
  'Wang',
  'Li',
  'Zhang',
  'Tanaka',
  'Suzuki',
  'Sato',
  'Kim',
  'Park',
  'Nguyen',
  'Tran',
  'Hassan',
  'Haddad',
  'Al-Farsi',
  'Yilmaz',
  'Demir',
  'Hosseini',
  'Cohen',
  'Levy',
  'Kowalski',
  'Nowak',
  'Wiśniewska',
  'Johansson',
  'Nilsson',
  'Andersen',
  'de Vries',
  'van der Berg',
  'de la Cruz',
  'Jansen',
];

export interface Person {
  first: string;
  last: string;
}
export const fullName = (p: Person) => `${p.first} ${p.last}`;
export const person = (r: Rng): Person => ({ first: pick(r, FIRST_NAMES), last: pick(r, LAST_NAMES) });

// ---------- e-mail addresses ----------

const DOMAINS = [
  'gmail.com',
  'outlook.com',
  'yahoo.co.uk',
  'hotmail.com',
  'icloud.com',
  'web.de',
  'orange.fr',
  'proton.me',
  'btinternet.com',
  'example.org',
  'rediffmail.com',
  'bigpond.com.au',
];
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '');

export function email(r: Rng, p: Person): string {
  const f = ascii(p.first).toLowerCase();
  const l = ascii(p.last).toLowerCase();
  const local = pick(r, [
    `${f}.${l}`,
    `${f}${l}`,
    `${f[0]}${l}`,
    `${f}_${l}${int(r, 1, 99)}`,
    `${f}${int(r, 70, 99)}`,
    `${l}.${f}+shop`,
    `${f}-${l}`,
  ]);
  const addr = `${local}@${pick(r, DOMAINS)}`;
  return r() < 0.08 ? addr.replace(/^./, (c) => c.toUpperCase()) : addr;
}

// ---------- street addresses per country ----------

const UK_STREETS = [
  'Baker',
  'Elm',
  'Victoria',
  'High',
  'Station',
  'Church',
  'Mill',
  'Park',
  "Queen's",
  'King',
  'Oak',
  'Manor',
  'Albert',
  'Windsor',
  'Chestnut',
  'Meadow',
  'Grange',
  'Orchard',
  "St John's",
  'New',
];
const UK_SUFFIXES = [
  'Street',
  'Road',
  'Lane',
  'Close',
  'Avenue',
  'Drive',
  'Way',
  'Crescent',
  'Gardens',
  'Grove',
  'Terrace',
  'Place',
  'Mews',
  'Court',
  'Road',
  'Street',
];
const UK_TOWNS = [
  'London',
  'Leeds',
  'Bristol',
  'Manchester',
  'Glasgow',
  'Cardiff',
  'Norwich',
  'York',
  'Brighton',
  'Sheffield',
  'Edinburgh',
  'Nottingham',
];
const UK_AREAS = [
  'LS',
  'M',
  'B',
  'SW',
  'NW',
  'E',
  'EC',
  'BS',
  'CF',
  'G',
  'EH',
  'NE',
  'YO',
  'NR',
  'OX',
  'CB',
  'L',
  'S',
  'N',
  'SE',
  'BN',
];
const INWARD = [...'ABDEFGHJLNPQRSTUWXYZ'];

export function ukPostcode(r: Rng): string {
  const area = pick(r, UK_AREAS);
  const district =
    r() < 0.15 && area.length === 2 ? `${int(r, 1, 9)}${pick(r, ['A', 'R', 'W'])}` : String(int(r, 1, 28));
  return `${area}${district} ${int(r, 0, 9)}${pick(r, INWARD)}${pick(r, INWARD)}`;
}

const US_STREETS = [
  'Main',
  'Oak',
  'Maple',
  '5th',
  'Elm',
  'Washington',
  'Sunset',
  'Lincoln',
  'Pine',
  'Cedar',
  'Lakeview',
  'Park',
  'Hillside',
  'Martin Luther King Jr',
  'Broadway',
  'Mission',
];
const US_SUFFIXES = [
  'Street',
  'St',
  'Avenue',
  'Ave',
  'Boulevard',
  'Blvd',
  'Drive',
  'Dr',
  'Road',
  'Rd',
  'Lane',
  'Ln',
  'Way',
  'Parkway',
  'Court',
  'Ct',
  'Place',
];
const US_CITIES: [string, string, number][] = [
  ['Springfield', 'IL', 627],
  ['Austin', 'TX', 787],
  ['Seattle', 'WA', 981],
  ['Portland', 'OR', 972],
  ['Denver', 'CO', 802],
  ['Brooklyn', 'NY', 112],
  ['San Jose', 'CA', 951],
  ['Columbus', 'OH', 432],
  ['Atlanta', 'GA', 303],
  ['Boston', 'MA', 21],
];
const DE_STREETS: [string, string][] = [
  ['Goethe', 'straße'],
  ['Schiller', 'str.'],
  ['Linden', 'weg'],
  ['Haupt', 'straße'],
  ['Bahnhof', 'straße'],
  ['Kastanien', 'allee'],
  ['Markt', 'platz'],
  ['Berliner ', 'Straße'],
  ['Am Ring', ''],
  ['Rosen', 'gasse'],
  ['Friedrich-Ebert-', 'Straße'],
];
const DE_CITIES = ['Berlin', 'München', 'Hamburg', 'Köln', 'Frankfurt am Main', 'Leipzig', 'Stuttgart'];
const FR_STREETS = [
  'rue de la Paix',
  'avenue Victor Hugo',
  'rue des Lilas',
  'boulevard Haussmann',
  'place de la République',
  'rue Jean Jaurès',
  'allée des Tilleuls',
  'impasse du Moulin',
  'quai de la Tournelle',
  'chemin des Vignes',
];
const FR_CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille', 'Bordeaux'];
const AU_STREETS = ['George', 'Pitt', 'Collins', 'Queen', 'Chapel', 'Beach', 'Station'];
const AU_PLACES: [string, string][] = [
  ['Sydney', 'NSW'],
  ['Surry Hills', 'NSW'],
  ['Melbourne', 'VIC'],
  ['Fitzroy', 'VIC'],
  ['Brisbane', 'QLD'],
  ['Perth', 'WA'],
];
const IN_PLACES: [string, string, number][] = [
  ['Bengaluru', 'Karnataka', 560],
  ['Mumbai', 'Maharashtra', 400],
  ['Chennai', 'Tamil Nadu', 600],
  ['Pune', 'Maharashtra', 411],
];

export function address(r: Rng, c: Country): string {
  const n = int(r, 1, 250);
  const tail = r();
  switch (c) {
    case 'UK': {
      const flat = r() < 0.15 ? `Flat ${int(r, 1, 24)}, ` : '';
      const street = `${flat}${n}${r() < 0.08 ? 'B' : ''} ${pick(r, UK_STREETS)} ${pick(r, UK_SUFFIXES)}`;
      if (tail < 0.7) return `${street}, ${pick(r, UK_TOWNS)} ${ukPostcode(r)}`;
      return tail < 0.8 ? `${street}, ${pick(r, UK_TOWNS)}` : street;
    }
    case 'US': {
      const apt = r() < 0.2 ? `, Apt ${int(r, 1, 30)}${pick(r, ['', 'B', 'C'])}` : '';
      const [city, state, zip] = pick(r, US_CITIES);
      const street = `${int(r, 1, 9999)} ${pick(r, US_STREETS)} ${pick(r, US_SUFFIXES)}${apt}`;
      return tail < 0.75 ? `${street}, ${city}, ${state} ${String(zip).padStart(3, '0')}${digits(r, 2)}` : street;
    }
    case 'DE': {
      const [name, suffix] = pick(r, DE_STREETS);
      const street = `${name}${suffix} ${n}${r() < 0.1 ? 'a' : ''}`;
      return tail < 0.75 ? `${street}, ${int(r, 10, 99)}${digits(r, 3)} ${pick(r, DE_CITIES)}` : street;
    }
    case 'FR': {
      const street = `${n}${r() < 0.08 ? ' bis' : ''} ${pick(r, FR_STREETS)}`;
      return tail < 0.8 ? `${street}, ${int(r, 10, 95)}${digits(r, 3)} ${pick(r, FR_CITIES)}` : street;
    }
    case 'AU': {
      const [suburb, state] = pick(r, AU_PLACES);
      const street = `${n} ${pick(r, AU_STREETS)} ${pick(r, ['Street', 'Road', 'Parade', 'Avenue'])}`;
      return tail < 0.75 ? `${street}, ${suburb} ${state} ${int(r, 2000, 6999)}` : street;
    }
    case 'IN': {
      const [city, state, pin] = pick(r, IN_PLACES);
      const street = `${n} ${pick(r, ['MG', 'Residency', 'Brigade', 'Linking', 'Hill'])} Road`;
      return tail < 0.75 ? `${street}, ${city}, ${state} ${pin}${digits(r, 3)}` : street;
    }
  }
}

/** Just the postcode or ZIP, as customers give it when asked ("postcode is LS6 2AB"). */
export function postcode(r: Rng, c: Country): string {
  if (c === 'US') return `${pick(r, US_CITIES)[2]}${digits(r, 2)}`.padStart(5, '0');
  return ukPostcode(r);
}
