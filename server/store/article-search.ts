/**
 * The help centre's full-text search. It is the one place the two databases answer with their own machinery: SQLite's
 * FTS5 (an index per tokenizer, BM25) and PostgreSQL's text search (a generated `tsvector`, `ts_rank`); each article
 * is indexed in its language's configuration (`ftsConfig`), and both are asked the same question and answer in the
 * same shape.
 *
 * What a search reads is kept while the help centre stands still. Every ticket opened asks about much the same words
 * (order, refund, delivery), each a query of each index: in a SQLite server at the benchmark's 200 opens a second they
 * were half its statements' time. The database counts every change to `articles` (`article_generation`, kept by
 * triggers, so a change by another server, a command or a copy counts too); a search reads the count first and drops
 * what was kept under another. The words come from customers' messages and may be a name or an order number, so a
 * word is never kept as it is: its matches are found again by a keyed digest of it (HMAC-SHA256 under a key made at
 * start and held nowhere else), so what is kept does not list what customers wrote, and is gone at restart.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Article } from '../protocol/articles.js';
import { type ArticleRow, COLUMNS, toArticle } from './article-rows.js';
import { placeholders, type Sql } from './sql.js';
import type { Store } from './types.js';

/** Only words reach a full-text query: its operators and quotes cannot be smuggled in through a conversation. */
const words = (terms: readonly string[]) => [
  ...new Set(terms.flatMap((t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])),
];

const CONFIGS = ['english', 'simple'] as const;

type Config = (typeof CONFIGS)[number];

/**
 * How many articles each configuration indexes, read once a count of changes: every word's rarity is measured against
 * it, and a configuration that indexes none (a help centre in English alone) is not asked at all. In the server at the
 * bench's socket schedule a word's query of the 'simple' index, which holds one article there, took 49 µs, one per
 * word.
 */
async function configTotals(sql: Sql): Promise<Map<Config, number>> {
  const rows = await sql.all<{ fts: Config; n: number | string }>(
    'SELECT fts, COUNT(*) AS n FROM articles GROUP BY fts',
  );
  const n = new Map(rows.map((r) => [r.fts, Number(r.n)]));
  // In one order, so that a word's scores add up the same way whichever database answered.
  return new Map(CONFIGS.flatMap((c) => (n.get(c) ? [[c, n.get(c)!] as const] : [])));
}

/**
 * One word's matches in one configuration, which indexes `total` articles: each article's rank for it without the
 * word's rarity (`tf`) and how many articles hold it (`n`), best first. SQLite's bm25() already holds FTS5's inverse
 * document frequency, which it clamps to almost nothing for a word in more than half the articles (in a small help
 * centre, most words): it is divided out here and a smoothed one applied by the caller.
 */
async function termMatches(
  sql: Sql,
  fts: Config,
  term: string,
  limit: number,
  total: number,
): Promise<{ id: string; tf: number; n: number }[]> {
  if (sql.dialect === 'postgres') {
    const rows = await sql.all<{ id: string; score: number; n: number | string }>(
      `SELECT id, ts_rank(tsv, to_tsquery('${fts}', ?)) AS score, COUNT(*) OVER () AS n
       FROM articles WHERE fts = '${fts}' AND tsv @@ to_tsquery('${fts}', ?) ORDER BY score DESC, id LIMIT ?`,
      [term, term, limit],
    );
    return rows.map((r) => ({ id: r.id, tf: Number(r.score), n: Number(r.n) }));
  }
  const match = `"${term}"`;
  const rows = await sql.all<{ id: string; score: number }>(
    // The title counts three times the body; bm25() is lower for better matches.
    `SELECT a.id AS id, -bm25(articles_fts_${fts}, 3.0, 1.0) AS score
     FROM articles_fts_${fts} JOIN articles a ON a.rowid = articles_fts_${fts}.rowid
     WHERE articles_fts_${fts} MATCH ? ORDER BY score DESC, id LIMIT ?`,
    [match, limit],
  );
  // Fewer rows than the limit are all the matches (most words, in a small help centre), so they need no count: counting
  // them searched the index a second time, 16 % of an English word's query and 26 % of a 'simple' one's (server).
  const n =
    rows.length < limit
      ? rows.length
      : Number(
          (await sql.one<{ n: number }>(
            `SELECT COUNT(*) AS n FROM articles_fts_${fts} WHERE articles_fts_${fts} MATCH ?`,
            [match],
          ))!.n,
        );
  const fts5Idf = Math.max(Math.log((total - n + 0.5) / (n + 0.5)), 1e-6);
  return rows.map((r) => ({ id: r.id, tf: Number(r.score) / fts5Idf, n }));
}

