/**
 * Check digits and allocation rules: they turn "looks like a number of that kind" into "is one",
 * which is what keeps order references and part numbers out of the masked types.
 */

/** Luhn (mod 10) over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** IBAN lengths by country (SWIFT IBAN registry); an unknown country is not an IBAN. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

/** ISO 13616 mod-97 check of an IBAN without spaces, upper case. */
export function ibanValid(iban: string): boolean {
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

/** SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/**
 * HMRC NINO prefix rules: first letter not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V;
 * and BG, GB, KN, NK, NT, TN, ZZ are never allocated. The suffix is A–D.
 */
const NINO_BANNED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
export function ninoValid(prefix: string, suffix: string): boolean {
  const [a = '', b = ''] = prefix;
  return (
    !'DFIQUV'.includes(a) && !'DFIOQUV'.includes(b) && !NINO_BANNED_PREFIXES.has(prefix) && 'ABCD'.includes(suffix)
  );
}

// ---------- European national identifiers ----------

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;
const allDigits = (s: string) => /^\d+$/.test(s);

/**
 * German tax ID (Steuerliche Identifikationsnummer): 11 digits, no leading 0; among the first ten,
 * exactly one digit occurs twice or three times (never three in a row) and the others at most once;
 * the last is an ISO 7064 MOD 11,10 check digit.
 */
export function deTaxIdValid(s: string): boolean {
  if (s.length !== 11 || !allDigits(s) || s[0] === '0') return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[digitAt(s, i)]!++;
  const repeated = counts.filter((n) => n > 1);
  if (repeated.length !== 1 || repeated[0]! > 3 || /(\d)\1\1/.test(s.slice(0, 10))) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    const sum = (digitAt(s, i) + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === digitAt(s, 10);
}

/** ICAO 9303 character values: digits as themselves, A = 10 … Z = 35. */
const icaoValue = (c: number) => (c <= 57 ? c - 48 : c - 55);

/** ICAO 9303 check digit (weights 7, 3, 1) of upper-case digits and letters. */
export function icaoCheckDigit(s: string): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += icaoValue(s.charCodeAt(i)) * [7, 3, 1][i % 3]!;
  return sum % 10;
}

/** The letters a German ID card (Personalausweis, since 2010) number may contain: no vowels, no B, D, Q, S. */
export const DE_ID_LETTERS = 'CFGHJKLMNPRTVWXYZ';
const DE_ID_SERIAL = new RegExp(`^[${DE_ID_LETTERS}][${DE_ID_LETTERS}0-9]{8}$`);

/** A German ID card number: the 9-character serial, and when written with it, its ICAO check digit. */
export function deIdCardValid(s: string): boolean {
  const serial = s.slice(0, 9);
  if (!DE_ID_SERIAL.test(serial) || !/\d/.test(serial)) return false;
  if (s.length === 9) return true;
  return s.length === 10 && icaoCheckDigit(serial) === digitAt(s, 9);
}

/**
 * French NIR (numéro de sécurité sociale): sex, year, month, département (2A/2B for Corsica), commune,
 * order, then the key 97 − (n mod 97), where Corsica's 2A and 2B count as 19 and 18.
 */
export function frNirValid(s: string): boolean {
  if (s.length !== 15 || !/^[12378]\d{4}(?:\d\d|2[AB])\d{8}$/.test(s)) return false;
  const month = Number(s.slice(3, 5));
  if (month === 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - mod97Digits(body) === Number(s.slice(13));
}

function mod97Digits(digits: string): number {
  let rem = 0;
  for (let i = 0; i < digits.length; i++) rem = (rem * 10 + digitAt(digits, i)) % 97;
  return rem;
}

const ES_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits) or NIE (X, Y or Z, then 7 digits; X = 0, Y = 1, Z = 2) and its control letter. */
export function esIdValid(s: string): boolean {
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(s);
  if (!m || m[1]!.length + m[2]!.length !== 8) return false;
  const n = Number((m[1] ? String('XYZ'.indexOf(m[1])) : '') + m[2]!);
  return ES_LETTERS[n % 23] === m[3];
}

/** Dutch BSN: 9 digits passing the 11-test (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11), not all zeros. */
export function nlBsnValid(s: string): boolean {
  if (s.length !== 9 || !allDigits(s) || s === '000000000') return false;
  let sum = -digitAt(s, 8);
  for (let i = 0; i < 8; i++) sum += (9 - i) * digitAt(s, i);
  return sum % 11 === 0;
}

/**
 * Belgian national number (rijksregisternummer / numéro de registre national): YYMMDD, a 3-digit
 * sequence, then 97 − (n mod 97); for people born from 2000, n is prefixed with a 2. Month 0 (date
 * unknown) and the bis-number months (+20, +40) are allowed.
 */
export function beNrnValid(s: string): boolean {
  if (s.length !== 11 || !allDigits(s)) return false;
  const mm = Number(s.slice(2, 4));
  if (mm > 52 || mm % 20 > 12 || Number(s.slice(4, 6)) > 31) return false;
  const check = Number(s.slice(9));
  const body = s.slice(0, 9);
  if (97 - mod97Digits(body) === check) return true;
  // Born from 2000 only if that year has come: otherwise a typo would get a second chance to pass.
  return Number(s.slice(0, 2)) <= new Date().getFullYear() % 100 && 97 - mod97Digits(`2${body}`) === check;
}

/** Italian codice fiscale: the check letter's values for characters in odd (1st, 3rd, …) positions. */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
/** Letters that stand for digits 0–9 in an omocodic code (one issued again to avoid a clash). */
export const CF_OMOCODE = 'LMNPQRSTUV';
const CF_DIGIT = `[0-9${CF_OMOCODE}]`;
const CF_SHAPE = new RegExp(`^[A-Z]{6}${CF_DIGIT}{2}[ABCDEHLMPRST]${CF_DIGIT}{2}[A-Z]${CF_DIGIT}{3}[A-Z]$`);

/** Italian codice fiscale: surname, name, birth date and place (omocodia letters allowed), check letter. */
export function itCfValid(s: string): boolean {
  if (!CF_SHAPE.test(s)) return false;
  const day = Number(s.slice(9, 11).replace(/[A-Z]/g, (c) => String(CF_OMOCODE.indexOf(c))));
  if (day === 0 || (day > 31 && day < 41) || day > 71) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = s.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[v]! : v;
  }
  return s.charCodeAt(15) - 65 === sum % 26;
}
