/** Phrasing per language: the shipped locale templates, English as the fallback, and the model told the language. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, ROOT } from '../config.js';
import { Locale } from '../protocol/domain.js';
import { loadAssistSettings } from '../assist/settings.js';
import { buildContext } from '../context/view.js';
import { buildPrompt } from '../suggest/model/prompt.js';
import { checkTemplate, checkTemplateSet, loadTemplates, readTemplateFiles } from './templates.js';
import { factScope, phrasingFrom } from './phrasing.js';

const PROMPTS = path.join(ROOT, 'prompts');
const shipped = loadTemplates(path.join(PROMPTS, 'offline'));
const LOCALES = Locale.options.filter((l) => l !== 'en');
/** `why` is the agent's own line in the panel, not words for the customer: it stays English. */
const AGENT_ONLY = new Set(['why']);

describe('locale templates', () => {
  it('when the shipped templates load, then each language has every customer-facing English kind', () => {
    const english = shipped.filter((t) => !t.locale && !AGENT_ONLY.has(t.kind));
    for (const locale of LOCALES) {
      const own = shipped.filter((t) => t.locale === locale);
      for (const t of english)
        expect(
          own.some((o) => o.kind === t.kind && String(o.categories) === String(t.categories)),
          `${locale} ${t.id}`,
        ).toBe(true);
      for (const o of own) expect(o.file).toContain(`/offline/${locale}/`);
    }
  });

  it('when a template under de/ does not say "locale: de", then the problem names its file and line', () => {
    const source = '---\nid: offline.de.x\nversion: 1\ndescription: d\nkind: general\n---\nGuten Tag.\n';
    expect(checkTemplate('offline/de/general.liquid', source)).toEqual([
      'offline/de/general.liquid:2: a template under de/ says "locale: de"',
    ]);
    expect(checkTemplate('offline/de/general.liquid', source.replace('kind:', 'locale: de\nkind:'))).toMatchObject({
      locale: 'de',
    });
  });

  it('when a language lacks a kind, then that kind is said in English; its own kinds win over specificity', () => {
    const onlyGerman = readTemplateFiles(PROMPTS).filter(
      (e) => !e.file.includes('/de/') || e.file.endsWith('de/fact-default.liquid'),
    );
    const phrasing = phrasingFrom(checkTemplateSet(onlyGerman, 'test'));
    expect(phrasing.only('general', 'de')!.id).toBe('offline.general');
    expect(phrasing.forFact('user.behavior.purchase_history', 'de').id).toBe('offline.de.fact.default');
    expect(phrasing.forFact('user.behavior.purchase_history', 'fr').id).toBe('offline.fr.fact.purchase');
    expect(phrasing.forFact('user.behavior.purchase_history').id).toBe('offline.fact.purchase');
  });

  it.each([
    ['en', '1 March 2026'],
    ['de', '1. März 2026'],
    ['fr', '1 mars 2026'],
    ['es', '1 de marzo de 2026'],
    ['nl', '1 maart 2026'],
  ] as const)('when a fact is phrased in %s, then its date is that language’s long form: %s', (locale, day) => {
    const fact = { text: 't', source: 's', category: 'c', categoryName: 'c', collectedAt: '2026-03-01T10:00:00Z' };
    expect(factScope(fact, 1, locale).collectedOn).toBe(day);
  });
});

describe('the model prompt', () => {
  const settings = loadAssistSettings(parseConfig({}), PROMPTS, { model: true });
  const promptFor = (text: string) => {
    const ctx = buildContext(
      {
        customer: { id: 'c-1', displayName: 'Jonas Weber' },
        facts: [],
        consents: [],
        flags: { optedOut: false, gpc: false },
        conversation: [{ role: 'customer', text }],
        now: Date.parse('2026-04-01T00:00:00.000Z'),
      },
      settings,
    );
    return buildPrompt(ctx, [], settings.phrasing, { mask: (t) => t }).messages[0]!.content;
  };

  it('when the ticket is German, then the system prompt says to answer in German, with German openings', () => {
    const system = promptFor('Guten Tag, meine Kaffeemühle mahlt seit gestern nicht mehr. Können Sie mir helfen?');
    expect(system).toContain('replies in German, the customer');
    expect(system).toContain('"Ich sehe in Ihrem Kundenkonto, dass…"');
    expect(system).not.toContain('I can see on your account');
  });

  it('when the ticket is English, then the system prompt says English with the English openings', () => {
    const system = promptFor('Hello, my coffee grinder stopped working yesterday. Can you help me?');
    expect(system).toContain('replies in English, the customer');
    expect(system).toContain('"I can see on your account that…"');
  });
});
