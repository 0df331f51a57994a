/**
 * Person names the ticket does not already give us (those are in known-names.ts). A capitalised
 * word on its own is more often a product, a place or the start of a sentence, so a name needs a
 * cue — a title (Mr, Dr…), an introduction ("my name is", "I'm", "this is"), a relation ("my
 * colleague"), a greeting or sign-off ("Hi Priya,", "Thanks,\nTom"), "X from our billing team" —
 * or the gazetteers: a pair whose first word is a common first name or whose second is a common
 * surname, a pair with a middle initial, or a common first name alone mid-sentence. "Common" is
 * first-names.ts and surnames.ts, and the larger lexicons of name-lexicon.ts.
 */
import type { Entity } from './types.js';
import { eachMatch, isAsciiLetter, isSpace, scanFacts, type TextFacts } from './scan.js';
import { FIRST_NAMES } from './first-names.js';
import { SURNAMES } from './surnames.js';
import { isLexiconGivenName, isLexiconSurname } from './name-lexicon.js';

const WORD = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}[\\p{L}'’-]*";
const PARTICLE = '(?:van|von|de|der|den|la|le|da|di|du|del|della|dos|das|bin|ibn|al|el|ter|ten)';
const FULL = `${WORD}(?: (?:${PARTICLE} ){0,3}${WORD}){0,2}`;
export const PARTICLES: ReadonlySet<string> = new Set(PARTICLE.slice(3, -1).split('|'));

/** Capitalised words that follow the cues but are not names. */
const STOP = new Set(
  `I The A An And But Or So Not No Yes Ok Okay Sorry Thanks Thank Please Hi Hello Hey Dear Team There All Everyone
   Sir Madam
  Customer Customers Support Service Services Here Just Also Still Again Back Now Today Tomorrow Yesterday Tonight
  Monday Tuesday
  Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November
  December Good Morning Afternoon Evening Night Great Happy Glad Sure Fine Well Afraid Writing Calling Contacting
  Looking
  Trying Going Having Getting Waiting Really Very Can Could Would Will Should Shall Might Must Do Does Did Is Are Was
  Were
  Has Have Had It This That These Those My Your Our Their His Her We You They He She If When What Why How Where Who
  Which
  Let Kind Best Regards Cheers Many Warm Sincerely Love Order Account Card Email Phone Address Refund Delivery Billing
  Returns Sales Help Desk Helpdesk Admin Manager Mum Mom Dad Sent From Via Re Fwd Ltd Inc Plc Group Company Mr Mrs Ms
  Miss
  Mx Dr Prof Name Unfortunately Actually Apologies Unable Happy Certainly Absolutely Perfect Wonderful Brilliant Amazing
  Regarding About With For To In On At By Of As Since Because Before After Until Tracking Reference Invoice Case
  Ticket
  Herr Herrn Frau Damen Herren Grüße Grüßen Gruß Kundenservice Kundendienst Kunde Kundin Leute Vielen Dank Bitte Hier
  Monsieur Madame Mademoiselle Mesdames Messieurs Client Cliente Clients Équipe Merci Bonjour Salut Cordialement
  Señor Señora Señores Equipo Atención Gracias Hola Saludos Meneer Mevrouw Heer Klant Klantenservice Klantenteam
  Bedankt Groeten Signor Signora Signori Servizio Clienti Grazie Ciao Saluti Bonsoir Buongiorno Buonasera Goedemiddag
  Goedemorgen Goedenavond Geachte Gentile Estimado Estimada Hallo Guten Liebe Lieber Beste Buenos Buenas Salve
  Mme Mlle Sr Sra Srta Dhr Mevr Sig Dott Hr`.split(/\s+/),
);
/** Second words that make "First X" a place, street or product rather than a person. */
const NOT_SURNAME = new Set(
  `Street St Road Rd Avenue Ave Lane Drive Close Way Court Place Crescent Terrace Gardens Grove Parkway Square
   Highway Row
  Mews Walk Hill Park Station Airport Centre Center Hospital School College University Bank Store Shop Branch Office
  Pro Max
  Plus Mini Ultra Edition Series Model Watch Phone Pad Air`.split(/\s+/),
);

const GREETING =
  '(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks(?: again| so ' +
  'much)?|[Tt]hank you|[Gg]ood (?:morning|afternoon|evening)|[Mm]orning|' +
  // German, French, Spanish, Dutch, Italian
  '[Hh]allo|Guten (?:Tag|Morgen|Abend)|Liebe[r]?(?! Grüße)|Sehr geehrte[r]?|[Dd]anke(?: schön)?|Vielen Dank|' +
  '[Bb]onjour|[Bb]onsoir|[Ss]alut|[Cc]her|[Cc]hère|[Mm]erci(?: beaucoup)?|' +
  '[Hh]ola|Buen(?:os días|as tardes|as noches)|[Ee]stimad[oa]|[Qq]uerid[oa]|[Gg]racias|' +
  'Goede(?:morgen|middag|navond)|[Bb]este(?! Grüße)|Geachte|[Bb]edankt|[Dd]ank (?:je|u) wel|' +
  '[Cc]iao|Buon(?:giorno|asera)|[Ss]alve|[Gg]entile|[Cc]ar[oa]|[Gg]razie(?: mille)?)';
const SIGN_OFF =
  '(?:[Mm]any thanks|[Cc]heers|(?:[Kk]ind |[Bb]est |[Ww]arm ' +
  ')?[Rr]egards|[Bb]est wishes|[Bb]est|[Ss]incerely|[Aa]ll the ' +
  'best|[Yy]ours(?: sincerely| truly)?|[Tt]a|[Ll]ove|[Tt]hx|' +
  '(?:Mit freundlichen|Freundliche|Viele|Beste|Liebe|Herzliche) Grüße[n]?|Gruß|MfG|LG|' +
  '(?:[Bb]ien )?[Cc]ordialement|[Bb]ien à vous|(?:[Ss]incères )?[Ss]alutations|' +
  '[Ss]aludos(?: cordiales)?|[Uu]n saludo|[Aa]tentamente|[Uu]n abrazo|' +
  '(?:[Mm]et )?[Vv]riendelijke groet(?:en)?|[Gg]roet(?:en|jes)|[Mm]vg|' +
  '(?:[Cc]ordiali|[Dd]istinti) saluti|[Uu]n saluto|[Cc]ordialmente)';
const RELATION =
  '(?:husband|wife|partner|son|daughter|mother|mum|mom|father|dad|brother|sister|colleague|' +
  'manager|friend|neighbou?r|boss|grandson|granddaughter|grandmother|grandfather|grandma|' +
  'grandpa|nan|uncle|aunt|cousin|flatmate|housemate|landlord|landlady|carer|assistant|' +
  'fiancée?|girlfriend|boyfriend|child|nephew|niece|supervisor)';

/** A name asked for and given: "What's your last name? Nielsen", "Name on the account? User: Vilma Holm". */
const NAME_ASKED =
  "\\b[Ww]hat(?:'s|’s| is) (?:your|the) (?:(?:last|first|full|sur|maiden) ?)?name(?: on the account)?\\?" +
  '(?:\\s*(?:User|Customer|Me):)?|\\b(?:[Mm]aiden|[Ll]ast|[Ff]irst|[Ff]ull|[Ss]ur) ?name (?:is|was)|' +
  '\\b[Nn]ame (?:on|in|of) the account (?:is|was)';
/** Speech, and asking to be put through: "says Joly", "shouted at Todd", "follow up with Matheus Araujo". */
const SPEECH =
  '\\b(?:says|said|asked|replied|shouted at|(?:speak|talk|spoke|speaking|talking) (?:to|with)|' +
  '[Ff]ollow(?:ing)? up with|ask(?:ed)? for|(?:was|is) called|named (?:him|her|them))';
/** Titles in German, French, Spanish, Dutch and Italian; those that are abbreviations only count with their dot. */
const TITLE =
  'Herr|Herrn|Frau|Hr|Mme|Mlle|Monsieur|Madame|Mademoiselle|Sr|Sra|Srta|Señor|Señora|Dhr|Mevr|' +
  'Meneer|Mevrouw|Sig|Signor|Signora|Signorina|Dott';
const DOTTED_TITLE = 'M\\.|Sig\\.ra|Sig\\.na|Dott\\.ssa';
/** "My name is" and "Name:" in the same languages. */
const INTRO =
  "\\b[Ii]ch hei(?:ß|ss)e|\\b[Mm]ein Name ist|\\b[Jj]e m['’]appelle|\\b[Mm]on nom est|\\b[Mm]e llamo|" +
  '\\b[Mm]i nombre es|\\b[Mm]ijn naam is|\\b[Ii]k heet|\\b[Mm]i chiamo|\\b[Ii]l mio nome è|' +
  '\\b(?:Nom|Nombre|Naam|Nome)\\s?:';
const EU_RELATION =
  '\\b(?:[Mm]ein(?:e)? (?:Mann|Sohn|Tochter|Kollegin|Kollege|Nachbar(?:in)?|Partner(?:in)?)|' +
  '[Mm]on (?:mari|fils|collègue|voisin)|[Mm]a (?:femme|fille|collègue|voisine)|' +
  '[Mm]i (?:marido|mujer|esposa|hij[oa]|compañer[oa]|vecin[oa])|' +
  '[Mm]ijn (?:man|vrouw|zoon|dochter|collega|buurman|buurvrouw)|' +
  '[Mm]io (?:marito|figlio|collega)|[Mm]ia (?:moglie|figlia|collega))';

/**
 * Cues before the name, as one alternation (one pass over the text); each alternative captures the
 * name in its own group. Groups 1–3 are strong cues (a title, "my name is", a relation): after
 * them even "Will" or "Grace" is a name. Groups 4–6 are weak ("I'm", "Hi", a sign-off): after
 * them a stop word is not. Every alternative starts with `\b`; one more in front of them all lets the engine
 * leave a position inside a word at once, where it would otherwise try each alternative's own `\b` (measured: the
 * search takes a quarter less time).
 */
const CUES = new RegExp(
  `\\b(?:${[
    `(?:\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|${TITLE})\\.?|\\b(?:${DOTTED_TITLE}|mrs?\\.|ms\\.|dr\\.)) ` +
      `((?:${PARTICLE} ){0,2}${FULL})`,
    `(?:\\b[Mm]y name is|\\b[Mm]y name's|\\bName:|${INTRO}|${NAME_ASKED})\\s*(${FULL})`,
    `\\b(?:(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er) ${RELATION}|${EU_RELATION}),? (${FULL})`,
    `(?:\\b[Nn]ame's|\\bI'm|\\bI’m|\\bI am|\\b[Tt]his is|\\b[Cc]all me|${SPEECH})\\s+(${FULL})`,
    `\\b${GREETING},?\\s+(${FULL})`,
    `\\b${SIGN_OFF}(?:,[ \\t]*|[,.!]?[ \\t]*\\n\\s*)(${FULL})`,
  ].join('|')})`,
  'gu',
);
/** Words that even a strong cue cannot turn into a name ("my colleague The …" is a typo, not a person). */
const FUNCTION_WORDS = new Set(
  (
    'I The A An And But Or So Not It This That My Your Our Their His Her ' +
    `We You They He She Mr Mrs Ms Miss Mx Dr Prof Sir Dame ${TITLE.replace(/\|/g, ' ')}`
  ).split(' '),
);
/** "Priya from our returns team": the cue follows the name, so find the cue, then the name before it. */
const CUE_AFTER = / (?:from|at|in|with) (?:your|our|the) (?:[a-z]+ ){0,2}(?:team|department|dept|desk|office)\b/g;
/** "Jacob lives on …", "Todd said", "Amanda's daughter": what only a person does or has. */
const PERSON_AFTER = new RegExp(`(?: (?:lives (?:at|on|in)|had given|said|shouted at)|['’]s ${RELATION})\\b`, 'g');
const NAME_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${FULL})$`, 'u');
/**
 * NAME_BEFORE over the 80 characters before `at`, searched only from where the name could start at the earliest: a
 * name holds letters, apostrophes, hyphens and at most eight spaces (three words, three particles between each two),
 * and the search from each earlier place, each failing at the end of the text, was most of its cost.
 */
function nameBefore(text: string, at: number): RegExpExecArray | null {
  const limit = Math.max(0, at - 80);
  let from = at;
  for (let spaces = 0; from > limit; from--) {
    const c = text.charCodeAt(from - 1);
    if (c === 32 ? ++spaces > 8 : c < 128 && c !== 39 && c !== 45 && ((c | 32) < 97 || (c | 32) > 122)) break;
  }
  // From there `^` stands for the character that stopped the walk.
  return NAME_BEFORE.exec(text.slice(from, at));
}
/**
 * Addressed by name at the start of a line: "Bryce, can I speak to your boss?". Apart from CUES, behind a cheap
 * check, since a line-start alternative there slowed the whole alternation (one measurement, on a loaded machine).
 */
const VOCATIVE = new RegExp(`(?:^|\\n)(${WORD})(?=,[ \\t](?:can|could|would|will|please|thanks|thank you|I)\\b)`, 'gu');
/**
 * A capital and the small letters after it. It is a capitalised word when no letter or digit stands before it, which
 * capitalisedNames asks itself rather than by a look-behind here: it looks after every such run, names' last words
 * included, for what VOCATIVE, CUE_AFTER and PERSON_AFTER need. The word after a capitalised word is examined only
 * when it could complete a name (SURNAME_AFTER, sticky).
 */
const CAPITALISED = /\p{Lu}\p{Ll}+/gu;
const SURNAME_AFTER = new RegExp(` ((\\p{Lu}\\.? )?(?:${PARTICLE} ){0,3}${WORD})`, 'uy');
/** Words a capital letter follows as a label, not as a middle initial ("Plan B Premium", "Gate C Lounge"). */
const LABELLED_BY_LETTER = new Set(
  (
    'Plan Type Vitamin Model Version Series Section Part Level Tier Grade Class Option Size Gate Terminal ' +
    'Block Building Wing Floor Room Zone Phase Stage Group Appendix Exhibit Schedule Form Channel Track Side'
  ).split(' '),
);
/** First words of place names that end in a surname ("Santa Cruz", "Fort Lee", "Mount Wilson"). */
const PLACE_WORDS = new Set(
  (
    'San Santa Santo São Sao Saint St Fort Port Mount Mt Lake Glen Cape ' +
    'Costa Puerto Porto Los Las El La Le New North South East West Upper ' +
    'Lower Great Little'
  ).split(' '),
);
/**
 * Upper case, non-ASCII, or the first letter of a particle (van, de, la, bin, al, ter…): most next words are none of
 * these.
 */
function mayStartSurname(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    c > 127 ||
    c === 118 ||
    c === 100 ||
    c === 108 ||
    c === 98 ||
    c === 105 ||
    c === 97 ||
    c === 101 ||
    c === 116
  );
}
/**
 * Sentence starts: a first name alone there is too often something else to count. As `/(?:^|[.!?:;"“\n]\s*)$/` tests
 * the three characters before the word, without slicing them off (this runs for most capitalised words).
 */
function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 3; i--) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 8220 || c === 10) return true;
    if (!isSpace(c)) return false;
  }
  return start === 0;
}
/** Month abbreviations that are also first names ("Jun", "Jan"): beside a number they are dates. */
const MONTH_ABBREVIATIONS = new Set('Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '));
/** A digit, with only spaces, commas or dots between, in the three characters before `start` or after `end`. */
function besideNumber(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 3; i--) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c !== 32 && c !== 44 && c !== 46) break;
  }
  for (let i = end; i < text.length && i < end + 3; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c !== 32 && c !== 44 && c !== 46) break;
  }
  return false;
}
/**
 * A model code after a word makes it a brand, not a person: "Dyson V11", "Galaxy S23"; and a lexicon name beside a
 * number is a place in an address ("69007 Lyon") more often than a person.
 */
