/**
 * What a model must answer (structured output), and how an answer becomes suggestions: placeholders
 * re-hydrated locally, invented ones dropped, fact refs mapped to the facts that were given, and
 * footnotes written by Candor from the fact's own explanation. Unsafe answers are dropped, never guessed.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ContextView, Footnote, ShownFact, Suggestion } from '../../protocol/assist.js';
import type { ArticleMatch } from '../../protocol/articles.js';
import { articleFootnoteFor, footnoteFor, type EngineDeps } from '../offline.js';
import { markersIn, sentences } from '../disclosure.js';

export const ModelAnswer = z.object({
  suggestions: z
    .array(
      z.object({
        text: z.string().describe('The reply, with a marker like [1] right after each use of a fact.'),
        footnotes: z.array(
          z.object({
            marker: z.number().int(),
            facts: z
              .array(z.string())
              .describe('Refs such as "F1" of the facts this marker cites, or the one ref such as "A1" of an article.'),
          }),
        ),
      }),
    )
    .describe('One to three suggested replies.'),
});
export type ModelAnswer = z.infer<typeof ModelAnswer>;
export type ModelSuggestion = ModelAnswer['suggestions'][number];
export const ModelSuggestion = ModelAnswer.shape.suggestions.element;

export interface Unmasker {
  unmask(text: string): { text: string; invented: string[] };
}

export type Converted = { ok: true; suggestion: Suggestion; repairs: string[] } | { ok: false; reason: string };

export interface ConvertInput {
  raw: ModelSuggestion;
  refs: ReadonlyMap<string, ShownFact>;
  articleRefs: ReadonlyMap<string, ArticleMatch>;
  view: ContextView;
  masker: Unmasker;
  deps: EngineDeps;
  template: { id: string; version: number };
  modelCall: number | null;
}

export function toSuggestion({
  raw,
  refs,
  articleRefs,
  view,
  masker,
  deps,
  template,
  modelCall,
}: ConvertInput): Converted {
  const repairs: string[] = [];
  const { text, invented } = masker.unmask(raw.text);
  if (invented.length) repairs.push(`dropped ${invented.length} placeholder(s) the model invented`);
  const clean = text.replace(/\s{2,}/g, ' ').trim();
  if (!clean) return { ok: false, reason: 'empty text' };

  const markers = [...new Set(markersIn(clean))];
  const byMarker = new Map<number, ShownFact[]>();
  const articleByMarker = new Map<number, ArticleMatch>();
  for (const f of raw.footnotes) {
    const facts: ShownFact[] = [];
    const cited = f.facts.filter((ref) => /^A\d+$/.test(ref));
    if (cited.length) {
      // A footnote cites either facts or one article (shared/spec/knowledge-articles.md).
      if (cited.length !== f.facts.length || cited.length > 1)
        return { ok: false, reason: 'a footnote cites an article beside other sources' };
      const match = articleRefs.get(cited[0]!);
      if (!match) return { ok: false, reason: 'cites an article it was not given' };
      if (!markers.includes(f.marker)) repairs.push(`dropped footnote [${f.marker}] with no marker`);
      else if (!byMarker.has(f.marker) && !articleByMarker.has(f.marker)) articleByMarker.set(f.marker, match);
      continue;
    }
    for (const ref of f.facts) {
      const fact = refs.get(ref);
      // The reason goes to the log: the ref is the model's text, which may echo the customer, so it is not quoted.
      if (!fact) return { ok: false, reason: 'cites a fact it was not given' };
      facts.push(fact);
    }
    if (!markers.includes(f.marker)) {
      repairs.push(`dropped footnote [${f.marker}] with no marker`);
      continue;
    }
    if (facts.length && !byMarker.has(f.marker) && !articleByMarker.has(f.marker)) byMarker.set(f.marker, facts);
  }
  const shown = [...refs.values()];
  for (const m of markers) {
    if (byMarker.has(m) || articleByMarker.has(m)) continue;
    // A marker without a footnote is repaired only when its sentence quotes exactly one given fact.
    const sentence = sentences(
      clean,
      shown.map((f) => f.text),
    ).find((s) => markersIn(s.text).includes(m));
    const quoted = shown.filter((f) => sentence?.text.toLowerCase().includes(f.text.toLowerCase()));
    if (quoted.length !== 1) return { ok: false, reason: `marker [${m}] has no footnote` };
    byMarker.set(m, quoted);
    repairs.push(`added the footnote for [${m}] from the fact it quotes`);
  }

  const footnotes: Footnote[] = [];
  for (const [marker, facts] of byMarker) {
    const common = facts[0]!.consentIds.filter((k) => facts.every((f) => f.consentIds.includes(k)));
    if (common.length === 0)
      return { ok: false, reason: `footnote [${marker}] joins facts that rest on different consents` };
    const first = footnoteFor(facts[0]!, marker, view, deps);
    const consentId = common.includes(facts[0]!.consentId) ? facts[0]!.consentId : common[0]!;
    footnotes.push({ ...first, factIds: facts.map((f) => f.factId), consentId });
  }
  for (const [marker, match] of articleByMarker) footnotes.push(articleFootnoteFor(match, marker, view, deps));
  footnotes.sort((a, b) => a.marker - b.marker);
  const id = createHash('sha256').update(`${template.id}\n${clean}`).digest('base64url').slice(0, 12);
  return { ok: true, suggestion: { id, text: clean, footnotes, template, modelCall }, repairs };
}
