/**
 * European national identifiers: German tax ID and ID card number, French NIR, Spanish DNI and NIE,
 * Dutch BSN, Belgian national number, Italian codice fiscale. As in detect-numbers.ts, a pattern
 * proposes and the check digit decides. Where the check is weak against an everyday number of the
 * same shape — a bare 9-digit BSN passes the 11-test one time in 11, a bare 11-digit Belgian number
 * one in 50, a bare 11-digit German tax ID one in 300 (order and invoice numbers are often 11
 * digits), a 9-character ID card serial has no check at all — the number also needs its name in the
 * 40 characters before it ("BSN", "Rijksregisternummer", "Steuer-ID", "Ausweisnummer"…).
 */
import type { Entity, EntityType } from './types.js';
import { eachMatch, hasGroupOf, scanFacts, type TextFacts } from './scan.js';
import {
  DE_ID_LETTERS,
  beNrnValid,
  deIdCardValid,
  deTaxIdValid,
  esIdValid,
  frNirValid,
  itCfValid,
  nlBsnValid,
} from './checksums.js';

/** Not inside a longer number, word or reference ("…12 345", "INV-123…", "1.234"). */
/** A first digit, checked behind it: a pattern that starts with `\d` lets the engine skip to digits. */
const FIRST = String.raw`\d(?<![\p{L}\p{N}_/+-]\d|\d[ .,-]\d|[.,]\d\d)`;
const AFTER = String.raw`(?![\p{L}\p{N}_/-]|[ .,-]\d)`;

/** 11 digits, bare or in space-separated groups: the German tax ID ("12 345 678 901") or a Belgian number. */
const ELEVEN = new RegExp(`${FIRST}(?: ?\\d){10}${AFTER}`, 'gu');
/** How the tax office prints the German tax ID. */
const DE_TAX_PRINTED = /^\d\d \d{3} \d{3} \d{3}$/;
/** The Belgian national number as printed: "85.07.30-033.28", "850730 033 28", "850730-033-28". */
const BE_PRINTED = new RegExp(`${FIRST}\\d\\.?\\d{2}\\.?\\d{2}[ .-]\\d{3}[ .-]\\d{2}${AFTER}`, 'gu');
/** NIR: "1 85 05 78 006 084 36", "185057800608436", Corsica "2 85 05 2A 006 084 …". */
const NIR = new RegExp(`${FIRST} ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[ABab]) ?\\d{3} ?\\d{3} ?\\d{2}${AFTER}`, 'gu');
/** DNI "12345678Z", "12.345.678-Z", NIE "X1234567L", "X-1234567-L". */
const ES_ID = /(?<![\p{L}\p{N}_-])(?:[XYZxyz][ -]?\d{7}|\d{8}|\d{2}\.\d{3}\.\d{3})[ -]?[A-Za-z](?![\p{L}\p{N}_])/gu;
/** BSN: "123456782", "1234.56.782", "1234 56 782", "123 456 782". */
const BSN = new RegExp(`${FIRST}(?:\\d{3}([ .]?)\\d{2}\\1\\d{3}|\\d{2}([ .])\\d{3}\\2\\d{3})${AFTER}`, 'gu');
/** German ID card: 9-character serial, perhaps with its check digit. */
const DE_ID_CARD = `[${DE_ID_LETTERS}][${DE_ID_LETTERS}0-9]{8}\\d?`;
/** Codice fiscale, omocodia letters allowed where digits go. */
const CF_D = '[0-9LMNPQRSTUV]';
const IT_CF = `[A-Z]{6}${CF_D}{2}[A-Z]${CF_D}{2}[A-Z]${CF_D}{3}[A-Z]`;
/**
 * Either, as one search: each is a whole run of letters and digits, the ID card 9 or 10 characters long and the
 * codice fiscale 16, so no match could be the other's.
 */
const LETTER_LED = new RegExp(`(?<![\\p{L}\\p{N}])(?:${DE_ID_CARD}|${IT_CF})(?![\\p{L}\\p{N}])`, 'giu');

