/**
 * The assist as the server offers it: find the ticket's customer, read their snapshot, run the one
 * assist path, and write the audit entries that say which consents a view relied on and what a
 * model was sent.
 */
import { factIdsOf, isArticleFootnote, type AssistView, type Suggestion, type TicketRef } from '../protocol/assist.js';
import type { CustomerSnapshot, Store } from '../store/types.js';
import type { AuditDraft } from '../audit/chain.js';
import type { Logger } from '../log.js';
import { AppError } from '../errors.js';
import { buildContext, type AssistContext } from '../context/view.js';
import { decide } from '../policy/policy.js';
import { findArticles } from '../articles/find.js';
import { offlineEngine, type Engine, type EngineRequest } from '../suggest/engine.js';
import { reguard, suggest, viewOf, type AssistSettings, type SuggestOutcome } from './assist.js';

export interface AssistDeps {
  store: Store;
  settings: AssistSettings;
  engine: Engine;
  log: Logger;
  now?: () => number;
  /** The help centre's address, for links to public articles (CANDOR_HELP_CENTRE_URL). */
  helpCentreUrl?: string | undefined;
}

export interface OpenTicket {
  ticketId: string;
  customerId: string;
  conversation: TicketRef['conversation'];
  agentName?: string | undefined;
  language?: TicketRef['language'];
}

export async function resolveCustomerId(
  store: Store,
  ref: Pick<TicketRef, 'customerId' | 'requesterEmail'>,
): Promise<string> {
  // By id, only whether the row exists: the snapshot right after reads the customer (their name and e-mail need not be
  // opened twice). By e-mail, the address itself is what is matched.
  const id = ref.customerId
    ? (await store.customers.exists(ref.customerId)) && ref.customerId
    : (await store.customers.findByEmail(ref.requesterEmail!))?.id;
  if (!id) {
    const field = ref.customerId ? 'customerId' : 'requesterEmail';
    throw new AppError('customer_not_found', `no Candor customer matches this ticket's ${field}`, 404, [field]);
  }
  return id;
}

async function contextOf(
  deps: AssistDeps,
  snap: CustomerSnapshot,
  ticket: OpenTicket,
  now = deps.now?.() ?? Date.now(),
): Promise<AssistContext> {
  const articles = await findArticles(deps.store.articles.search, ticket.conversation, deps.helpCentreUrl);
  return buildContext(
    { ...snap, conversation: ticket.conversation, language: ticket.language, now, articles },
    deps.settings,
  );
}

/** Which article version each suggestion cited: ids only. */
const articleUses = (suggestions: readonly Suggestion[]) =>
  suggestions.flatMap((s) =>
    s.footnotes.filter(isArticleFootnote).map((f) => ({ articleId: f.articleId, updated: f.articleUpdated })),
  );

/**
 * The ticket ties an entry to the helpdesk's copy of the conversation: sealed, so erasure removes
 * it; an entry written after the customer was erased (a push to a panel still open) names none.
 */
const ticketSeal = (ticket: OpenTicket, snap: CustomerSnapshot) =>
  snap.erasedAt ? {} : { sealed: { ticketId: ticket.ticketId } };

function viewedEntry(ctx: AssistContext, ticket: OpenTicket, actor: string, snap: CustomerSnapshot): AuditDraft {
  const { view } = ctx;
  return {
    kind: 'context.viewed',
    actor,
    customerId: ticket.customerId,
    ...ticketSeal(ticket, snap),
    payload: {
      shownFactIds: view.shown.map((f) => f.factId),
      consentIds: [...new Set(view.shown.map((f) => f.consentId))],
      withheld: view.withheld.map(({ category, reason, count }) => ({ category, reason, count })),
      omitted: view.omitted,
    },
  };
}

