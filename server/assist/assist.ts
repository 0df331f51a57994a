/**
 * The one path from a customer's stored data to what a panel shows: context view, suggestions,
 * guard. The server, the socket handlers and the replay all call `assist`; none has a second path.
 */
import type { AssistView } from '../protocol/assist.js';
import { buildContext, type ContextInput, type ContextSettings } from '../context/view.js';
import { guard, type Violation } from '../suggest/guard.js';
import { offlineSuggestions, type EngineDeps } from '../suggest/offline.js';

export type AssistSettings = ContextSettings & EngineDeps;

export interface Rejected {
  suggestionIndex: number;
  templateId: string;
  factIds: string[];
  violations: Violation[];
}

export interface AssistResult {
  view: AssistView;
  rejected: Rejected[];
  /** Fact ids the policy withheld, for the audit entry (never their values). */
  withheldFactIds: string[];
}

export function assist(ticketId: string, input: ContextInput, settings: AssistSettings): AssistResult {
  const ctx = buildContext(input, settings);
  const candidates = offlineSuggestions(ctx.view, settings);
  const rejected: Rejected[] = [];
  const suggestions = candidates.filter((s, i) => {
    const violations = guard(s, ctx);
    if (violations.length === 0) return true;
    rejected.push({ suggestionIndex: i, templateId: s.template.id, factIds: s.footnotes.flatMap((f) => f.factIds), violations });
    return false;
  });
  return {
    view: { ticketId, context: ctx.view, suggestions, dropped: rejected.length },
    rejected,
    withheldFactIds: ctx.withheldFacts.map((f) => f.id),
  };
}
