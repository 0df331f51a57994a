/**
 * Street addresses. The street part must carry a house number and a street-type word:
 * English "14 Elm Close" / "1600 Amphitheatre Parkway"; continental forms with the type before
 * the name ("12 rue de la Paix", "Via Roma 5", "Calle Mayor 7") or compounded into it
 * ("Goethestraße 12", "Koskikatu 25", "Damstraat 3"); or a PO box. Then, when present, a unit,
 * the town, the postcode (or state and ZIP), across commas or line breaks. A postcode or ZIP on
 * its own counts only when labelled ("postcode is LS6 2AB"). Without a street-type word nothing
 * is proposed: "3 more things" must stay text.
 */
import type { Entity } from './types.js';
import { eachMatch, literal, scanFacts, wordSearch, type TextFacts } from './scan.js';

const CAP = "\\p{Lu}[\\p{L}'’-]*";
const ORDINAL = '\\d{1,3}(?:st|nd|rd|th)';
const NUM = '\\d{1,5}[A-Za-z]?(?:-\\d{1,5})?';
const START = '(?<![\\p{L}\\p{N}£$€.,:/-])';
/** Street-type words; only abbreviations take a dot, so "… Terrace." leaves the full stop to the sentence. */
const SUFFIX =
  '(?:Street|Road|Avenue|Lane|Drive|Boulevard|Close|Way|Court|Place|Crescent|Terrace|Gardens|' +
  'Grove|Parkway|Square|Highway|Row|Mews|Walk|Hill|Circle|Trail|Parade|Esplanade|Rise|Green|' +
  'Park|Broadway|Alley|Approach|Bend|Chase|Cove|Croft|Crossing|Expressway|Freeway|Gate|Glen|' +
  'Heights|Hollow|Junction|Landing|Loop|Mall|Manor|Meadows?|Motorway|Orchard|Oval|Pass|Path|' +
  'Pike|Plaza|Point|Ridge|Run|Spur|Summit|Trace|Turnpike|Vale|View|Vista|Wharf|Wynd|Yard|' +
  '(?:St|Rd|Ave|Ln|Dr|Blvd|Ct|Pl|Cres|Pkwy|Sq|Hwy|Cir)\\.?)';
const LOWER_SUFFIX = '(?:street|road|avenue|lane|drive|boulevard|crescent|terrace|gardens|grove|parkway|close|mews)';
/** Lower-case street types that are also everyday words ("1 more way"): they need a town or postcode after them. */
const LOWER_AMBIGUOUS = '(?:way|st|rd|ave|ln|dr|blvd|court|ct|place|pl|park|hill|walk|row|green|rise|square|sq)\\.?';

/** Continental street types written before the name, and compounded into it. */
const TYPE_BEFORE =
  '(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Pp]lace|[Aa]llée|[Cc]hemin|[Ii]mpasse|[Qq]uai|' +
  '[Cc]ours|[Rr]oute|Via|Viale|Vicolo|Piazza|Piazzale|Corso|Largo|Calle|Avenida|Avda\\.?|Rua|' +
  'Travessa|Plaza|Paseo|Carrer|Strada|Ulica|ul\\.|Plac|Aleja|Am|C/|Camino|Ronda|Travesía|Avinguda|Plein)';
const PARTICLE = "(?:de la|de l'|del|de|du|des|della|delle|dei|di|da|do|dos|das|d'|la|le|les|l'|los|las)";
/**
 * Compound endings that are not also endings of English words ("brigade", "necktie", "spring" are why -gade, -tie,
 * -ring are absent).
 */
const COMPOUND_WORDS = (
  'straße strasse str. weg allee platz gasse damm ufer chaussee straat laan gracht plein vej gatan vägen veien ' +
  'katu ská'
).split(' ');
const COMPOUND = `(?:${COMPOUND_WORDS.map(literal).join('|')})`;
const TYPE_AFTER = '(?:Straße|Strasse|Str\\.|Weg|Allee|Platz|Gasse|Damm|Ring|Straat|Laan|Plein|Vej|Gade)';
/**
 * After a type word: a particle and any word ("rue de la paix"), or a capitalised word ("Via Roma"), never "place
 * settings".
 */
