/** Privacy requests recognised in a customer's message, and the register that tracks them to their deadline. */
import { z } from 'zod';

export const REQUEST_KINDS = ['access', 'erasure', 'rectification', 'opt_out'] as const;
export const RequestKind = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKind>;

export const REQUEST_LANGS = ['en', 'de', 'fr', 'es', 'nl'] as const;
export const RequestLang = z.enum(REQUEST_LANGS);
export type RequestLang = z.infer<typeof RequestLang>;

/** One request found in a text: its kind, the language of the words that asked, and where they are. */
export const DetectedRequest = z.strictObject({
  kind: RequestKind,
  lang: RequestLang,
  evidence: z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) }),
});
export type DetectedRequest = z.infer<typeof DetectedRequest>;