const MODEL_AFTER = /^ [\p{L}-]*\d/u;
const modelAfter = (text: string, end: number) =>
  text.charCodeAt(end) === 32 && MODEL_AFTER.test(text.slice(end, end + 8));
/** "my name is sarah": lower case, but a known first name right after the strongest cue. */
const LOWER_INTRO = /\bmy name is (\p{Ll}+)/gu;

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Where the word of `name` starting at `from` ends: at the next space, or at `end`. */
function wordEnd(name: string, from: number, end: number): number {
  const space = name.indexOf(' ', from);
  return space === -1 || space > end ? end : space;
}

/**
 * Trims stop words (and a possessive "'s") off a candidate; returns its [start, end) or null.
 * `lead`: what to do with a stop word in front — 'strip' it, 'reject' the candidate, or 'strong'
 * (reject only a function word).
 */
function clean(name: string, start: number, lead: 'strip' | 'reject' | 'strong'): [number, number] | null {
  const last = name.length - 1;
  const possessive = last > 0 && name[last] === 's' && (name[last - 1] === "'" || name[last - 1] === '’');
  const end = possessive ? last - 1 : name.length;
  // The words as `split(' ')` gives them, walked by index: no array, and no copy of a word that is not looked up
  // (this runs for every cue).
  let a = 0;
  let b = wordEnd(name, a, end);
  // One word, as most names after a cue are.
  if (b === end)
    return (lead === 'strong' ? FUNCTION_WORDS : STOP).has(name.slice(0, end)) ? null : [start, start + end];
  while (lead === 'strip' && STOP.has(name.slice(a, b))) {
    if (b === end) return null;
    a = b + 1;
    b = wordEnd(name, a, end);
  }
  if ((lead === 'strong' ? FUNCTION_WORDS : STOP).has(name.slice(a, b))) return null;
  let z = end;
  for (let y = name.lastIndexOf(' ', z - 1) + 1; y > a; y = name.lastIndexOf(' ', z - 1) + 1) {
    const word = name.slice(y, z);
    if (!STOP.has(word) && !PARTICLES.has(word)) break;
    z = y - 1;
  }
  return [start + a, start + z];
}

