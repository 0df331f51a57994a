/** The help centre's articles: listed for every panel, changed by whoever syncs the help centre, counted for leads. */
import { Router } from 'express';
import { ArticleBody, ArticleId, ArticleImportBody } from '../../protocol/articles.js';
import { allow, caller } from '../../web/auth.js';
import { AppError, parseInput } from '../../errors.js';
import { changeArticles } from '../../articles/changes.js';
import { articleUrl } from '../../articles/find.js';
import type { HttpDeps } from '../deps.js';

export function articleRoutes(deps: HttpDeps): Router {
  const { store } = deps;
  const r = Router();
  const meta = (req: Parameters<typeof caller>[0]) => ({ actor: caller(req).actor, channel: 'api' });

  r.get('/articles', allow('articles.read'), async (_req, res) => {
    const articles = await store.articles.list();
    res.json({
      articles: articles.map(({ body: _body, ...a }) => ({
        ...a,
        url: a.visibility === 'public' ? articleUrl(deps.helpCentreUrl, a.id) : null,
      })),
    });
  });

  r.get('/articles/stats', allow('articles.stats'), async (_req, res) => {
    res.json(await store.articles.stats());
  });

  r.put('/articles/:id', allow('articles.write'), async (req, res) => {
    const id = parseInput(ArticleId, req.params.id, ['params', 'id']);
    const article = { id, ...parseInput(ArticleBody, req.body) };
    const done = await changeArticles(deps, { upsert: [article] }, meta(req));
    res
      .status(done.created.length ? 201 : 200)
      .json({ article, changed: done.created.length + done.updated.length > 0 });
  });

  r.delete('/articles/:id', allow('articles.write'), async (req, res) => {
    const id = parseInput(ArticleId, req.params.id, ['params', 'id']);
    const done = await changeArticles(deps, { retire: [id] }, meta(req));
    if (!done.retired.length)
      throw new AppError('article_not_found', `no article with id "${id}"`, 404, ['params', 'id']);
    res.json({ retired: id });
  });

  r.post('/articles/import', allow('articles.write'), async (req, res) => {
    const body = parseInput(ArticleImportBody, req.body);
    const ids = body.articles.map((a) => a.id);
    const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (twice >= 0)
      throw new AppError('invalid_input', `articles.${twice}.id: "${ids[twice]}" is listed twice`, 400, [
        'articles',
        twice,
        'id',
      ]);
    const listed = new Set(ids);
    const retire = body.retireOthers
      ? (await store.articles.list()).map((a) => a.id).filter((id) => !listed.has(id))
      : [];
    res.json(await changeArticles(deps, { upsert: body.articles, retire }, meta(req)));
  });
  return r;
}
