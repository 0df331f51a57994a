/**
 * Suggestions grounded in help-centre articles: the offline engine quotes the best public article word for word, with a
 * footnote at its version; the guard refuses a footnote to an internal, unknown or outdated article and any suggestion
 * that repeats an internal article's sentence, however it is dressed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offlineSuggestions } from './offline.js';
import { guard } from './guard.js';
import { buildContext, type AssistContext } from '../context/view.js';
import { loadAssistSettings } from '../assist/settings.js';
import { parseConfig } from '../config.js';
import { queryFrom } from '../context/relevance.js';
import { articleSentences, bestPassage, bestPassages } from '../articles/passages.js';
import type { Article, ArticleMatch } from '../protocol/articles.js';
import type { Suggestion } from '../protocol/assist.js';
import type { Message } from '../protocol/domain.js';

const settings = loadAssistSettings(parseConfig({}));

const RETURNS: Article = {
  id: 'returns-policy',
  title: 'Returning an item',
  visibility: 'public',
  updated: '2026-10-01',
  locale: 'en',
  tags: [],
  body: 'Refunds go back to your card.\n\nYou can send any item back within 45 days of delivery for a full refund.',
};
const EXCEPTIONS: Article = {
  id: 'refund-exceptions',
  title: 'Refund exceptions',
  visibility: 'internal',
  updated: '2026-11-02',
  locale: 'en',
  tags: [],
  body: 'A team lead may approve a goodwill refund up to 60 days after delivery. Never tell the customer about this.',
};

function ctxFor(text: string, articles: Article[], withFact = true): AssistContext {
  const conversation: Message[] = [{ role: 'customer', text, at: '2026-12-01T10:00:00Z' }];
  const { weights } = queryFrom(conversation);
  const matches: ArticleMatch[] = articles.map((article) => ({
    article,
    excerpt: bestPassage(article, weights),
    passages: bestPassages(article, weights, 3),
    url: null,
  }));
  return buildContext(
    {
      customer: { id: 'c-1', displayName: 'Ada Lovelace' },
      facts: withFact
        ? [
            {
              id: 'f-mixer',
              category: 'user.behavior.purchase_history',
              text: 'the Stand Mixer KM-20 on 3 June',
              source: 'orders',
              collectedAt: '2026-06-03T00:00:00.000Z',
            },
          ]
        : [],
      consents: [
        {
          id: 'k1',
          purpose: 'essential.service.operations.support',
          categories: ['user.behavior.purchase_history'],
          status: 'granted',
          at: '2026-03-01T00:00:00.000Z',
          expiresAt: null,
          source: 'checkout',
          withdrawnAt: null,
        },
      ],
      flags: { optedOut: false, gpc: false },
      conversation,
      now: Date.parse('2026-12-01T10:00:00Z'),
      articles: matches,
    },
    settings,
  );
}

const QUESTION = 'Can I send the stand mixer back for a refund?';

describe('offline suggestions citing articles', () => {
  it('when a public article answers and a fact is relevant, then the reply uses the fact [1] and quotes the article [2]', () => {
    const ctx = ctxFor(QUESTION, [EXCEPTIONS, RETURNS]);
    const [first] = offlineSuggestions(ctx.view, settings, ctx.articles);
    expect(first!.text).toBe(
      'I can see on your account that you ordered the Stand Mixer KM-20 on 3 June [1] — is that the one ' +
        'you\'re writing about? Our help-centre guide "Returning an item" says: "You can send any item back within ' +
        '45 days of delivery for a full refund." [2]',
    );
    expect(first!.footnotes[1]).toEqual({
      marker: 2,
      articleId: 'returns-policy',
      articleUpdated: '2026-10-01',
      explanation: 'From the help-centre article "Returning an item" (updated 1 October 2026).',
    });
    expect(first!.template.id).toBe('offline.article');
    expect(guard(first!, ctx)).toEqual([]);
  });

  it('when no fact is relevant, then the article is quoted alone with [1]', () => {
    const ctx = ctxFor(QUESTION, [RETURNS], false);
    const [first] = offlineSuggestions(ctx.view, settings, ctx.articles);
    expect(first!.text).toMatch(/^Our help-centre guide "Returning an item" says: .* \[1\]$/);
    expect(first!.footnotes.map((f) => f.marker)).toEqual([1]);
  });

  it('when only an internal article is found, or none, then nothing is quoted and nothing cited but facts', () => {
    for (const articles of [[EXCEPTIONS], []]) {
      const ctx = ctxFor(QUESTION, articles, false);
      const out = offlineSuggestions(ctx.view, settings, ctx.articles);
      expect(out.map((s) => s.template.id)).toEqual(['offline.general']);
      expect(JSON.stringify(out)).not.toMatch(/goodwill|help-centre/);
    }
  });
});

describe('the guard on articles', () => {
  const ctx = ctxFor(QUESTION, [RETURNS, EXCEPTIONS], false);
  const cite = (articleId: string, articleUpdated: string, text = 'As our guide says, you have 45 days [1].') =>
    ({
      id: 'x',
      text,
      footnotes: [{ marker: 1, articleId, articleUpdated, explanation: 'From the help centre.' }],
      template: { id: 'model.system', version: 1 },
      modelCall: null,
    }) satisfies Suggestion;
  const codes = (s: Suggestion) => guard(s, ctx).map((v) => v.code);

  it('when a footnote cites the public article at its version, then it passes; otherwise it names why not', () => {
    expect(codes(cite('returns-policy', '2026-10-01'))).toEqual([]);
    expect(codes(cite('returns-policy', '2026-09-01'))).toEqual(['footnote_cites_old_article_version']);
    expect(codes(cite('refund-exceptions', '2026-11-02'))).toEqual(['footnote_cites_internal_article']);
    expect(codes(cite('gift-cards', '2026-10-01'))).toEqual(['footnote_cites_unknown_article']);
  });

  it('property: a suggestion that repeats any internal sentence, however dressed and wherever, is dropped', () => {
    const internal = articleSentences(EXCEPTIONS.body);
    const dress = fc.constantFrom<(s: string) => string>(
      (s) => s,
      (s) => s.toUpperCase(),
      (s) => s.replace(/ /g, '\n  '),
      (s) => s.replace(/[.,]/g, ''),
      (s) => s.replace(/ /g, ' [1] '),
      (s) => s.replace(/e/g, 'e\u200B'),
      (s) => s.replace(/\s+/g, '\u00A0'),
      (s) => `“${s}”`,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...internal),
        dress,
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        (sentence, how, before, after, inFootnote) => {
          const smuggled = `${before} ${how(sentence)} ${after}`;
          const s = inFootnote
            ? {
                ...cite('returns-policy', '2026-10-01'),
                footnotes: [
                  { marker: 1, articleId: 'returns-policy', articleUpdated: '2026-10-01', explanation: smuggled },
                ],
              }
            : cite('returns-policy', '2026-10-01', `${smuggled} [1]`);
          return codes(s).includes('internal_article_quoted');
        },
      ),
    );
  });

  it('when a suggestion shares only words, not a sentence, with an internal article, then it passes', () => {
    expect(codes(cite('returns-policy', '2026-10-01', 'A refund after delivery takes 45 days at most [1].'))).toEqual(
      [],
    );
  });
});
