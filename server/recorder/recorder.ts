/**
 * The session recorder. While a lead has recording switched on, each ticket a panel opens becomes
 * one session, written to `<CANDOR_DATA_DIR>/recordings/<id>.json` and rewritten whole at every
 * step (new messages, a change to the customer's data or to the help centre, a model exchange), so a
 * crash loses at most the last step. The help-centre articles found for the ticket are kept at the
 * version in force at each turn, so the replay cites what the panel cited. The setting is read at
 * every step: switching it off stops every session at once. Recording never gets in a panel's way:
 * a failure is logged with ids only.
 */
import type { AssistSettings } from '../assist/assist.js';
import type { OpenTicket } from '../assist/service.js';
import type { Logger } from '../log.js';
import { RecordingSetting } from '../protocol/api.js';
import { modelCallOf } from '../audit/model-call.js';
import { RecordedSession } from '../protocol/session.js';
import type { Store } from '../store/types.js';
import { newRecordingId, sealFor, writeRecording } from './files.js';
import type { LlmExchange } from './pseudonymise.js';
import { findArticles } from '../articles/find.js';
import type { Message } from '../protocol/domain.js';
import { addArticles, addChanges, addMessages, renderSession, startSession, type LiveSession } from './session.js';

export const RECORDING_KEY = 'recording';

/** Off unless a lead switched it on. */
export async function recordingSetting(store: Store): Promise<RecordingSetting> {
  const value = await store.settings.get(RECORDING_KEY);
  return value === null ? { enabled: false } : RecordingSetting.parse(value);
}

/** Sessions followed at once; past this the least recently active one is let go (its file stays). */
const MAX_LIVE = 500;

export interface Recorder {
  /** A panel opened a ticket, or opened it again with a longer conversation, or its model finished. */
  ticket(t: OpenTicket): Promise<void>;
  /** The customer's data changed: each of their sessions gets the events, read from the store. */
  changed(customerId: string): Promise<void>;
  /** A panel closed the ticket: its session ends, the file stays as last written. */
  closed(ticketId: string, customerId: string): void;
  /** The customer was erased: their sessions end at once, after any step under way, and are never written again. */
  forget(customerId: string): Promise<void>;
}

export function createRecorder(deps: {
  store: Store;
  settings: AssistSettings;
  log: Logger;
  dir: string;
  now?: () => number;
}): Recorder {
  const live = new Map<string, LiveSession>();
  const queues = new Map<string, Promise<void>>();
  const now = () => deps.now?.() ?? Date.now();
  const keyOf = (ticketId: string, customerId: string) => `${ticketId}\u0000${customerId}`;

  /** One session's steps run in order, so two writes never interleave. */
  function serial(key: string, step: () => Promise<void>): Promise<void> {
    const next = (queues.get(key) ?? Promise.resolve()).then(step).catch((e: Error) => {
      // Frames only: the message line could quote a value from the session (a parse error, a path).
      deps.log.error('recording failed', { error: e.name, stack: e.stack?.split('\n').slice(1, 3).join(' | ') });
    });
    queues.set(key, next);
    void next.finally(() => queues.get(key) === next && queues.delete(key));
    return next;
  }

  async function on(): Promise<boolean> {
    if ((await recordingSetting(deps.store)).enabled) return true;
    live.clear();
    return false;
  }

  /** The ticket's model exchanges since the session began, as the audit log kept them (masked). */
  async function exchanges(s: LiveSession): Promise<LlmExchange[]> {
    const entries = await deps.store.audit.list({
      customerId: s.customerId,
      kind: 'model.called',
      since: s.recordedAt,
      limit: 1000,
    });
    return entries.reverse().flatMap((e) => {
      const call = modelCallOf(e);
      // A prompt that carried a fact erased since goes with the fact.
      if (!call || call.ticketId !== s.ticketId || call.factIds.some((id) => s.erased.has(id))) return [];
      return [
        {
          at: call.at,
          model: call.model,
          templates: call.templates,
          messages: call.messages,
          factIds: call.factIds,
          consentIds: call.consentIds,
        },
      ];
    });
  }

  /** The articles the panel finds for `conversation` now, and those the session saw before as the store has them. */
  async function followArticles(s: LiveSession, conversation: readonly Message[]): Promise<boolean> {
    const found = await findArticles(deps.store.articles.search, conversation);
    const ids = [...s.seenArticles.keys()];
    const current = await Promise.all(ids.map((id) => deps.store.articles.get(id)));
    return addArticles(
      s,
      found.map((m) => m.article),
      new Map(ids.map((id, i) => [id, current[i] ?? null])),
      now(),
    );
  }

  async function save(s: LiveSession) {
    // Parsed as every reader of the file will parse it: a file the replay refuses is never written.
    const session = RecordedSession.parse(renderSession(s, await exchanges(s)));
    await writeRecording(deps.dir, session, sealFor(deps.store.recordings, s.customerId));
  }

  return {
    ticket(t) {
      const key = keyOf(t.ticketId, t.customerId);
      return serial(key, async () => {
        if (!(await on())) return;
        let s = live.get(key);
        if (!s) {
          const snap = await deps.store.customers.snapshot(t.customerId);
          if (!snap || snap.erasedAt) return;
          s = startSession({
            id: newRecordingId(now()),
            ticketId: t.ticketId,
            snap,
            rules: deps.settings.rules,
            now: now(),
          });
          await deps.store.recordings.own(s.id, s.customerId);
        }
        live.delete(key);
        live.set(key, s);
        if (live.size > MAX_LIVE) live.delete(live.keys().next().value!);
        await followArticles(s, t.conversation);
        addMessages(s, t.conversation, t.agentName);
        await save(s);
      });
    },
    async changed(customerId) {
      const sessions = [...live].filter(([, s]) => s.customerId === customerId);
      await Promise.all(
        sessions.map(([key, s]) =>
          serial(key, async () => {
            if (!(await on()) || live.get(key) !== s) return;
            const snap = await deps.store.customers.snapshot(customerId);
            const changed = snap ? addChanges(s, snap, deps.settings.rules, now()) : false;
            // A change to the help centre reaches the recorder the same way: through each open customer's queue.
            if ((await followArticles(s, s.conversation)) || changed) await save(s);
          }),
        ),
      );
    },
    closed(ticketId, customerId) {
      live.delete(keyOf(ticketId, customerId));
    },
    async forget(customerId) {
      const keys = [...live].filter(([, s]) => s.customerId === customerId).map(([key]) => key);
      for (const key of keys) live.delete(key);
      await Promise.all(keys.map((key) => queues.get(key)));
    },
  };
}
