/**
 * Help-centre articles in the store, so several servers share them, and their full-text search. The search is the one
 * place the two databases answer with their own machinery: SQLite's FTS5 (an index per tokenizer, BM25) and
 * PostgreSQL's text search (a generated `tsvector`, `ts_rank`); each article is indexed in its language's
 * configuration (`ftsConfig`), and both are asked the same question and answer in the same shape.
 */
import type { Article, ArticleFigures, ArticleStats } from '../protocol/articles.js';
import { appendAudit } from './audit.js';
import { placeholders, type Sql } from './sql.js';
import type { ArticleQuery, ArticleUse, ChangeMeta, Store } from './types.js';

/** Languages indexed with stemming; every other locale is indexed word for word ('simple'). */
export const ftsConfig = (locale: string): 'english' | 'simple' =>
  locale.toLowerCase().split('-')[0] === 'en' ? 'english' : 'simple';

const COLUMNS = 'id, title, visibility, updated, locale, tags_json, body';

interface ArticleRow {
  id: string;
  title: string;
  visibility: Article['visibility'];
  updated: string;
  locale: string;
  tags_json: string;
  body: string;
}

const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  title: r.title,
  visibility: r.visibility,
  updated: r.updated,
  locale: r.locale,
  tags: JSON.parse(r.tags_json) as string[],
  body: r.body,
});

const same = (a: Article, b: Article) => JSON.stringify(a) === JSON.stringify(b);

/** Only words reach a full-text query: its operators and quotes cannot be smuggled in through a conversation. */
const words = (terms: readonly string[]) => [
  ...new Set(terms.flatMap((t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])),
];

const CONFIGS = ['english', 'simple'] as const;

type Config = (typeof CONFIGS)[number];

/**
 * How many articles each configuration indexes, read once a search: every word's rarity is measured against it, and a
 * configuration that indexes none (a help centre in English alone) is not asked at all. In the server at the bench's
 * socket schedule a word's query of the 'simple' index, which holds one article there, took 49 µs, one per word.
 */
