/**
 * What a side panel receives for a ticket: the consent-filtered context and the suggestions.
 * Shared by the REST API, the socket events, the replay and the extension.
 */
import { z } from 'zod';
import { Id, Locale, Message, TaxonomyKey, TicketId, Timestamp, WithheldReason } from './domain.js';
import { ArticleDate, ArticleId, FoundArticle } from './articles.js';

export const ConsentBadge = z.strictObject({
  id: Id,
  purpose: TaxonomyKey,
  /** The purpose in words ("Essential for Operations Support"): what an agent reads; `purpose` is for machines. */
  purposeName: z.string(),
  /** The consent's category that covers the fact. */
  category: TaxonomyKey,
  at: Timestamp,
  source: z.string(),
});

export const ShownFact = z.strictObject({
  factId: Id,
  category: TaxonomyKey,
  categoryName: z.string(),
  text: z.string(),
  value: z.record(z.string(), z.json()).nullable(),
  source: z.string(),
  collectedAt: Timestamp,
  /** The consent this fact is shown under (the most specific of those that permit it). */
  consentId: Id,
  consent: ConsentBadge,
  /** Every consent that permits the fact now; withdrawing one of them may leave it shown. */
  consentIds: z.array(Id),
  /** One line: why the agent can see this. */
  why: z.string(),
  relevance: z.number(),
});
export type ShownFact = z.infer<typeof ShownFact>;

export const WithheldCount = z.strictObject({
  category: TaxonomyKey,
  /** The category in words ("street address"): what an agent reads. */
  categoryName: z.string(),
  reason: WithheldReason,
  count: z.number().int().positive(),
});
export type WithheldCount = z.infer<typeof WithheldCount>;

export const TicketLanguage = z.strictObject({
  locale: Locale,
  /** In words, for the panel: "German". */
  name: z.string(),
  source: z.enum(['helpdesk', 'detected']),
});
export type TicketLanguage = z.infer<typeof TicketLanguage>;

export const ContextView = z.strictObject({
  customer: z.strictObject({ id: Id, displayName: z.string() }),
  language: TicketLanguage,
  purpose: TaxonomyKey,
  purposeName: z.string(),
  at: Timestamp,
  shown: z.array(ShownFact),
  withheld: z.array(WithheldCount),
  /** Permitted facts left out by the cap (data minimisation); they are not withheld by the policy. */
  omitted: z.number().int().nonnegative(),
  /** Help-centre articles found relevant to the conversation, best first (internal ones too, marked). */
  articles: z.array(FoundArticle),
});
export type ContextView = z.infer<typeof ContextView>;

export const FactFootnote = z.strictObject({
  marker: z.number().int().positive(),
  factIds: z.array(Id).min(1),
  consentId: Id,
  explanation: z.string(),
});
export type FactFootnote = z.infer<typeof FactFootnote>;

/** A footnote citing one public help-centre article at the version in force (shared/spec/knowledge-articles.md). */
export const ArticleFootnote = z.strictObject({
  marker: z.number().int().positive(),
  articleId: ArticleId,
  articleUpdated: ArticleDate,
  explanation: z.string(),
});
export type ArticleFootnote = z.infer<typeof ArticleFootnote>;

/** A footnote cites either facts (with the consent that permits them) or one article. */
export const Footnote = z.union([FactFootnote, ArticleFootnote]);
export type Footnote = z.infer<typeof Footnote>;

export const isArticleFootnote = (f: Footnote): f is ArticleFootnote => 'articleId' in f;
/** The fact ids a footnote cites; none for an article's. */
export const factIdsOf = (f: Footnote): string[] => ('factIds' in f ? f.factIds : []);

export const Suggestion = z.strictObject({
  id: z.string(),
  text: z.string(),
  footnotes: z.array(Footnote),
  /** The template that phrased it, so outcomes can be traced to a template version. */
  template: z.strictObject({ id: z.string(), version: z.number().int() }),
  /** For a model-written suggestion: the audit entry holding what the model was sent ("what the AI saw"). */
  modelCall: z.number().int().positive().nullable().default(null),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const AssistView = z.strictObject({
  ticketId: z.string(),
  context: ContextView,
  suggestions: z.array(Suggestion),
  /** How many suggestions the guard dropped (reasons go to the log, not the panel). */
  dropped: z.number().int().nonnegative(),
  /** Which engine wrote the suggestions shown. */
  engine: z.enum(['offline', 'openai']),
  /** Said to the agent when the model's answer was withheld and offline suggestions are shown instead. */
  note: z.string().nullable(),
  /** True while a model is still writing: suggestions arrive one by one as `assist:suggestion`. */
  pending: z.boolean(),
});
export type AssistView = z.infer<typeof AssistView>;

export const TicketRef = z
  .strictObject({
    ticketId: TicketId,
    /** The Candor customer id, or the requester's e-mail as the helpdesk shows it. */
    customerId: Id.optional(),
    requesterEmail: z.email().optional(),
    conversation: z.array(Message).max(500).default([]),
    /** The agent's name as the helpdesk shows it: masked, like the customer's, before any model call. */
    agentName: z.string().min(1).max(200).optional(),
    /** The ticket's language when the helpdesk knows it; otherwise it is detected from the customer's messages. */
    language: Locale.optional(),
  })
  .refine((t) => t.customerId !== undefined || t.requesterEmail !== undefined, {
    message: 'expected customerId or requesterEmail',
    path: ['customerId'],
  });
export type TicketRef = z.infer<typeof TicketRef>;
