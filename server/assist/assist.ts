/**
 * The one path from a customer's stored data to what a panel shows: context view, an engine's
 * suggestions, the guard. The server, the socket handlers and the replay all come through here;
 * none has a second path. A model engine that fails, or whose every suggestion fails the guard,
 * is replaced by the offline suggestions, with a note that says why.
 */
import { factIdsOf, type AssistView, type Suggestion } from '../protocol/assist.js';
import { buildContext, type AssistContext, type ContextInput, type ContextSettings } from '../context/view.js';
import { guard, type Violation } from '../suggest/guard.js';
import { offlineSuggestions, type EngineDeps } from '../suggest/offline.js';
import { EngineFailure, type Engine, type EngineRequest } from '../suggest/engine.js';

export type AssistSettings = ContextSettings & EngineDeps;

export interface Rejected {
  engine: Engine['name'];
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

export interface SuggestOutcome {
  suggestions: Suggestion[];
  rejected: Rejected[];
  engine: Engine['name'];
  note: string | null;
}

function check(s: Suggestion, ctx: AssistContext, engine: Engine['name'], out: SuggestOutcome): boolean {
  const violations = guard(s, ctx);
  if (violations.length === 0) return true;
  out.rejected.push({ engine, templateId: s.template.id, factIds: s.footnotes.flatMap(factIdsOf), violations });
  return false;
}

/** Runs the engine over a context, guarding each suggestion before `onSuggestion` sees it. */
export async function suggest(
  ctx: AssistContext,
  request: EngineRequest,
  settings: AssistSettings,
  engine: Engine,
  onSuggestion: (s: Suggestion) => void = () => {},
): Promise<SuggestOutcome> {
  const out: SuggestOutcome = { suggestions: [], rejected: [], engine: engine.name, note: null };
  try {
    for await (const s of engine.suggest(ctx, request)) {
      if (check(s, ctx, engine.name, out)) {
        out.suggestions.push(s);
        onSuggestion(s);
      }
    }
  } catch (e) {
    if (!(e instanceof EngineFailure)) throw e;
    out.note = e.message;
  }
  if (engine.name !== 'offline' && out.suggestions.length === 0) {
    out.note ??= "The model's suggestions did not pass Candor's checks, so they were withheld.";
    out.engine = 'offline';
    for (const s of offlineSuggestions(ctx.view, settings, ctx.articles)) {
      if (check(s, ctx, 'offline', out)) {
        out.suggestions.push(s);
        onSuggestion(s);
      }
    }
  }
  return out;
}

/** Keeps only those earlier suggestions that still pass the guard against a new context (after a withdrawal, say). */
export function reguard(previous: readonly Suggestion[], ctx: AssistContext): Suggestion[] {
  return previous.filter((s) => guard(s, ctx).length === 0);
}

export function viewOf(ticketId: string, ctx: AssistContext, outcome: SuggestOutcome, pending = false): AssistView {
  return {
    ticketId,
    context: ctx.view,
    suggestions: outcome.suggestions,
    dropped: outcome.rejected.length,
    engine: outcome.engine,
    note: outcome.note,
    pending,
  };
}

export async function assist(
  input: ContextInput,
  request: EngineRequest,
  settings: AssistSettings,
  engine: Engine,
): Promise<AssistResult> {
  const ctx = buildContext(input, settings);
  const outcome = await suggest(ctx, request, settings, engine);
  return {
    view: viewOf(request.ticketId, ctx, outcome),
    rejected: outcome.rejected,
    withheldFactIds: ctx.withheldFacts.map((f) => f.id),
  };
}
