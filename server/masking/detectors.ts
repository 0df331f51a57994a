/**
 * `detect(text, known)`: every PII span in a text, typed, sorted and non-overlapping.
 *
 * Measured before choosing (`npx tsx bench/mask.ts`: recall / precision per type on the generated
 * chat corpus, then on presidio-research synth v2). No established npm redactor beat our own
 * patterns on any type, and none is fast enough to carry the whole job, so every detector is ours:
 * - EMAIL: redact-pii ties (1.00 / 1.00 on both); not adopted for one type, since the whole
 *   redactor runs at ~3 MB/s and pulls in @google-cloud/dlp, and its pattern is the same idea.
 * - PHONE: the peers are US-shaped: best 0.45 / 0.69 (redact-pii); ours 1.00 / 1.00, presidio 0.77.
 * - CARD, SSN: no Luhn or SSA rules in the peers: redact-pii 0.98 / 0.35 and 1.00 / 0.71.
 * - IBAN, NINO, DOB: only openredaction has them, at 0.71, 0.49, 0.54 recall and 0.17 MB/s.
 * - IP: redact-pii 0.83 / 0.79 (it takes version strings).
 * - PERSON, ADDRESS: openredaction 0.70 / 0.21 and 0.38 / 0.74; redact-pii 0.63 / 0.88 and 0.24 / 0.68.
 * The fast one, @redactpii/node (~25 MB/s), covers five types and finds 18% of the spans.
 *
 * Each detector proposes spans; where two overlap, the more specific type wins (a checksum-
 * verified IBAN over the phone-shaped digits inside it, a French NIR over a 15-digit Luhn pass, an
 * address over the name of its street),
 * then the longer span.
 */
import type { Entity, EntityType, Known } from './types.js';
import { detectCards, detectIbans, detectNinos, detectSsns } from './detect-numbers.js';
import { detectEmails, detectIps, detectPhones } from './detect-contact.js';
import { detectNationalIds } from './detect-national.js';
import { DOB_WORDS, detectDobs } from './detect-dob.js';
import { ADDRESS_WORDS, detectAddresses } from './detect-address.js';
import { detectCuedNames } from './detect-names.js';
import { compileKnownNames, detectKnownNames, type KnownNames } from './known-names.js';
import { scanFacts, wordSearch } from './scan.js';

const PRIORITY: Record<EntityType, number> = {
  EMAIL: 0,
  IBAN: 1,
  // A national number that passes its own check over a Luhn pass, which one number in ten makes.
  DE_TAX_ID: 2,
  DE_ID_CARD: 2,
  FR_NIR: 2,
  ES_DNI: 2,
  ES_NIE: 2,
  NL_BSN: 2,
  BE_NRN: 2,
  IT_CF: 2,
  CARD: 3,
  SSN: 4,
  NINO: 5,
  IP: 6,
  DOB: 7,
  ADDRESS: 8,
  PHONE: 9,
  PERSON: 10,
};

const outranks = (a: Entity, b: Entity) =>
  PRIORITY[a.type] - PRIORITY[b.type] || b.end - b.start - (a.end - a.start) || a.start - b.start;

/**
 * A copy in rank order, ties kept in their order (as a stable sort leaves them): by insertion when
 * there are a handful (a chat turn's usual count, where the built-in sort's set-up costs more than
 * the sorting), by the built-in sort when there are more, so a long text stays n log n.
 */
function rankSorted(candidates: Entity[]): Entity[] {
  if (candidates.length > 16) return [...candidates].sort(outranks);
  const ranked: Entity[] = [];
  for (const c of candidates) {
    let i = ranked.length;
    while (i > 0 && outranks(c, ranked[i - 1]!) < 0) i--;
    // A span found twice (a name by its cue and by the gazetteer) would lose to its twin: one is enough.
    const twin = ranked[i - 1];
    if (twin && twin.start === c.start && twin.end === c.end && twin.type === c.type) continue;
    ranked.push(c);
    for (let j = ranked.length - 1; j > i; j--) ranked[j] = ranked[j - 1]!;
    ranked[i] = c;
  }
  return ranked;
}

/** Keeps the highest-priority, then longest, of overlapping spans; returns them in text order. */
export function resolveOverlaps(candidates: Entity[]): Entity[] {
  if (candidates.length < 2) return candidates;
  const ranked = rankSorted(candidates);
  const kept: Entity[] = []; // sorted by start, pairwise disjoint
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > c.start) || (after && after.start < c.end)) continue;
    kept.splice(lo, 0, c);
  }
  return kept;
}

/**
 * The words the date-of-birth patterns and all address patterns but ENGLISH need, in one search over the lower-cased
 * text whose bits say which patterns may run: four turns with digits in five have none of them.
 */
const WORDED = wordSearch([...ADDRESS_WORDS, DOB_WORDS]);
const DOB_LABEL = 1 << ADDRESS_WORDS.length;

/** All detectors but the known names, which a masker compiles once per conversation. */
export function detectWith(text: string, knownNames: KnownNames): Entity[] {
  const found: Entity[] = [];
  const lower = text.toLowerCase(); // for cheap "does it mention …" checks before costlier patterns
  detectEmails(text, found);
  // Every other structured type carries digits, each at least so many together (a card 12, a phone 7…), and some
  // a letter beside them; most chat turns carry none or a few.
  const facts = scanFacts(text);
  const { digits, groupDigits } = facts;
  if (digits > 0) {
    if (facts.wideLetterDigit && groupDigits >= 2) detectIbans(text, found);
    if (groupDigits >= 12) detectCards(text, found);
    if (groupDigits >= 9) detectSsns(text, found, lower, facts);
    if (groupDigits >= 6 && facts.wideLetterNearDigit && facts.loneLetterAfterDigit) detectNinos(text, found);
    detectNationalIds(text, found, facts);
    detectIps(text, found, facts);
    const words = WORDED(lower);
    if (words & DOB_LABEL) detectDobs(text, found, lower, true);
    detectAddresses(text, found, lower, facts, words);
    if (groupDigits >= 7) detectPhones(text, found);
  }
  detectKnownNames(text, knownNames, found, lower);
  detectCuedNames(text, found, lower, facts);
  return resolveOverlaps(found);
}

export function detect(text: string, known: Known = {}): Entity[] {
  return detectWith(text, compileKnownNames(known.names ?? []));
}
