/**
 * Value generators for the synthetic corpus, written from the real-world formats (Ofcom/NANP/
 * Bundesnetzagentur/ARCEP numbering, ISO 13616 IBANs, SSA and HMRC rules), not from the detectors.
 * Every generator takes the seeded random source, so the corpus is the same on every run.
 */

import type { Rng } from '../harness/seeded.js';

export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const digits = (r: Rng, n: number) => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letters = (r: Rng, n: number) => Array.from({ length: n }, () => pick(r, [...upper])).join('');

/** Splits a digit string into groups of the given sizes, joined by sep. */
function group(s: string, sizes: number[], sep: string): string {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(s.slice(i, i + n));
    i += n;
  }
  if (i < s.length) out.push(s.slice(i));
  return out.filter(Boolean).join(sep);
}

// ---------- phones: national and international formats per country ----------

export const COUNTRIES = ['UK', 'US', 'DE', 'FR', 'IN', 'AU'] as const;
export type Country = (typeof COUNTRIES)[number];

const PHONE_FORMATS: Record<Country, ((r: Rng) => string)[]> = {
  UK: [
    (r) => `020 ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `+44 20 ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `+44 (0)20 ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `07${int(r, 400, 999)} ${digits(r, 6)}`,
    (r) => `+44 7${int(r, 400, 999)} ${digits(r, 6)}`,
    (r) => `07${int(r, 400, 999)}${digits(r, 6)}`,
    (r) => `+447${int(r, 400, 999)}${digits(r, 6)}`,
    (r) => `0161 ${digits(r, 3)} ${digits(r, 4)}`,
    (r) => `01${int(r, 200, 999)} ${digits(r, 6)}`,
    (r) => `0800 ${digits(r, 3)} ${digits(r, 4)}`,
  ],
  US: [
    (r) => `(${int(r, 201, 989)}) ${int(r, 200, 999)}-${digits(r, 4)}`,
    (r) => `${int(r, 201, 989)}-${int(r, 200, 999)}-${digits(r, 4)}`,
    (r) => `${int(r, 201, 989)}.${int(r, 200, 999)}.${digits(r, 4)}`,
    (r) => `+1 (${int(r, 201, 989)}) ${int(r, 200, 999)}-${digits(r, 4)}`,
    (r) => `+1 ${int(r, 201, 989)} ${int(r, 200, 999)} ${digits(r, 4)}`,
    (r) => `+1-${int(r, 201, 989)}-${int(r, 200, 999)}-${digits(r, 4)}`,
    (r) => `1-800-${int(r, 200, 999)}-${digits(r, 4)}`,
    (r) => `${int(r, 201, 989)} ${int(r, 200, 999)} ${digits(r, 4)}`,
  ],
  DE: [
    (r) => `030 ${digits(r, int(r, 6, 8))}`,
    (r) => `+49 30 ${digits(r, int(r, 6, 8))}`,
    (r) => `+49 (0)30 ${digits(r, 7)}`,
    (r) => `0${pick(r, ['151', '160', '170', '176'])} ${digits(r, 8)}`,
    (r) => `+49 ${pick(r, ['151', '160', '170', '176'])} ${digits(r, 8)}`,
    (r) => `089 ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `0${int(r, 2000, 9999)} ${digits(r, 6)}`,
  ],
  FR: [
    (r) => `0${int(r, 1, 7)} ${group(digits(r, 8), [2, 2, 2, 2], ' ')}`,
    (r) => `+33 ${int(r, 1, 7)} ${group(digits(r, 8), [2, 2, 2, 2], ' ')}`,
    (r) => `0${int(r, 1, 7)}.${group(digits(r, 8), [2, 2, 2, 2], '.')}`,
    (r) => `+33 (0)${int(r, 1, 7)} ${group(digits(r, 8), [2, 2, 2, 2], ' ')}`,
    (r) => `+33${int(r, 6, 7)}${digits(r, 8)}`,
  ],
  IN: [
    (r) => `+91 ${int(r, 6, 9)}${digits(r, 4)} ${digits(r, 5)}`,
    (r) => `${int(r, 6, 9)}${digits(r, 4)} ${digits(r, 5)}`,
    (r) => `+91-${int(r, 6, 9)}${digits(r, 4)}-${digits(r, 5)}`,
    (r) => `+91${int(r, 6, 9)}${digits(r, 9)}`,
    (r) => `022 ${digits(r, 4)} ${digits(r, 4)}`,
  ],
  AU: [
    (r) => `+61 2 ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `(02) ${digits(r, 4)} ${digits(r, 4)}`,
    (r) => `04${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
    (r) => `+61 4${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
    (r) => `03 ${digits(r, 4)} ${digits(r, 4)}`,
  ],
};

/** International numbers from countries whose national formats the corpus does not use. */
const OTHER_INTERNATIONAL = [
  (r: Rng) => `+34 ${int(r, 6, 9)}${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
  (r: Rng) => `+31 20 ${digits(r, 3)} ${digits(r, 4)}`,
  (r: Rng) => `+353 1 ${digits(r, 3)} ${digits(r, 4)}`,
  (r: Rng) => `+39 06 ${digits(r, 4)} ${digits(r, 4)}`,
  (r: Rng) => `+27 21 ${digits(r, 3)} ${digits(r, 4)}`,
];

export function phone(r: Rng, c: Country): string {
  if (r() < 0.08) return pick(r, OTHER_INTERNATIONAL)(r);
  return pick(r, PHONE_FORMATS[c])(r);
}

// ---------- payment cards: real prefixes and lengths, Luhn check digit ----------

function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const CARD_KINDS: { prefix: (r: Rng) => string; length: number; groups: number[] }[] = [
  { prefix: () => '4', length: 16, groups: [4, 4, 4, 4] },
  { prefix: (r) => String(int(r, 51, 55)), length: 16, groups: [4, 4, 4, 4] },
  { prefix: (r) => String(int(r, 2221, 2720)), length: 16, groups: [4, 4, 4, 4] },
  { prefix: (r) => pick(r, ['34', '37']), length: 15, groups: [4, 6, 5] },
  { prefix: (r) => pick(r, ['6011', '65']), length: 16, groups: [4, 4, 4, 4] },
  { prefix: () => '35', length: 16, groups: [4, 4, 4, 4] },
  { prefix: () => '36', length: 14, groups: [4, 6, 4] },
  { prefix: () => '4', length: 19, groups: [4, 4, 4, 4, 3] },
  { prefix: () => '4', length: 13, groups: [4, 4, 5] },
];

export function card(r: Rng): string {
  const kind = r() < 0.6 ? CARD_KINDS[0]! : pick(r, CARD_KINDS);
  const p = kind.prefix(r);
  const body = p + digits(r, kind.length - p.length - 1);
  const number = body + luhnDigit(body);
  const style = r();
  if (style < 0.5) return group(number, kind.groups, ' ');
  if (style < 0.75) return group(number, kind.groups, '-');
  return number;
}

/** A 16-digit order reference that fails Luhn: must not be masked as a card. */
export function luhnInvalid16(r: Rng, sep: string): string {
  const body = String(int(r, 1, 9)) + digits(r, 14);
  const wrong = (luhnDigit(body) + int(r, 1, 9)) % 10;
  return group(body + wrong, [4, 4, 4, 4], sep);
}

// ---------- IBANs: national BBAN shapes, ISO 13616 check digits ----------

const BBANS: Record<string, (r: Rng) => string> = {
  GB: (r) => letters(r, 4) + digits(r, 14),
  DE: (r) => digits(r, 18),
  FR: (r) => digits(r, 23),
  ES: (r) => digits(r, 20),
  NL: (r) => letters(r, 4) + digits(r, 10),
  IT: (r) => letters(r, 1) + digits(r, 22),
  IE: (r) => letters(r, 4) + digits(r, 14),
  BE: (r) => digits(r, 12),
  CH: (r) => digits(r, 17),
  PL: (r) => digits(r, 24),
};

function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem;
}

function ibanFor(country: string, bban: string): string {
  return country + pad(98 - mod97(`${bban + country}00`), 2) + bban;
}

export function iban(r: Rng, valid = true): string {
  return ibanIn(r, pick(r, Object.keys(BBANS)), valid);
}

/** An IBAN of one country (GB, DE, FR, ES, NL, IT, IE, BE, CH, PL), printed or electronic. */
export function ibanIn(r: Rng, country: string, valid = true): string {
  const bban = BBANS[country]!(r);
  let raw = ibanFor(country, bban);
  if (!valid) {
    // Change one BBAN digit: the check digits no longer match (mod 97 catches every single-digit change).
    const i = 4 + raw.slice(4).search(/\d/);
    raw = raw.slice(0, i) + String((Number(raw[i]) + int(r, 1, 9)) % 10) + raw.slice(i + 1);
  }
  return r() < 0.6 ? raw.replace(/(.{4})(?!$)/g, '$1 ') : raw;
}

// ---------- SSNs and NINOs: allocation rules ----------

export function ssnParts(r: Rng): [string, string, string] {
  let area = int(r, 1, 899);
  if (area === 666) area = 667;
  return [pad(area, 3), pad(int(r, 1, 99), 2), pad(int(r, 1, 9999), 4)];
}

const NINO_FIRST = [...'ABCEGHJKLMNOPRSTWXYZ'];
const NINO_SECOND = [...'ABCEGHJKLMNPRSTWXYZ'];
const NINO_BANNED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function nino(r: Rng): string {
  let prefix = '';
  do prefix = pick(r, NINO_FIRST) + pick(r, NINO_SECOND);
  while (NINO_BANNED.has(prefix));
  const d = digits(r, 6);
  const suffix = pick(r, ['A', 'B', 'C', 'D']);
  const style = r();
  const s =
    style < 0.45
      ? `${prefix} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${suffix}`
      : style < 0.85
        ? `${prefix}${d}${suffix}`
        : `${prefix} ${d} ${suffix}`;
  return r() < 0.06 ? s.toLowerCase() : s;
}

// ---------- IP addresses ----------

export function ipv4(r: Rng): string {
  const style = r();
  if (style < 0.2) return `192.168.${int(r, 0, 10)}.${int(r, 2, 254)}`;
  if (style < 0.3) return `10.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
  const first = pick(r, [int(r, 1, 9), int(r, 11, 99), int(r, 100, 223)]);
  return `${first}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
}

const hex4 = (r: Rng) => int(r, 0, 0xffff).toString(16);
export function ipv6(r: Rng): string {
  const groups = Array.from({ length: 8 }, () => hex4(r));
  const style = r();
  if (style < 0.3) return groups.map((g) => g.padStart(4, '0')).join(':');
  if (style < 0.55) return `fe80::${groups.slice(4).join(':')}`;
  if (style < 0.8) return `2001:db8:${groups.slice(2, 4).join(':')}::${groups.slice(6).join(':')}`;
  return `${groups.slice(0, 3).join(':')}::${groups[7]}`;
}

// ---------- dates ----------

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ordinal = (d: number) =>
  `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

export function date(r: Rng, fromYear: number, toYear: number, us = false): string {
  const y = int(r, fromYear, toYear);
  const m = int(r, 1, 12);
  const d = int(r, 1, 28);
  const month = MONTHS[m - 1]!;
  return pick(r, [
    us ? `${pad(m, 2)}/${pad(d, 2)}/${y}` : `${pad(d, 2)}/${pad(m, 2)}/${y}`,
    `${y}-${pad(m, 2)}-${pad(d, 2)}`,
    `${d} ${month} ${y}`,
    `${month} ${d}, ${y}`,
    `${pad(d, 2)}.${pad(m, 2)}.${y}`,
    `${ordinal(d)} ${month} ${y}`,
    `${ordinal(d)} of ${month} ${y}`,
    `${d}/${m}/${String(y).slice(2)}`,
    `${pad(d, 2)}-${pad(m, 2)}-${y}`,
  ]);
}
