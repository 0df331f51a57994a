import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContextView, Footnote, ShownFact } from '../../server/protocol/assist.js';
import { insertion, quoted, sentencesOf, takenAway, usingFacts, without } from './inserted.js';

const fact = (factId: string, category: string, categoryName: string, text: string): ShownFact => ({
  factId,
  category,
  categoryName,
  text,
  value: null,
  source: 'shop',
  collectedAt: '2026-01-01T00:00:00.000Z',
  consentId: 'k1',
  consent: {
    id: 'k1',
    purpose: 'essential',
    purposeName: 'Essential',
    category,
    at: '2026-01-01T00:00:00.000Z',
    source: 'checkout',
  },
  consentIds: ['k1'],
  why: 'because',
  relevance: 1,
});
const ORDER = fact(
  'f_order',
  'user.behavior.purchase_history',
  'purchase history',
  'the Blender Pro 3000, order #1042',
);
const EMAIL = fact('f_email', 'user.contact.email', 'email address', 'dana@example.org');
const note = (marker: number, ...factIds: string[]): Footnote => ({
  marker,
  factIds,
  consentId: 'k1',
  explanation: 'x',
});

const TEXT =
  'Hi Dana. I can see on your account that you ordered the Blender Pro 3000, order #1042 [1] — is that the one? ' +
  'We have dana@example.org on file [2]. Thanks!';
const NOTES = [note(1, 'f_order'), note(2, 'f_email')];

function view(shown: ShownFact[], extra: Partial<ContextView> = {}): ContextView {
  return {
    customer: { id: 'c_dana', displayName: 'Dana Kowalski' },
    language: { locale: 'en', name: 'English', source: 'detected' },
    purpose: 'essential.service.operations.support',
    purposeName: 'Support',
    at: '2026-12-01T00:00:00.000Z',
    shown,
    withheld: [],
    omitted: 0,
    articles: [],
    ...extra,
  };
}

describe('which inserted sentences rely on which facts', () => {
  it('cuts at sentence ends and line breaks, not inside an order number', () => {
    expect(sentencesOf('One. Two, order #1042! Three?\nFour')).toEqual(['One.', 'Two, order #1042!', 'Three?', 'Four']);
  });

  it('when a sentence carries marker n, then it relies on footnote n’s facts, as inserted without markers', () => {
    expect(usingFacts(TEXT, NOTES, [ORDER, EMAIL])).toEqual([
      {
        text: 'I can see on your account that you ordered the Blender Pro 3000, order #1042 — is that the one?',
        factIds: ['f_order'],
      },
      { text: 'We have dana@example.org on file.', factIds: ['f_email'] },
    ]);
  });

  it('when the agent edited the marker away but kept the fact’s words, then the sentence still relies on it', () => {
    const edited = 'Hello! You bought the Blender Pro 3000, order #1042 from us. Anything else?';
    expect(usingFacts(edited, NOTES, [ORDER, EMAIL])).toEqual([
      { text: 'You bought the Blender Pro 3000, order #1042 from us.', factIds: ['f_order'] },
    ]);
  });

  it('when a suggestion uses no fact, then there is nothing to remember', () => {
    expect(insertion('s1', 'Thanks for writing in. Tell me more?', [], [ORDER], 'now')).toBeNull();
  });

  it('remembers each fact’s category by key and name, nothing of its value', () => {
    const ins = insertion('s1', TEXT, NOTES, [ORDER, EMAIL], 'now')!;
    expect(ins.facts).toEqual({
      f_order: { category: 'user.behavior.purchase_history', name: 'purchase history' },
      f_email: { category: 'user.contact.email', name: 'email address' },
    });
  });
});

