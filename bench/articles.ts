/**
 * Help-centre search at 10,000 generated articles: the whole search a ticket makes (`findArticles`: the last three
 * customer messages, a ranked query per word with a smoothed inverse document frequency, the passages), both as the
 * store makes it (keeping what it read) and made anew with nothing kept, beside one raw full-text query (FTS5 `MATCH`
 * ordered by bm25 on SQLite, `@@` ordered by ts_rank on PostgreSQL) for the latest message's words, in the same run on
 * the same data. PostgreSQL when `CANDOR_BENCH_DATABASE_URL` is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seeded, type Rng } from '../harness/seeded.js';
import type { Article } from '../server/protocol/articles.js';
import type { Message } from '../server/protocol/domain.js';
import { findArticles } from '../server/articles/find.js';
import { articleQuery } from '../server/articles/query.js';
import { articleSearch } from '../server/store/article-search.js';
import { keysIn, openPostgresStore, openSqliteStore } from '../server/store/index.js';
import { DB_FILE, openSql } from '../server/store/sqlite.js';
import { openPool, postgresSql } from '../server/store/postgres.js';
import { freshPgDatabase, readFileKey } from '../server/store/test-backends.js';
import type { Sql } from '../server/store/sql.js';
import type { Store } from '../server/store/types.js';
import { sampleInTurn } from './stats.js';

type Progress = (line: string) => void;

const TOPICS = (
  'return refund delivery parcel courier tracking warranty repair blender kettle mixer espresso toaster grinder ' +
  'invoice payment card voucher discount subscription account password address label damaged missing late ' +
  'exchange size colour cancel order stock recipe allergy gluten packaging battery charger manual cleaning'
).split(' ');

/** A made-up word from syllables: a vocabulary of a few thousand, most words rare, as in real prose. */
function word(rng: Rng): string {
  const syl = ['ka', 'lo', 'mi', 'tre', 'sun', 'por', 'vel', 'dan', 'ri', 'ost', 'em', 'bra', 'qu', 'ni', 'zo'];
  const n = 2 + Math.floor(rng() * 2);
  return Array.from({ length: n }, () => syl[Math.floor(rng() * syl.length)]).join('');
}

function sentence(rng: Rng): string {
  const words = Array.from({ length: 8 + Math.floor(rng() * 10) }, () =>
    rng() < 0.25 ? TOPICS[Math.floor(rng() * TOPICS.length)]! : word(rng),
  );
  return `${words.join(' ')}.`;
}

export function generateArticles(count: number, seed = 21): Article[] {
  const rng = seeded(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `a-${i}`,
    title: Array.from({ length: 3 }, () => (rng() < 0.5 ? TOPICS[Math.floor(rng() * TOPICS.length)]! : word(rng))).join(
      ' ',
    ),
    visibility: rng() < 0.1 ? 'internal' : 'public',
    updated: '2026-10-01',
    locale: rng() < 0.1 ? 'de' : 'en',
    tags: [],
    body: Array.from({ length: 4 + Math.floor(rng() * 8) }, () => sentence(rng)).join(' '),
  }));
}

function conversations(count: number, seed = 7): Message[][] {
  const rng = seeded(seed);
  const msg = (): Message => ({
    role: 'customer',
    text: `Hi, my ${TOPICS[Math.floor(rng() * TOPICS.length)]} ${sentence(rng)} What about the ${TOPICS[Math.floor(rng() * TOPICS.length)]}?`,
    at: '2026-12-01T10:00:00Z',
  });
  return Array.from({ length: count }, () => [msg(), { role: 'agent', text: 'Let me check.', at: '' }, msg(), msg()]);
}

/** One raw full-text query for the latest message's words: what the database alone does, for comparison. */
function rawQuery(sql: Sql, terms: string[]) {
  if (sql.dialect === 'postgres') {
    const q = terms.join(' | ');
    return sql.all(
      `SELECT id, ts_rank(tsv, to_tsquery('english', ?)) AS score FROM articles
       WHERE tsv @@ to_tsquery('english', ?) ORDER BY score DESC LIMIT 5`,
      [q, q],
    );
  }
  return sql.all(
    `SELECT rowid, bm25(articles_fts_english) AS score FROM articles_fts_english
     WHERE articles_fts_english MATCH ? ORDER BY score LIMIT 5`,
    [terms.map((t) => `"${t}"`).join(' OR ')],
  );
}

async function measure(
  name: string,
  store: Store,
  raw: Sql,
  o: { quick: boolean; progress: Progress },
  figures: Record<string, number>,
) {
  const n = o.quick ? { warmup: 50, samples: 300 } : { warmup: 200, samples: 2000 };
  const convs = conversations(n.warmup + n.samples);
  const latest = convs.map((c) => articleQuery(c).parts[0]!.terms as string[]);
  // In turn, so the ratios hold on a machine whose load drifts. The store's search keeps what it read while the help
  // centre stands still (as a server's does across the tickets it opens); a search made anew each time keeps nothing.
  const [search, cold, direct] = await sampleInTurn(
    [
      (i) => findArticles(store.articles.search, convs[i]!),
      (i) => findArticles(articleSearch(raw), convs[i]!),
      (i) => rawQuery(raw, latest[i]!),
    ],
    n,
  );
  o.progress(
    `${name}: search p50 ${search.p50.toFixed(2)} ms, nothing kept ${cold.p50.toFixed(2)} ms, ` +
      `raw p50 ${direct.p50.toFixed(2)} ms`,
  );
  figures[`${name}_search_p50_ms`] = search.p50;
  figures[`${name}_search_p99_ms`] = search.p99;
  figures[`${name}_search_cold_p50_ms`] = cold.p50;
  figures[`${name}_search_cold_p99_ms`] = cold.p99;
  figures[`${name}_raw_fts_p50_ms`] = direct.p50;
  figures[`${name}_raw_fts_p99_ms`] = direct.p99;
}

export async function articlesBench(o: { quick: boolean; progress: Progress; pgUrl?: string | undefined }) {
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  const articles = generateArticles(10_000);
  const meta = { actor: 'bench', channel: 'bench' };

  const dir = mkdtempSync(path.join(tmpdir(), 'candor-bench-articles-'));
  try {
    const store = await openSqliteStore(dir, keysIn(dir));
    await store.articles.upsert(articles, meta);
    const raw = openSql(path.join(dir, DB_FILE), { key: readFileKey(dir), from: 'the bench' });
    await measure('article', store, raw, o, figures);
    await raw.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (o.pgUrl) {
    const db = await freshPgDatabase(o.pgUrl);
    const keyDir = mkdtempSync(path.join(tmpdir(), 'candor-bench-articles-'));
    try {
      const store = await openPostgresStore(db.url, keysIn(keyDir));
      await store.articles.upsert(articles, meta);
      const raw = postgresSql(openPool(db.url, 2));
      await measure('pg_article', store, raw, o, figures);
      await raw.close();
      await store.close();
    } finally {
      await db.drop();
      rmSync(keyDir, { recursive: true, force: true });
    }
  } else notes.push('pg_article_*: not measured; set CANDOR_BENCH_DATABASE_URL');
  notes.push(
    'article_*: 10,000 generated articles (10 % internal, 10 % German); a search is a 3-message conversation; ' +
      'search: the store’s, keeping what it read across the samples (the generated words repeat, so most are ' +
      'kept after the warm-up); search_cold: the same search made anew each time, keeping nothing; ' +
      'raw_fts is one full-text query for the latest message’s words, ordered by the database’s rank, LIMIT 5',
  );
  return { figures, notes };
}
