/**
 * Messages of "Teach this page" between the panel and the content script, and what the extension
 * keeps per site in `chrome.storage.local`. Answers from the page are parsed here like every other
 * message from a content script: selectors with the protocol's own schema.
 */
import { z } from 'zod';
import { TaughtSelectors, TaughtVersionView } from '../../server/protocol/taught.js';
import type { MessageKey } from './i18n.js';

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

/** The messages the page may answer with; the panel words them in the agent's language (i18n.ts stays out of it). */
export const PAGE_WORDS = [
  'teach_pick_cancelled',
  'teach_p_no_email',
  'teach_p_not_box',
  'teach_p_no_list',
  'teach_p_frame',
  'teach_p_customer_first',
  'teach_p_not_message',
  'teach_p_same_message',
  'teach_p_no_difference',
  'teach_p_note_same',
  'teach_p_nothing_picked',
  'teach_p_found_times',
  'teach_p_found_invalid',
  'teach_p_email_unread',
  'teach_p_no_customer_message',
  'teach_p_notes_in',
  'teach_p_bad_selector',
  'teach_p_selector_count',
  'teach_p_no_test_answer',
  'teach_field_app',
  'teach_field_ticket',
  'teach_field_ticketId',
  'teach_field_subject',
  'teach_field_requesterEmail',
  'teach_field_requesterName',
  'teach_field_message',
  'teach_field_messageText',
  'teach_field_fromCustomer',
  'teach_field_notConversation',
  'teach_field_editor',
] as const satisfies readonly MessageKey[];

/** A message by its key, with its substitutions: plain text (a count, a selector) or another message. */
export const PageWords = z.strictObject({
  key: z.enum(PAGE_WORDS),
  subs: z.array(z.union([z.string().max(300), z.strictObject({ key: z.enum(PAGE_WORDS) })])).max(3),
});
export type PageWords = z.infer<typeof PageWords>;

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
  z.strictObject({
    ok: z.literal(true),
    pick: PartialSelectors,
    /** The e-mail address read, when the step was the requester's e-mail. */
    shown: z.string().max(400),
    /** How many messages (or notes) the pick finds on the page. */
    counted: z.strictObject({ of: z.enum(['messages', 'notes']), count: z.number().int() }).optional(),
  }),
  z.strictObject({ ok: z.literal(false), reason: PageWords }),
]);
export type TeachAnswer = z.infer<typeof TeachAnswer>;

export const TeachReport = z.strictObject({
  ok: z.boolean(),
  problems: z.array(PageWords).max(20),
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
