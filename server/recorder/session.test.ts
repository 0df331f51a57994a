import { describe, expect, it } from 'vitest';
import type { CustomerSnapshot } from '../store/types.js';
import { RecordedSession } from '../protocol/session.js';
import {
  addArticles,
  addChanges,
  addMessages,
  ERASED_TEXT,
  renderSession,
  startSession,
  WITHHELD_TEXT,
} from './session.js';

const AT = '2026-03-01T00:00:00.000Z';
const NOW = Date.parse('2026-11-23T09:00:00Z');
const rules = {
  purpose: 'essential.service.operations.support',
  specialRoots: [],
  neverShownRoots: ['user.authorization'],
};
const orders = {
  id: 'k1',
  purpose: 'essential',
  categories: ['user.behavior'],
  status: 'granted' as const,
  at: AT,
  source: 'portal',
  withdrawnAt: null,
};
const contact = {
  id: 'k2',
  purpose: 'essential',
  categories: ['user.contact'],
  status: 'granted' as const,
  at: AT,
  source: 'portal',
  withdrawnAt: '2026-06-01T00:00:00.000Z',
};
const kettle = {
  id: 'f1',
  category: 'user.behavior.purchase_history',
  text: 'Kettle, order #551234',
  value: { order: '551234' },
  source: 'orders',
  collectedAt: AT,
};
const street = {
  id: 'f2',
  category: 'user.contact.address.street',
  text: '7 Mill Lane, Ashworth',
  value: { street: '7 Mill Lane' },
  source: 'crm',
  collectedAt: AT,
};

const snap = (over: Partial<CustomerSnapshot> = {}): CustomerSnapshot => ({
  customer: { id: 'c_1', displayName: 'Ingrid Achterberg' },
  flags: { optedOut: false, gpc: false },
  facts: [kettle, street, { ...kettle, id: 'f0', text: '', value: null, erased: true }],
  consents: [orders, contact],
  erasedAt: null,
  ...over,
});

function recorded(s: ReturnType<typeof startSession>) {
  return RecordedSession.parse(renderSession(s, []));
}

describe('a session as the recorder keeps it', () => {
  it(
    'when the ticket is opened, then facts stand as they were, withheld ' +
      'ones without value, erased ones out, earlier withdrawals as events',
    () => {
      const s = startSession({ id: 'rec-20261123-aaaaaa', ticketId: 'T-1', snap: snap(), rules, now: NOW });
      addMessages(s, [{ role: 'customer', text: 'Hi, Ingrid here' }], 'Tomasz Nowak');
      const file = recorded(s);
      expect(file.facts.map((f) => [f.id, f.text === WITHHELD_TEXT, 'value' in f])).toEqual([
        ['f1', false, true],
        ['f2', true, false],
      ]);
      expect(file.turns[0]).toEqual({
        role: 'event',
        type: 'consent.withdrawn',
        consentId: 'k2',
        at: '2026-06-01T00:00:00.000Z',
      });
      expect(file.customer.id).not.toBe('c_1');
      expect(JSON.stringify(file)).not.toMatch(/Ingrid|Achterberg|Mill Lane|Ashworth|551234|c_1/);
    },
  );

  it('when the panel sends the conversation again with more messages, then only the new ones are added', () => {
    const s = startSession({ id: 'rec-20261123-bbbbbb', ticketId: 'T-1', snap: snap(), rules, now: NOW });
    const first = { role: 'customer' as const, text: 'Where is my kettle?' };
    addMessages(s, [first], undefined);
    addMessages(s, [first, { role: 'agent', text: 'Let me look.' }], undefined);
    addMessages(s, [first], undefined);
    expect(s.turns.filter((t) => t.role !== 'event').map((t) => ('text' in t ? t.text : ''))).toEqual([
      'Where is my kettle?',
      'Let me look.',
    ]);
  });

  it(
    'when a withheld fact becomes permitted during the session, then its ' +
      'value is recorded; once erased, it is gone again',
    () => {
      const s = startSession({ id: 'rec-20261123-cccccc', ticketId: 'T-1', snap: snap(), rules, now: NOW });
      const regranted = snap({ consents: [orders, { ...contact, withdrawnAt: null }] });
      expect(addChanges(s, regranted, rules, NOW + 1000)).toBe(true);
      const shown = recorded(s).facts.find((f) => f.id === 'f2')!;
      expect(shown.text).not.toBe(WITHHELD_TEXT);
      expect(shown.value).toEqual({ street: expect.stringMatching(/^\d+ Sample Street$/) });

      const erased = snap({
        consents: regranted.consents,
        facts: [kettle, { ...street, text: '', value: null, erased: true }],
      });
      expect(addChanges(s, erased, rules, NOW + 2000)).toBe(true);
      const file = recorded(s);
      expect(file.facts.find((f) => f.id === 'f2')).toEqual({
        id: 'f2',
        category: street.category,
        text: ERASED_TEXT,
        source: ERASED_TEXT,
        collectedAt: AT,
      });
      expect(file.turns.map((t) => ('type' in t ? t.type : t.role))).toEqual([
        'consent.withdrawn',
        'consent.granted',
        'fact.erased',
      ]);
      expect(addChanges(s, erased, rules, NOW + 3000)).toBe(false);
    },
  );
});