function push(out: Entity[], span: [number, number] | null): void {
  if (span) out.push({ type: 'PERSON', start: span[0], end: span[1] });
}

export function detectCuedNames(
  text: string,
  out: Entity[],
  lower = text.toLowerCase(),
  facts: TextFacts = scanFacts(text),
): void {
  const from = out.length;
  // Every pattern but LOWER_INTRO needs a capital before a small letter, CUES one after its cue.
  if (facts.nameStart) capitalisedNames(text, out, facts.nameStartAfterCue);
  if (lower.includes('my name is'))
    eachMatch(LOWER_INTRO, text, (m) => {
      if (FIRST_NAMES.has(capitalise(m[1]!)))
        out.push({ type: 'PERSON', start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length });
    });
  if (out.length > from) alsoNames(text, out, from);
}

/** A name after a cue; CUES goes on from the name itself. */
function cuedName(out: Entity[], m: RegExpExecArray): void {
  let group = 1;
  while (m[group] === undefined) group++;
  const name = m[group]!;
  const start = m.index + m[0].length - name.length;
  push(out, clean(name, start, group <= 3 ? 'strong' : 'reject'));
  // Go on from the name itself: in "Thanks, Mr Smith" the title cue starts inside this match.
  CUES.lastIndex = start;
}

/** What the small word lists say about a word, as bits. */
const FIRST = 1;
const STOP_WORD = 2;
const SURNAME = 4;
const NOT_A_SURNAME = 8;
const PLACE = 16;
const MONTH = 32;
const LABEL = 64;
/**
 * The small word lists as one table, built once: a capitalised word is asked about up to six of them, and one lookup
 * answers all. The large lexicons are asked only where a word's role needs them (name-lexicon.ts keeps those
 * lookups cheap). Nothing a customer wrote is kept between turns.
 */