function shownEntry(
  outcome: SuggestOutcome,
  ticket: OpenTicket,
  actor: string,
  deps: AssistDeps,
  snap: CustomerSnapshot,
): AuditDraft {
  for (const r of outcome.rejected) {
    deps.log.warn('suggestion dropped by guard', {
      customerId: ticket.customerId,
      engine: r.engine,
      template: r.templateId,
      factIds: r.factIds,
      codes: r.violations.map((v) => v.code),
    });
  }
  return {
    kind: 'suggestions.shown',
    actor,
    customerId: ticket.customerId,
    ...ticketSeal(ticket, snap),
    payload: {
      engine: outcome.engine,
      note: outcome.note,
      suggestions: outcome.suggestions.map((s) => ({
        id: s.id,
        template: s.template,
        modelCall: s.modelCall,
        factIds: s.footnotes.flatMap(factIdsOf),
        consentIds: [...new Set(s.footnotes.flatMap((f) => ('consentId' in f ? [f.consentId] : [])))],
        ...(s.footnotes.some(isArticleFootnote) ? { articles: articleUses([s]) } : {}),
      })),
      dropped: outcome.rejected.map((r) => ({
        engine: r.engine,
        template: r.templateId,
        codes: r.violations.map((v) => v.code),
      })),
    },
  };
}

function request(deps: AssistDeps, ticket: OpenTicket, actor: string): EngineRequest {
  return {
    ticketId: ticket.ticketId,
    conversation: ticket.conversation,
    names: ticket.agentName ? [ticket.agentName] : [],
    // What the model is sent is in the audit log before the call is made.
    async recordModelCall(call) {
      const { messages, ticketId, ...ids } = call;
      // The prompt quotes the conversation and shown facts (masked), the ticket names the conversation: sealed, so
      // erasure can remove them.
      const [seq] = await deps.store.audit.append([
        { kind: 'model.called', actor, customerId: ticket.customerId, payload: ids, sealed: { messages, ticketId } },
      ]);
      return seq ?? null;
    },
  };
}

export interface Opened {
  /** With the offline engine the view is recorded by `finish`: show it only through `finish`'s answer. */
  ctx: AssistContext;
  /** Runs the engine; each guarded suggestion goes to `onSuggestion` as it is ready. */
  finish(onSuggestion?: (s: Suggestion) => void): Promise<AssistView>;
}

async function heldSnapshot(deps: AssistDeps, customerId: string): Promise<CustomerSnapshot> {
  const snap = await deps.store.customers.snapshot(customerId);
  if (!snap) throw new AppError('customer_not_found', 'the customer was removed', 404, ['customerId']);
  // Erased at their request: nothing about them is shown, sent to a model or recorded again.
  if (snap.erasedAt)
    throw new AppError(
      'customer_erased',
      "this customer's data was erased at their request; Candor has nothing to show for them",
      410,
      ['customerId'],
    );
  return snap;
}

/** The ticket's context as it stands now (a check of the agent's reply reads it), without recording a view. */
export async function currentContext(deps: AssistDeps, ticket: OpenTicket): Promise<AssistContext> {
  return await contextOf(deps, await heldSnapshot(deps, ticket.customerId), ticket);
}

/**
 * Builds the ticket's context; the suggestions follow with `finish`. The view is recorded before
 * anyone sees it: with a model (whose context is shown while the model writes, and whose prompt
 * is recorded before the call) at once; with the offline engine, whose context and suggestions
 * are answered together, in the same transaction as the suggestions and their count (one commit
 * an opened ticket instead of three).
 */
export async function openTicket(deps: AssistDeps, ticket: OpenTicket, actor: string): Promise<Opened> {
  const snap = await heldSnapshot(deps, ticket.customerId);
  const ctx = await contextOf(deps, snap, ticket);
  const viewed = viewedEntry(ctx, ticket, actor, snap);
  const deferred = deps.engine.name === 'offline';
  if (!deferred) await deps.store.audit.append([viewed]);
  return {
    ctx,
    async finish(onSuggestion) {
      const outcome = await suggest(ctx, request(deps, ticket, actor), deps.settings, deps.engine, onSuggestion);
      const entries = [...(deferred ? [viewed] : []), shownEntry(outcome, ticket, actor, deps, snap)];
      // What the lead's "how each version did" counts as shown: suggestions of an opened ticket (not re-checks after a
      // change).
      // The articles its suggestions cited, in the same commit.
      await deps.store.templates.recordShown(
        outcome.suggestions.map((s) => s.template),
        entries,
        outcome.suggestions.flatMap((s) => articleUses([s]).map((u) => ({ ...u, suggestionId: s.id }))),
      );
      return viewOf(ticket.ticketId, ctx, outcome);
    },
  };
}

