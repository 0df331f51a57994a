/**
 * Footnotes the customer can read: after a reply that used their facts, one short note per fact ("From your purchase
 * history, which you allowed us to use for … on 1 March 2026.") and a line on where to see or change it, with the
 * one-click pause. Written from the lead's `customer-note` and `customer-notes-footer` templates (edited and gated
 * like the others), from the suggestion's own footnotes, never from the model. `guardNotes` is their guard.
 */
import { factIdsOf, type Suggestion } from '../protocol/assist.js';
import type { AssistContext } from '../context/view.js';
import { categoryName } from '../taxonomy/taxonomy.js';
import { consentScope, customerScope, factScope, render } from '../templates/phrasing.js';
import { guard, type Violation } from './guard.js';
import { needles } from './disclosure.js';
import type { EngineDeps } from './offline.js';

export interface NoteLinks {
  /** Where the customer asks for their privacy page. */
  portal: string;
  /** Their one-click pause. */
  pause: string;
}

export interface CustomerNotes {
  /** One per footnote of the reply, in marker order: the marker it explains, and the note. */
  notes: { marker: number; text: string }[];
  footer: string;
}

/** The notes for `s`, or null when the templates folder has no customer-note templates (notes are not offered). */
export function composeNotes(
  s: Suggestion,
  ctx: AssistContext,
  deps: EngineDeps,
  links: NoteLinks,
): CustomerNotes | null {
  const { locale } = ctx.view.language;
  const note = deps.phrasing.only('customer-note', locale);
  const footer = deps.phrasing.only('customer-notes-footer', locale);
  if (!note || !footer) return null;
  const customer = customerScope(ctx.view.customer);
  const shown = new Map(ctx.view.shown.map((f) => [f.factId, f]));
  const notes = [...s.footnotes]
    .sort((a, b) => a.marker - b.marker)
    .flatMap((f) => {
      // An article's footnote is already written for the customer: it is its note.
      if (!('factIds' in f)) return [{ marker: f.marker, text: f.explanation }];
      // A footnote that cites an unshown fact has no note: the guard refuses the reply anyway.
      const fact = shown.get(f.factIds[0]!);
      if (!fact) return [];
      const consent = consentScope(
        fact.consent,
        fact.consent.purposeName,
        categoryName(deps.taxonomy, fact.consent.category),
        locale,
      );
      const scope = { customer, fact: factScope(fact, f.marker, locale), consent };
      return [{ marker: f.marker, text: render(note, scope) }];
    });
  return { notes, footer: render(footer, { customer, links }) };
}

/**
 * What the suggestion's guard says, and of the notes: each explains a footnote of this reply, names no fact the reply
 * did not use (by its text or values), and holds nothing withheld. The violations name codes, markers and fact ids.
 */
export function guardNotes(s: Suggestion, notes: CustomerNotes, ctx: AssistContext): Violation[] {
  const v = guard(s, ctx);
  const byMarker = new Map(s.footnotes.map((f) => [f.marker, f]));
  for (const n of notes.notes) {
    const footnote = byMarker.get(n.marker);
    if (!footnote) {
      v.push({ code: 'note_without_footnote', message: `customer note ${n.marker} explains no footnote of the reply` });
      continue;
    }
    const text = n.text.toLowerCase();
    for (const fact of ctx.view.shown)
      if (!factIdsOf(footnote).includes(fact.factId) && needles(fact).some((x) => text.includes(x)))
        v.push({
          code: 'note_names_unused_fact',
          message: `customer note ${n.marker} names fact ${fact.factId}, which its footnote does not cite`,
        });
  }
  const everything = [...notes.notes.map((n) => n.text), notes.footer].join('\n').toLowerCase();
  for (const fact of ctx.withheldFacts)
    if (needles(fact).some((x) => everything.includes(x)))
      v.push({
        code: 'withheld_value',
        message: `a value of withheld fact ${fact.id} (${fact.category}) is in the notes`,
      });
  const used = new Set(s.footnotes.flatMap(factIdsOf));
  const footer = notes.footer.toLowerCase();
  for (const fact of ctx.view.shown)
    if (needles(fact).some((x) => footer.includes(x)))
      v.push({
        code: used.has(fact.factId) ? 'footer_names_fact' : 'note_names_unused_fact',
        message: `the notes' last line names fact ${fact.factId}; it says only where to see or change data`,
      });
  return v;
}