const WORD_KINDS = new Map<string, number>();
for (const [list, bit] of [
  [FIRST_NAMES, FIRST],
  [STOP, STOP_WORD],
  [SURNAMES, SURNAME],
  [NOT_SURNAME, NOT_A_SURNAME],
  [PLACE_WORDS, PLACE],
  [MONTH_ABBREVIATIONS, MONTH],
  [LABELLED_BY_LETTER, LABEL],
] as const)
  for (const w of list) WORD_KINDS.set(w, (WORD_KINDS.get(w) ?? 0) | bit);
const kindOf = (word: string) => WORD_KINDS.get(word) ?? 0;

/**
 * Gazetteer pairs for one capitalised word: "First Anything", "Anyone Surname", "Anyone X. Anything"; and a known first
 * name alone when it does not start a sentence ("I spoke to Priya yesterday").
 */
function capitalisedWord(text: string, out: Entity[], m: RegExpExecArray): void {
  const word = m[0];
  const end = m.index + word.length;
  const kind = kindOf(word);
  const isFirst = (kind & FIRST) !== 0;
  // A stop word starts no pair and is no name alone unless a common first name ("May"): most capitalised words
  // start sentences ("Thanks", "Could"), and the large lexicon need not be asked about them.
  if (kind & STOP_WORD && !isFirst) return;
  const isGiven = isFirst || isLexiconGivenName(word);
  if (!(kind & STOP_WORD) && text.charCodeAt(end) === 32 && mayStartSurname(text.charCodeAt(end + 1))) {
    SURNAME_AFTER.lastIndex = end;
    const after = SURNAME_AFTER.exec(text);
    if (after) {
      const pair = after[1]!;
      const lastWord = pair.slice(pair.lastIndexOf(' ') + 1);
      const last = kindOf(lastWord);
      if (last & NOT_A_SURNAME) return; // "Albert Road", "Victoria Station"
      if (!(last & STOP_WORD)) {
        const initial = after[2] !== undefined && (after[2].includes('.') || !(kind & LABEL));
        if (isGiven || initial || (!(kind & PLACE) && (last & SURNAME || isLexiconSurname(lastWord)))) {
          // As clean would trim it: the first word is no stop word, the last neither, nor a particle (it has a
          // capital); only a possessive "'s" needs clean.
          const p = pair.length - 1;
          if (pair[p] === 's' && (pair[p - 1] === "'" || pair[p - 1] === '’'))
            push(out, clean(`${word} ${pair}`, m.index, 'reject'));
          else out.push({ type: 'PERSON', start: m.index, end: end + 1 + pair.length });
          return;
        }
      }
    }
  }
  if (kind & MONTH && besideNumber(text, m.index, end)) return;
  // A stop word here is a first name: the rest is asked of the others.
  const lone = isFirst || (isGiven && !modelAfter(text, end) && !besideNumber(text, m.index, end));
  if (lone && !startsSentence(text, m.index)) push(out, [m.index, end]);
}

