/**
 * `/admin/articles`: per help-centre article, how often suggestions cited it and what agents did with those
 * suggestions (GET /api/v1/articles/stats), in words: the title, not the id, and versions as dates in the one format;
 * an article cited at several versions has a row for each, so a lead sees how an edit changed what agents did.
 */
import { call } from './api.js';
import { signIn } from './sign-in.js';
import { el } from '../../../browser/dom.js';
import type { ArticleFigures, ArticleStats } from '../../protocol/articles.js';
import { t, when } from './words.js';

const REFUSED = t('admin.articles.refused');

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const line = byId('status-line');
const rows = byId('articles').querySelector('tbody')!;

const times = (n: number) => t('admin.articles.times', { n });

const figures = (f: ArticleFigures) =>
  [f.inserted, f.edited, f.copied, f.dismissed].map((n) => el('td', { text: String(n) }));

/** The article's row, then, when it was cited at several versions, a row for each version with its own figures. */
function rowsOf(a: ArticleStats['articles'][number]) {
  const shownTo = a.retired
    ? t('admin.articles.retired')
    : a.visibility === 'internal'
      ? t('admin.articles.internal')
      : t('admin.articles.public');
  const row = el('tr', { attrs: { 'data-article': a.articleId } }, [
    el('th', { attrs: { scope: 'row' }, text: a.title ?? t('admin.articles.retiredTitle', { id: a.articleId }) }),
    el('td', { text: shownTo }),
    el('td', { text: times(a.cited) }),
    el('td', { text: a.versions.map((v) => when(v.updated, 'date')).join(', ') }),
    ...figures(a),
  ]);
  if (a.versions.length < 2) return [row];
  return [
    row,
    ...a.versions.map((v) =>
      el('tr', { className: 'version', attrs: { 'data-article': a.articleId } }, [
        el('th', { attrs: { scope: 'row' }, text: t('admin.articles.versionOf', { date: when(v.updated, 'date') }) }),
        el('td', { text: '' }),
        el('td', { text: times(v.cited) }),
        el('td', { text: '' }),
        ...figures(v),
      ]),
    ),
  ];
}

async function show() {
  line.textContent = t('admin.loading');
  const { status, body } = await call<ArticleStats>('GET', '/articles/stats');
  if (status !== 200) {
    line.textContent = status === 403 ? REFUSED : (body.error?.message ?? t('admin.serverAnswered', { status }));
    return void rows.replaceChildren();
  }
  const cited = body.articles.reduce((sum, a) => sum + a.cited, 0);
  line.textContent = body.articles.length
    ? t('admin.articles.cited', { n: body.articles.length, times: times(cited) })
    : t('admin.articles.none');
  rows.replaceChildren(...body.articles.flatMap(rowsOf));
}

signIn(REFUSED, () => {
  byId('workspace').hidden = false;
  void show();
});
