/**
 * Pseudonymisation at record time: every free text a session file holds — the conversation, the
 * facts' texts, values and sources, the customer's display name, consent sources, what a model was
 * sent — with each real name, e-mail, phone, address, postcode, order or account number and the
 * like replaced by a fake of the same kind, the same fake for the same value throughout the file,
 * so the conversation still reads and footnotes still match. Ids, taxonomy keys, purposes and
 * times stay as they are: the replay needs them.
 */
import type { Article } from '../protocol/articles.js';
import type { Consent, Fact } from '../protocol/domain.js';
import type { RecordedSession, SessionTurn } from '../protocol/session.js';
import { kindOfCategory, kindOfKey, type Kind } from './hints.js';
import { createPseudonyms, type Visit } from './pseudonyms.js';
import type { ModelCall } from '../suggest/engine.js';

/**
 * One model exchange as the model was sent it (already masked), kept in the file's `llm`; where it was sent is this
 * server's setting, not part of the session.
 */
export type LlmExchange = Omit<ModelCall, 'ticketId' | 'endpoint'> & { at: string };

export type SessionDraft = Omit<RecordedSession, 'llm'> & { llm?: LlmExchange[] };

type Json = NonNullable<Fact['value']>[string];
const PLAIN_INTEGER = /^[1-9]\d{0,14}$/;

function value(x: Json, v: Visit, kind?: Kind): Json {
  if (typeof x === 'string') return kind ? v.whole(x, kind) : v.text(x);
  if (typeof x === 'number') {
    // An account number kept as a number is still an account number.
    const s = String(x);
    const out = kind ? v.whole(s, kind) : v.text(s);
    return out === s ? x : PLAIN_INTEGER.test(out) ? Number(out) : out;
  }
  if (Array.isArray(x)) return x.map((e) => value(e, v, kind));
  if (x && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, e]) => [k, value(e, v, kindOfKey(k) ?? kind)]));
  return x;
}

function visit(s: SessionDraft, v: Visit): SessionDraft {
  const fact = (f: Fact): Fact => ({
    ...f,
    text: v.text(f.text, kindOfCategory(f.category)),
    ...(f.value ? { value: value(f.value, v) as Fact['value'] } : {}),
    source: v.text(f.source),
  });
  const consent = (k: Consent): Consent => ({ ...k, source: v.text(k.source) });
  // The organisation's text, but an internal article may name a customer: it is visited like the rest.
  const article = (a: Article): Article => ({ ...a, title: v.text(a.title), body: v.text(a.body) });
  const turn = (t: SessionTurn): SessionTurn => {
    if (t.role !== 'event') return { ...t, text: v.text(t.text) };
    if (t.type === 'consent.granted') return { ...t, consent: consent(t.consent) };
    if (t.type === 'fact.added') return { ...t, fact: fact(t.fact) };
    if (t.type === 'article.updated') return { ...t, article: article(t.article) };
    return t;
  };
  return {
    ...s,
    customer: { ...s.customer, displayName: v.whole(s.customer.displayName, 'PERSON') },
    facts: s.facts.map(fact),
    consents: s.consents.map(consent),
    ...(s.articles ? { articles: s.articles.map(article) } : {}),
    turns: s.turns.map(turn),
    ...(s.llm
      ? { llm: s.llm.map((x) => ({ ...x, messages: x.messages.map((m) => ({ ...m, content: v.text(m.content) })) })) }
      : {}),
  };
}

/**
 * The session with its PII replaced. `names` are the ticket's known names (the customer's and the
 * agent's), found wherever they occur; `seed` makes the fakes the same on every rewrite of a file.
 */
export function pseudonymiseSession(
  session: SessionDraft,
  opts: { seed: string; names: readonly string[] },
): SessionDraft {
  const { learn, replace } = createPseudonyms(opts);
  visit(session, learn);
  return visit(session, replace);
}
