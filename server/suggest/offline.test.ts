/** The offline engine: deterministic replies from the shipped templates, using only facts the customer refers to. */
import { factIdsOf } from '../protocol/assist.js';
import { describe, expect, it } from 'vitest';
import { offlineSuggestions } from './offline.js';
import { markersIn } from './disclosure.js';
import { buildContext, type ContextInput } from '../context/view.js';
import type { StoredFact } from '../store/types.js';
import { loadAssistSettings } from '../assist/settings.js';
import { parseConfig } from '../config.js';
import type { ConsentState } from '../consent/ledger.js';
import type { ContextView } from '../protocol/assist.js';

const settings = loadAssistSettings(parseConfig({}));
const SUPPORT = 'essential.service.operations.support';

const consent = (id: string, categories: string[], at = '2026-03-01T00:00:00.000Z'): ConsentState => ({
  id,
  purpose: SUPPORT,
  categories,
  status: 'granted',
  at,
  expiresAt: null,
  source: 'privacy-portal',
  withdrawnAt: null,
});
const BLENDER: StoredFact = {
  id: 'f-blender',
  category: 'user.behavior.purchase_history',
  text: 'the Blender Pro 3000 on 14 November',
  source: 'order history',
  collectedAt: '2025-11-14T00:00:00.000Z',
};
const KETTLE: StoredFact = {
  id: 'f-kettle',
  category: 'user.behavior.purchase_history',
  text: 'the Kettle Quickboil on 2 January',
  source: 'order history',
  collectedAt: '2026-01-02T00:00:00.000Z',
};
const EMAIL: StoredFact = {
  id: 'f-email',
  category: 'user.contact.email',
  text: 'ada@example.org',
  source: 'crm',
  collectedAt: '2025-01-01T00:00:00.000Z',
};

function view(text: string | null, facts: StoredFact[] = [BLENDER, KETTLE, EMAIL]): ContextView {
  const input: ContextInput = {
    customer: { id: 'c-1', displayName: 'Ada Lovelace' },
    facts,
    consents: [
      consent('k-ph', ['user.behavior.purchase_history']),
      consent('k-contact', ['user.contact'], '2026-02-14T00:00:00.000Z'),
    ],
    flags: { optedOut: false, gpc: false },
    conversation: text === null ? [] : [{ role: 'customer', text }],
    now: Date.parse('2026-04-01T00:00:00.000Z'),
  };
  return buildContext(input, settings).view;
}

const run = (v: ContextView) => offlineSuggestions(v, settings);

describe('offline suggestions', () => {
  it('when no shown fact is relevant, then there is exactly one suggestion and it has no footnotes', () => {
    const v = view(null);
    expect(v.shown.length).toBeGreaterThan(0); // facts are shown, just not referred to
    const out = run(v);
    expect(out).toHaveLength(1);
    expect(out[0]!.footnotes).toEqual([]);
    expect(markersIn(out[0]!.text)).toEqual([]);
    expect(out[0]!.template.id).toBe('offline.general');
    expect(out[0]!.text).toContain('Ada');
  });

  it('when nothing is shown at all, then there is only the general suggestion', () => {
    const out = run(view('my blender broke', []));
    expect(out.map((s) => [s.template.id, s.footnotes.length])).toEqual([['offline.general', 0]]);
  });

  describe('when one fact is relevant', () => {
    const out = run(view('I need to change my email'));
    const [fact, general] = out;

    it('then there is a fact suggestion and the general one', () => {
      expect(out).toHaveLength(2);
      expect(fact!.template.id).toBe('offline.fact.contact');
      expect(general!.template.id).toBe('offline.general');
      expect(general!.footnotes).toEqual([]);
    });

    it('then the fact suggestion marks the fact with [1] and says where it came from', () => {
      expect(markersIn(fact!.text)).toEqual([1]);
      expect(fact!.text).toContain('ada@example.org');
      expect(fact!.text).toMatch(/I can see/);
    });

    it('then its one footnote names the fact, the consent, the source and the date the consent was given', () => {
      expect(fact!.footnotes).toHaveLength(1);
      const n = fact!.footnotes[0]!;
      expect(n).toMatchObject({ marker: 1, factIds: ['f-email'], consentId: 'k-contact' });
      expect(n.explanation).toContain('crm');
      expect(n.explanation).toContain('14 February 2026');
      expect(n.explanation).toContain('privacy-portal');
    });
  });

  describe('when two facts are relevant', () => {
    const out = run(view('My blender stopped working and the kettle too'));

    it('then there are the single-fact, the pair and the general suggestions, in that order', () => {
      expect(out.map((s) => s.template.id)).toEqual(['offline.fact.purchase', 'offline.pair', 'offline.general']);
    });

    it('then the pair cites both facts with [1] and [2], each with its footnote, in relevance order', () => {
      const pair = out[1]!;
      const [first, second] = view('My blender stopped working and the kettle too').shown;
      expect(markersIn(pair.text)).toEqual([1, 2]);
      expect(pair.footnotes.map((f) => [f.marker, factIdsOf(f), 'consentId' in f && f.consentId])).toEqual([
        [1, [first!.factId], 'k-ph'],
        [2, [second!.factId], 'k-ph'],
      ]);
      expect(new Set(pair.footnotes.flatMap(factIdsOf))).toEqual(new Set(['f-blender', 'f-kettle']));
      for (const f of pair.footnotes) expect(f.explanation).toContain('1 March 2026');
    });

    it('then the single-fact suggestion uses the most relevant fact', () => {
      const v = view('My blender stopped working and the kettle too');
      expect(factIdsOf(out[0]!.footnotes[0]!)).toEqual([v.shown[0]!.factId]);
    });
  });

  it('when a fact has no category template of its own, then the default fact template phrases it', () => {
    const lang: StoredFact = {
      id: 'f-x',
      category: 'user.behavior.browsing_history',
      text: 'visited the returns page',
      source: 'web',
      collectedAt: '2026-01-01T00:00:00.000Z',
    };
    const input: ContextInput = {
      customer: { id: 'c-1', displayName: 'Ada Lovelace' },
      facts: [lang],
      consents: [consent('k-b', ['user.behavior'])],
      flags: { optedOut: false, gpc: false },
      conversation: [{ role: 'customer', text: 'about the returns page' }],
      now: Date.parse('2026-04-01T00:00:00.000Z'),
    };
    const out = run(buildContext(input, settings).view);
    expect(out[0]!.template.id).toBe('offline.fact.default');
  });

  it('when the same view is phrased twice, then the suggestions are deep-equal with the same ids', () => {
    const a = run(view('My blender stopped working and the kettle too'));
    const b = run(view('My blender stopped working and the kettle too'));
    expect(b).toEqual(a);
    expect(new Set(a.map((s) => s.id)).size).toBe(a.length);
  });

  it('when the fact differs, then the suggestion id differs', () => {
    const a = run(view('I need to change my email'))[0]!;
    const b = run(view('I need to change my email', [{ ...EMAIL, text: 'ada@example.net' }]))[0]!;
    expect(a.id).not.toBe(b.id);
  });
});
