/**
 * The disclosure corpus (test/fixtures/disclosure/<lang>.json: sentences that say where a customer's data
 * came from and sentences that use it silently) and the guard's decision on each, shared by
 * test/disclosure-corpus.test.ts and bench/disclosure-corpus.ts.
 */
import { readFileSync } from 'node:fs';
import { buildContext, type AssistContext } from '../server/context/view.js';
import { loadAssistSettings } from '../server/assist/settings.js';
import { parseConfig } from '../server/config.js';
import { guard } from '../server/suggest/guard.js';
import type { Locale } from '../server/protocol/domain.js';

export const CORPUS_LANGS = ['en', 'de', 'fr', 'es', 'nl'] as const;

const settings = loadAssistSettings(parseConfig({}));

/**
 * A context showing one purchase fact, `f-1`, under consent `k-1`, whose text is `text`, on a ticket in `language`
 * (the guard checks a reply with that language's openings).
 */
export function contextWithFact(text: string, language: Locale = 'en'): AssistContext {
  const category = 'user.behavior.purchase_history';
  return buildContext(
    {
      customer: { id: 'c-1', displayName: 'Ada Lovelace' },
      facts: [{ id: 'f-1', category, text, value: {}, source: 'orders', collectedAt: '2025-11-14T10:00:00.000Z' }],
      consents: [
        {
          id: 'k-1',
          purpose: 'essential.service.operations.support',
          categories: [category],
          status: 'granted',
          at: '2026-03-01T00:00:00.000Z',
          expiresAt: null,
          source: 'privacy-portal',
          withdrawnAt: null,
        },
      ],
      flags: { optedOut: false, gpc: false },
      conversation: [{ role: 'customer', text: 'My grinder stopped working' }],
      language,
      now: Date.parse('2026-04-01T12:00:00.000Z'),
    },
    settings,
  );
}

/** The guard's codes for `text` as a suggestion whose footnote [1] cites the fact of `ctx`. */
export function guardCodes(text: string, ctx: AssistContext): string[] {
  const footnotes = text.includes('[1]')
    ? [{ marker: 1, factIds: ['f-1'], consentId: 'k-1', explanation: 'From orders.' }]
    : [];
  const s = { id: 's', text, footnotes, template: { id: 'test', version: 1 }, modelCall: null };
  return guard(s, ctx).map((v) => v.code);
}

type Decided = { text: string; accepted: boolean };

/** Whether the guard accepts each corpus sentence as saying where the fact it cites came from. */
export function corpusDecisions(): { lang: string; transparent: Decided[]; silent: Decided[] }[] {
  return CORPUS_LANGS.map((lang) => {
    const ctx = contextWithFact('Halcyon grinder', lang);
    const decide = (text: string) => ({ text, accepted: guardCodes(text, ctx).length === 0 });
    const url = new URL(`../test/fixtures/disclosure/${lang}.json`, import.meta.url);
    const c = JSON.parse(readFileSync(url, 'utf8')) as { transparent: string[]; silent: string[] };
    return { lang, transparent: c.transparent.map(decide), silent: c.silent.map(decide) };
  });
}
