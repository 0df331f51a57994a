/**
 * Identifiers with check digits or allocation rules: payment cards, IBANs, US SSNs, UK NINOs.
 * A pattern proposes, the checksum or rule decides — that is what tells a card from an order
 * reference. Every pattern is linear: fixed-width groups, no nested unbounded repetition.
 */
import type { Entity } from './types.js';
import { countDigits, eachMatch, isDigit, scanFacts, type TextFacts } from './scan.js';
import { IBAN_LENGTHS, ibanValid, luhnValid, ninoValid, ssnValid } from './checksums.js';

/**
 * 12–19 digits, not inside a longer digit run: "…12 3456…" must not yield a card from its middle. The first digit,
 * then what stands before it: a pattern that starts with `\d` lets the engine skip to digits.
 */
const CARD = /\d(?<![\w-]\d|\d[ -]\d)(?:[ -]?\d){11,18}(?![\w-]|[ -]\d)/g;

/** Maestro's own ranges, the only cards as short as 12 digits. */
const MAESTRO = new Set(['5018', '5020', '5038', '5893', '6304', '6759', '6761', '6762', '6763']);

/**
 * Issuer prefixes of the card networks: Visa 4, Mastercard 51–55 and 2221–2720, Amex 34/37,
 * Diners 30/36/38/39, JCB 35 (and its 15-digit 2131/1800), Discover/UnionPay/Maestro 6 and 50–59.
 */
function plausibleIssuer(d: string): boolean {
  const four = d.slice(0, 4);
  if (MAESTRO.has(four)) return true;
  if (d.length < 13) return false;
  if (d.length === 15 && (four === '2131' || four === '1800')) return true;
  const first = d[0];
  if (first === '3' || first === '4' || first === '5' || first === '6') return true;
  // Mastercard's 2-series is 16 digits only: a 15-digit number starting 2 is more often a French NIR.
  return first === '2' && d.length === 16 && Number(four) >= 2221 && Number(four) <= 2720;
}

/**
 * One separator style, and groups of at least 3 digits ("4 5 3 9 …" is not how a card is written), issuer and Luhn.
 * `raw` is what CARD takes: digits, each perhaps after one space or dash.
 */
function isCard(raw: string): boolean {
  let sep = 0; // the separator seen, by char code
  let group = 0; // digits in the current group
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) group++;
    else if ((sep !== 0 && c !== sep) || group < 3) return false;
    else {
      sep = c;
      group = 0;
    }
  }
  if (sep !== 0 && group < 3) return false;
  const digits = sep === 0 ? raw : raw.replaceAll(sep === 32 ? ' ' : '-', '');
  return plausibleIssuer(digits) && luhnValid(digits);
}

export function detectCards(text: string, out: Entity[]): void {
  eachMatch(CARD, text, (m) => {
    // The run may have taken a following number ("… 6467 2 times"): try without its last group (and the separator
    // before it) too.
    let raw = m[0];
    let digits = countDigits(raw);
    for (let tries = 0; tries < 3 && digits >= 12; tries++) {
      if (isCard(raw)) {
        out.push({ type: 'CARD', start: m.index, end: m.index + raw.length });
        return;
      }
      let cut = raw.length;
      while (cut > 0 && isDigit(raw.charCodeAt(cut - 1))) cut--;
      digits -= raw.length - cut;
      if (cut > 0) cut--; // the separator: CARD puts one before every group but the first
      raw = raw.slice(0, cut);
    }
  });
}

/** Printed (groups of four) or electronic (no spaces) form; the country's length decides where it ends. */
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?/giu;

export function detectIbans(text: string, out: Entity[]): void {
  eachMatch(IBAN, text, (m) => {
    const raw = m[0];
    const length = IBAN_LENGTHS[raw.slice(0, 2).toUpperCase()];
    if (!length) return;
    // Walk the match until `length` characters (spaces not counted): the greedy pattern may have
    // taken a following word ("… 0130 00 Bank"); the cut must then fall on a group boundary.
    let count = 0;
    let end = 0;
    while (end < raw.length && count < length) if (raw[end++] !== ' ') count++;
    if (count < length || /[A-Za-z0-9]/.test(raw[end] ?? '')) return;
    const compact = raw.slice(0, end).replace(/ /g, '').toUpperCase();
    if (ibanValid(compact)) out.push({ type: 'IBAN', start: m.index, end: m.index + end });
  });
}

const SSN = /(?<![\w-]|\d[ -])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-]|[ -]\d)/g;
/** Nine bare digits are an order number unless the text just said "SSN". */
const SSN_BARE = /\b(?:ssn|social security(?: number| no\.?| #)?)\b[\s:#-]*(?:is\s+)?(\d{3})(\d{2})(\d{4})(?![\w-])/gi;

export function detectSsns(
  text: string,
  out: Entity[],
  lower = text.toLowerCase(),
  facts: TextFacts = scanFacts(text),
): void {
  if (facts.ssnShape)
    eachMatch(SSN, text, (m) => {
      if (ssnValid(m[1]!, m[3]!, m[4]!)) out.push({ type: 'SSN', start: m.index, end: m.index + m[0].length });
    });
  if (lower.includes('ssn') || lower.includes('social security'))
    eachMatch(SSN_BARE, text, (m) => {
      if (!ssnValid(m[1]!, m[2]!, m[3]!)) return;
      const end = m.index + m[0].length;
      out.push({ type: 'SSN', start: end - 9, end });
    });
}

/** Two letters, three pairs of digits, a suffix letter; spaces optional anywhere between. */
const NINO = /(?<![\p{L}\p{N}])([A-Z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![\p{L}\p{N}])/giu;

export function detectNinos(text: string, out: Entity[]): void {
  eachMatch(NINO, text, (m) => {
    if (ninoValid(m[1]!.toUpperCase(), m[5]!.toUpperCase()))
      out.push({ type: 'NINO', start: m.index, end: m.index + m[0].length });
  });
}
