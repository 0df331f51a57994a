/**
 * Contact points: e-mail addresses, phone numbers, IP addresses.
 * Phones are the hard part: a loose pattern proposes a run of digit groups, and a validator keeps
 * only the shapes numbering plans use (E.164 with "+", NANP 3-3-4, trunk-0 national numbers of
 * 9–12 digits, Indian 5-5 and Spanish 3-3-3 mobiles, a bracketed area code) — or any 7–15 digits
 * right after "phone", "call", "tel"… — so dates, versions, prices and order numbers fail.
 */
import type { Entity } from './types.js';
import { countDigits, eachMatch, isAsciiLetter, isDigit, isSpace, scanFacts, type TextFacts } from './scan.js';

/**
 * An address, matched from its "@" (sticky): the local part is read backwards by the look-behind, which captures
 * it, and must start where no letter, digit or "._%+-" stands before it. Searching from each "@" costs less than
 * trying that start at every character of the text.
 */
const EMAIL_AT = new RegExp(
  String.raw`(?<=(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}](?:[\p{L}\p{N}._%+-]*[\p{L}\p{N}_%+-])?))` +
    String.raw`@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}_-])`,
  'uy',
);

/**
 * The addresses in a text, as `/(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}](?:[\p{L}\p{N}._%+-]*[\p{L}\p{N}_%+-])?@…/gu`
 * would find them in an exec loop: each holds one "@", and one starts no earlier than the one before ends.
 */
export function detectEmails(text: string, out: Entity[]): void {
  let after = 0; // where the last address ended
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    EMAIL_AT.lastIndex = at;
    const m = EMAIL_AT.exec(text);
    if (m === null) continue;
    const start = at - m[1]!.length;
    if (start < after) continue;
    after = at + m[0].length;
    out.push({ type: 'EMAIL', start, end: after });
  }
}

// ---------- phones ----------

/**
 * Digit groups joined by one separator (space, dot, dash, slash; only a dash may have spaces
 * around it: "00 . 07000…" is two things) or by parentheses. Each group is a maximal digit run
 * and every repetition starts with a non-digit, so matching is linear. A run must not start
 * inside a longer number ("…12 3456") or a word, URL, e-mail or version.
 */
const PHONE = new RegExp(
  String.raw`(?<![\w+@/.:-]|\d[ ./-])(?:\+ ?|\b00 ?)?(?:\(\d{1,5}\)|\d+)(?:(?: ?- ?|[./]|` +
    String.raw` )(?:\(\d{1,5}\)|\d+)|\(\d{1,5}\)|(?<=\))\d+)*`,
  'g',
);
/** Shapes numbering plans use without a "+" or a trunk 0, as one test (each alternative spans the whole run). */
const NATIONAL_SHAPES = new RegExp(
  `^(?:${[
    /(?:1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}/, // NANP 3-3-4 (and Italian mobiles)
    /[6-9]\d{4}[ -]\d{5}/, // Indian mobiles 5-5
    /[6-9]\d{2} \d{3} \d{3}/, // Spanish and Portuguese 3-3-3
    /\(\d{2,4}\) ?\d{3,5}[ -]\d{3,4}/, // "(71) 4233-6306": a bracketed area code
    /[6-9]\d{2}(?: \d{2}){3}|[89]\d \d{3} \d{2} \d{2}/, // Spanish "612 34 56 78", "91 123 45 67"
    /3\d{2}[ .-]\d{6,7}/, // Italian mobiles "333 1234567"
  ]
    .map((re) => re.source)
    .join('|')})$`,
);
/** After words that say "phone", any run of 7–15 digits is one ("Tel: 467 3395", "call 4155550132"). */
const PHONE_CUE = new RegExp(
  String.raw`\b(?:phone|tel|telephone|mobile|cell|fax|whatsapp|call|ring|text me|reach me|(?:phone|` +
    'mobile|cell|contact|my) number(?: is)?|' +
    // German, French, Spanish, Dutch, Italian
    'telefon(?:nummer)?|handy(?:nummer)?|mobil(?:nummer)?|rufnummer|festnetz|anrufen|erreichbar|' +
    't[ée]l[ée]phone|portable|joignable|appel(?:ez|er)|rappeler|tel[ée]fono|m[óo]vil|llamar|' +
    'll[áa]m(?:e|ame)|telefoonnummer|mobiel(?:e nummer)?|bellen|bel me|telefono|cellulare|chiama(?:re|mi)|' +
    String.raw`(?:mein|meine|mon|mi|mijn|il mio) (?:nummer|num[ée]ro|n[úu]mero))\b[^\n\d]{0,20}$`,
  'i',
);
/**
 * National-format digits right after "tracking", "ref", "invoice"… are that reference, whatever
 * their shape ("Tracking says 0522 0136 5098"). Not "order": "my order, 07700 900123" is more
 * likely a phone, and a leaked phone costs more than a masked order number. A "+" number is
 * always a phone.
 */
