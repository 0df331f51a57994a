/**
 * Value generators for the European corpus (bench/corpus-eu.ts) and the checksum tests: national
 * identifiers computed from their published rules (BZSt for the Steuer-IdNr, ICAO 9303 for the
 * Personalausweis, INSEE for the NIR, the Ministerio del Interior's letter table, the BSN 11-test,
 * the Rijksregister's mod 97, the Agenzia delle Entrate's codice fiscale), written apart from
 * server/masking/checksums.ts so that each checks the other; and national phone numbers as each
 * country's numbering plan writes them. Every generator takes the seeded random source.
 */
import type { Rng } from '../harness/seeded.js';
import { digits, int, pick } from './corpus-values.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const mod = (digitString: string, m: number) => [...digitString].reduce((rem, d) => (rem * 10 + Number(d)) % m, 0);

// ---------- German Steuer-IdNr: ten digits, one of them repeated, MOD 11,10 check ----------

export function deTaxIdCheck(ten: string): number {
  let product = 10;
  for (const c of ten) {
    let sum = (Number(c) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

export function deTaxId(r: Rng): string {
  for (;;) {
    const pool = [...'0123456789'].sort(() => r() - 0.5);
    const times = r() < 0.7 ? 2 : 3;
    const body = [...pool.slice(0, 11 - times), ...Array(times - 1).fill(pool[0])].sort(() => r() - 0.5).join('');
    if (body[0] !== '0' && !/(\d)\1\1/.test(body)) return body + deTaxIdCheck(body);
  }
}

// ---------- German ID card (Personalausweis since 2010): 9 characters, ICAO 7-3-1 check ----------

const ID_LETTERS = 'CFGHJKLMNPRTVWXYZ';
const ID_CHARS = `${ID_LETTERS}0123456789`;
export function icaoCheck(s: string): number {
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  return [...s].reduce((sum, c, i) => sum + value(c) * [7, 3, 1][i % 3]!, 0) % 10;
}
export function deIdCard(r: Rng, withCheck: boolean): string {
  // The authority code: a letter and three characters; then five serial characters.
  const serial =
    pick(r, [...ID_LETTERS]) +
    Array.from({ length: 3 }, () => pick(r, [...ID_CHARS])).join('') +
    Array.from({ length: 5 }, () => (r() < 0.7 ? String(int(r, 0, 9)) : pick(r, [...ID_LETTERS]))).join('');
  const s = /\d/.test(serial) ? serial : `${serial.slice(0, 8)}7`;
  return withCheck ? s + icaoCheck(s) : s;
}

// ---------- French NIR: 13 digits and a key of 97 − (n mod 97); Corsica's 2A/2B count as 19/18 ----------

export function frNirKey(thirteen: string): number {
  return 97 - mod(thirteen.replace('2A', '19').replace('2B', '18'), 97);
}
export function frNir(r: Rng, spaced = r() < 0.5): string {
  const dept =
    r() < 0.06 ? pick(r, ['2A', '2B']) : r() < 0.05 ? '99' : pad(pick(r, [int(r, 1, 19), int(r, 21, 95)]), 2);
  const parts = [String(int(r, 1, 2)), pad(int(r, 0, 99), 2), pad(int(r, 1, 12), 2), dept, pad(int(r, 1, 990), 3)];
  parts.push(pad(int(r, 1, 999), 3));
  parts.push(pad(frNirKey(parts.join('')), 2));
  return parts.join(spaced ? ' ' : '');
}

// ---------- Spanish DNI and NIE: the control letter of n mod 23 ----------

const ES_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
export const esLetter = (eightDigits: string) => ES_LETTERS[Number(eightDigits) % 23]!;
export function esDni(r: Rng): string {
  const n = pad(int(r, 100000, 99999999), 8);
  return pick(r, [`${n}${esLetter(n)}`, `${n}-${esLetter(n)}`, `${n}${esLetter(n)}`]);
}
export function esNie(r: Rng): string {
  const prefix = int(r, 0, 2);
  const n = digits(r, 7);
  const id = `${'XYZ'[prefix]}${n}${esLetter(`${prefix}${n}`)}`;
  return r() < 0.2 ? `${id[0]}-${n}-${id.at(-1)}` : id;
}

// ---------- Dutch BSN: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11) ----------

export function nlBsn(r: Rng): string {
  for (;;) {
    const body = String(int(r, 1, 9)) + digits(r, 7);
    const last = [...body].reduce((s, d, i) => s + (9 - i) * Number(d), 0) % 11;
    if (last === 10) continue;
    const bsn = body + last;
    return pick(r, [
      bsn,
      bsn,
      `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`,
      `${bsn.slice(0, 4)} ${bsn.slice(4, 6)} ${bsn.slice(6)}`,
    ]);
  }
}

// ---------- Belgian national number: YYMMDD-SSS, 97 − (n mod 97), n prefixed by 2 from 2000 ----------

export function beNrnCheck(nine: string, bornFrom2000: boolean): number {
  return 97 - mod(bornFrom2000 ? `2${nine}` : nine, 97);
}
export function beNrn(r: Rng, printed = r() < 0.6): string {
  const year = int(r, 1935, 2012);
  const body = `${pad(year % 100, 2)}${pad(int(r, 1, 12), 2)}${pad(int(r, 1, 28), 2)}${pad(int(r, 1, 997), 3)}`;
  const n = body + pad(beNrnCheck(body, year >= 2000), 2);
  return printed ? `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}-${n.slice(6, 9)}.${n.slice(9)}` : n;
}

// ---------- Italian codice fiscale: 15 characters, a check letter; omocodia letters for digits ----------

const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const CF_MONTHS = 'ABCDEHLMPRST';
const CF_OMOCODE = 'LMNPQRSTUV';
const CONSONANTS = 'BCDFGHJKLMNPQRSTVWXZ';
export function itCfCheck(fifteen: string): string {
  const v = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65);
  const sum = [...fifteen].reduce((s, c, i) => s + (i % 2 === 0 ? CF_ODD[v(c)]! : v(c)), 0);
  return String.fromCharCode(65 + (sum % 26));
}
export function itCf(r: Rng): string {
  const three = () => Array.from({ length: 3 }, () => pick(r, [...CONSONANTS, 'A', 'E', 'I', 'O'])).join('');
  const day = int(r, 1, 28) + (r() < 0.5 ? 40 : 0);
  let body = `${three()}${three()}${digits(r, 2)}${pick(r, [...CF_MONTHS])}${pad(day, 2)}`;
  body += `${pick(r, [...'ABCDEFGHILM', 'Z'])}${digits(r, 3)}`;
  // Omocodia: the digits are replaced from the right, one more for each clash.
  if (r() < 0.1) {
    const positions = [14, 13, 12, 10, 9, 7, 6].slice(0, int(r, 1, 3));
    const chars = [...body];
    for (const p of positions) chars[p] = CF_OMOCODE[Number(chars[p])]!;
    body = chars.join('');
  }
  const cf = body + itCfCheck(body);
  return r() < 0.05 ? cf.toLowerCase() : cf;
}

/** One character changed, or two adjacent ones swapped (when they differ): what a typo does to a number. */
export function typo(r: Rng, id: string): string {
  const at = [...id].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const i = pick(r, at);
  const j = at.includes(i + 1) && id[i] !== id[i + 1] && r() < 0.5 ? i + 1 : -1;
  if (j > 0) return id.slice(0, i) + id[j] + id[i] + id.slice(j + 1);
  return id.slice(0, i) + String((Number(id[i]) + int(r, 1, 9)) % 10) + id.slice(i + 1);
}

// ---------- national phone numbers: trunk-0 and international forms ----------

export type EuCountry = 'DE' | 'FR' | 'ES' | 'NL' | 'BE' | 'IT';
const two = (r: Rng, n: number) => Array.from({ length: n }, () => digits(r, 2)).join(' ');

const PHONES: Record<EuCountry, ((r: Rng) => string)[]> = {
  DE: [
    (r) => `030 ${digits(r, 8)}`,
    (r) => `030/${digits(r, 7)}`,
    (r) => `(089) ${digits(r, 7)}`,
    (r) => `0${pick(r, ['151', '160', '170', '176'])} ${digits(r, 8)}`,
    (r) => `0${pick(r, ['151', '172'])}${digits(r, 8)}`,
    (r) => `+49 ${pick(r, ['151', '160', '176'])} ${digits(r, 8)}`,
    (r) => `+49 (0)30 ${digits(r, 8)}`,
    (r) => `+49 40 ${digits(r, 3)} ${digits(r, 4)}`,
    (r) => `0${int(r, 2000, 9999)} ${digits(r, 6)}`,
  ],
  FR: [
    (r) => `0${int(r, 1, 7)} ${two(r, 4)}`,
    (r) => `0${int(r, 6, 7)}.${two(r, 4).replace(/ /g, '.')}`,
    (r) => `0${int(r, 6, 7)}${digits(r, 8)}`,
    (r) => `+33 ${int(r, 1, 7)} ${two(r, 4)}`,
    (r) => `+33 (0)${int(r, 1, 7)} ${two(r, 4)}`,
    (r) => `+33${int(r, 6, 7)}${digits(r, 8)}`,
  ],
  ES: [
    (r) => `${int(r, 6, 7)}${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
    (r) => `${int(r, 6, 7)}${digits(r, 2)} ${two(r, 3)}`,
    (r) => `9${int(r, 1, 8)} ${digits(r, 3)} ${two(r, 2)}`,
    (r) => `+34 ${int(r, 6, 7)}${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
    (r) => `+34 9${int(r, 1, 8)}${digits(r, 1)} ${digits(r, 3)} ${digits(r, 3)}`,
    (r) => `+34${int(r, 6, 7)}${digits(r, 8)}`,
  ],
  NL: [
    (r) => `06-${digits(r, 8)}`,
    (r) => `06 ${digits(r, 8)}`,
    (r) => `06 ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `020 ${digits(r, 3)} ${digits(r, 4)}`,
    (r) => `0${pick(r, ['10', '30', '70'])}-${digits(r, 7)}`,
    (r) => `+31 6 ${digits(r, 8)}`,
    (r) => `+31 (0)20 ${digits(r, 3)} ${digits(r, 4)}`,
    (r) => `+316${digits(r, 8)}`,
  ],
  BE: [
    (r) => `04${int(r, 60, 99)} ${two(r, 3)}`,
    (r) => `04${int(r, 60, 99)}/${digits(r, 6)}`,
    (r) => `02 ${digits(r, 3)} ${two(r, 2)}`,
    (r) => `0${pick(r, ['9', '3'])} ${digits(r, 3)} ${two(r, 2)}`,
    (r) => `+32 4${int(r, 60, 99)} ${two(r, 3)}`,
    (r) => `+32 2 ${digits(r, 3)} ${two(r, 2)}`,
  ],
  IT: [
    (r) => `3${digits(r, 2)} ${digits(r, 3)} ${digits(r, 4)}`,
    (r) => `3${digits(r, 2)} ${digits(r, 7)}`,
    (r) => `06 ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `02 ${digits(r, 8)}`,
    (r) => `+39 3${digits(r, 2)} ${digits(r, 3)} ${digits(r, 4)}`,
    (r) => `+39 06 ${digits(r, 8)}`,
    (r) => `+393${digits(r, 9)}`,
  ],
};

export const euPhone = (r: Rng, c: EuCountry) => pick(r, PHONES[c])(r);