/** The code point before `at` is a letter or a digit, as CAPITALISED's look-behind read it; ASCII without a regex. */
function letterOrDigitBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  return c < 128
    ? isAsciiLetter(c) || (c >= 48 && c <= 57)
    : LETTER_OR_DIGIT_AT_END.test(text.slice(Math.max(0, at - 2), at));
}
const LETTER_OR_DIGIT_AT_END = /[\p{L}\p{N}]$/u;

/** What may follow a name's last word, as bits: ", can" (VOCATIVE), " from our" (CUE_AFTER), " said" (PERSON_AFTER). */
const VOCATIVE_NEXT = 1;
const TEAM_NEXT = 2;
const PERSON_NEXT = 4;
const startsAny = (text: string, at: number, words: readonly string[]) => words.some((w) => text.startsWith(w, at));
/**
 * Which of VOCATIVE, CUE_AFTER and PERSON_AFTER may find a name whose last word holds the run of a capital and small
 * letters [start, end). Each finds a name only right before its own words, and a name's last word (WORD) starts with
 * such a run (after "O'" the second capital's) and goes on over letters, apostrophes and hyphens: past those (and
 * anything beyond ASCII) from `end` stands what follows the word. This replaces three searches of the lower-cased text
 * for the hints' words: on the bench corpus 13% of the texts with a capital pass it, 23% passed them.
 */