const CONTINENTAL_STREET =
  `(?:${TYPE_BEFORE} (?:${PARTICLE} ` +
  `?\\p{L}[\\p{L}'’-]+|\\p{Lu}[\\p{L}'’-]+)(?:[ ` +
  `-]${CAP}){0,3}|${CAP}${COMPOUND}|\\p{Ll}[\\p{Ll}-]*${COMPOUND}|${CAP}[ ` +
  `-]${TYPE_AFTER})`;

/**
 * The English street part in one pass: capitalised ("Flat 3, 27 Victoria Road", "350 5th Ave",
 * "12 St John's Road"), or typed in lower case with fewer words and only unambiguous street types
 * ("on the way" is not one). Group 1 is set for a lower-case street type that is also an everyday
 * word ("1 more way"): that one needs a town or postcode after it to count.
 */
const ENGLISH = new RegExp(
  `${START}(?:(?:Flat|Apartment|Apt|Unit|Suite)\\.? [\\w-]{1,5},? ` +
    `)?${NUM},? (?:(?:(?:${CAP}|${ORDINAL}) ` +
    `){1,4}${SUFFIX}|(?:\\p{Ll}[\\p{Ll}'’-]* ` +
    `){1,2}(?:${LOWER_SUFFIX}|(${LOWER_AMBIGUOUS})))(?![\\p{L}])`,
  'gu',
);
/**
 * A street line without a street-type word, as written across much of Europe: words, then the house number
 * ("Puruntie 82", "Kálmán Imre u. 12.", "Jana Nerudy 894"), perhaps after another number. Alone it could be a
 * product ("Blender Pro 3000"), so it counts only before a unit ("… 82 Apt. 595") or after an address cue
 * ("lives at …") when a town or postcode follows.
 */
const BARE_STREET = `(?:\\d{1,5} \\p{L}[\\p{L}'’-]*\\.?|\\p{Lu}[\\p{L}'’-]*)(?: \\p{L}[\\p{L}'’-]*\\.?){0,3} \\d{1,5}[A-Za-z]?\\.?`;
const BEFORE_UNIT = new RegExp(
  `${START}${BARE_STREET}(?=,?[ \\t]*\\n?[ \\t]*(?:Apt|Apartment|Suite|Unit|Flat)\\.? ?\\d)`,
  'gu',
);
const ADDRESS_CUE =
  '\\b(?:address(?: is)?:?|lives? at|located at|moved to|(?:sent|send [a-z ]{0,12}|deliver(?:ed)?|ship(?:ped)?) to)';
const CUED_STREET = new RegExp(`${ADDRESS_CUE}\\s+(${BARE_STREET})(?![\\p{L}\\p{N}])`, 'giu');
/** P.O. boxes and US military mail. */
const PO_BOX = /\b(?:P\.? ?O\.? ?Box|Post Office Box|PSC \d{1,5},? Box|Unit \d{1,5},? Box) \d{1,6}\b/g;
/** The house number first ("12 rue de la Paix"), as ENGLISH starts; or after the street ("Via Roma 5"). */
const CONTINENTAL_NUMBER_FIRST = new RegExp(
  `${START}${NUM}(?: (?:bis|ter))?,? ${CONTINENTAL_STREET}(?:,? \\d{1,4}[a-z]?(?![\\p{L}\\p{N}]))?`,
  'gu',
);
const CONTINENTAL_NUMBER_AFTER = new RegExp(
  `(?<![\\p{L}\\p{N}])${CONTINENTAL_STREET},? \\d{1,4}[a-z]?(?![\\p{L}\\p{N}])`,
  'gu',
);
/** TYPE_AFTER's words that COMPOUND lacks (as endings they would match "spring", "brigade"): hinted as words. */
const TYPE_AFTER_WORDS = 'ring|gade';
/** The continental patterns start at every word; most texts have none of their street words. */
const CONTINENTAL_HINT = new RegExp(
  `${COMPOUND}|\\b(?:${TYPE_BEFORE.slice(3, -1).toLowerCase()}|${TYPE_AFTER_WORDS}) `,
  'i',
);

