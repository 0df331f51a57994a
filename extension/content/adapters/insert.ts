/**
 * Writing into a helpdesk's reply editor the way that editor accepts it. Frameworks keep their
 * own model of the editor (React state, ProseMirror/CKEditor documents), so text set directly on
 * the DOM is lost on their next render; `execCommand('insertText')` goes through the browser's
 * own input pipeline (a cancelable `beforeinput`, then `input`) that every editor listens to.
 * Nothing here clicks, submits or presses a key.
 */
import type { InsertResult } from '../../shared/messages.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Editors re-render after the event that changed them: look once they have had their turn. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 30));

async function took(read: () => string, text: string): Promise<boolean> {
  await settled();
  return squash(read()).includes(squash(text));
}

async function insertIntoTextarea(box: HTMLTextAreaElement | HTMLInputElement, text: string): Promise<InsertResult> {
  const joined = box.value.trim() ? `\n${text}` : text;
  const read = () => box.value;
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
  if (document.execCommand('insertText', false, joined) && (await took(read, text))) return { ok: true, how: 'textarea' };
  // Some pages disable execCommand: set the value through the prototype's setter (React tracks the
  // instance's own) and announce it with an input event.
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value')?.set;
  setter?.call(box, box.value + joined);
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: joined }));
  return (await took(read, text)) ? { ok: true, how: 'textarea' } : { ok: false, reason: 'the reply box did not accept the text' };
}

function caretAtEnd(editor: HTMLElement) {
  editor.focus();
  const range = document.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * Three ways in, in order, each checked after the editor has re-rendered:
 * a `beforeinput` that model-driven editors (CKEditor 5, Lexical, Slate) handle themselves and
 * cancel; `execCommand('insertText')`, a real DOM edit that DOM-reading editors (ProseMirror,
 * Froala) pick up; and a paste, the path of the agent's own Ctrl+V.
 */
async function insertIntoEditable(editor: HTMLElement, text: string): Promise<InsertResult> {
  const joined = editor.innerText.trim() ? `\n${text}` : text;
  const read = () => editor.innerText;
  caretAtEnd(editor);
  const before = new InputEvent('beforeinput', { inputType: 'insertText', data: joined, bubbles: true, cancelable: true, composed: true });
  if (!editor.dispatchEvent(before)) return (await took(read, text)) ? { ok: true, how: 'editor-api' } : { ok: false, reason: 'the reply editor refused the text' };
  document.execCommand('insertText', false, joined);
  if (await took(read, text)) return { ok: true, how: 'contenteditable' };
  caretAtEnd(editor);
  const data = new DataTransfer();
  data.setData('text/plain', joined);
  editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  return (await took(read, text)) ? { ok: true, how: 'contenteditable' } : { ok: false, reason: 'the reply editor did not accept the text' };
}

export async function insertInto(editor: Element | null, text: string): Promise<InsertResult> {
  if (!editor) return { ok: false, reason: 'no reply box is open on this page' };
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) return insertIntoTextarea(editor, text);
  if (editor instanceof HTMLElement && editor.isContentEditable) return insertIntoEditable(editor, text);
  return { ok: false, reason: 'the reply box is not editable' };
}
