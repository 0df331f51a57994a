/**
 * Messages of "Teach this page" between the panel and the content script, and what the extension
 * keeps per site in `chrome.storage.local`. Answers from the page are parsed here like every other
 * message from a content script: selectors with the protocol's own schema.
 */
import { z } from 'zod';
import { TaughtSelectors, TaughtVersionView } from '../../server/protocol/taught.js';

/** What the agent points at, in order. */
export const TEACH_STEPS = [
  'requesterEmail',
  'customerMessage',
  'agentMessage',
  'internalNote',
  'editor',
  'subject',
] as const;
export type TeachStep = (typeof TEACH_STEPS)[number];

const PartialSelectors = TaughtSelectors.partial();

/** Panel → page: pick an element for `step` (or find it by the selector the agent typed). */
export const TeachPick = z.strictObject({
  type: z.literal('candor:teach-pick'),
  step: z.enum(TEACH_STEPS),
  selector: z.string().max(300).optional(),
  /** What was derived so far (a note is told from the messages already picked). */
  given: PartialSelectors,
});
export type TeachPick = z.infer<typeof TeachPick>;

export const TeachControl = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('candor:teach-cancel') }),
  z.strictObject({ type: z.literal('candor:teach-test'), given: PartialSelectors }),
]);
export type TeachControl = z.infer<typeof TeachControl>;

export const TeachAnswer = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), pick: PartialSelectors, shown: z.string().max(400) }),
  z.strictObject({ ok: z.literal(false), reason: z.string().max(400) }),
]);
export type TeachAnswer = z.infer<typeof TeachAnswer>;

export const TeachReport = z.strictObject({
  ok: z.boolean(),
  problems: z.array(z.string().max(400)).max(20),
  selectors: TaughtSelectors.optional(),
  found: z
    .strictObject({
      email: z.string().max(320),
      customerMessages: z.number().int(),
      otherMessages: z.number().int(),
      notesLeftOut: z.number().int(),
      canInsert: z.boolean(),
    })
    .optional(),
});
export type TeachReport = z.infer<typeof TeachReport>;

/** A draft the agent taught on this machine; `submittedAs` once sent for approval. */
export const TaughtDraft = z.strictObject({
  name: z.string().min(1).max(100),
  selectors: TaughtSelectors,
  noInternalNotes: z.boolean(),
  savedAt: z.string(),
  submittedAs: z.number().int().optional(),
});
export type TaughtDraft = z.infer<typeof TaughtDraft>;

/** Per site (origin): the agent's own draft and the version an admin approved for the team. */
export const TaughtSite = z.strictObject({ draft: TaughtDraft.optional(), approved: TaughtVersionView.optional() });
export const TaughtStorage = z.record(z.string(), TaughtSite);
export type TaughtStorage = z.infer<typeof TaughtStorage>;

export { OFF_KEY, TAUGHT_KEY } from './teach-keys.js';