/**
 * The words each pattern but ENGLISH needs, as the lower-cased text holds them: `wordSearch` looks for all at once,
 * and a pattern runs only when its list's bit is set. Four turns with digits in five have none. "ſ" because a
 * case-insensitive Unicode pattern reads it as "s".
 */
export const ADDRESS_WORDS: readonly (readonly string[])[] = [
  ['box'],
  ['apt', 'apartment', 'suite', 'unit', 'flat'],
  ['address', 'live', 'located at', 'moved to', 'sent to', 'send ', 'deliver', 'ship', 'ſ'],
  ['post', 'zip', 'plz', 'cap', 'ſ'],
  // CONTINENTAL_HINT's words without its `\b` (lower-casing may join a word to what stands before it: the Kelvin sign
  // becomes "k"), each type word with the space after it.
  [
    ...COMPOUND_WORDS,
    ...(
      'rue avenue boulevard bd place allée chemin impasse quai cours route via viale vicolo piazza piazzale corso largo ' +
      'calle avenida avda avda. rua travessa plaza paseo carrer strada ulica ul. plac aleja am c/ camino ronda travesía ' +
      `avinguda plein ${TYPE_AFTER_WORDS.replace('|', ' ')}`
    )
      .split(' ')
      .map((word) => `${word} `),
  ],
];
const [BOX, UNIT, CUE, POSTCODE, CONTINENTAL] = [1, 2, 4, 8, 16];

const addressWords = wordSearch(ADDRESS_WORDS);

// ---------- what may follow the street ----------

/** A comma, a line break, or a space (addresses are often pasted one line per part). */
const SEP = '(?:[ \\t]*,[ \\t]*\\n?[ \\t]*|[ \\t]*\\n[ \\t]*,?[ \\t]*|[ \\t]+)';
/** Before a postcode, a blank line may part the lines too ("…\\n Riisa\\n\\n Estonia 62488"). */
const SEP_BLANK = '(?:[ \\t]*,[ \\t]*\\n?[ \\t]*|[ \\t]*\\n(?:[ \\t]*\\n)?[ \\t]*,?[ \\t]*|[ \\t]+)';
const TOWN = `${CAP}(?: ${CAP}){0,2}`;
const UK_POSTCODE = '[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}';
const POSTAL =
  `(?:${UK_POSTCODE}|[A-Z]{2},? ` +
  `\\d{5}(?:-\\d{4})?|(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT) ` +
  `\\d{4}|(?:APO|FPO|DPO) (?:AA|AE|AP) \\d{5}|\\d{3} ?\\d{3})`;
/** Then perhaps a country on its own ("…\nAustria"). */
const COUNTRY = `(?:${SEP}${CAP}(?: ${CAP})?(?=[ \\t]*(?:[.!?;\\n]|$)))?`;
/** The next line starting a sign-off is not a town. */
const NOT_SIGN_OFF = '(?!(?:Thanks|Thank|Regards|Kind|Best|Cheers|Many|Sincerely|Yours)\\b)';

