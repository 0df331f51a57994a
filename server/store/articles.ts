/**
 * Help-centre articles in the store, so several servers share them: their changes (each with its audit entry), which
 * version each shown suggestion cited and what agents did with it, and their full-text search (`article-search.ts`).
 */
import type { Article, ArticleFigures, ArticleStats } from '../protocol/articles.js';
import { type ArticleRow, COLUMNS, toArticle } from './article-rows.js';
import { articleSearch } from './article-search.js';
import { appendAudit } from './audit.js';
import type { Sql } from './sql.js';
import type { ArticleUse, ChangeMeta, Store } from './types.js';

/** Languages indexed with stemming; every other locale is indexed word for word ('simple'). */
export const ftsConfig = (locale: string): 'english' | 'simple' =>
  locale.toLowerCase().split('-')[0] === 'en' ? 'english' : 'simple';

const same = (a: Article, b: Article) => JSON.stringify(a) === JSON.stringify(b);

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
    search: articleSearch(sql),
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