const NOT_PHONE_CUE = new RegExp(
  String.raw`\b(?:tracking|ref(?:erence)?|invoice|case|ticket|consignment|serial|part|sku|` +
    // the same words, and the "…number" compounds for orders and customers, in DE, FR, ES, NL, IT
    String.raw`(?:sendungs|rechnungs|kunden|bestell|auftrags|vorgangs|ticket|serien|artikel)(?:nummer|-?nr\.?)|` +
    'rechnung|referenz|aktenzeichen|sendung|facture|r[ée]f[ée]rence|suivi|colis|dossier|' +
    'num[ée]ro de (?:commande|client)|factura|referencia|seguimiento|env[íi]o|expediente|' +
    'n[úu]mero de (?:pedido|cliente)|(?:bestel|order|factuur|klant|zending|volg)nummer|factuur|referentie|' +
    String.raw`zending|fattura|riferimento|spedizione|pratica|numero d['i] ?(?:ordine|cliente))\b` +
    String.raw`(?:\s+(?:no\.?|number|#|id|code|is|was|says|shows|nr\.?|ist|lautet|est|es|è|n[°º]))*[\s:#.°º-]*$`,
  'i',
);
/** The tail of an IBAN-shaped token ("IE71 HRZZ 0319 …"): a checksum-failing IBAN is not a phone. */
const IBAN_TAIL = /[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})+ ?$/i;

/**
 * Whether IBAN_TAIL may match the text before a run at `start`: it ends in four ASCII letters or digits and a space
 * (a run follows no letter or digit). Most phones follow a word of three letters or fewer, or a colon.
 */
function ibanTailMayEnd(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 32) return false;
  for (let i = start - 5; i < start - 1; i++) {
    const c = text.charCodeAt(i); // NaN before the start
    if (!isAsciiLetter(c) && !(c >= 48 && c <= 57)) return false;
  }
  return true;
}

/**
 * Trunk-0 national numbers (UK, DE, FR, AU, IN landlines): 9–12 digits in sensible groups. `s` is a run of `count`
 * digits in groups (see PHONE), without a "+"; its groups and separators are read in one pass.
 */
function nationalTrunk(s: string, count: number): boolean {
  if (count < 9 || count > 12) return false;
  let groups = 0;
  let first = 0; // digits in the first group
  let short = false; // a group of one digit
  let run = 0;
  let space = false;
  let dash = false;
  let dot = false;
  let slash = false;
  for (let i = 0; i <= s.length; i++) {
    const c = s.charCodeAt(i); // NaN one past the end
    if (isDigit(c)) {
      run++;
      continue;
    }
    if (run > 0) {
      if (++groups === 1) first = run;
      if (run < 2) short = true;
      run = 0;
    }
    if (c === 32) space = true;
    else if (c === 45) dash = true;
    else if (c === 46) dot = true;
    else if (c === 47) slash = true;
  }
  // German mobiles written solid are 12 digits ("015112345678").
  if (groups === 1) return count === 10 || count === 11 || /^01[5-7]\d{9}$/.test(s);
  if (dot) return /^0\d(?:\.\d\d){4}$/.test(s); // French style 01.42.68.53.00
  if (slash && !/^\(?0\d{1,4}\)?\/[^/]+$/.test(s)) return false; // only "030/901820", one slash
  if (space && dash) return false; // "01-03-2024 10" mixes separators
  if (groups === 3 && /^\d{3}-\d{2}-\d{4}$/.test(s)) return false; // the SSN shape
  return first >= 2 && first <= 5 && groups <= 5 && !short;
}

