/**
 * E-mail addresses visible on a helpdesk page, for the agent to choose from in manual mode when the
 * adapter lost the requester or the conversation: `mailto:` links and text that reads as an address,
 * in page order, each once (case aside), at most `MAX_EMAILS`. Read only on a recognised helpdesk
 * page, and handed only to the panel: nothing is looked up until the agent picks one.
 */
import { EMAIL } from './adapters/markup.js';

export const MAX_EMAILS = 10;
const ALL = new RegExp(EMAIL.source, 'g');

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
  for (const m of (doc.body as HTMLElement | null)?.innerText.match(ALL) ?? []) add(m);
  return [...found.values()].slice(0, MAX_EMAILS);
}
