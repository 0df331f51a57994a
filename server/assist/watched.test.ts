/**
 * Opening a ticket for a panel that stays open, without a socket: a change that lands meanwhile is applied before the
 * view is shown; a change pushed to many open tickets at once.
 */
import { factIdsOf } from '../protocol/assist.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.js';
import { createLogger } from '../log.js';
import { keysIn, openSqliteStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { offlineEngine } from '../suggest/engine.js';
import { loadAssistSettings } from './settings.js';
import { watch } from './watched.js';
import { openTicket, refreshOf, refreshTicket, type AssistDeps } from './service.js';

const META = { actor: 'admin:tok_test', channel: 'api' };
const TICKET = {
  ticketId: 'T-1',
  customerId: 'c-1',
  conversation: [{ role: 'customer' as const, text: 'My blender order broke.' }],
};

let dir: string;
let store: Store;
let deps: AssistDeps;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'candor-watched-'));
  store = await openSqliteStore(dir, keysIn(dir));
  const settings = loadAssistSettings(parseConfig({ CANDOR_DATA_DIR: dir }));
  deps = { store, settings, engine: offlineEngine(settings), log: createLogger('silent') };
  await store.customers.upsert({ id: 'c-1', displayName: 'Ada L.' }, META);
  await store.facts.upsertMany(
    'c-1',
    [
      {
        id: 'f1',
        category: 'user.behavior.purchase_history',
        text: 'Blender Pro 3000, order #1042',
        source: 'orders',
        collectedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    META,
  );
  await store.consents.append(
    'c-1',
    [
      {
        kind: 'granted',
        consent: {
          id: 'k1',
          purpose: 'essential',
          categories: ['user.behavior'],
          status: 'granted',
          at: '2026-01-01T00:00:00.000Z',
          source: 'checkout',
        },
      },
    ],
    { ...META, by: 'import', system: 'test' },
  );
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a ticket opened for a watching panel', () => {
  it(
    'when nothing changed meanwhile, then the view is the one built, with ' + 'the fact and a suggestion that cites it',
    async () => {
      const { now, later } = await watch(deps, await openTicket(deps, TICKET, 'agent:tok_1'), TICKET, 'agent:tok_1', {
        unchanged: () => true,
        onSuggestion: () => {},
      });
      expect(later).toBeNull();
      expect(now.context.shown.map((f) => f.factId)).toEqual(['f1']);
      expect(now.suggestions.some((s) => s.footnotes.some((n) => factIdsOf(n).includes('f1')))).toBe(true);
    },
  );

  it(
    'when the consent was withdrawn while the view was being made, then ' +
      'the answer already leaves the fact out, and the re-check is audited',
    async () => {
      let changed = false;
      // Opened (its snapshot read) before the withdrawal lands; finished after.
      const opened = await openTicket(deps, TICKET, 'agent:tok_1');
      await store.consents.append('c-1', [{ kind: 'withdrawn', consentId: 'k1', at: new Date().toISOString() }], {
        ...META,
        by: 'admin',
      });
      changed = true;
      const { now } = await watch(deps, opened, TICKET, 'agent:tok_1', {
        unchanged: () => !changed,
        onSuggestion: () => {},
      });
      expect(now.context.shown).toEqual([]);
      expect(JSON.stringify(now)).not.toContain('Blender');
      const viewed = await store.audit.list({ customerId: 'c-1', kind: 'context.viewed' });
      expect(viewed.map((e) => e.payload.shownFactIds)).toEqual([[], ['f1']]);
    },
  );
});

describe('a change pushed to the open tickets of a customer', () => {
  it(
    'when several tickets show the same conversation, then the fan-out searches the help centre once for them, ' +
      'from the data as it now stands, and audits each ticket on its own',
    async () => {
      const searches: unknown[] = [];
      const search: Store['articles']['search'] = (q) => {
        searches.push(q);
        return store.articles.search(q);
      };
      const counted = { ...deps, store: { ...store, articles: { ...store.articles, search } } };
      await store.consents.append('c-1', [{ kind: 'withdrawn', consentId: 'k1', at: new Date().toISOString() }], {
        ...META,
        by: 'admin',
      });
      // Each panel parsed its own copy of the conversation: equal, never the same array.
      const copy = () => TICKET.conversation.map((m) => ({ ...m }));
      const other = [{ role: 'customer' as const, text: 'Where is my parcel?' }];
      const tickets = [
        { ...TICKET, ticketId: 'T-1', conversation: copy() },
        { ...TICKET, ticketId: 'T-2', conversation: copy() },
        { ...TICKET, ticketId: 'T-3', conversation: other },
      ];
      const refresh = refreshOf(counted, (await store.customers.snapshot('c-1'))!);
      const built = [];
      for (const t of tickets) built.push(await refreshTicket(counted, refresh, t, undefined, 'agent:tok_1'));
      expect(searches).toHaveLength(2);
      expect(built.map((b) => b.view.ticketId)).toEqual(['T-1', 'T-2', 'T-3']);
      expect(built[1]!.view.context).toEqual(built[0]!.view.context);
      for (const b of built) expect(b.view.context.shown).toEqual([]);
      await store.audit.append(built.flatMap((b) => b.audit));
      const viewed = await store.audit.list({ customerId: 'c-1', kind: 'context.viewed' });
      expect(viewed.map((e) => e.seal?.value)).toEqual([{ ticketId: 'T-3' }, { ticketId: 'T-2' }, { ticketId: 'T-1' }]);
      // The next change is a fan-out of its own: the help centre is searched again.
      await refreshTicket(counted, refreshOf(counted, refresh.snap), tickets[0]!, undefined, 'agent:tok_1');
      expect(searches).toHaveLength(3);
    },
  );
});
