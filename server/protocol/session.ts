/** The recorded-session file format `candor.session/v1` (shared/spec/recorded-session.md). */
import { z } from 'zod';
import { Consent, CustomerFlags, Fact, Id, Timestamp } from './domain.js';
import { Article, ArticleId } from './articles.js';

const at = Timestamp.optional();

export const SessionEvent = z.discriminatedUnion('type', [
  z.strictObject({ role: z.literal('event'), type: z.literal('consent.granted'), consent: Consent, at }),
  z.strictObject({ role: z.literal('event'), type: z.literal('consent.withdrawn'), consentId: Id, at }),
  z.strictObject({ role: z.literal('event'), type: z.literal('customer.opted_out'), at }),
  z.strictObject({ role: z.literal('event'), type: z.literal('customer.gpc'), at }),
  z.strictObject({ role: z.literal('event'), type: z.literal('fact.added'), fact: Fact, at }),
  z.strictObject({ role: z.literal('event'), type: z.literal('fact.erased'), factId: Id, at }),
  // Help-centre articles (shared/spec/knowledge-articles.md).
  z.strictObject({ role: z.literal('event'), type: z.literal('article.updated'), article: Article, at }),
  z.strictObject({ role: z.literal('event'), type: z.literal('article.retired'), articleId: ArticleId, at }),
]);
export type SessionEvent = z.infer<typeof SessionEvent>;

export const SessionTurn = z.union([
  z.strictObject({ role: z.enum(['customer', 'agent']), text: z.string(), at }),
  SessionEvent,
]);
export type SessionTurn = z.infer<typeof SessionTurn>;

/**
 * A recording on the server, sealed under its customer's data key (server/recorder/files.ts): erasing the customer
 * leaves any copy of the file unreadable. The gate suite's copies are plain sessions.
 */
export const SealedRecording = z.strictObject({ sealed: z.string().min(1) });

export const RecordedSession = z.strictObject({
  format: z.literal('candor.session/v1'),
  id: z.string().min(1),
  title: z.string().optional(),
  recordedAt: Timestamp,
  customer: z.strictObject({ id: Id, displayName: z.string().min(1) }),
  facts: z.array(Fact),
  consents: z.array(Consent),
  customerFlags: CustomerFlags.optional(),
  /** The help-centre articles in force when the session starts. */
  articles: z.array(Article).optional(),
  turns: z.array(SessionTurn),
  llm: z.array(z.unknown()).optional(),
});
export type RecordedSession = z.infer<typeof RecordedSession>;
