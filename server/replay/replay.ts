/**
 * Replays a recorded session turn by turn through the same `assist` path the server uses, and
 * checks each turn's output independently of the guard: shown facts permitted, footnotes sound,
 * no withheld text or value anywhere in what the turn produced.
 */
import type { Message } from '../protocol/domain.js';
import type { Footnote } from '../protocol/assist.js';
import type { RecordedSession, SessionEvent } from '../protocol/session.js';
import { fold, type ConsentRecord } from '../consent/ledger.js';
import { assist, type AssistSettings } from '../assist/assist.js';
import type { Engine, ModelCall } from '../suggest/engine.js';
import { decide } from '../policy/policy.js';
import type { StoredFact } from '../store/types.js';
import { markersIn } from '../suggest/disclosure.js';
import { TemplateLimitError } from '../templates/limits.js';
import { buildContext } from '../context/view.js';
import { composeNotes, guardNotes } from '../suggest/customer-notes.js';
import type { Article, ArticleMatch } from '../protocol/articles.js';
import { findArticles } from '../articles/find.js';
import { repeatedSentences } from '../articles/passages.js';
import { openMemoryStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import type { DetectedRequest } from '../protocol/requests.js';
import { detectRequests } from '../requests/detect.js';

/** Links for the customer notes written in a replay: placeholders, since no customer is real here. */
const REPLAY_LINKS = { portal: 'https://candor.invalid/portal/start', pause: 'https://candor.invalid/portal/pause/x' };

export interface ReplayViolation {
  turn: number | null;
  code: string;
  message: string;
  path?: string;
}

export interface TurnReport {
  turn: number;
  context: {
    shown: { factId: string; consentId: string; category: string; text: string }[];
    withheld: { category: string; reason: string; count: number }[];
    articles: { articleId: string; title: string; updated: string; visibility: string }[];
  };
  suggestions: { text: string; footnotes: Footnote[] }[];
  /**
   * The privacy requests this customer turn holds, as the panel's detector finds them: in the replay's output only,
   * since the session format has no place for them; a session pins them through its expected output.
   */
  requests: DetectedRequest[];
}

export interface SessionReport {
  id: string;
  file: string;
  ok: boolean;
  violations: ReplayViolation[];
  turns: TurnReport[];
}

interface State {
  facts: Map<string, StoredFact>;
  records: ConsentRecord[];
  flags: { optedOut: boolean; gpc: boolean };
  /** The articles in force; `dirty` once an event changed them since the search index was last filled. */
  articles: Map<string, Article>;
  dirty: boolean;
}

function apply(state: State, e: SessionEvent, at: string) {
  switch (e.type) {
    case 'consent.granted':
      return void state.records.push({ kind: 'granted', consent: e.consent });
    case 'consent.withdrawn':
      return void state.records.push({ kind: 'withdrawn', consentId: e.consentId, at });
    case 'customer.opted_out':
      state.flags.optedOut = true;
      return;
    case 'customer.gpc':
      state.flags.gpc = true;
      return;
    case 'fact.added':
      return void state.facts.set(e.fact.id, e.fact);
    case 'article.updated':
      state.articles.set(e.article.id, e.article);
      state.dirty = true;
      return;
    case 'article.retired':
      state.articles.delete(e.articleId);
      state.dirty = true;
      return;
    case 'fact.erased': {
      const f = state.facts.get(e.factId);
      if (f) state.facts.set(e.factId, { ...f, text: '', value: null, erased: true });
    }
  }
}

/**
 * Whether a withheld fact's text or a specific value leaf appears in `output`. A value the customer
 * wrote in the conversation themselves ("my order 7781") is theirs to repeat and does not count.
 */
function leaks(fact: StoredFact, output: string, conversation: string): boolean {
  const needles = [fact.text];
  JSON.stringify(fact.value ?? null, (_k, v) => {
    if ((typeof v === 'string' && v.length >= 4) || (typeof v === 'number' && String(v).length >= 4))
      needles.push(String(v));
    return v;
  });
  const hay = output.toLowerCase();
  const said = conversation.toLowerCase();
  return needles.some((n) => n && hay.includes(n.toLowerCase()) && !said.includes(n.toLowerCase()));
}

/**
 * The session's articles searched as a server searches them: in a store of their own, in memory, filled again after an
 * event changed them. A session without articles opens none.
 */
function articleSearch(state: State) {
  let store: Store | null = null;
  return {
    async find(conversation: readonly Message[]): Promise<ArticleMatch[]> {
      if (!state.articles.size && !store) return [];
      store ??= await openMemoryStore();
      if (state.dirty) {
        const meta = { actor: 'replay', channel: 'replay' };
        await store.articles.retire(
          (await store.articles.list()).map((a) => a.id),
          meta,
        );
        await store.articles.upsert([...state.articles.values()], meta);
        state.dirty = false;
      }
      return findArticles(store.articles.search, conversation);
    },
    close: () => store?.close(),
  };
}

/** The replay's own checks on articles: footnotes cite a public article in force at its version; nothing internal. */
function articleViolations(
  suggestions: readonly { text: string; footnotes: Footnote[] }[],
  state: State,
  sent: string,
  add: (code: string, message: string) => void,
) {
  const internal = [...state.articles.values()].filter((a) => a.visibility === 'internal');
  for (const s of suggestions) {
    for (const fn of s.footnotes) {
      if ('factIds' in fn) continue;
      const a = state.articles.get(fn.articleId);
      if (a?.visibility !== 'public' || a.updated !== fn.articleUpdated)
        add(
          'article_footnote_invalid',
          `footnote [${fn.marker}] cites article ${fn.articleId} (${fn.articleUpdated}), which is not a public ` +
            'article in force at that version',
        );
    }
    const text = [s.text, ...s.footnotes.map((f) => f.explanation)].join('\n');
    for (const a of internal)
      if (repeatedSentences(text, a).length)
        add('internal_article_quoted', `a suggestion repeats a sentence of internal article ${a.id}`);
  }
  for (const a of internal)
    if (repeatedSentences(sent, a).length)
      add('internal_article_sent_to_model', `a sentence of internal article ${a.id} was in what the model was sent`);
}

export async function replaySession(
  session: RecordedSession,
  file: string,
  settings: AssistSettings,
  engine: Engine,
): Promise<SessionReport> {
  const articles = session.articles ?? [];
  const state: State = {
    facts: new Map(session.facts.map((f) => [f.id, f])),
    records: session.consents.map((consent) => ({ kind: 'granted', consent })),
    flags: { optedOut: session.customerFlags?.optedOut ?? false, gpc: session.customerFlags?.gpc ?? false },
    articles: new Map(articles.map((a) => [a.id, a])),
    dirty: articles.length > 0,
  };
  const search = articleSearch(state);
  try {
    return await replayTurns(session, file, settings, engine, state, search.find);
  } finally {
    await search.close();
  }
}

async function replayTurns(
  session: RecordedSession,
  file: string,
  settings: AssistSettings,
  engine: Engine,
  state: State,
  findArticlesFor: (conversation: readonly Message[]) => Promise<ArticleMatch[]>,
): Promise<SessionReport> {
  const conversation: Message[] = [];
  const turns: TurnReport[] = [];
  const violations: ReplayViolation[] = [];
  // Time only moves forward: a turn without `at` happens when the latest earlier turn did.
  let clock = session.recordedAt;

  for (const [i, turn] of session.turns.entries()) {
    if (turn.at && turn.at > clock) clock = turn.at;
    if (turn.role === 'event') {
      apply(state, turn, clock);
      continue;
    }
    conversation.push({ role: turn.role, text: turn.text, at: clock });
    if (turn.role !== 'customer') continue;

    const facts = [...state.facts.values()];
    const consents = fold(state.records);
    const input = {
      customer: session.customer,
      facts,
      consents,
      flags: state.flags,
      conversation,
      now: Date.parse(clock),
      articles: await findArticlesFor(conversation),
    };
    const sent: ModelCall[] = [];
    const request = {
      ticketId: session.id,
      conversation,
      names: [],
      recordModelCall: async (call: ModelCall) => sent.push(call),
    };
    const result = await assist(input, request, settings, engine).catch((e: unknown) => {
      // A template over its limits says where in the recording it was, for the lead who wrote it.
      throw e instanceof TemplateLimitError ? e.at(session.id, i) : e;
    });
    const { context, suggestions } = result.view;
    const report: TurnReport = {
      turn: i,
      context: {
        shown: context.shown.map((f) => ({
          factId: f.factId,
          consentId: f.consentId,
          category: f.category,
          text: f.text,
        })),
        withheld: context.withheld.map(({ category, reason, count }) => ({ category, reason, count })),
        articles: context.articles.map(({ articleId, title, updated, visibility }) => ({
          articleId,
          title,
          updated,
          visibility,
        })),
      },
      suggestions: suggestions.map((s) => ({ text: s.text, footnotes: s.footnotes })),
      requests: detectRequests(turn.text),
    };
    turns.push(report);

    const add = (code: string, message: string) => violations.push({ turn: i, code, message });
    for (const r of result.rejected) {
      for (const v of r.violations) add(v.code, `a suggestion from ${r.templateId}: ${v.message}`);
    }
    // Independent checks on what the turn produced, not on what the guard said about it.
    const decisions = new Map(
      decide({
        facts: facts.filter((f) => !f.erased),
        consents,
        flags: state.flags,
        rules: settings.rules,
        now: input.now,
      }).map((d) => [d.fact.id, d]),
    );
    for (const f of report.context.shown) {
      const d = decisions.get(f.factId);
      if (!d?.permitted || !d.consentIds.includes(f.consentId))
        add(
          'unpermitted_fact_shown',
          `fact ${f.factId} is shown but the policy does not permit it under ${f.consentId}`,
        );
    }
    // Customer notes, where the templates have them: written for each suggestion and guarded like it (the gate runs
    // here, so a lead's note template passes the same sessions as the others). Not part of the report's format.
    const ctx = buildContext(input, settings);
    const notes = suggestions.flatMap((s) => {
      const written = composeNotes(s, ctx, settings, REPLAY_LINKS);
      if (!written) return [];
      for (const v of guardNotes(s, written, ctx))
        add(v.code, `the customer notes for a suggestion from ${s.template.id}: ${v.message}`);
      return [written];
    });
    const output = JSON.stringify([report, notes]);
    for (const fact of facts) {
      if (decisions.get(fact.id)?.permitted || fact.erased) continue;
      if (leaks(fact, output, ''))
        add('withheld_value', `a value of withheld fact ${fact.id} (${fact.category}) appears in the output`);
      if (leaks(fact, JSON.stringify(sent), conversation.map((m) => m.text).join('\n')))
        add(
          'withheld_value_sent_to_model',
          `a value of withheld fact ${fact.id} (${fact.category}) was in what the model was sent`,
        );
    }
    if (result.view.note) add('model_answer_withheld', result.view.note);
    articleViolations(suggestions, state, JSON.stringify(sent.map((c) => c.messages)), add);
    for (const s of suggestions) {
      const markers = markersIn(s.text);
      const noted = s.footnotes.map((f) => f.marker);
      if (new Set(markers).size !== noted.length || noted.some((m) => !markers.includes(m)))
        add('footnote_mismatch', `markers [${markers.join(', ')}] do not match footnotes [${noted.join(', ')}]`);
      for (const fn of s.footnotes) {
        if (!('factIds' in fn)) continue;
        for (const id of fn.factIds) {
          const d = decisions.get(id);
          if (
            !report.context.shown.some((f) => f.factId === id) ||
            !d?.permitted ||
            !d.consentIds.includes(fn.consentId)
          ) {
            add(
              'footnote_unpermitted',
              `footnote [${fn.marker}] cites fact ${id} under ${fn.consentId}, which is not a shown, permitted pair`,
            );
          }
        }
      }
    }
  }
  return { id: session.id, file, ok: violations.length === 0, violations, turns };
}
