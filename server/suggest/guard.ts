/**
 * The guard: the last check before a suggestion leaves the server, whatever engine wrote it.
 * A suggestion that fails is dropped; the violations name codes, markers and fact ids, never values.
 */
import { factIdsOf, type Suggestion } from '../protocol/assist.js';
import type { AssistContext } from '../context/view.js';
import { repeatedSentences } from '../articles/passages.js';
import { disclosureIn, markersIn, needles, sentences } from './disclosure.js';

export type ViolationCode =
  | 'marker_without_footnote'
  | 'footnote_without_marker'
  | 'duplicate_footnote'
  | 'footnote_cites_unshown_fact'
  | 'footnote_consent_not_permitting'
  | 'withheld_value'
  | 'undisclosed_fact'
  | 'no_source_disclosure'
  // Help-centre articles:
  | 'footnote_cites_unknown_article'
  | 'footnote_cites_internal_article'
  | 'footnote_cites_old_article_version'
  | 'internal_article_quoted'
  // Customer notes (customer-notes.ts):
  | 'note_without_footnote'
  | 'note_names_unused_fact'
  | 'footer_names_fact';

export interface Violation {
  code: ViolationCode;
  message: string;
}

export function guard(s: Suggestion, ctx: AssistContext): Violation[] {
  const v: Violation[] = [];
  const add = (code: ViolationCode, message: string) => v.push({ code, message });
  const shown = new Map(ctx.view.shown.map((f) => [f.factId, f]));
  const markers = markersIn(s.text);
  const byMarker = new Map<number, Suggestion['footnotes'][number]>();

  const articles = new Map(ctx.articles.map((m) => [m.article.id, m.article]));
  for (const f of s.footnotes) {
    if (byMarker.has(f.marker)) add('duplicate_footnote', `footnote [${f.marker}] appears twice`);
    byMarker.set(f.marker, f);
    if (!markers.includes(f.marker)) add('footnote_without_marker', `footnote [${f.marker}] has no marker in the text`);
    if (!('factIds' in f)) {
      const article = articles.get(f.articleId);
      if (!article)
        add('footnote_cites_unknown_article', `footnote [${f.marker}] cites article ${f.articleId}, not found here`);
      else if (article.visibility !== 'public')
        add('footnote_cites_internal_article', `footnote [${f.marker}] cites internal article ${f.articleId}`);
      else if (article.updated !== f.articleUpdated)
        add(
          'footnote_cites_old_article_version',
          `footnote [${f.marker}] cites article ${f.articleId} as of ${f.articleUpdated}; it was updated ${article.updated}`,
        );
      continue;
    }
    for (const id of f.factIds) {
      const fact = shown.get(id);
      if (!fact) add('footnote_cites_unshown_fact', `footnote [${f.marker}] cites fact ${id}, which is not shown`);
      else if (!fact.consentIds.includes(f.consentId)) {
        add(
          'footnote_consent_not_permitting',
          `footnote [${f.marker}] names consent ${f.consentId}, which does not permit fact ${id}`,
        );
      }
    }
  }
  for (const m of new Set(markers))
    if (!byMarker.has(m)) add('marker_without_footnote', `marker [${m}] has no footnote`);

  const everything = [s.text, ...s.footnotes.map((f) => f.explanation)].join('\n').toLowerCase();
  // Internal articles are for agents: no sentence of one reaches a customer, whoever wrote the suggestion.
  for (const { article } of ctx.articles) {
    if (article.visibility === 'internal' && repeatedSentences(everything, article).length)
      add('internal_article_quoted', `the suggestion repeats a sentence of internal article ${article.id}`);
  }
  for (const fact of ctx.withheldFacts) {
    if (needles(fact).some((n) => everything.includes(n))) {
      add('withheld_value', `a value of withheld fact ${fact.id} (${fact.category}) appears in the suggestion`);
    }
  }

  const shownTexts = ctx.view.shown.map((f) => f.text);
  const shownNeedles = ctx.view.shown.map((f) => ({ factId: f.factId, needles: needles(f) }));
  const disclosure = disclosureIn(ctx.view.language.locale);
  for (const sentence of sentences(s.text, shownTexts)) {
    const cited = new Set(
      markersIn(sentence.text).flatMap((m) => {
        const f = byMarker.get(m);
        return f ? factIdsOf(f) : [];
      }),
    );
    if (cited.size > 0 && !disclosure.test(sentence.text)) {
      add('no_source_disclosure', `the sentence citing ${[...cited].join(', ')} does not say where the data came from`);
    }
    const lower = sentence.text.toLowerCase();
    for (const fact of shownNeedles) {
      if (!cited.has(fact.factId) && fact.needles.some((n) => lower.includes(n))) {
        add('undisclosed_fact', `fact ${fact.factId} is used without a marker citing it`);
      }
    }
  }
  return v;
}
