/**
 * Article files (shared/spec/knowledge-articles.md): one Markdown file per article, YAML front matter first. A problem
 * is reported as `file:line: what was expected`, and the other files still load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Article, ArticleMeta } from '../protocol/articles.js';

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** One file's text checked: the article, or its problems, each with its line. */
export function checkArticle(file: string, text: string): Article | string[] {
  const fence = FENCE.exec(text.replace(/^\uFEFF/, ''));
  if (!fence)
    return [`${file}:1: missing front matter (a block between "---" lines with id, title, visibility, updated)`];
  const lines = fence[1]!.split(/\r?\n/);
  const lineOf = (key: string) => {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    return i >= 0 ? i + 2 : 1;
  };
  let meta: unknown;
  try {
    meta = parseYaml(fence[1]!);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return [`${file}:${line ? line + 1 : 2}: front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`];
  }
  const parsed = ArticleMeta.safeParse(meta ?? {});
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        if (i.code === 'unrecognized_keys')
          return `${file}:${lineOf(i.keys[0]!)}: unknown front-matter key(s) ${i.keys.join(', ')} (expected id, title, visibility, updated, locale, tags)`;
        const key = String(i.path[0] ?? '');
        const missing = i.code === 'invalid_type' && !(meta && typeof meta === 'object' && key in meta);
        return missing
          ? `${file}:1: missing required key "${key}"`
          : `${file}:${lineOf(key)}: ${i.path.join('.')}: ${i.message}`;
      });
  const bodyLine = fence[0].split('\n').length;
  const body = text.slice(text.indexOf(fence[0]) + fence[0].length).trim();
  if (!body) problems.push(`${file}:${bodyLine}: the article has no text after its front matter`);
  if (!parsed.success || problems.length) return problems;
  const article = Article.safeParse({ ...parsed.data, body });
  if (!article.success) return [`${file}:${bodyLine}: body: ${article.error.issues[0]!.message}`];
  return article.data;
}

/** Every `.md` file below `dir`, in path order. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return markdownFiles(p);
      return name.endsWith('.md') ? [p] : [];
    });
}

export interface ArticleDir {
  articles: Article[];
  problems: string[];
}

/** Reads a folder of articles; files with problems are left out and named, and an id used twice is a problem. */
export function readArticleDir(dir: string): ArticleDir {
  const articles: Article[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const file of markdownFiles(dir)) {
    const shown = path.relative(process.cwd(), file) || file;
    const text = readFileSync(file, 'utf8');
    const checked = checkArticle(shown, text);
    if (Array.isArray(checked)) {
      problems.push(...checked);
      continue;
    }
    const first = seen.get(checked.id);
    if (first) {
      const line = text.split('\n').findIndex((l) => l.startsWith('id:')) + 1;
      problems.push(`${shown}:${line}: id "${checked.id}" is already used by ${first}`);
      continue;
    }
    seen.set(checked.id, shown);
    articles.push(checked);
  }
  return { articles, problems };
}
