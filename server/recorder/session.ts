/**
 * One ticket's session while it is recorded, with the real values (kept in memory only), and how it
 * becomes a `candor.session/v1` file: withheld and erased facts lose their text and value, then
 * everything is pseudonymised. A fact's value is recorded only if the policy permitted the fact
 * at some moment of the session (it was the agent's to see then), and never once it was erased.
 */
import type { Message } from '../protocol/domain.js';
import type { SessionTurn } from '../protocol/session.js';
import type { Fact } from '../protocol/domain.js';
import type { ConsentState } from '../consent/ledger.js';
import type { CustomerSnapshot } from '../store/types.js';
import { decide, type PolicyRules } from '../policy/policy.js';
import { changesBetween, plainConsent } from './changes.js';
import { pseudonymiseSession, type LlmExchange, type SessionDraft } from './pseudonymise.js';

export const WITHHELD_TEXT = '(withheld: not recorded)';
export const ERASED_TEXT = '(erased: not recorded)';

export interface LiveSession {
  id: string;
  ticketId: string;
  customerId: string;
  recordedAt: string;
  /** The customer as the ticket was opened: display name, facts (erased ones left out), consents, flags. */
  first: CustomerSnapshot;
  /** The customer's data as last seen, to tell what a change changed. */
  known: CustomerSnapshot;
  /** The conversation messages, then events, in order; `messages` counts the panel's messages among them. */
  turns: SessionTurn[];
  messages: number;
  names: Set<string>;
  /** Facts the policy permitted at some moment of the session, and facts erased during it. */
  revealed: Set<string>;
  erased: Set<string>;
}

function permitted(snap: CustomerSnapshot, rules: PolicyRules, now: number): string[] {
  const live = snap.facts.filter((f) => !f.erased);
  return decide({ facts: live, consents: snap.consents, flags: snap.flags, rules, now })
    .filter((d) => d.permitted)
    .map((d) => d.fact.id);
}

export function startSession(o: {
  id: string;
  ticketId: string;
  snap: CustomerSnapshot;
  rules: PolicyRules;
  now: number;
}): LiveSession {
  const { snap } = o;
  const recordedAt = new Date(o.now).toISOString();
  const first = { ...snap, facts: snap.facts.filter((f) => !f.erased) };
  // A consent withdrawn before the ticket was opened is replayed as withdrawn, so it keeps its reason.
  const turns: SessionTurn[] = snap.consents
    .filter((k): k is ConsentState & { withdrawnAt: string } => k.withdrawnAt !== null)
    .map((k) => ({ role: 'event', type: 'consent.withdrawn', consentId: k.id, at: k.withdrawnAt }));
  return {
    id: o.id,
    ticketId: o.ticketId,
    customerId: snap.customer.id,
    recordedAt,
    first,
    known: snap,
    turns,
    messages: 0,
    names: new Set([snap.customer.displayName]),
    revealed: new Set(permitted(snap, o.rules, o.now)),
    erased: new Set(),
  };
}

/** The panel sends the whole conversation each time: only what is new since the last time is added. */
export function addMessages(s: LiveSession, conversation: readonly Message[], agentName: string | undefined): void {
  if (agentName) s.names.add(agentName);
  for (const m of conversation.slice(s.messages))
    s.turns.push({ role: m.role, text: m.text, ...(m.at ? { at: m.at } : {}) });
  s.messages = Math.max(s.messages, conversation.length);
}

/** The events that take the session from what it knew to `snap`; false when nothing changed. */
export function addChanges(s: LiveSession, snap: CustomerSnapshot, rules: PolicyRules, now: number): boolean {
  const events = changesBetween(s.known, snap, new Date(now).toISOString());
  s.known = snap;
  for (const id of permitted(snap, rules, now)) s.revealed.add(id);
  for (const e of events) if (e.type === 'fact.erased') s.erased.add(e.factId);
  s.turns.push(...events);
  return events.length > 0;
}

/**
 * The file: the customer's id replaced, everything pseudonymised, then withheld and erased facts
 * stripped of text and value. Withheld values go through the pseudonymiser first so that, should
 * the conversation mention one, it is replaced there too.
 */
export function renderSession(s: LiveSession, llm: LlmExchange[]): SessionDraft {
  const draft: SessionDraft = {
    format: 'candor.session/v1',
    id: s.id,
    title: `Recorded session ${s.recordedAt.slice(0, 16).replace('T', ' ')} UTC`,
    recordedAt: s.recordedAt,
    customer: { id: `customer-${s.id.slice(-6)}`, displayName: s.first.customer.displayName },
    facts: s.first.facts.map(({ erased: _e, ...f }) => f),
    consents: s.first.consents.map(plainConsent),
    customerFlags: s.first.flags,
    turns: s.turns,
    ...(llm.length ? { llm } : {}),
  };
  const out = pseudonymiseSession(draft, { seed: s.id, names: [...s.names] });
  const recordable = (f: Fact): Fact => {
    if (s.revealed.has(f.id) && !s.erased.has(f.id)) return f;
    // An erased fact loses its source too, as in the store; a withheld one keeps it (where an agent would look).
    const erased = s.erased.has(f.id);
    return {
      id: f.id,
      category: f.category,
      text: erased ? ERASED_TEXT : WITHHELD_TEXT,
      source: erased ? ERASED_TEXT : f.source,
      collectedAt: f.collectedAt,
    };
  };
  return {
    ...out,
    facts: out.facts.map(recordable),
    turns: out.turns.map((t) =>
      t.role === 'event' && t.type === 'fact.added' ? { ...t, fact: recordable(t.fact) } : t,
    ),
  };
}
