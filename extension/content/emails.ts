/**
 * E-mail addresses visible on a helpdesk page, for the agent to choose from in manual mode when the
 * adapter lost the requester or the conversation: `mailto:` links and text that reads as an address,
 * in page order, each once (case aside), at most `MAX_EMAILS`. Read only on a recognised helpdesk
 * page, and handed only to the panel: nothing is looked up until the agent picks one.
 */
import { EMAIL } from './adapters/markup.js';

export const MAX_EMAILS = 10;
const ALL = new RegExp(EMAIL.source, 'g');
/** Text that is not shown. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

export function emailsOn(doc: Document): string[] {
  const found = new Map<string, string>();
  const add = (email: string) => {
    const clean = email.replace(/\.+$/, ''); // a sentence's full stop is not part of the address
    if (clean.length <= 320 && !found.has(clean.toLowerCase())) found.set(clean.toLowerCase(), clean);
  };
  for (const a of doc.querySelectorAll('a[href^="mailto:" i]')) {
    const to = (a.getAttribute('href') ?? '').slice('mailto:'.length).split('?')[0]!;
    let decoded = to;
    try {
      decoded = decodeURIComponent(to);
    } catch {} // a malformed escape: read it as written
    for (const m of decoded.match(ALL) ?? []) add(m);
  }
  // Text node by text node: the page's text as one string would run "Dana Kowalski" into the address beside it.
  const texts = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node && found.size < MAX_EMAILS; node = texts.nextNode()) {
    const matches = node.nodeValue?.match(ALL);
    const parent = node.parentElement;
    if (!matches || !parent || SKIP.has(parent.tagName) || !parent.checkVisibility()) continue;
    for (const m of matches) add(m);
  }
  return [...found.values()].slice(0, MAX_EMAILS);
}
