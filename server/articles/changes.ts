/**
 * Changing the help centre: articles added, replaced or retired, from the API, an import or the folder at start. A
 * change is written with its audit entries, then every open panel is told at once (their views are searched again),
 * as a consent change is.
 */
import type { Article } from '../protocol/articles.js';
import type { Notice } from '../protocol/events.js';
import type { ChangeMeta, Store } from '../store/types.js';
import { readArticleDir } from './files.js';

export interface ArticleChangeDeps {
  store: Store;
  /** Recomputes and pushes the view of every open panel, on every server. */
  notifyArticles(notice: Notice): Promise<void>;
}

export interface ArticleChange {
  created: string[];
  updated: string[];
  retired: string[];
}

/** What changed, in words an agent reads at a glance. */
function noticeOf(change: ArticleChange, titles: ReadonlyMap<string, string>, at: string): Notice {
  const named = (ids: string[]) => ids.map((id) => `“${titles.get(id) ?? id}”`).join(', ');
  const parts = [
    change.created.length ? `added ${named(change.created)}` : '',
    change.updated.length ? `updated ${named(change.updated)}` : '',
    change.retired.length ? `retired ${named(change.retired)}` : '',
  ].filter(Boolean);
  const count = change.created.length + change.updated.length + change.retired.length;
  const text =
    count > 5 ? `The help centre changed: ${count} articles.` : `The help centre changed: ${parts.join('; ')}.`;
  return { kind: 'articles.changed', text, at };
}

/**
 * Adds or replaces `upsert` and retires `retire`; with `onlyNewer`, an article whose stored version is as new or newer
 * is left as it is (the folder at start never undoes an edit made through the API). Panels hear of it when anything
 * changed.
 */
export async function changeArticles(
  deps: ArticleChangeDeps,
  change: { upsert?: readonly Article[]; retire?: readonly string[]; onlyNewer?: boolean },
  meta: ChangeMeta,
): Promise<ArticleChange> {
  let upsert = change.upsert ?? [];
  if (change.onlyNewer) {
    const stored = new Map((await deps.store.articles.list()).map((a) => [a.id, a.updated]));
    upsert = upsert.filter((a) => !stored.has(a.id) || a.updated > stored.get(a.id)!);
  }
  const titles = new Map(upsert.map((a) => [a.id, a.title]));
  // A retired article is named by its title while it still exists (a notice names at most a few).
  for (const id of (change.retire ?? []).slice(0, 6)) {
    const a = await deps.store.articles.get(id);
    if (a) titles.set(id, a.title);
  }
  const { created, updated } = upsert.length
    ? await deps.store.articles.upsert(upsert, meta)
    : { created: [], updated: [] };
  const retired = change.retire?.length ? await deps.store.articles.retire(change.retire, meta) : [];
  const done = { created, updated, retired };
  if (created.length + updated.length + retired.length)
    await deps.notifyArticles(noticeOf(done, titles, new Date().toISOString()));
  return done;
}

/**
 * A folder of article files into the store: at start only what is newer than the stored version (`onlyNewer`), from
 * the CLI every file that differs. Files with problems are left out and their problems answered; the others load.
 */
export async function importArticleDir(
  deps: ArticleChangeDeps,
  dir: string,
  meta: ChangeMeta,
  onlyNewer: boolean,
): Promise<ArticleChange & { problems: string[] }> {
  const { articles, problems } = readArticleDir(dir);
  return { ...(await changeArticles(deps, { upsert: articles, onlyNewer }, meta)), problems };
}
