/** The articles relevant to a ticket's conversation, found through the store's full-text search. */
import type { ArticleMatch } from '../protocol/articles.js';
import type { Message } from '../protocol/domain.js';
import type { Store } from '../store/types.js';
import { queryFrom } from '../context/relevance.js';
import { articleQuery } from './query.js';
import { bestPassage, bestPassages } from './passages.js';

/** An article scoring under this share of the best one is noise beside it (it shares a word in passing). */
const CUTOFF = 0.25;

/** Where a public article is read: `base` (the help centre's address) and the article's id. */
export const articleUrl = (base: string | undefined, id: string) => (base ? `${base.replace(/\/+$/, '')}/${id}` : null);

export async function findArticles(
  search: Store['articles']['search'],
  conversation: readonly Message[],
  helpCentreUrl?: string,
): Promise<ArticleMatch[]> {
  const query = articleQuery(conversation);
  if (!query.parts.length) return [];
  const hits = await search(query);
  const top = hits[0]?.score ?? 0;
  const { weights } = queryFrom(conversation);
  return hits
    .filter((h) => h.score >= top * CUTOFF)
    .map(({ article }) => ({
      article,
      excerpt: bestPassage(article, weights),
      passages: bestPassages(article, weights, 3),
      url: article.visibility === 'public' ? articleUrl(helpCentreUrl, article.id) : null,
    }));
}
