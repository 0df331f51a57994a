/**
 * Help-centre articles (shared/spec/knowledge-articles.md): the file's front matter, an article with its body as
 * session files and the REST API carry it, and what a panel is shown of the articles found for a ticket.
 */
import { z } from 'zod';

export const ArticleId = z
  .string()
  .max(128)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a slug of lower-case letters, digits and "-", e.g. "returns"' });

/** An ISO date (`2026-10-01`) that exists in the calendar. */
export const ArticleDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected an ISO date such as "2026-10-01"' })
  .refine(
    (d) => {
      const t = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
    },
    { message: 'expected a date that exists' },
  );

/** BCP 47, as far as a tag's shape goes: `en`, `en-GB`, `pt-BR`, `zh-Hant`. */
export const Locale = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'expected a BCP 47 language tag such as "en" or "de-AT"' });

export const Visibility = z.enum(['public', 'internal']);
export type Visibility = z.infer<typeof Visibility>;

/** The front matter's fields; `locale` and `tags` may be left out. */
export const ArticleMeta = z.strictObject({
  id: ArticleId,
  title: z.string().trim().min(1).max(300),
  visibility: Visibility,
  updated: ArticleDate,
  locale: Locale.default('en'),
  tags: z.array(z.string().trim().min(1).max(64)).max(30).default([]),
});

export const Article = ArticleMeta.extend({ body: z.string().trim().min(1).max(100_000) });
export type Article = z.infer<typeof Article>;

/** `PUT /articles/:id`: the article without its id, which the address names. */
export const ArticleBody = Article.omit({ id: true });
export type ArticleBody = z.infer<typeof ArticleBody>;

/** `POST /articles/import`: a help centre's articles at once; `retireOthers` retires every article not listed. */
export const ArticleImportBody = z.strictObject({
  articles: z.array(Article).max(10_000),
  retireOthers: z.boolean().default(false),
});
export type ArticleImportBody = z.infer<typeof ArticleImportBody>;

/** An article found relevant to a ticket, as a panel lists it (internal ones too: the agent may read them). */
export const FoundArticle = z.strictObject({
  articleId: ArticleId,
  title: z.string(),
  updated: ArticleDate,
  visibility: Visibility,
  locale: Locale,
  /** Where customers read it: only public articles, and only when the help centre's address is configured. */
  url: z.url().nullable(),
  /** The passage that matched the conversation best, for the agent. */
  excerpt: z.string(),
});
export type FoundArticle = z.infer<typeof FoundArticle>;

/** `GET /articles/stats`: per article, how often suggestions cited it and what agents did with them. */
export interface ArticleStats {
  articles: {
    articleId: string;
    title: string | null;
    visibility: Visibility | null;
    /** Gone from the help centre (the figures stay). */
    retired: boolean;
    cited: number;
    inserted: number;
    edited: number;
    copied: number;
    dismissed: number;
    /** The same figures for each version cited, oldest first: what agents did with each wording. */
    versions: ({ updated: string } & ArticleFigures)[];
  }[];
}

export interface ArticleFigures {
  cited: number;
  inserted: number;
  edited: number;
  copied: number;
  dismissed: number;
}

/** An article found for a ticket, as the server holds it: the whole article (the guard reads internal ones). */
export interface ArticleMatch {
  article: Article;
  /** The sentence that answers the conversation best: what an offline reply quotes and the panel shows. */
  excerpt: string;
  /** The few best sentences, in order: what a model is given of a public article. */
  passages: string[];
  url: string | null;
}
