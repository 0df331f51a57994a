/**
 * Help-centre articles on SQLite always and on PostgreSQL when `CANDOR_TEST_DATABASE_URL` names a server: kept, replaced
 * and retired with their audit entries, and found by each database's full-text search, ranked the same way.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../protocol/articles.js';
import type { Store } from './types.js';
import { PG_URL, postgresBackend, sqliteBackend, type Backend } from './test-backends.js';
import { ftsConfig } from './articles.js';

const backends: [string, () => Backend][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', () => postgresBackend(PG_URL!)],
];
const META = { actor: 'lead:tok_test', channel: 'api' };

const article = (id: string, over: Partial<Article> = {}): Article => ({
  id,
  title: `Article ${id}`,
  visibility: 'public',
  updated: '2026-10-01',
  locale: 'en',
  tags: [],
  body: 'Nothing in particular.',
  ...over,
});

const RETURNS = article('returns-policy', {
  title: 'Returning an item',
  body: 'You can send any item back within 45 days of delivery for a full refund. Refunds take 5 working days.',
});
const DELIVERY = article('delivery-times', {
  title: 'Delivery times',
  body: 'Standard delivery takes 2 to 4 working days. Every parcel has a tracking link.',
});
const WARRANTY = article('warranty', {
  title: 'Warranty on appliances',
  body: 'Blenders and kettles carry a two-year warranty. If one stops working we replace it.',
});
const GERMAN = article('ruecksendung', {
  title: 'Artikel zurücksenden',
  locale: 'de',
  body: 'Sie können jeden Artikel innerhalb von 45 Tagen zurücksenden.',
});

const ids = (hits: { article: Article }[]) => hits.map((h) => h.article.id);
const search = (store: Store, ...parts: [string[], number][]) =>
  store.articles.search({ parts: parts.map(([terms, weight]) => ({ terms, weight })), limit: 5 });

it('indexes English with stemming and every other language word for word', () => {
  expect([ftsConfig('en'), ftsConfig('en-GB'), ftsConfig('EN-us'), ftsConfig('de'), ftsConfig('pt-BR')]).toEqual([
    'english',
    'english',
    'english',
    'simple',
    'simple',
  ]);
});

for (const [name, make] of backends) {
  (name === 'PostgreSQL' && !PG_URL ? describe.skip : describe)(`articles on ${name}`, () => {
    let h: Backend;
    let store: Store;
    beforeEach(async () => {
      h = make();
      store = await h.open();
      await store.articles.upsert([RETURNS, DELIVERY, WARRANTY, GERMAN], META);
    });
    afterEach(() => h.drop());

    it('when articles are written, then they read back whole, and each change has its audit entry', async () => {
      expect(await store.articles.get('returns-policy')).toEqual(RETURNS);
      expect((await store.articles.list()).map((a) => a.id)).toEqual([
        'delivery-times',
        'returns-policy',
        'ruecksendung',
        'warranty',
      ]);
      const again = await store.articles.upsert([RETURNS, { ...DELIVERY, updated: '2026-11-01' }], META);
      expect(again).toEqual({ created: [], updated: ['delivery-times'] });
      const kinds = (await store.audit.list({ limit: 20 })).map((e) => [e.kind, e.payload.articleId]);
      expect(kinds.filter(([k]) => k === 'article.updated')).toHaveLength(5);
    });

    it('when the customer asks about returning an item, then the returns article ranks first, stems and all', async () => {
      expect(ids(await search(store, [['returning', 'item'], 1]))[0]).toBe('returns-policy');
      expect(ids(await search(store, [['refunds'], 1]))).toEqual(['returns-policy']);
    });

    it('when nothing shares a word with any article, then nothing is found', async () => {
      expect(await search(store, [['colour', 'password'], 1])).toEqual([]);
    });

    it('when the latest message is about delivery and an earlier one about returns, then delivery ranks first', async () => {
      const hits = await search(store, [['parcel', 'delivery'], 1], [['return', 'refund'], 0.25]);
      expect(ids(hits).slice(0, 2)).toEqual(['delivery-times', 'returns-policy']);
      const flipped = await search(store, [['return', 'refund'], 1], [['parcel', 'delivery'], 0.25]);
      expect(ids(flipped).slice(0, 2)).toEqual(['returns-policy', 'delivery-times']);
    });

    it('when several words are searched at once, then each article scores the weighted sum of its one-word scores', async () => {
      // Each word keeps its own matches, counts and ranks, and its own cap of four times the limit (at a limit of 1,
      // four: more than one word matches here, fewer than several do).
      const vocabulary = [
        'item',
        'returning',
        'refunds',
        'delivery',
        'parcel',
        'days',
        'warranty',
        'zurücksenden',
        'tagen',
        'colour',
      ];
      const part = fc.tuple(
        fc.uniqueArray(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(1, 0.5, 0.25),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(part, { minLength: 1, maxLength: 3 }),
          fc.integer({ min: 1, max: 5 }),
          async (parts, limit) => {
            const alone = new Map<string, Map<string, number>>();
            for (const word of new Set(parts.flatMap(([terms]) => terms)))
              alone.set(word, new Map((await search(store, [[word], 1])).map((hit) => [hit.article.id, hit.score])));
            const sums = new Map<string, number>();
            for (const [terms, weight] of parts)
              for (const word of terms)
                for (const [id, score] of alone.get(word)!) sums.set(id, (sums.get(id) ?? 0) + weight * score);
            const expected = [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
            const hits = await store.articles.search({
              parts: parts.map(([terms, weight]) => ({ terms, weight })),
              limit,
            });
            expect(hits.map((hit) => hit.article.id)).toEqual(expected.map(([id]) => id));
            for (const [i, hit] of hits.entries()) expect(hit.score).toBeCloseTo(expected[i]![1], 9);
          },
        ),
        { numRuns: 60 },
      );
    });

    it('when a German article is searched in German, then it is found word for word', async () => {
      expect(ids(await search(store, [['zurücksenden'], 1]))).toEqual(['ruecksendung']);
    });

    it('when one configuration indexes no article, then the other finds its articles with the same scores', async () => {
      // Each configuration's word rarity counts its own articles: retiring the other's changes nothing here.
      const english = await search(store, [['refunds', 'parcel'], 1]);
      const german = await search(store, [['zurücksenden'], 1]);
      await store.articles.retire(['ruecksendung'], META);
      expect(await search(store, [['refunds', 'parcel'], 1])).toEqual(english);
      expect(await search(store, [['zurücksenden'], 1])).toEqual([]);
      await store.articles.upsert([GERMAN], META);
      await store.articles.retire(['returns-policy', 'delivery-times', 'warranty'], META);
      expect(await search(store, [['zurücksenden'], 1])).toEqual(german);
      expect(await search(store, [['refunds', 'parcel'], 1])).toEqual([]);
    });

    it('when a word is in more articles than a search asks for, then its rarity counts them all', async () => {
      // Ten articles hold "kettle", more than a one-hit search reads of a word (four): its score must not change with
      // how many hits are asked for.
      const kettles = Array.from({ length: 10 }, (_, i) =>
        article(`kettle-${i}`, { body: `${'Kettle care. '.repeat(i + 1)}Descale it monthly.` }),
      );
      await store.articles.upsert(kettles, META);
      const ask = (limit: number) => store.articles.search({ parts: [{ terms: ['kettle'], weight: 1 }], limit });
      const [one] = await ask(1);
      const all = await ask(20);
      expect(all.filter((h) => h.article.id.startsWith('kettle-'))).toHaveLength(10);
      expect(one!.article.id).toMatch(/^kettle-/);
      expect(one).toEqual(all[0]);
    });

    it('when search terms carry query syntax, then only their words are searched', async () => {
      const hits = await search(store, [['"refund" OR *', 'NEAR(', "'); DROP TABLE articles; --"], 1]);
      expect(ids(hits)[0]).toBe('returns-policy');
      expect(await store.articles.list()).toHaveLength(4);
    });

    it('when an article is replaced, then the search finds its new words and no longer its old ones', async () => {
      await store.articles.upsert([{ ...WARRANTY, body: 'Espresso machines are covered for three years.' }], META);
      expect(await search(store, [['blenders'], 1])).toEqual([]);
      expect(ids(await search(store, [['espresso'], 1]))).toEqual(['warranty']);
    });

    it('when an article is retired, then it is gone from reads and searches, and the retirement is audited', async () => {
      expect(await store.articles.retire(['returns-policy', 'no-such'], META)).toEqual(['returns-policy']);
      expect(await store.articles.get('returns-policy')).toBeNull();
      expect(await search(store, [['refund'], 1])).toEqual([]);
      const retired = (await store.audit.list({ limit: 5 })).filter((e) => e.kind === 'article.retired');
      expect(retired.map((e) => e.payload.articleId)).toEqual(['returns-policy']);
    });

    it('when another server, or a statement beside any store, changes the help centre, then the next search here sees it', async () => {
      // Searched here first, so that this server keeps what it read: a word that matched, and one that matched nothing.
      expect(ids(await search(store, [['kettles'], 1]))).toEqual(['warranty']);
      expect(await search(store, [['toaster'], 1])).toEqual([]);
      const other = await h.another();
      const toasters = article('toasters', { title: 'Toaster settings', body: 'Every toaster has six settings.' });
      await other.articles.upsert([toasters], META);
      expect(ids(await search(store, [['toaster'], 1]))).toEqual(['toasters']);
      await other.articles.upsert([{ ...WARRANTY, body: 'Espresso machines are covered for three years.' }], META);
      expect(await search(store, [['kettles'], 1])).toEqual([]);
      await other.articles.retire(['toasters'], META);
      expect(await search(store, [['toaster'], 1])).toEqual([]);
      // A restore or a fix made by hand, past every store: the database counts it all the same.
      await h.all(`UPDATE articles SET title = 'Espresso machines and kettles' WHERE id = 'warranty'`);
      expect((await search(store, [['kettles'], 1]))[0]?.article.title).toBe('Espresso machines and kettles');
    });

    it('when a caller changes an article a search answered, then that fails, and the next search answers it as stored', async () => {
      const [hit] = await search(store, [['kettles'], 1]);
      expect(() => {
        (hit!.article as { title: string }).title = 'Changed';
      }).toThrow(TypeError);
      expect(() => (hit!.article.tags as string[]).push('changed')).toThrow(TypeError);
      expect((await search(store, [['kettles'], 1]))[0]!.article).toEqual(WARRANTY);
    });

    it('when suggestions cited articles and agents acted on them, then the figures count both per article and per version', async () => {
      await store.customers.upsert({ id: 'c-1', displayName: 'Ada Lovelace' }, META);
      await store.articles.recordUses([
        { articleId: 'returns-policy', updated: '2026-10-01', suggestionId: 's1' },
        { articleId: 'returns-policy', updated: '2026-10-01', suggestionId: 's1' },
        { articleId: 'returns-policy', updated: '2026-11-01', suggestionId: 's2' },
        // The same reply again after the edit: counted for each version, once for the article.
        { articleId: 'returns-policy', updated: '2026-11-01', suggestionId: 's1' },
        { articleId: 'warranty', updated: '2026-10-01', suggestionId: 's3' },
      ]);
      const outcome = (suggestionId: string, action: 'inserted' | 'dismissed' | 'edited') =>
        store.outcomes.record({
          actor: 'agent:tok_a',
          ticketId: 'T-1',
          customerId: 'c-1',
          suggestionId,
          template: { id: 'offline.article', version: 1 },
          engine: 'offline',
          action,
          edit: action === 'edited' ? { text: 'x', distance: 1 } : null,
          rating: null,
          reason: null,
        });
      await outcome('s1', 'inserted');
      await outcome('s2', 'edited');
      await outcome('s3', 'dismissed');
      await store.articles.retire(['warranty'], META);
      expect((await store.articles.stats()).articles).toEqual([
        {
          articleId: 'returns-policy',
          title: 'Returning an item',
          visibility: 'public',
          retired: false,
          cited: 4,
          inserted: 1,
          edited: 1,
          copied: 0,
          dismissed: 0,
          versions: [
            { updated: '2026-10-01', cited: 2, inserted: 1, edited: 0, copied: 0, dismissed: 0 },
            { updated: '2026-11-01', cited: 2, inserted: 1, edited: 1, copied: 0, dismissed: 0 },
          ],
        },
        {
          articleId: 'warranty',
          title: null,
          visibility: null,
          retired: true,
          cited: 1,
          inserted: 0,
          edited: 0,
          copied: 0,
          dismissed: 1,
          versions: [{ updated: '2026-10-01', cited: 1, inserted: 0, edited: 0, copied: 0, dismissed: 1 }],
        },
      ]);
    });
  });
}
