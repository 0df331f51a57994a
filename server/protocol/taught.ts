/**
 * Taught adapters (issue 17, "Teach this page"): a helpdesk's markup described by an agent who pointed
 * at it, as the same `Selectors` description a built-in adapter is (`extension/content/adapters/markup.ts`).
 * The server keeps only these selectors and who taught and approved them when, never page content.
 *
 * A selector is bounded (length, items in a list) and limited to what `markup.ts` reads: no `{id}`
 * placeholder (braces are refused), an `@attribute` suffix only on the fields that read a value. In
 * a browser (the panel, Options) every selector must also be one `querySelector` accepts; the server
 * has no DOM, so there it checks the characters and that brackets, parentheses and quotes balance.
 */
import { z } from 'zod';

export const SELECTOR_MAX = 300;
/** Items of a selector list (`a, b, c`). */
export const SELECTOR_ITEMS_MAX = 8;

/** Brackets, parentheses and quotes closed in order; a backslash escapes the next character. */
function balanced(s: string): boolean {
  const open: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') open.push(c === '(' ? ')' : ']');
    else if (c === ')' || c === ']') {
      if (open.pop() !== c) return false;
    }
  }
  return quote === null && open.length === 0;
}

/** Top-level items of a selector list: commas inside brackets, parentheses or quotes do not split. */
export function selectorItems(s: string): number {
  let depth = 0;
  let quote: string | null = null;
  let items = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') i++;
    else if (quote) quote = c === quote ? null : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) items++;
  }
  return items;
}

/** What a browser says of a selector: the panel and Options run it; a server has no `document`. */
function browserAccepts(s: string): boolean {
  const doc = (globalThis as { document?: { createDocumentFragment(): { querySelector(s: string): unknown } } })
    .document;
  if (!doc) return true;
  try {
    doc.createDocumentFragment().querySelector(s);
    return true;
  } catch {
    return false;
  }
}

const selector = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(SELECTOR_MAX)
    .regex(/^[^\p{Cc}{};]*$/u, `${what}: braces, semicolons and control characters are not part of a selector`)
    .refine(balanced, `${what}: brackets, parentheses or quotes do not close`)
    .refine((s) => selectorItems(s) <= SELECTOR_ITEMS_MAX, `${what}: at most ${SELECTOR_ITEMS_MAX} selectors in a list`)
    .refine(browserAccepts, `${what}: not a selector the browser accepts`);

/** A selector, or one with `@attribute` (read that attribute instead of the text). */
const valueSelector = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(SELECTOR_MAX + 60)
    .superRefine((spec, ctx) => {
      const [sel, attribute] = spec.split(/@(?=[\w-]+$)/) as [string, string?];
      if (attribute !== undefined && attribute.length > 50)
        ctx.addIssue({ code: 'custom', message: `${what}: attribute name too long` });
      const inner = selector(what).safeParse(sel);
      if (!inner.success) ctx.addIssue({ code: 'custom', message: inner.error.issues[0]!.message });
    });

/** The fields of `Selectors` (markup.ts), each as an agent taught it. */
export const TaughtSelectors = z.strictObject({
  app: selector('app'),
  ticket: selector('ticket'),
  ticketId: valueSelector('ticketId').optional(),
  subject: valueSelector('subject').optional(),
  requesterEmail: valueSelector('requesterEmail'),
  requesterName: valueSelector('requesterName').optional(),
  message: selector('message'),
  messageText: selector('messageText'),
  fromCustomer: selector('fromCustomer'),
  notConversation: selector('notConversation').optional(),
  editor: selector('editor'),
});
export type TaughtSelectors = z.infer<typeof TaughtSelectors>;

/** A helpdesk site: the origin its pages are served from (`https://support.example.com`, a port allowed). */
export const TaughtSite = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/, 'expected an origin such as https://support.example.com');

export const TaughtAdapterBody = z.strictObject({
  site: TaughtSite,
  /** What the agents call this helpdesk ("Our ticket desk"). */
  name: z.string().trim().min(1).max(100),
  selectors: TaughtSelectors,
  /** The teacher's word that this helpdesk shows no internal notes on its ticket pages. */
  noInternalNotes: z.boolean(),
});
export type TaughtAdapterBody = z.infer<typeof TaughtAdapterBody>;

export const TaughtApproveBody = z.strictObject({ draftId: z.number().int().min(1) });
export const TaughtRollbackBody = z.strictObject({ site: TaughtSite, version: z.number().int().min(1) });
/** `GET /taught-adapters?site=`: the approved adapter of one site, or of every site. */
export const TaughtQuery = z.strictObject({ site: TaughtSite.optional() });

/**
 * Approval needs internal notes to be left out: a marker for them, or the teacher's word that the
 * page shows none. Answers the field to name when neither is there.
 */
export function notesUnexcluded(a: { selectors: TaughtSelectors; noInternalNotes: boolean }): string | null {
  return a.selectors.notConversation || a.noInternalNotes ? null : 'selectors.notConversation';
}

export const TaughtDraftView = z.strictObject({
  id: z.number().int(),
  site: TaughtSite,
  name: z.string(),
  selectors: TaughtSelectors,
  noInternalNotes: z.boolean(),
  taughtBy: z.string(),
  submittedAt: z.string(),
  /** The version its approval made; null while it waits. */
  approvedAs: z.number().int().nullable(),
});
export type TaughtDraftView = z.infer<typeof TaughtDraftView>;

export const TaughtVersionView = z.strictObject({
  site: TaughtSite,
  version: z.number().int(),
  name: z.string(),
  selectors: TaughtSelectors,
  noInternalNotes: z.boolean(),
  taughtBy: z.string(),
  approvedBy: z.string(),
  approvedAt: z.string(),
  draftId: z.number().int(),
  /** Set when this version restores an earlier one. */
  rolledBackFrom: z.number().int().nullable(),
});
export type TaughtVersionView = z.infer<typeof TaughtVersionView>;

/** What panels fetch: each site's live (highest) approved version. */
export const TaughtLiveList = z.strictObject({ adapters: z.array(TaughtVersionView).max(1000) });

/** Each field in words, for the approval page and the panel. */
export const FIELD_WORDS: Record<keyof TaughtSelectors, string> = {
  app: 'the helpdesk page',
  ticket: 'the open ticket (everything else is read inside it)',
  ticketId: 'the ticket number',
  subject: 'the subject',
  requesterEmail: "the requester's e-mail",
  requesterName: "the requester's name",
  message: 'each message of the conversation',
  messageText: "a message's text, inside it",
  fromCustomer: 'what marks a message from the customer',
  notConversation: 'what marks an internal note (left out of the conversation)',
  editor: 'the reply box',
};