function nextToName(text: string, start: number, end: number): number {
  let at = end;
  while (mayEndWord(text.charCodeAt(at))) at++;
  const c = text.charCodeAt(at);
  if (c === 44) {
    // At a line start (the run's capital may follow "O'", itself astral), then ", can", ",\tplease"…
    const n = text.charCodeAt(at + 1);
    const lineStart = start < 4 || text[start - 1] === '\n' || text[start - 3] === '\n' || text[start - 4] === '\n';
    return lineStart && (n === 32 || n === 9) && startsAny(text, at + 2, VOCATIVE_WORDS) ? VOCATIVE_NEXT : 0;
  }
  if (c !== 32) return 0;
  const possessive =
    text.charCodeAt(at - 1) === 115 && (text.charCodeAt(at - 2) === 39 || text.charCodeAt(at - 2) === 8217);
  const word = at + 1;
  // The first letter of the next word settles most: f, a, i, w for CUE_AFTER; l, h, s for PERSON_AFTER.
  const f = text.charCodeAt(word);
  if (f === 102 || f === 97 || f === 105 || f === 119) {
    const article = f === 102 || f === 119 ? word + 5 : word + 3;
    const team = startsAny(text, word, TEAM_VERBS) && startsAny(text, article, TEAM_ARTICLES);
    return (team ? TEAM_NEXT : 0) | (possessive ? PERSON_NEXT : 0);
  }
  return possessive || ((f === 108 || f === 104 || f === 115) && startsAny(text, word, PERSON_VERBS)) ? PERSON_NEXT : 0;
}
const VOCATIVE_WORDS = ['can', 'could', 'would', 'will', 'please', 'thank', 'I'];
const TEAM_VERBS = ['from ', 'at ', 'in ', 'with '];
const TEAM_ARTICLES = ['your ', 'our ', 'the '];
const PERSON_VERBS = ['lives ', 'had given', 'said', 'shouted at'];