describe("the help centre's articles in a recorded session", () => {
  const article = (id: string, updated: string, body = 'You can return an item within 30 days of delivery.') => ({
    id,
    title: id === 'returns' ? 'Returning an item' : 'Warranty',
    visibility: 'public' as const,
    updated,
    locale: 'en',
    tags: [],
    body,
  });
  const returns = article('returns', '2026-10-01');
  const warranty = article('warranty', '2026-09-01', 'Blenders carry a two-year warranty.');
  const ask = (text: string) => ({ role: 'customer' as const, text });
  const kinds = (s: ReturnType<typeof startSession>) =>
    recorded(s).turns.map((t) => ('type' in t ? `${t.type}` : t.role));

  it(
    'when articles are found for the first message, then they are those in force at the start; a new version ' +
      'later is an event before the message it answered, and a retired one ends with its event',
    () => {
      const s = startSession({ id: 'rec-20261123-dddddd', ticketId: 'T-1', snap: snap(), rules, now: NOW });
      expect(addArticles(s, [returns], new Map(), NOW)).toBe(true);
      addMessages(s, [ask('How do I return my kettle?')], undefined);
      expect(recorded(s).articles).toEqual([returns]);

      // Nothing new: no event, no rewrite needed.
      expect(addArticles(s, [returns], new Map([['returns', returns]]), NOW + 1000)).toBe(false);

      const longer = { ...returns, updated: '2026-11-23', body: 'You can return an item within 45 days of delivery.' };
      expect(addArticles(s, [longer], new Map([['returns', longer]]), NOW + 2000)).toBe(true);
      addMessages(s, [ask('How do I return my kettle?'), ask('Is it still 30 days?')], undefined);
      const file = recorded(s);
      expect(file.articles).toEqual([returns]); // the start stays as it was
      expect(kinds(s)).toEqual(['consent.withdrawn', 'customer', 'article.updated', 'customer']);
      expect(file.turns[2]).toEqual({
        role: 'event',
        type: 'article.updated',
        article: longer,
        at: new Date(NOW + 2000).toISOString(),
      });

      expect(addArticles(s, [], new Map([['returns', null]]), NOW + 3000)).toBe(true);
      expect(recorded(s).turns.at(-1)).toEqual({
        role: 'event',
        type: 'article.retired',
        articleId: 'returns',
        at: new Date(NOW + 3000).toISOString(),
      });
      // Gone from what the session follows: it is not retired twice.
      expect(addArticles(s, [], new Map(), NOW + 4000)).toBe(false);
    },
  );

  it(
    'when an article is found only later in the conversation, then it joins those at the start if it is older ' +
      'than the session, and is added by an event if it was written on the day or after',
    () => {
      const s = startSession({ id: 'rec-20261123-eeeeee', ticketId: 'T-1', snap: snap(), rules, now: NOW });
      addArticles(s, [], new Map(), NOW);
      addMessages(s, [ask('Hello')], undefined);
      expect(addArticles(s, [warranty], new Map(), NOW + 1000)).toBe(true);
      const fresh = article('returns', '2026-11-23');
      expect(addArticles(s, [fresh], new Map([['warranty', warranty]]), NOW + 2000)).toBe(true);
      const file = recorded(s);
      expect(file.articles).toEqual([warranty]);
      expect(file.turns.at(-1)).toMatchObject({ type: 'article.updated', article: fresh });
    },
  );

  it('when an internal article names the customer, then the recording holds a pseudonym in its place', () => {
    const s = startSession({ id: 'rec-20261123-ffffff', ticketId: 'T-1', snap: snap(), rules, now: NOW });
    const note = { ...returns, visibility: 'internal' as const, body: 'Ingrid Achterberg may return late items.' };
    addArticles(s, [note], new Map(), NOW);
    addMessages(s, [ask('Hi, Ingrid Achterberg here: can I return my kettle?')], undefined);
    expect(JSON.stringify(recorded(s))).not.toMatch(/Ingrid|Achterberg/);
    expect(recorded(s).articles![0]!.body).toMatch(/may return late items\.$/);
  });
});