/**
 * Whether `s`, holding `count` digits, is a shape a numbering plan uses. Each shape holds at least 8 digits, so the
 * count is asked before any pattern.
 */
function phoneShape(s: string, count: number): boolean {
  if (s.charCodeAt(0) === 43 || s.startsWith('00')) {
    // The digits, less a "(0)" ("+44 (0)20 …") and the "00" that stands for "+".
    const n = count - (s.includes('(0)') ? 1 : 0) - (s.startsWith('00') ? 2 : 0);
    return n >= 8 && n <= 15;
  }
  // Every national shape holds 8–13 digits and a trunk number 9–12: most runs fail here, before six patterns.
  if (count < 8 || count > 13) return false;
  // Every national shape has a separator: a run of digits alone is at most a trunk number. None starts with a trunk
  // 0, and those that do not start with a bracketed area code hold 9–11 digits: most dates and card numbers fail here.
  const first = s.charCodeAt(0);
  if (count < s.length && first !== 48 && (first === 40 || (count >= 9 && count <= 11)) && NATIONAL_SHAPES.test(s))
    return true;
  // A national run starts with a digit or a bracketed area code: only a trunk 0 is left to try.
  if (s.charCodeAt(first === 40 ? 1 : 0) !== 48) return false;
  return nationalTrunk(s, count);
}

/**
 * Where a run's last group (digits, or digits in brackets) and the separator before it start, and how many digits
 * that group holds: what `/(?: ?- ?|[./]| )?(?:\(\d{1,5}\)|\d+)$/` would cut, read from the end.
 */
function lastGroup(s: string): { start: number; digits: number } {
  let i = s.length - 1;
  const bracket = s.charCodeAt(i) === 41;
  if (bracket) i--;
  while (i >= 0 && isDigit(s.charCodeAt(i))) i--;
  const digits = s.length - 1 - i - (bracket ? 1 : 0);
  if (bracket) i--; // onto the character before "("
  // The longest separator that ends there: " - ", "- ", " -", or one of "-./ ".
  const c = s.charCodeAt(i);
  if (c === 32 && s.charCodeAt(i - 1) === 45) i -= s.charCodeAt(i - 2) === 32 ? 2 : 1;
  else if (c === 45 && s.charCodeAt(i - 1) === 32) i--;
  else if (c !== 32 && c !== 45 && c !== 46 && c !== 47) i++;
  return { start: i, digits };
}

export function detectPhones(text: string, out: Entity[]): void {
  eachMatch(PHONE, text, (m) => {
    const run = m[0];
    if (run.length < 7) return;
    const digits = countDigits(run);
    if (digits < 7) return;
    const start = m.index;
    // A run may have picked up a following number ("… 0018 2 times"): drop trailing groups
    // until a numbering-plan shape fits. Once fewer than 8 digits are left, none can.
    let s = run;
    let count = digits;
    let shaped = phoneShape(s, count);
    for (let tries = 0; tries < 3 && !shaped && count >= 8; tries++) {
      const last = lastGroup(s);
      s = s.slice(0, last.start);
      count -= last.digits;
      shaped = count >= 8 && phoneShape(s, count);
    }
    if (!shaped && digits > 15) return;
    const before = text.slice(Math.max(0, start - 40), start);
    if (!shaped && !PHONE_CUE.test(before)) return;
    // What the words before rule out is asked last: most runs (dates, prices, order numbers) fail the shape already.
    if (
      (ibanTailMayEnd(text, start) && IBAN_TAIL.test(before)) ||
      (text.charCodeAt(start) !== 43 && NOT_PHONE_CUE.test(before))
    )
      return;
    out.push({ type: 'PHONE', start, end: start + (shaped ? s : run).length });
  });
}

