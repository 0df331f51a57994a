/**
 * One ticket's session while it is recorded, with the real values (kept in memory only), and how it
 * becomes a `candor.session/v1` file: withheld and erased facts lose their text and value, then
 * everything is pseudonymised. A fact's value is recorded only if the policy permitted the fact
 * at some moment of the session (it was the agent's to see then), and never once it was erased.
 */
import type { Article } from '../protocol/articles.js';
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
  /** The conversation as the panel last sent it, to search the help centre again after a change. */
  conversation: readonly Message[];
  /** The file's `articles`: those found for the ticket that were in force when the session began. */
  articles: Article[];
  /** Every article the session has found, as last seen: what a later change is told apart from. */
  seenArticles: Map<string, Article>;
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
    conversation: [],
    articles: [],
    seenArticles: new Map(),
  };
}

/** The panel sends the whole conversation each time: only what is new since the last time is added. */
export function addMessages(s: LiveSession, conversation: readonly Message[], agentName: string | undefined): void {
  if (agentName) s.names.add(agentName);
  for (const m of conversation.slice(s.messages))
    s.turns.push({ role: m.role, text: m.text, ...(m.at ? { at: m.at } : {}) });
  s.messages = Math.max(s.messages, conversation.length);
  s.conversation = conversation;
}

/** Field by field, whatever order the store built the two objects in. */
const sameArticle = (a: Article, b: Article) =>
  JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

/**
 * What the help centre now holds of the session's articles: `found` for the conversation, and `current`, each article
 * seen before as the store has it now (null once retired). Called before the messages it was searched for are added,
 * so a change is in force from the turn the panel answered with it. An article the session finds for the first time
 * is put among those in force at the start when it is older than the session (its `updated` day before the session's),
 * otherwise it is added by an `article.updated` event, as is a new version of one seen before; a retired one ends with
 * `article.retired`. False when nothing changed.
 */
export function addArticles(
  s: LiveSession,
  found: readonly Article[],
  current: ReadonlyMap<string, Article | null>,
  now: number,
): boolean {
  const at = new Date(now).toISOString();
  const before = s.turns.length + s.articles.length;
  for (const [id, article] of current) {
    const seen = s.seenArticles.get(id);
    if (!seen) continue;
    if (!article) {
      s.seenArticles.delete(id);
      s.turns.push({ role: 'event', type: 'article.retired', articleId: id, at });
    } else if (!sameArticle(seen, article)) {
      s.seenArticles.set(id, article);
      s.turns.push({ role: 'event', type: 'article.updated', article, at });
    }
  }
  const opened = s.recordedAt.slice(0, 10);
  for (const article of found) {
    if (s.seenArticles.has(article.id)) continue;
    s.seenArticles.set(article.id, article);
    if (s.messages === 0 || article.updated < opened) s.articles.push(article);
    else s.turns.push({ role: 'event', type: 'article.updated', article, at });
  }
  return s.turns.length + s.articles.length > before;
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
    ...(s.articles.length ? { articles: s.articles } : {}),
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
