/**
 * The extension panel's side of the helpdesk tab: inject the content script where the agent granted access,
 * ask it for the open ticket, and ask it to insert a reply. Only pages whose origin the agent
 * enabled can be read; everything else is "no access", with a manual mode as the way out.
 */
import {
  FromContent,
  InsertResult,
  RemoveResult,
  ReplaceResult,
  ReplyRead,
  type ToContent,
} from '../shared/messages.js';
import type { PageState } from './host.js';

async function send(tabId: number, message: ToContent): Promise<unknown> {
  return chrome.tabs.sendMessage(tabId, message);
}

export async function readTab(tabId: number): Promise<PageState> {
  const tab = await chrome.tabs.get(tabId).catch(() => null);
  if (!tab) return { kind: 'not-a-web-page' };
  // Without host access Chrome hides the tab's address: that is itself the answer.
  if (!tab.url) return { kind: 'no-access', origin: null };
  const url = new URL(tab.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'not-a-web-page' };
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  } catch {
    return { kind: 'no-access', origin: url.origin };
  }
  const answer = FromContent.safeParse(await send(tabId, { type: 'candor:read' }).catch(() => null));
  if (!answer.success || !answer.data.ticket) return { kind: 'no-ticket' };
  return { kind: 'ticket', ticket: answer.data.ticket };
}

export async function insertInto(tabId: number, text: string): Promise<InsertResult> {
  const answer = InsertResult.safeParse(await send(tabId, { type: 'candor:insert', text }).catch(() => null));
  return answer.success ? answer.data : { ok: false, reason: 'page_no_answer' };
}

/** Asks the content script to take `sentences` out of the reply box; a page that does not answer removed nothing. */
export async function removeFrom(tabId: number, sentences: string[]): Promise<RemoveResult> {
  const answer = RemoveResult.safeParse(await send(tabId, { type: 'candor:remove', sentences }).catch(() => null));
  if (answer.success) return answer.data;
  return { removed: [], left: sentences.map((sentence) => ({ sentence, reason: 'page_no_answer' as const })) };
}

/** The reply box's text, for "Check my reply". */
export async function readReply(tabId: number): Promise<ReplyRead> {
  const answer = ReplyRead.safeParse(await send(tabId, { type: 'candor:read-reply' }).catch(() => null));
  return answer.success ? answer.data : { ok: false, reason: 'page_no_answer' };
}

/** Asks the content script to put `text` where `sentence` is in the reply box. */
export async function replaceIn(tabId: number, sentence: string, text: string): Promise<ReplaceResult> {
  const answer = ReplaceResult.safeParse(
    await send(tabId, { type: 'candor:replace', sentence, text }).catch(() => null),
  );
  return answer.success ? answer.data : { ok: false, reason: 'page_no_answer' };
}

/** Asks Chrome (the agent sees a prompt) for access to one site; must run in a click handler. */
export const requestAccess = (origin: string) => chrome.permissions.request({ origins: [`${origin}/*`] });
