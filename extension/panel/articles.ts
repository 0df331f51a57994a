/**
 * The help-centre articles found for the ticket: title (a link where customers can read it), the date of the version in
 * force, public or internal (for the agent only, never quoted to the customer), the passage that matched, and which
 * suggestion cites it. A suggestion says which article it cites.
 */
import type { AssistView, Suggestion } from '../../server/protocol/assist.js';
import type { FoundArticle } from '../../server/protocol/articles.js';
import { el } from '../../browser/dom.js';
import { formatTime } from '../../server/format/time.js';
import { listed, plural, t, uiLocale } from '../shared/i18n.js';

/** An article's version is a day: shown in the one date format, on that day whatever the agent's time zone. */
const updatedOn = (updated: string) =>
  formatTime(`${updated}T00:00:00Z`, 'date', { timeZone: 'UTC', locale: uiLocale });

const citedIds = (s: Suggestion) => s.footnotes.flatMap((f) => ('articleId' in f ? [f.articleId] : []));

function articleItem(a: FoundArticle, citedBy: number[]) {
  const internal = a.visibility === 'internal';
  const title = a.url
    ? el('a', { text: a.title, attrs: { href: a.url, target: '_blank', rel: 'noopener noreferrer' } })
    : el('strong', { text: a.title });
  return el(
    'li',
    { className: 'article', attrs: { 'data-article-id': a.articleId, 'data-visibility': a.visibility } },
    [
      el('p', {}, [
        title,
        el('span', {
          className: `badge badge-${a.visibility}`,
          text: ` ${t(internal ? 'art_internal' : 'art_public')}`,
        }),
      ]),
      el('p', { className: 'muted small', text: t('art_updated', updatedOn(a.updated)) }),
      el('p', { className: 'excerpt', text: a.excerpt }),
      citedBy.length > 0 &&
        el('p', {
          className: 'small cited-by',
          text: plural('art_cited_by', citedBy.length, listed(citedBy.map(String), 'list_and')),
        }),
    ],
  );
}

/** The list, or nothing when no article matched the conversation. `visible` numbers the suggestions as Alt+n does. */
export function renderArticles(view: AssistView, visible: readonly Suggestion[]) {
  const { articles } = view.context;
  if (!articles.length) return null;
  return el('section', { className: 'articles', attrs: { 'aria-labelledby': 'articles-title' } }, [
    el('h2', { text: t('art_title'), attrs: { id: 'articles-title' } }),
    el(
      'ul',
      { className: 'article-list' },
      articles.map((a) =>
        articleItem(
          a,
          visible.flatMap((s, i) => (citedIds(s).includes(a.articleId) ? [i + 1] : [])),
        ),
      ),
    ),
  ]);
}

/** Under a suggestion: the article it quotes, named as the panel lists it. */
export function citesLine(s: Suggestion, view: AssistView) {
  const names = citedIds(s).map((id) => {
    const a = view.context.articles.find((x) => x.articleId === id);
    return a ? t('art_named', a.title, updatedOn(a.updated)) : id;
  });
  return names.length ? el('p', { className: 'small cites', text: t('art_cites', names.join(', ')) }) : null;
}
