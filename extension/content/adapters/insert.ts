/**
 * Writing into a helpdesk's reply editor the way that editor accepts it, at the end of what is
 * already there. Editors keep their own model of the reply (React state, a CKEditor/Slate/
 * ProseMirror document), and text that reaches only the DOM is lost on their next render, so every
 * way in is checked afterwards. Nothing here clicks, submits or presses a key.
 */
import type { InsertResult } from '../../shared/messages.js';

/** What an editor shows, one entry per non-empty line: paragraphs, `<br>`s and spacing differ by editor. */
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
const shown = (s: string) => lines(s).join('\n');
const occurrences = (s: string, text: string) => shown(s).split(shown(text)).length - 1;
/** Whether the editor shows anything else than before (a re-render alone does not count). */
const changed = (read: () => string, before: string) => shown(read()) !== shown(before);

/** Editors re-render (or revert what they did not make) after the event that changed them: look once they have. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

/** True when `text` now appears once more than it did: a second insert of the same text counts. */
async function took(read: () => string, before: string, text: string): Promise<boolean> {
  await settled();
  return occurrences(read(), text) > occurrences(before, text);
}

const failed = (read: () => string, before: string): InsertResult => ({
  ok: false,
  reason: !changed(read, before) ? 'box_not_accepted' : 'box_partial',
});

/** A newline first when the reply already has text; line breaks of `text` are kept. */
const appended = (current: string, text: string) => (lines(current).length > 0 ? `\n${text}` : text);

async function intoTextField(box: HTMLTextAreaElement | HTMLInputElement, text: string): Promise<InsertResult> {
  if (box.readOnly || box.disabled) return { ok: false, reason: 'box_read_only' };
  const read = () => box.value;
  const before = read();
  const joined = appended(before, text);
  box.focus();
  // execCommand edits wherever the focus is: never let it land in another field.
  if (box.matches(':focus')) {
    box.setSelectionRange(before.length, before.length);
    // The browser's own edit: the value and a real `input` event, which React's onChange hears.
    box.ownerDocument.execCommand('insertText', false, joined);
    if (await took(read, before, text)) return { ok: true, how: 'textarea' };
    if (changed(read, before)) return failed(read, before);
  }
  // React tracks values set on the element itself and ignores the next input event, so set it
  // through the prototype's setter and announce it.
  const win = box.ownerDocument.defaultView ?? window;
  const proto =
    box instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(box, before + joined);
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: joined }));
  return (await took(read, before, text)) ? { ok: true, how: 'textarea' } : failed(read, before);
}

/**
 * The caret at the very end, then one turn of the event loop: ProseMirror, Slate and CKEditor copy
 * the DOM selection into their model on `selectionchange`, which is dispatched asynchronously.
 * False when the caret could not be put there (execCommand would then edit elsewhere).
 */
async function caretAtEnd(editor: HTMLElement): Promise<boolean> {
  editor.focus();
  const doc = editor.ownerDocument;
  const range = doc.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return editor.contains(doc.getSelection()?.anchorNode ?? null);
}

/** What HTML gives a meaning to, as entities: customer-visible text must never become markup. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** `text` as HTML: one `<p>` per line (an empty line an empty paragraph), every character escaped. */
export const htmlParagraphs = (text: string) =>
  text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');

export interface EditableOptions {
  /**
   * Put `text/html` (paragraphs, escaped) in the paste beside `text/plain`. CKEditor 5 as Zendesk
   * configures it ignores or undoes a plain-text-only paste; its clipboard pipeline reads the HTML.
   */
  html?: boolean;
}

/** An editor that cancelled the paste is handling it; Froala does so only after a timer of its own. */
const PASTE_PATIENCE_MS = 1000;

async function arrives(read: () => string, before: string, text: string): Promise<boolean> {
  for (let waited = 0; waited < PASTE_PATIENCE_MS; waited += 50) if (await took(read, before, text)) return true;
  return false;
}

/**
 * A paste first: every rich-text editor (CKEditor 5, ProseMirror, Slate, Lexical, Draft, Quill,
 * Froala) handles paste into its own model and turns the lines into its own paragraphs, and a paste
 * never means "send". `execCommand('insertText')` fires no `beforeinput` in Chromium, so a
 * model-driven editor sees its DOM change as foreign and undoes it, a React one only at its next
 * render, after any check here has passed. execCommand is only for editors that left the paste
 * alone (not cancelled): plain contenteditables. An editor that cancelled it took it, even if the
 * text shows up late (Froala cleans a paste on a timer): falling back then would insert it twice.
 */
async function intoEditable(editor: HTMLElement, text: string, options: EditableOptions): Promise<InsertResult> {
  const read = () => editor.innerText;
  const before = read();
  const joined = appended(before, text);
  await caretAtEnd(editor);
  const data = new DataTransfer();
  if (options.html) data.setData('text/html', htmlParagraphs(joined));
  data.setData('text/plain', joined);
  const cancelled = !editor.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }),
  );
  if (await took(read, before, text)) return { ok: true, how: 'editor-api' };
  // A partial paste cannot be retried without duplicating text.
  if (changed(read, before)) return failed(read, before);
  if (cancelled) return (await arrives(read, before, text)) ? { ok: true, how: 'editor-api' } : failed(read, before);
  if (!(await caretAtEnd(editor))) return failed(read, before);
  // Look once more at what arrived before writing anything else.
  if (changed(read, before))
    return (await took(read, before, text)) ? { ok: true, how: 'editor-api' } : failed(read, before);
  editor.ownerDocument.execCommand('insertText', false, joined);
  return (await took(read, before, text)) ? { ok: true, how: 'contenteditable' } : failed(read, before);
}

/** `editor` may be in a same-origin frame (CKEditor 4 edits inside an iframe): its own window's classes decide. */
export async function insertInto(
  editor: Element | null,
  text: string,
  options: EditableOptions = {},
): Promise<InsertResult> {
  if (!editor) return { ok: false, reason: 'box_none' };
  if (!text.trim()) return { ok: false, reason: 'box_no_text' };
  const win = editor.ownerDocument.defaultView ?? window;
  if (editor instanceof win.HTMLTextAreaElement || editor instanceof win.HTMLInputElement)
    return intoTextField(editor, text);
  if (editor instanceof win.HTMLElement && editor.isContentEditable) return intoEditable(editor, text, options);
  return { ok: false, reason: 'box_not_editable' };
}