/** Lucene's smoothed inverse document frequency: positive however common the word, largest for the rarest. */
const idf = (n: number, total: number) => Math.log(1 + (total - n + 0.5) / (n + 0.5));

/**
 * At most this many words' matches are kept, and this many articles; the one used longest ago goes first. A word that
 * matched holds up to 20 matches an index: 3,600 such words and 1,400 that matched nothing, over 10,000 generated
 * articles, held 12.8 MB of heap.
 */
export const KEPT_MATCHES = 5_000;
const KEPT_ARTICLES = 1_000;

type Matches = Awaited<ReturnType<typeof termMatches>>;

/** What the searches read while the help centre's count of changes stood at `generation`. */
interface Kept {
  generation: number;
  totals: Map<Config, number>;
  /** By limit and word's digest: the word's matches in each configuration that indexes an article. */
  matches: Map<string, Map<Config, Matches>>;
  /** Frozen: every search that finds one answers the same object. */
  articles: Map<string, Article>;
}

const keep = <V>(map: Map<string, V>, key: string, value: V, max: number) => {
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
};

/** What is kept under `key`, moved to the end of the map's order as just used. */
const used = <V>(map: Map<string, V>, key: string): V | undefined => {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
};

const frozen = (a: Article): Article => Object.freeze({ ...a, tags: Object.freeze([...a.tags]) as string[] });

/** The store's search: the articles that best match a query's weighted words, best first. */
export function articleSearch(sql: Sql): Store['articles']['search'] {
  let kept: Kept | null = null;

  /** What is kept as of the help centre's count now; started afresh when the count moved. */
  async function current(): Promise<Kept> {
    const row = await sql.one<{ n: number | string }>('SELECT n FROM article_generation WHERE id = 1');
    const generation = Number(row!.n);
    // Read after the count: a change landing meanwhile moves the count again, and the next search starts afresh.
    if (kept?.generation !== generation)
      kept = { generation, totals: await configTotals(sql), matches: new Map(), articles: new Map() };
    return kept;
  }

  const digestKey = randomBytes(32);
  /** A word's matches in each configuration that indexes an article. */
  async function matchesOf(k: Kept, term: string, limit: number): Promise<Map<Config, Matches>> {
    const key = createHmac('sha256', digestKey).update(`${limit}\u0000${term}`).digest('base64');
    const had = used(k.matches, key);
    if (had) return had;
    const found = new Map<Config, Matches>();
    for (const [fts, total] of k.totals) found.set(fts, await termMatches(sql, fts, term, limit, total));
    keep(k.matches, key, found, KEPT_MATCHES);
    return found;
  }

  return async (query) => {
    // Each word once, with the summed weight of the parts (messages) it appears in.
    const weights = new Map<string, number>();
    for (const part of query.parts)
      if (part.weight > 0) for (const t of words(part.terms)) weights.set(t, (weights.get(t) ?? 0) + part.weight);
    if (!weights.size) return [];
    const k = await current();
    const scores = new Map<string, number>();
    for (const [term, weight] of weights)
      for (const [fts, matches] of await matchesOf(k, term, query.limit * 4)) {
        const total = k.totals.get(fts)!;
        for (const m of matches) scores.set(m.id, (scores.get(m.id) ?? 0) + weight * idf(m.n, total) * m.tf);
      }
    const best = [...scores]
      .filter(([, score]) => score > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, query.limit);
    const found = new Map(
      best.flatMap(([id]) => {
        const article = used(k.articles, id);
        return article ? [[id, article] as const] : [];
      }),
    );
    const missing = best.map(([id]) => id).filter((id) => !found.has(id));
    if (missing.length) {
      const rows = await sql.all<ArticleRow>(
        `SELECT ${COLUMNS} FROM articles WHERE id IN (${placeholders(missing.length)})`,
        missing,
      );
      for (const r of rows) {
        const article = frozen(toArticle(r));
        found.set(r.id, article);
        keep(k.articles, r.id, article, KEPT_ARTICLES);
      }
    }
    // An article retired between the ranking and the read is left out.
    return best.flatMap(([id, score]) => (found.has(id) ? [{ article: found.get(id)!, score }] : []));
  };
}
