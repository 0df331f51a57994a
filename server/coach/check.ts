/**
 * The coach's check of an agent's reply before they send it, sentence by sentence, against the ticket's context:
 * - a sentence that uses a shown fact (its text, a part of its text, or one whole field of its value) without
 *   saying where it came from fails the guard's disclosure rule;
 * - a sentence that holds a withheld fact's whole value is named by position, category and reason only;
 * - a full card number, IBAN, SSN or National Insurance number (verified as the masking detectors verify them)
 *   should go out masked.
 * A value counts only whole (never a part of one), so a guess tells an agent nothing unless it is the value.
 */
import { randomBytes } from 'node:crypto';
import type { AssistContext } from '../context/view.js';
import type { FlagKind, IdentifierType, ReplyFlag } from '../protocol/coach.js';
import type { Entity } from '../masking/types.js';
import { detectCards, detectIbans, detectNinos, detectSsns } from '../masking/detect-numbers.js';
import { DISCLOSURE, needles, sentences } from '../suggest/disclosure.js';
import { disclosed, maskIdentifiers } from './rephrase.js';

/** Letters and digits only, lower case, single spaces: "12 Harbour Road," and "12 harbour  road" are one value. */
const normal = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Fewer letters and digits than this match ordinary words by accident, so they never count. */
const SHORTEST = 4;

interface Needle {
  raw: string;
  words: string;
}
const needleOf = (raw: string): Needle => ({ raw, words: ` ${normal(raw)} ` });

/** The whole value, as typed (any case) or as the same words: never a part of it. */
const holds = (sentence: string, n: Needle) =>
  sentence.toLowerCase().includes(n.raw) || ` ${normal(sentence)} `.includes(n.words);

/** Sentences of each line, with their place in the whole text; a greeting line is a sentence of its own. */
function sentencesOf(text: string, keep: readonly string[]): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    for (const s of sentences(line, keep)) {
      const lead = s.text.length - s.text.trimStart().length;
      const trimmed = s.text.trim();
      if (trimmed) out.push({ text: trimmed, start: at + s.start + lead });
    }
    at += line.length + 1;
  }
  return out;
}

function identifiersIn(sentence: string): (Entity & { type: IdentifierType })[] {
  const found: Entity[] = [];
  detectIbans(sentence, found);
  detectCards(sentence, found);
  detectSsns(sentence, found);
  detectNinos(sentence, found);
  // An IBAN's digits can read as a card too: the first found (IBANs are looked for first) keeps its span.
  const kept: Entity[] = [];
  for (const e of found) if (!kept.some((k) => e.start < k.end && k.start < e.end)) kept.push(e);
  return kept as (Entity & { type: IdentifierType })[];
}

/** A flag's id: what the panel names when it reports the flag applied or ignored. */
const id = () => randomBytes(8).toString('hex');

/**
 * A shown fact's identifying parts: the pieces of its text ("Blender Pro 3000", "order #1042"). The agent sees the
 * fact, so matching parts of it reveals nothing; a withheld fact's parts are never matched.
 */
const parts = (text: string) => text.split(/[,;:()|\u2014]|\s-\s/).map((p) => p.trim().toLowerCase());

export interface CheckResult {
  sentences: number;
  flags: ReplyFlag[];
}

export function checkReply(text: string, ctx: AssistContext): CheckResult {
  const { shown } = ctx.view;
  const usable = (raw: string) => normal(raw).replace(/ /g, '').length >= SHORTEST;
  const shownNeedles = shown.map((f) => ({
    fact: f,
    needles: [...needles(f), ...parts(f.text)].filter(usable).map(needleOf),
  }));
  const shownWords = new Set(shownNeedles.flatMap((s) => s.needles.map((n) => n.words)));
  // A withheld value that a shown fact also holds reveals nothing withheld.
  const withheldNeedles = ctx.withheldFacts.map((f) => ({
    fact: f,
    needles: needles(f)
      .filter(usable)
      .map(needleOf)
      .filter((n) => !shownWords.has(n.words)),
  }));
  const reasons = new Map(ctx.view.withheld.map((w) => [w.category, w]));
  const split = sentencesOf(
    text,
    shown.map((f) => f.text),
  );
  const flags: ReplyFlag[] = [];
  for (const s of split) {
    const place = { start: s.start, end: s.start + s.text.length };
    const withheld = withheldNeedles.find((w) => w.needles.some((n) => holds(s.text, n)));
    if (withheld) {
      const counted = reasons.get(withheld.fact.category);
      flags.push({
        id: id(),
        kind: 'withheld_value',
        ...place,
        sentence: null,
        rephrasing: null,
        ...(counted ? { categoryName: counted.categoryName, reason: counted.reason } : {}),
      });
      continue; // nothing of this sentence is said back
    }
    const used = DISCLOSURE.test(s.text)
      ? undefined
      : shownNeedles.find((u) => u.needles.some((n) => holds(s.text, n)));
    const ids = identifiersIn(s.text);
    if (!used && ids.length === 0) continue;
    const masked = maskIdentifiers(s.text, ids);
    const rephrasing = used ? disclosed(masked) : masked;
    const flag = (kind: FlagKind, extra: Partial<ReplyFlag>) =>
      flags.push({ id: id(), kind, ...place, sentence: s.text, rephrasing, ...extra });
    if (used) flag('undisclosed_fact', { categoryName: used.fact.categoryName });
    for (const type of new Set(ids.map((e) => e.type))) flag('raw_identifier', { identifier: type });
  }
  return { sentences: split.length, flags };
}

/** How many flags of each kind: what is audited and counted, never the text. */
export function countByKind(flags: readonly ReplyFlag[]): Record<FlagKind, number> {
  const counts: Record<FlagKind, number> = { undisclosed_fact: 0, withheld_value: 0, raw_identifier: 0 };
  for (const f of flags) counts[f.kind] += 1;
  return counts;
}