function tails(flags: string) {
  return {
    // "Apt 4B"; Spanish floors "3º B", "2ª"; Belgian "bus 3"
    unit: new RegExp(
      `(?:,? |,?[ \\t]*\\n[ \\t]*)(?:(?:Apt|Apartment|Suite|Ste|Unit|Flat|#|bus|boîte)\\.? ?[\\w-]{1,5}|\\d{1,2}[ºª](?: ?[A-Z])?)`,
      flags,
    ),
    ends: [
      // "…, 10115 Berlin", "…, 75002 Paris", "…, 60311 Frankfurt am Main", "…, 1017 AB Amsterdam"
      new RegExp(`${SEP}\\d{4}(?:\\d| ?[A-Z]{2})? ${CAP}(?:(?: (?:am|an der|sur|de|la|le|aan den)|-)? ${CAP})?`, flags),
      // "…, Leeds LS6 2AB", "…, Springfield, IL 62704", "…\nSCHEIBBS, NO 14908\nAustria"
      new RegExp(`(?:${SEP}${NOT_SIGN_OFF}${TOWN}){0,3}${SEP}${POSTAL}(?![\\p{L}\\p{N}])${COUNTRY}`, flags),
      // a bare postcode counts only after a town: "…, Montevideo 11200"
      new RegExp(`(?:${SEP_BLANK}${NOT_SIGN_OFF}${TOWN}){1,3}${SEP}\\d{4,6}(?![\\p{L}\\p{N}])${COUNTRY}`, flags),
      // "…, London." — a town alone, then the sentence or line ends
      new RegExp(`${SEP}${NOT_SIGN_OFF}${TOWN}(?=[ \\t]*(?:[.!?;\\n]|$))`, flags),
    ],
  };
}
const CASED = tails('uy');
/** A street typed in lower case usually has its town and postcode in lower case too. */
const CASELESS = tails('iuy');

const LABELLED_POSTCODE = new RegExp(
  `\\b(?:post ?code|postal code|zip(?: ` +
    `?code)?|plz|postleitzahl|code postal|c[óo]digo postal|cap)\\b[\\s:#-]*(?:is\\s+|ist\\s+|est\\s+|es\\s+|è\\s+)?` +
    `(${UK_POSTCODE}|\\d{5}(?:-\\d{4})?|\\d{4} ?[A-Z]{2}|\\d{4})(?![A-Za-z0-9])`,
  'giu',
);

function extend(text: string, end: number, caseless: boolean): number {
  const t = caseless ? CASELESS : CASED;
  t.unit.lastIndex = end;
  const unit = t.unit.exec(text);
  if (unit) end += unit[0].length;
  for (const re of t.ends) {
    re.lastIndex = end;
    const m = re.exec(text);
    if (m) return end + m[0].length;
  }
  return end;
}

/** Group 1, when set, is a street that counts only when a unit, town or postcode follows it. */
function street(text: string, out: Entity[], re: RegExp, cued = false): void {
  eachMatch(re, text, (m) => {
    const start = cued ? m.index + m[0].length - m[1]!.length : m.index;
    const end = m.index + m[0].length;
    const full = extend(text, end, m[0] === m[0].toLowerCase());
    if (m[1] === undefined || full > end) out.push({ type: 'ADDRESS', start, end: full });
  });
}

export function detectAddresses(
  text: string,
  out: Entity[],
  lower = text.toLowerCase(),
  facts: TextFacts = scanFacts(text),
  words = addressWords(lower), // ADDRESS_WORDS' bits, and perhaps others above them
): void {
  if (facts.streetNumber) street(text, out, ENGLISH);
  if (words & BOX) street(text, out, PO_BOX);
  if (words & UNIT) street(text, out, BEFORE_UNIT);
  if (words & CUE) street(text, out, CUED_STREET, true);
  if (words & CONTINENTAL && CONTINENTAL_HINT.test(text)) {
    if (facts.streetNumber) street(text, out, CONTINENTAL_NUMBER_FIRST);
    street(text, out, CONTINENTAL_NUMBER_AFTER);
  }
  if (words & POSTCODE) {
    eachMatch(LABELLED_POSTCODE, text, (m) => {
      const end = m.index + m[0].length;
      out.push({ type: 'ADDRESS', start: end - m[1]!.length, end });
    });
  }
}