/** The whole view at once (REST). */
export async function assistFor(deps: AssistDeps, ticket: OpenTicket, actor: string): Promise<AssistView> {
  return (await openTicket(deps, ticket, actor)).finish();
}

/**
 * One fan-out of a customer's change: the snapshot and the moment every panel's view is made from. Tickets with the
 * same conversation (and language) then have the same articles, context and offline suggestions: each is worked out
 * once, not once per panel.
 */
export interface Refresh {
  snap: CustomerSnapshot;
  now: number;
  contexts: Map<string, Promise<AssistContext>>;
  offline: WeakMap<AssistContext, Promise<SuggestOutcome>>;
}

export const refreshOf = (deps: Pick<AssistDeps, 'now'>, snap: CustomerSnapshot): Refresh => ({
  snap,
  now: deps.now?.() ?? Date.now(),
  contexts: new Map(),
  offline: new WeakMap(),
});

function sharedContext(deps: AssistDeps, r: Refresh, ticket: OpenTicket): Promise<AssistContext> {
  const key = JSON.stringify([ticket.language ?? null, ticket.conversation]);
  let ctx = r.contexts.get(key);
  if (!ctx) {
    ctx = contextOf(deps, r.snap, ticket, r.now);
    r.contexts.set(key, ctx);
  }
  return ctx;
}

/** The offline engine reads nothing but the context: its suggestions for a shared context are shared too. */
function sharedOffline(deps: AssistDeps, r: Refresh, ctx: AssistContext, ticket: OpenTicket, actor: string) {
  let outcome = r.offline.get(ctx);
  if (!outcome) {
    outcome = suggest(ctx, request(deps, ticket, actor), deps.settings, offlineEngine(deps.settings));
    r.offline.set(ctx, outcome);
  }
  return outcome;
}

/**
 * A ticket's view after the customer's data changed under an open panel. No model is called: the
 * suggestions already shown are checked again against the new context and kept only if they still
 * pass; the offline engine refills when none is left. The audit entries are returned, not written,
 * so a fan-out writes them in one transaction; each ticket still has its own.
 */
export async function refreshTicket(
  deps: AssistDeps,
  r: Refresh,
  ticket: OpenTicket,
  previous: AssistView | undefined,
  actor: string,
): Promise<{ view: AssistView; audit: AuditDraft[] }> {
  const ctx = await sharedContext(deps, r, ticket);
  let outcome: SuggestOutcome;
  if (deps.engine.name === 'offline' || !previous || previous.engine === 'offline') {
    outcome = await sharedOffline(deps, r, ctx, ticket, actor);
  } else {
    const kept = reguard(previous.suggestions, ctx);
    outcome = kept.length
      ? { suggestions: kept, rejected: [], engine: previous.engine, note: previous.note }
      : {
          ...(await sharedOffline(deps, r, ctx, ticket, actor)),
          note: 'The earlier suggestions used data that may no longer be used, so they were removed.',
        };
  }
  return {
    view: viewOf(ticket.ticketId, ctx, outcome),
    audit: [viewedEntry(ctx, ticket, actor, r.snap), shownEntry(outcome, ticket, actor, deps, r.snap)],
  };
}

/**
 * Whether facts once sent to a model may still be shown: "what the AI saw" holds their text, so
 * after a withdrawal, an opt-out or an erasure it must not be opened again.
 */
export async function stillPermitted(
  deps: Pick<AssistDeps, 'store' | 'settings' | 'now'>,
  customerId: string,
  factIds: readonly string[],
): Promise<boolean> {
  const snap = await deps.store.customers.snapshot(customerId);
  if (!snap) return false;
  const facts = snap.facts.filter((f) => factIds.includes(f.id) && !f.erased);
  if (facts.length !== new Set(factIds).size) return false;
  const decisions = decide({
    facts,
    consents: snap.consents,
    flags: snap.flags,
    rules: deps.settings.rules,
    now: deps.now?.() ?? Date.now(),
  });
  return decisions.every((d) => d.permitted);
}