function capitalisedNames(text: string, out: Entity[], afterCue: boolean): void {
  if (afterCue) {
    CUES.lastIndex = 0;
    for (let m = CUES.exec(text); m !== null; m = CUES.exec(text)) cuedName(out, m);
  }
  // The two most frequent searches loop here rather than through eachMatch's callback: one call site, one function
  // (measured: about 1% of the masking time each). Neither pattern matches empty.
  let next = 0;
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m !== null; m = CAPITALISED.exec(text)) {
    if (!letterOrDigitBefore(text, m.index)) capitalisedWord(text, out, m);
    next |= nextToName(text, m.index, m.index + m[0].length);
  }
  if (next & VOCATIVE_NEXT)
    eachMatch(VOCATIVE, text, (m) => {
      const start = m.index + m[0].length - m[1]!.length;
      push(out, clean(m[1]!, start, 'reject'));
    });
  if (next & TEAM_NEXT)
    eachMatch(CUE_AFTER, text, (m) => {
      const before = nameBefore(text, m.index);
      if (before) push(out, clean(before[1]!, m.index - before[1]!.length, 'strip'));
    });
  if (next & PERSON_NEXT)
    eachMatch(PERSON_AFTER, text, (m) => {
      const before = nameBefore(text, m.index);
      if (before) push(out, clean(before[1]!, m.index - before[1]!.length, 'reject'));
    });
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** LETTER_OR_DIGIT for one UTF-16 unit, answering ASCII without the regex. */
function isLetterOrDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(ch);
}
/** A character a WORD may start with (a capital) or end with (a letter, an apostrophe, a hyphen); beyond ASCII, any. */
const mayStartWord = (c: number) => (c >= 65 && c <= 90) || c > 127;
const mayEndWord = (c: number) => isAsciiLetter(c) || c === 39 || c === 45 || c > 127;
/**
 * What NEXT_IN_LIST and PREVIOUS_IN_LIST need right after / before a name: ", " or " and ", and a word beyond. Most
 * names have neither; a name before a comma ("Hi Bob, can …") has no capital after it.
 */
