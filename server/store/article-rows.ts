/** An article as its row holds it: what the store's writes, reads and search all turn back into an `Article`. */
import type { Article } from '../protocol/articles.js';

export const COLUMNS = 'id, title, visibility, updated, locale, tags_json, body';

export interface ArticleRow {
  id: string;
  title: string;
  visibility: Article['visibility'];
  updated: string;
  locale: string;
  tags_json: string;
  body: string;
}

export const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  title: r.title,
  visibility: r.visibility,
  updated: r.updated,
  locale: r.locale,
  tags: JSON.parse(r.tags_json) as string[],
  body: r.body,
});