async function configTotals(sql: Sql): Promise<Map<Config, number>> {
  const rows = await sql.all<{ fts: Config; n: number | string }>(
    'SELECT fts, COUNT(*) AS n FROM articles GROUP BY fts',
  );
  return new Map(rows.map((r) => [r.fts, Number(r.n)]));
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

/** Which article version each shown suggestion cited, inside the caller's transaction. */
export async function insertUses(q: Sql, uses: readonly ArticleUse[]): Promise<void> {
  if (!uses.length) return;
  const at = new Date().toISOString();
  await q.insertRows(
    'article_uses',
    ['article_id', 'article_updated', 'suggestion_id', 'at'],
    uses.map((u) => [u.articleId, u.updated, u.suggestionId, at]),
  );
}

function audit(kind: 'article.updated' | 'article.retired', meta: ChangeMeta, payload: Record<string, unknown>) {
  return { kind, actor: meta.actor, customerId: null, payload: { ...payload, channel: meta.channel } };
}

export function articleStore(sql: Sql): Store['articles'] {
  const get = async (q: Sql, id: string) => {
    const row = await q.one<ArticleRow>(`SELECT ${COLUMNS} FROM articles WHERE id = ?`, [id]);
    return row ? toArticle(row) : null;
  };
  const list = async () => (await sql.all<ArticleRow>(`SELECT ${COLUMNS} FROM articles ORDER BY id`)).map(toArticle);
  return {
    upsert(articles, meta) {
      return sql.tx(async (q) => {
        const created: string[] = [];
        const updated: string[] = [];
        for (const a of articles) {
          const before = await get(q, a.id);
          if (before && same(before, a)) continue;
          await q.run(
            `INSERT INTO articles (id, title, visibility, updated, locale, tags_json, body, fts, changed_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, visibility = excluded.visibility,
               updated = excluded.updated, locale = excluded.locale, tags_json = excluded.tags_json,
               body = excluded.body, fts = excluded.fts, changed_at = excluded.changed_at`,
            [
              a.id,
              a.title,
              a.visibility,
              a.updated,
              a.locale,
              JSON.stringify(a.tags),
              a.body,
              ftsConfig(a.locale),
              new Date().toISOString(),
            ],
          );
          (before ? updated : created).push(a.id);
        }
        await appendAudit(
          q,
          [...created, ...updated].map((id) => {
            const a = articles.find((x) => x.id === id)!;
            return audit('article.updated', meta, { articleId: id, updated: a.updated, visibility: a.visibility });
          }),
        );
        return { created, updated };
      });
    },
    retire(ids, meta) {
      return sql.tx(async (q) => {
        const gone: string[] = [];
        for (const id of ids) if (await q.run('DELETE FROM articles WHERE id = ?', [id])) gone.push(id);
        await appendAudit(
          q,
          gone.map((articleId) => audit('article.retired', meta, { articleId })),
        );
        return gone;
      });
    },
    get: (id) => get(sql, id),
    list,
    async search(query: ArticleQuery) {
      // Each word once, with the summed weight of the parts (messages) it appears in.
      const weights = new Map<string, number>();
      for (const part of query.parts)
        if (part.weight > 0) for (const t of words(part.terms)) weights.set(t, (weights.get(t) ?? 0) + part.weight);
      if (!weights.size) return [];
      const totals = await configTotals(sql);
      const scores = new Map<string, number>();
      for (const [term, weight] of weights)
        for (const fts of CONFIGS) {
          const total = totals.get(fts) ?? 0;
          if (total === 0) continue; // it indexes no article, so no word matches there
          for (const m of await termMatches(sql, fts, term, query.limit * 4, total))
            scores.set(m.id, (scores.get(m.id) ?? 0) + weight * idf(m.n, total) * m.tf);
        }
      const best = [...scores]
        .filter(([, score]) => score > 0)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, query.limit);
      if (!best.length) return [];
      const rows = await sql.all<ArticleRow>(
        `SELECT ${COLUMNS} FROM articles WHERE id IN (${placeholders(best.length)})`,
        best.map(([id]) => id),
      );
      const byId = new Map(rows.map((r) => [r.id, toArticle(r)]));
      // An article retired between the ranking and the read is left out.
      return best.flatMap(([id, score]) => (byId.has(id) ? [{ article: byId.get(id)!, score }] : []));
    },
    async recordUses(uses) {
      if (uses.length) await sql.tx((q) => insertUses(q, uses));
    },
    async stats(): Promise<ArticleStats> {
      const cited = await sql.all<{ article_id: string; article_updated: string; n: number | string }>(
        `SELECT article_id, article_updated, COUNT(*) AS n FROM article_uses
         GROUP BY article_id, article_updated ORDER BY article_id, article_updated`,
      );
      // What agents did with the suggestions that cited each article, and each version of it (a suggestion's id is
      // its text's: the same reply on two tickets is one suggestion, counted with every outcome reported on it; a reply
      // that cited two versions of an article counts once for the article).
      const actions = (per: string) =>
        sql.all<{ article_id: string; article_updated: string | null; action: string; n: number | string }>(
          `SELECT u.article_id AS article_id, ${per} AS article_updated, o.action AS action, COUNT(*) AS n
           FROM (SELECT DISTINCT article_id, ${per} AS article_updated, suggestion_id FROM article_uses) u
           JOIN outcomes o ON o.suggestion_id = u.suggestion_id
           GROUP BY u.article_id, u.article_updated, o.action`,
        );
      const live = new Map((await list()).map((a) => [a.id, a]));
      const none = () => ({ cited: 0, inserted: 0, edited: 0, copied: 0, dismissed: 0 });
      const out = new Map<string, ArticleStats['articles'][number]>();
      for (const r of cited) {
        const a = live.get(r.article_id);
        const row = out.get(r.article_id) ?? {
          articleId: r.article_id,
          title: a?.title ?? null,
          visibility: a?.visibility ?? null,
          retired: !a,
          ...none(),
          versions: [],
        };
        row.cited += Number(r.n);
        row.versions.push({ updated: r.article_updated, ...none(), cited: Number(r.n) });
        out.set(r.article_id, row);
      }
      const counted = (action: string): action is Exclude<keyof ArticleFigures, 'cited'> =>
        action === 'inserted' || action === 'edited' || action === 'copied' || action === 'dismissed';
      for (const r of await actions('CAST(NULL AS TEXT)')) {
        const row = out.get(r.article_id);
        if (row && counted(r.action)) row[r.action] += Number(r.n);
      }
      for (const r of await actions('article_updated')) {
        const version = out.get(r.article_id)?.versions.find((v) => v.updated === r.article_updated);
        if (version && counted(r.action)) version[r.action] += Number(r.n);
      }
      return {
        articles: [...out.values()].sort((a, b) => b.cited - a.cited || a.articleId.localeCompare(b.articleId)),
      };
    },
  };
}
