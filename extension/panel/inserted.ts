/**
 * What the agent inserted into a ticket's reply box, sentence by sentence, with the facts each
 * sentence relies on (its footnote markers, and for an edited text any cited fact's text it still
 * holds), and which of those sentences a new view of the customer takes away. Pure: the panel keeps
 * the records (memory and the host's session storage) and shows the warning (`consent-warning.ts`).
 */
import { factIdsOf, type ContextView, type Footnote, type ShownFact } from '../../server/protocol/assist.js';
import type { Notice } from '../../server/protocol/events.js';
import type { WithheldReason } from '../../server/protocol/domain.js';
import { withoutMarkers } from './summary.js';
import { type MessageKey, t, uiLocale } from '../shared/i18n.js';

/** One sentence as it went into the reply box (markers removed) and the facts it used. */
export interface InsertedSentence {
  text: string;
  factIds: string[];
}

/** One insert: its sentences that use facts, and each fact's category (key and name) as the panel showed it. */
export interface Insertion {
  suggestionId: string;
  at: string;
  sentences: InsertedSentence[];
  facts: Record<string, { category: string; name: string }>;
}

/** A remembered sentence a change took away, and why, in words. */
export interface Affected {
  suggestionId: string;
  sentence: string;
  reasons: string[];
}

const MARKER = /\[([1-9]\d*)\]/g;

/** Cut after `.`, `!` or `?` followed by a space, and at line breaks. */
export const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The sentences of `text` (as the agent inserted it, markers and all) that use a fact: a sentence
 * with marker n uses footnote n's facts (a customer note opened by ⁿ too); one that still holds a cited fact's text
 * uses that fact too (an edit may drop the marker and keep the words).
 */
export function usingFacts(
  text: string,
  footnotes: readonly Footnote[],
  shown: readonly ShownFact[],
  asInserted: (text: string) => string = withoutMarkers,
) {
  const byMarker = new Map(footnotes.map((f) => [f.marker, factIdsOf(f)]));
  const cited = new Set(footnotes.flatMap(factIdsOf));
  const texts = shown.filter((f) => cited.has(f.factId) && f.text.trim().length >= 4);
  const out: InsertedSentence[] = [];
  for (const piece of sentencesOf(text)) {
    const ids = new Set<string>();
    for (const m of piece.matchAll(MARKER)) for (const id of byMarker.get(Number(m[1])) ?? []) ids.add(id);
    const clean = asInserted(piece).trim();
    for (const f of texts) if (clean.includes(f.text.trim())) ids.add(f.factId);
    if (clean && ids.size) out.push({ text: clean, factIds: [...ids] });
  }
  return out;
}

export function insertion(
  suggestionId: string,
  text: string,
  footnotes: readonly Footnote[],
  shown: readonly ShownFact[],
  at: string,
  /** How the text went into the reply box: markers removed, or raised for customer notes. */
  asInserted: (text: string) => string = withoutMarkers,
): Insertion | null {
  const sentences = usingFacts(text, footnotes, shown, asInserted);
  if (!sentences.length) return null;
  const ids = new Set(sentences.flatMap((s) => s.factIds));
  const facts: Insertion['facts'] = {};
  for (const f of shown) if (ids.has(f.factId)) facts[f.factId] = { category: f.category, name: f.categoryName };
  return { suggestionId, at, sentences, facts };
}

/** Why a fact went, beyond the reasons a view gives: a GPC signal, an erasure. */
type TakenReason = WithheldReason | 'gpc' | 'erased';

/** Changes that take data away, and the reason each gives: a fact missing after one of these is gone. */
const TAKING: Partial<Record<Notice['kind'], TakenReason>> = {
  'consent.withdrawn': 'withdrawn',
  'customer.opted_out': 'opted_out',
  'customer.gpc': 'gpc',
  'fact.erased': 'erased',
  'customer.erased': 'erased',
};

/** The strongest reason first, when a category is withheld for several. */
const ORDER: WithheldReason[] = [
  'withdrawn',
  'opted_out',
  'expired',
  'needs_explicit_consent',
  'no_consent',
  'never_shown',
];

const REASON_KEYS: Record<TakenReason, MessageKey> = {
  withdrawn: 'taken_withdrawn',
  opted_out: 'taken_opted_out',
  gpc: 'taken_gpc',
  expired: 'taken_expired',
  needs_explicit_consent: 'taken_needs_explicit',
  no_consent: 'taken_no_consent',
  never_shown: 'taken_never_shown',
  erased: 'taken_erased',
};

/** A reason as a sentence of its own, in the agent's language: it starts with a capital. */
function reasonWords(reason: TakenReason, who: string, name: string): string {
  const words = t(REASON_KEYS[reason], who, name);
  return words.charAt(0).toLocaleUpperCase(uiLocale) + words.slice(1);
}

/**
 * The remembered sentences that use a fact `view` no longer shows because it was taken away. A fact
 * missing from a view (its context) can also just have been ranked out by the cap (`omitted`); it counts as taken
 * away when `notice` is a withdrawal, opt-out or erasure, when nothing was left out by the cap, or
 * when its category is now withheld. Reasons name categories, never a value.
 */
export function takenAway(insertions: readonly Insertion[], context: ContextView, notice?: Notice): Affected[] {
  const shown = new Set(context.shown.map((f) => f.factId));
  const withheld = new Map<string, WithheldReason>();
  for (const w of context.withheld) {
    const had = withheld.get(w.category);
    if (!had || ORDER.indexOf(w.reason) < ORDER.indexOf(had)) withheld.set(w.category, w.reason);
  }
  const who = context.customer.displayName.split(/\s+/)[0] || t('the_customer');
  const taking = notice && TAKING[notice.kind];
  const out: Affected[] = [];
  for (const ins of insertions) {
    const reasonFor = (id: string): string | null => {
      const fact = ins.facts[id];
      if (shown.has(id) || !fact) return null;
      const reason = withheld.get(fact.category) ?? taking ?? (context.omitted === 0 ? 'erased' : null);
      return reason ? reasonWords(reason, who, fact.name) : null;
    };
    for (const s of ins.sentences) {
      const reasons = [...new Set(s.factIds.map(reasonFor).filter((r): r is string => r !== null))];
      if (reasons.length) out.push({ suggestionId: ins.suggestionId, sentence: s.text, reasons });
    }
  }
  return out;
}

/** `insertions` without the given sentences (removed from the reply, or kept by the agent); empty inserts go. */
export function without(insertions: readonly Insertion[], sentences: readonly Affected[]): Insertion[] {
  const gone = new Set(sentences.map((a) => `${a.suggestionId}\n${a.sentence}`));
  return insertions
    .map((ins) => ({ ...ins, sentences: ins.sentences.filter((s) => !gone.has(`${ins.suggestionId}\n${s.text}`)) }))
    .filter((ins) => ins.sentences.length > 0);
}

/** "“I can see on your account that you ordered the Blender…”": quoted, at most `max` characters. */
export const quoted = (sentence: string, max = 80) =>
  t('quoted', sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence);