describe('what a new view takes away', () => {
  const ins = insertion('s1', TEXT, NOTES, [ORDER, EMAIL], 'now')!;

  it('when every cited fact is still shown, then nothing is taken away', () => {
    expect(takenAway([ins], view([ORDER, EMAIL]))).toEqual([]);
  });

  it('when consent for purchase history is withdrawn, then the sentence using it is named with the reason', () => {
    const after = view([EMAIL], {
      withheld: [
        { category: 'user.behavior.purchase_history', categoryName: 'purchase history', reason: 'withdrawn', count: 1 },
      ],
    });
    expect(takenAway([ins], after)).toEqual([
      {
        suggestionId: 's1',
        sentence: 'I can see on your account that you ordered the Blender Pro 3000, order #1042 — is that the one?',
        reasons: ['Dana withdrew consent for purchase history'],
      },
    ]);
  });

  it('when a withdrawal notice comes with the view, then its words name the reason, with the customer’s name', () => {
    const notice = {
      kind: 'consent.withdrawn' as const,
      text: 'Customer withdrew consent for purchase history',
      at: 'now',
    };
    const [hit] = takenAway([ins], view([EMAIL], { omitted: 3 }), notice);
    expect(hit!.reasons).toEqual(['Dana withdrew consent for purchase history']);
  });

  it('when a GPC notice or an erasure notice comes with the view, then the reason says which, in words', () => {
    const gpc = { kind: 'customer.gpc' as const, text: 'Customer sent a Global Privacy Control signal', at: 'now' };
    expect(takenAway([ins], view([EMAIL], { omitted: 3 }), gpc)[0]!.reasons).toEqual([
      'Dana sent a Global Privacy Control signal: their data is no longer used',
    ]);
    const erased = { kind: 'fact.erased' as const, text: 'A fact was erased', at: 'now' };
    expect(takenAway([ins], view([EMAIL], { omitted: 3 }), erased)[0]!.reasons).toEqual([
      'Dana’s purchase history is no longer held (erased)',
    ]);
  });

  it('when the fact is only ranked out by the cap (others were left out too), then nothing is taken away', () => {
    expect(takenAway([ins], view([EMAIL], { omitted: 2 }))).toEqual([]);
    const added = { kind: 'facts.changed' as const, text: '2 facts were added', at: 'now' };
    expect(takenAway([ins], view([EMAIL], { omitted: 2 }), added)).toEqual([]);
  });

  it('when the fact is gone and nothing was left out by the cap, then it was erased', () => {
    expect(takenAway([ins], view([EMAIL]))[0]!.reasons).toEqual(['Dana’s purchase history is no longer held (erased)']);
  });

  it('when the customer opts out, then every sentence using a fact is named', () => {
    const after = view([], {
      withheld: [
        { category: 'user.behavior.purchase_history', categoryName: 'purchase history', reason: 'opted_out', count: 1 },
        { category: 'user.contact.email', categoryName: 'email', reason: 'opted_out', count: 1 },
      ],
    });
    expect(takenAway([ins], after).map((a) => a.reasons)).toEqual([
      ['Dana opted out of the use of their data for support'],
      ['Dana opted out of the use of their data for support'],
    ]);
  });

  it('forgets sentences removed or kept, and an insert with none left', () => {
    const [order, email] = takenAway([ins], view([]));
    expect(without([ins], [order!])[0]!.sentences.map((s) => s.factIds)).toEqual([['f_email']]);
    expect(without([ins], [order!, email!])).toEqual([]);
  });

  it('quotes a long sentence shortened', () => {
    expect(quoted('a'.repeat(100), 10)).toBe('“aaaaaaaaa…”');
    expect(quoted('short')).toBe('“short”');
  });
});

describe('in a German browser (the /demo frame reads the bundled catalogue)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('words each reason in German, the name and category where German puts them, a capital first', async () => {
    vi.resetModules();
    vi.stubGlobal('navigator', { languages: ['de'] });
    const german = await import('./inserted.js');
    const ins = german.insertion('s1', TEXT, NOTES, [ORDER, EMAIL], 'now')!;
    const expired = view([EMAIL], {
      withheld: [
        { category: 'user.behavior.purchase_history', categoryName: 'purchase history', reason: 'expired', count: 1 },
      ],
    });
    expect(german.takenAway([ins], expired)[0]!.reasons).toEqual([
      'Die Einwilligung von Dana für purchase history ist abgelaufen',
    ]);
    expect(german.takenAway([ins], view([EMAIL]))[0]!.reasons).toEqual([
      'Purchase history von Dana wird nicht mehr gespeichert (gelöscht)',
    ]);
    expect(german.quoted('kurz')).toBe('„kurz“');
  });
});