// ---------- IP addresses ----------

// The first digit, then what stands before it: a pattern that starts with `\d` lets the engine skip to digits.
const IPV4 = /\d(?<![\w.]\d|\d\.\d)\d{0,2}(?:\.\d{1,3}){3}(?![\w]|\.\d)/g;
/** "version 1.2.3.4", "build 10.0.19045.2965", "v1.2.3.4" (caught by the lookbehind) are versions. */
const VERSION_CUE = /\b(?:version|ver\.?|build|release|firmware|update|v)\s*$/i;
/** Whether each of the dotted octets (1–3 digits each, as IPV4 takes them) is at most 255. */
function octetsValid(ip: string): boolean {
  let octet = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    octet = c === 46 ? 0 : octet * 10 + c - 48;
    if (octet > 255) return false;
  }
  return true;
}

/**
 * Whether a VERSION_CUE may end in the 12 characters before `at`: past the spaces there, the last of "version",
 * "ver.", "build", "release", "firmware", "update" or "v" (most addresses follow "from", "IP", ":"); the pattern
 * costs more than this look.
 */
function versionCueMayEnd(text: string, at: number): boolean {
  const from = Math.max(0, at - 12);
  let i = at - 1;
  while (i >= from && isSpace(text.charCodeAt(i))) i--;
  if (i < from) return false;
  const c = text.charCodeAt(i) | 32; // lower case for a letter; "." stays as it is
  return c === 110 || c === 114 || c === 46 || c === 100 || c === 101 || c === 118;
}

/** Full or "::"-compressed groups; validated below, since the pattern alone also fits times. */
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:]|\.\d)/g;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

function ipv6Valid(s: string): boolean {
  const dbl = s.indexOf('::');
  if (dbl === -1) {
    const parts = s.split(':');
    return parts.length === 8 && parts.every((p) => HEX_GROUP.test(p));
  }
  if (s.indexOf('::', dbl + 1) !== -1) return false;
  const head = s.slice(0, dbl);
  const tail = s.slice(dbl + 2);
  const parts = [...(head ? head.split(':') : []), ...(tail ? tail.split(':') : [])];
  // At least two groups: "::1" and "fe80::" identify no one.
  return parts.length >= 2 && parts.length <= 7 && parts.every((p) => HEX_GROUP.test(p));
}

export function detectIps(text: string, out: Entity[], facts: TextFacts = scanFacts(text)): void {
  if (facts.dottedQuad) {
    eachMatch(IPV4, text, (m) => {
      if (
        !octetsValid(m[0]) ||
        (versionCueMayEnd(text, m.index) && VERSION_CUE.test(text.slice(Math.max(0, m.index - 12), m.index)))
      )
        return;
      out.push({ type: 'IP', start: m.index, end: m.index + m[0].length });
    });
  }
  if (colonChain(text))
    eachMatch(IPV6, text, (m) => {
      if (ipv6Valid(m[0])) out.push({ type: 'IP', start: m.index, end: m.index + m[0].length });
    });
}

const isHex = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);

/**
 * Whether two colons stand with at most four hex digits between them, as every IPV6 match has; a time ("10:30") has
 * one colon, and a greeting and a time ("Hi: … 10:30") two far apart.
 */
function colonChain(text: string): boolean {
  for (let prev = text.indexOf(':'), next = prev; prev !== -1; prev = next) {
    next = text.indexOf(':', prev + 1);
    if (next === -1 || next - prev > 5) continue;
    let i = prev + 1;
    while (i < next && isHex(text.charCodeAt(i))) i++;
    if (i === next) return true;
  }
  return false;
}
