/**
 * Putting the coach's rephrasing where the agent's sentence is in the reply editor, when the agent applies it. The
 * sentence is found as the agent typed it, selected exactly, and replaced through the editor's own input path: for
 * a textarea or plain contenteditable the browser's own edit (`execCommand('insertText')` over the selection), for
 * a model-driven editor a paste over the selection, which each of them handles in its own model (as `insert.ts`
 * does at the end of the reply). The reply must then read as before with only that sentence changed. Never sends.
 */
import type { ReplaceResult } from '../../shared/messages.js';
import { htmlParagraphs } from './insert.js';
import { exactSpan, expectedReplacing, outcome, same, linesOf, selectSpan, textNodesOf, wait } from './remove.js';

async function inTextField(box: HTMLTextAreaElement | HTMLInputElement, sentence: string, text: string) {
  const before = box.value;
  const span = exactSpan(before, sentence)!;
  box.focus();
  if (box.matches(':focus')) {
    box.setSelectionRange(span.start, span.end);
    box.ownerDocument.execCommand('insertText', false, text); // a real `input` event React hears
  }
  if (box.value === before) {
    const win = box.ownerDocument.defaultView ?? window;
    const proto =
      box instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(
      box,
      before.slice(0, span.start) + text + before.slice(span.end),
    );
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  }
  return { read: () => box.value, before };
}

async function inEditable(editor: HTMLElement, sentence: string, text: string, html: boolean) {
  const read = () => editor.innerText;
  const before = read();
  const selected = await selectSpan(editor, exactSpan(textNodesOf(editor), sentence));
  if (typeof selected === 'string') return selected;
  const doc = editor.ownerDocument;
  const data = new DataTransfer();
  if (html) data.setData('text/html', htmlParagraphs(text));
  data.setData('text/plain', text);
  const taken = !editor.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }),
  );
  await wait(50);
  // No editor took the paste: the browser's own edit of the selection (it fires `input`).
  if (!taken && same(linesOf(read()), linesOf(before))) doc.execCommand('insertText', false, text);
  return { read, before };
}

/** Replaces the first `sentence` in the reply `editor` (a textarea or a contenteditable root) with `text`. */
export async function replaceIn(
  editor: Element | null,
  sentence: string,
  text: string,
  options: { html?: boolean } = {},
): Promise<ReplaceResult> {
  if (!editor) return { ok: false, reason: 'box_none' };
  const win = editor.ownerDocument.defaultView ?? window;
  const field = editor instanceof win.HTMLTextAreaElement || editor instanceof win.HTMLInputElement ? editor : null;
  const rich = !field && editor instanceof win.HTMLElement && editor.isContentEditable ? editor : null;
  if (!field && !rich) return { ok: false, reason: 'box_not_editable' };
  const expected = expectedReplacing(field ? field.value : rich!.innerText, sentence, text);
  if (!expected) return { ok: false, reason: 'box_gone_sentence' };
  const done = field
    ? await inTextField(field, sentence, text)
    : await inEditable(rich!, sentence, text, !!options.html);
  if (typeof done === 'string') return { ok: false, reason: done };
  const reason = await outcome(done.read, done.before, expected);
  return reason === null
    ? { ok: true }
    : { ok: false, reason: reason === 'box_refused_remove' ? 'box_refused_change' : reason };
}