const listFollows = (text: string, end: number) =>
  text[end] === ','
    ? text[end + 1] === ' ' &&
      (mayStartWord(text.charCodeAt(end + 2)) ||
        (text.startsWith('and ', end + 2) && mayStartWord(text.charCodeAt(end + 6))))
    : text.startsWith(' and ', end) && mayStartWord(text.charCodeAt(end + 5));
const listPrecedes = (text: string, start: number) =>
  text[start - 1] === ' ' &&
  (text[start - 2] === ','
    ? mayEndWord(text.charCodeAt(start - 3))
    : start >= 6 && text.startsWith(' and ', start - 5) && mayEndWord(text.charCodeAt(start - 6)));
const NEXT_IN_LIST = new RegExp(`^(?:,? and |, )(${WORD})(?![\\p{L}'’-])`, 'u');
const PREVIOUS_IN_LIST = new RegExp(`(?:^|[^\\p{L}])(${WORD})(?:,| and) $`, 'u');

/** `w[0] !== w[0].toLowerCase()`, answering ASCII without a string. */
function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : w[0] !== w[0]!.toLowerCase();
}

function sameSpanBefore(out: Entity[], from: number, i: number): boolean {
  const e = out[i]!;
  for (let j = from; j < i; j++)
    if (out[j]!.start === e.start && out[j]!.end === e.end && out[j]!.type === e.type) return true;
  return false;
}

/**
 * What the names found in a text tell about the rest of it: a part of one found name is a name wherever else it
 * stands capitalised ("directed by Joakim Westgård and starring Westgård"), and so is a capitalised word listed
 * beside one ("Matheus, Janet, Kevin and Terri").
 */
function alsoNames(text: string, out: Entity[], from: number): void {
  const parts = new Set<string>();
  const found = out.length;
  for (let i = from; i < found; i++) {
    const e = out[i]!;
    // The cues and the gazetteers often find the same span: what it tells was told the first time.
    if (e.type !== 'PERSON' || sameSpanBefore(out, from, i)) continue;
    // The span's words, as split(' ') would give them, without the array.
    for (let a = e.start, b = a; a <= e.end; a = b + 1) {
      b = text.indexOf(' ', a);
      if (b === -1 || b > e.end) b = e.end;
      if (b - a < 3) continue;
      const w = text.slice(a, b);
      if (startsUpper(w) && !STOP.has(w) && !PARTICLES.has(w)) parts.add(w);
    }
    for (let end = e.end, next = listFollows(text, end) ? NEXT_IN_LIST.exec(text.slice(end, end + 60)) : null; next; ) {
      const word = next[1]!;
      if (STOP.has(word)) break;
      const start = end + next[0].length - word.length;
      out.push({ type: 'PERSON', start, end: start + word.length });
      end = start + word.length;
      next = listFollows(text, end) ? NEXT_IN_LIST.exec(text.slice(end, end + 60)) : null;
    }
    for (
      let start = e.start,
        prev = listPrecedes(text, start) ? PREVIOUS_IN_LIST.exec(text.slice(Math.max(0, start - 60), start)) : null;
      prev;
    ) {
      const word = prev[1]!;
      if (STOP.has(word)) break;
      start = start - prev[0].length + prev[0].indexOf(word);
      out.push({ type: 'PERSON', start, end: start + word.length });
      prev = listPrecedes(text, start) ? PREVIOUS_IN_LIST.exec(text.slice(Math.max(0, start - 60), start)) : null;
    }
  }
  for (const w of parts)
    for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + 1)) {
      const end = i + w.length;
      if (isLetterOrDigit(text[i - 1]) || isLetterOrDigit(text[end])) continue;
      out.push({ type: 'PERSON', start: i, end });
    }
}
