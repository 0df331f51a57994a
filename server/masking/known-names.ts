/**
 * The ticket's own names (customer, agent): masked wherever they occur — whole, first name alone,
 * last name alone, in any case, on word boundaries — since the ticket tells us they are names.
 */
import type { Entity } from './types.js';
import { PARTICLES } from './detect-names.js';
import { isAsciiLetter, untidySpace } from './scan.js';

/** Names that are also ordinary words: their lower-case occurrences ("I will", "in may") stay text. */
const COMMON_WORDS = new Set(
  `will may mark rose grace bill june april august joy hope faith art sue pat ray dawn summer frank jack max page
   king green
  white young hall wood hill baker rich long brown black park chase cook hunter mason bell ward penny sky river`.split(
    /\s+/,
  ),
);

/** The ticket's names as lower-case tokens: first and last names alone, and full names. */
export interface KnownNames {
  tokens: string[];
  /**
   * For each token, the index of its last word among the tokens (always an earlier one), or -1: a full name occurs
   * only where its surname does, and most turns name no one, so the surname's search answers for both.
   */
  witness: number[];
}

/** Adds a token, with both apostrophes (skipping the copies when there is none: a masker is made per conversation). */
function addToken(tokens: Set<string>, t: string): void {
  tokens.add(t);
  if (t.includes("'")) tokens.add(t.replace(/'/g, '’'));
  if (t.includes('’')) tokens.add(t.replace(/’/g, "'"));
}

const LETTER = /\p{L}/u;
/**
 * At least two letters (as UTF-16 units, like `replace(/[^\p{L}]/gu, '').length`): an initial ("W.") is not a name
 * alone. A loop, since this runs for every part of every name of every conversation.
 */
function hasTwoLetters(word: string): boolean {
  if (isAsciiLetter(word.charCodeAt(0)) && isAsciiLetter(word.charCodeAt(1))) return true; // most names
  let n = 0;
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    if (c < 128 ? isAsciiLetter(c) : LETTER.test(ch)) n += ch.length;
  }
  return n >= 2;
}

/** A name part that counts alone: not an initial ("W.") nor a particle ("van"). */
const isPart = (p: string) => hasTwoLetters(p) && !PARTICLES.has(p);

export function compileKnownNames(names: readonly string[]): KnownNames {
  if (names.length === 0) return NONE;
  // Each name's parts before the name and its surname, so a token's last word comes before it (its witness). Walked
  // with indexOf, not split and sort: a masker is made per conversation, and those cost more than the rest together.
  const tokens = new Set<string>();
  for (const raw of names) {
    const lower = raw.toLowerCase();
    const name = untidySpace(lower) ? lower.trim().replace(/\s+/g, ' ') : lower;
    if (name === '') continue;
    const first = name.indexOf(' ');
    for (let a = 0, b = first; ; a = b + 1, b = name.indexOf(' ', a)) {
      const part = b === -1 ? name.slice(a) : name.slice(a, b);
      if (isPart(part)) addToken(tokens, part);
      if (b === -1) break;
    }
    if (first !== -1) {
      const surname = name.slice(first + 1);
      if (isPart(surname)) addToken(tokens, surname);
    }
    addToken(tokens, name);
  }
  const list = [...tokens];
  const witness = list.map((t) => {
    const space = t.lastIndexOf(' ');
    return space === -1 ? -1 : list.indexOf(t.slice(space + 1));
  });
  return { tokens: list, witness };
}
const NONE: KnownNames = { tokens: [], witness: [] };

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return NON_ASCII_WORD.test(ch);
}

/**
 * indexOf over the lower-cased text rather than a regex: a regex per conversation costs about a
 * millisecond to compile and warm up, more than masking the whole conversation.
 */
export function detectKnownNames(text: string, known: KnownNames, out: Entity[], lower = text.toLowerCase()): void {
  const { tokens, witness } = known;
  if (tokens.length === 0) return;
  // Lower-casing can change the length (e.g. "İ"); then offsets would drift, so search the original.
  const haystack = lower.length === text.length ? lower : text;
  // Bit t: tokens[t] occurs (kept for the first 31 tokens; a token whose witness is beyond them is searched anyway).
  // The order of the spans found does not matter: resolveOverlaps ranks them.
  let occurs = 0;
  for (let t = 0; t < tokens.length; t++) {
    const w = witness[t]!;
    if (w !== -1 && w < 31 && (occurs & (1 << w)) === 0) continue;
    const token = tokens[t]!;
    const first = haystack.indexOf(token);
    if (first !== -1 && t < 31) occurs |= 1 << t;
    for (let i = first; i !== -1; i = haystack.indexOf(token, i + 1)) {
      const end = i + token.length;
      if (isWordChar(text[i - 1]) || isWordChar(text[end])) continue;
      const found = text.slice(i, end);
      if (found === token && COMMON_WORDS.has(token)) continue;
      out.push({ type: 'PERSON', start: i, end });
    }
  }
}