const cue = (words: string) => new RegExp(`\\b(?:${words})\\b[^\\n\\d]{0,30}$`, 'iu');
const BSN_CUE = cue(
  'bsn(?:-nummer)?|burgerservicenummer|burger service nummer|sofi-?nummer|sofi|citizen service number',
);
const DE_TAX_CUE = cue(
  'steuer-?id|steuer-?ident(?:ifikations)?nummer|steuerliche id(?:entifikationsnummer)?|identifikationsnummer|' +
    'id-?nr\\.?|steuernummer|steuer-?nr\\.?|tin|tax id(?:entification number)?',
);
const BE_CUE = cue(
  'rijksregister(?:nummer)?|rijksregisternr|insz(?:-nummer)?|registre national|num[ée]ro national|niss|' +
    'national (?:register |registry )?number|nrn',
);
const ID_CARD_CUE = cue(
  '(?:personal)?ausweis(?:nummer|-nr\\.?|nr\\.?)?|perso|dokumentennummer|seriennummer|id[- ]card(?: number)?|' +
    'identity card(?: number)?',
);

const compact = (s: string) => s.replace(/[ .-]/g, '').toUpperCase();
const before = (text: string, at: number) => text.slice(Math.max(0, at - 40), at);

function push(out: Entity[], type: EntityType, m: RegExpExecArray): void {
  out.push({ type, start: m.index, end: m.index + m[0].length });
}

/**
 * Cheap tests first: the numeric identifiers carry seven digits together (separators aside), the others a letter
 * before a digit; most chat turns have neither, and the patterns above cost more to run.
 */
export function detectNationalIds(text: string, out: Entity[], facts: TextFacts = scanFacts(text)): void {
  if (facts.groupDigits >= 7) numericIds(text, out, facts);
  if (!facts.letterDigit) return;
  eachMatch(LETTER_LED, text, (m) => {
    const id = m[0].toUpperCase();
    if (m[0].length === 16) {
      if (itCfValid(id)) push(out, 'IT_CF', m);
    } else if (deIdCardValid(id) && (id.length === 10 || ID_CARD_CUE.test(before(text, m.index))))
      push(out, 'DE_ID_CARD', m);
  });
}

/**
 * The identifiers made of digits (the Spanish ones end in a letter), each tried when the text has enough digits
 * together; a Corsican NIR ("2 85 05 2A 006 084 36") has a letter among its digits.
 */
function numericIds(text: string, out: Entity[], facts: TextFacts): void {
  if (hasGroupOf(facts, 11)) {
    eachMatch(ELEVEN, text, (m) => {
      const n = compact(m[0]);
      if (beNrnValid(n) && BE_CUE.test(before(text, m.index))) push(out, 'BE_NRN', m);
      else if (deTaxIdValid(n) && (DE_TAX_PRINTED.test(m[0]) || DE_TAX_CUE.test(before(text, m.index))))
        push(out, 'DE_TAX_ID', m);
    });
    eachMatch(BE_PRINTED, text, (m) => {
      if (beNrnValid(compact(m[0]))) push(out, 'BE_NRN', m);
    });
  }
  // 15 digits in one group; in Corsica a letter among them ("…05 2A 006…", "…052A006…").
  if (hasGroupOf(facts, 15) || (facts.digits >= 13 && (facts.letterDigit || facts.loneLetterAfterDigit)))
    eachMatch(NIR, text, (m) => {
      if (frNirValid(compact(m[0]))) push(out, 'FR_NIR', m);
    });
  if (facts.loneLetterAfterDigit)
    eachMatch(ES_ID, text, (m) => {
      const id = compact(m[0]);
      if (esIdValid(id)) push(out, /^\d/.test(id) ? 'ES_DNI' : 'ES_NIE', m);
    });
  if (hasGroupOf(facts, 9))
    eachMatch(BSN, text, (m) => {
      if (nlBsnValid(compact(m[0])) && BSN_CUE.test(before(text, m.index))) push(out, 'NL_BSN', m);
    });
}
