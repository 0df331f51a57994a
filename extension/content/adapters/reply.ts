/** The reply editor's text as the agent would send it: a textarea's value, a rich editor's rendered text. */
import type { ReplyRead } from '../../shared/messages.js';

export function replyText(editor: Element | null): ReplyRead {
  if (!editor) return { ok: false, reason: 'box_none' };
  const win = editor.ownerDocument.defaultView ?? window;
  const raw =
    editor instanceof win.HTMLTextAreaElement || editor instanceof win.HTMLInputElement
      ? editor.value
      : editor instanceof win.HTMLElement
        ? editor.innerText
        : (editor.textContent ?? '');
  // No-break spaces are what rich editors type for a second space; the check reads them as spaces.
  const text = raw.replace(/\u00a0/g, ' ').trim();
  return text ? { ok: true, text } : { ok: false, reason: 'box_empty' };
}
