/** Plain-language pieces of the panel that need no DOM, so they are tested on their own. */
import type { WithheldCount } from '../../server/protocol/assist.js';
import type { Notice, ReplyNotes } from '../../server/protocol/events.js';
import type { WithheldReason } from '../../server/protocol/domain.js';
import { formatRecent } from '../../server/format/time.js';
import { type MessageKey, messageIn, plural, t, uiLocale } from '../shared/i18n.js';

const REASON_KEYS: Record<WithheldReason, MessageKey> = {
  no_consent: 'reason_no_consent',
  withdrawn: 'reason_withdrawn',
  expired: 'reason_expired',
  needs_explicit_consent: 'reason_needs_explicit_consent',
  never_shown: 'reason_never_shown',
  opted_out: 'reason_opted_out',
};

/** Why a fact is withheld, in the panel's language. */
export const reasonWords = (reason: WithheldReason) => t(REASON_KEYS[reason]);

/** "2 purchase history facts: no consent" (the category's name is the server's). */
export const withheldLine = (w: { count: number; categoryName: string; reason: WithheldReason }) =>
  plural('withheld_line', w.count, w.categoryName, reasonWords(w.reason));

/** "3 facts withheld: 2 no consent, 1 needs explicit consent", or null when nothing is withheld. */
export function withheldSummary(withheld: readonly WithheldCount[]): string | null {
  const byReason = new Map<WithheldReason, number>();
  for (const w of withheld) byReason.set(w.reason, (byReason.get(w.reason) ?? 0) + w.count);
  const total = [...byReason.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const parts = [...byReason].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reasonWords(reason)}`);
  return plural('withheld_summary', total, parts.join(', '));
}

export type Segment = { text: string } | { marker: number };

/** A footnote marker as the engines write it: `[1]`, `[2]`, … */
const MARKER = /\[([1-9]\d*)\]/g;

/** A suggestion's text cut at its `[n]` markers, so each marker can become a footnote toggle. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index) });
    out.push({ marker: Number(m[1]) });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The text the agent inserts: markers are for the agent, not the customer. */
export const withoutMarkers = (text: string) => text.replace(new RegExp(` ?${MARKER.source}`, 'g'), '');

const RAISED = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/**
 * The text of a reply with customer notes: each `[n]` becomes a raised ⁿ, as its note below is marked. Unicode's own
 * superscript digits, so every editor, plain or rich, shows them raised, and the reply reads the same to the checks
 * that find what was inserted (or take it out again).
 */
const raised = (n: string) => [...n].map((d) => RAISED[Number(d)]).join('');
export const withNoteMarks = (text: string) =>
  text.replace(new RegExp(` ?${MARKER.source}`, 'g'), (_m, n: string) => raised(n));

/** A reply (markers and all) followed by its customer notes, each opened by its marker, and their last line. */
export function withNotes(text: string, notes: ReplyNotes): string {
  const lines = notes.notes.map((n) => `[${n.marker}] ${n.text}`);
  return `${text.trimEnd()}\n\n${[...lines, notes.footer].join('\n')}`;
}

/** "14:02" in the agent's locale and time zone, or the date too when it is not today (format/time.ts). */
export const clock = (iso: string, now = new Date()): string => formatRecent(iso, now);

const NOTICE_KEYS: Record<Notice['kind'], MessageKey> = {
  'consent.granted': 'notice_consent_granted',
  'consent.withdrawn': 'notice_consent_withdrawn',
  'customer.opted_out': 'notice_opted_out',
  'customer.opted_in': 'notice_opted_in',
  'customer.gpc': 'notice_gpc',
  'fact.erased': 'notice_fact_erased',
  'customer.erased': 'notice_customer_erased',
  'facts.changed': 'notice_facts_changed',
  'articles.changed': 'notice_articles_changed',
};

/**
 * What changed, in the panel's language. The server writes notices in English with the categories and counts in
 * them (server/privacy/notices.ts): an English panel shows them as written, another language names the change.
 */
export const noticeWords = (n: Notice, locale = uiLocale): string =>
  locale === 'en' ? n.text : messageIn(locale, NOTICE_KEYS[n.kind]);
