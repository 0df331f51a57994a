/**
 * Taking sentences Candor inserted back out of a helpdesk's reply editor, when the customer's consent
 * no longer covers what they say. Each sentence is found as inserted, selected exactly, and deleted
 * through the editor's own input path: a `beforeinput` deletion with the range as its target (what
 * model-driven editors such as CKEditor 5 and Slate apply to their model), else, when no editor
 * took that event, the browser's own edit (`execCommand('delete')`: textareas, plain
 * contenteditables, Froala, ProseMirror, CKEditor 4). Afterwards the reply must read exactly as
 * before minus that sentence, and stay so; otherwise Candor stops and says so. Never sends.
 */
import type { BoxReason, RemoveResult } from '../../shared/messages.js';

/** Spacing as editors show it: no-break spaces and runs of white space are one space. */
const squeeze = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
/** The reply as the comparison sees it: lines, spacing squeezed, blank lines left out. */
export const linesOf = (s: string) => s.split('\n').map(squeeze).filter(Boolean);
export const same = (a: string[], b: string[]) => a.length === b.length && a.every((l, i) => l === b[i]);

/** What the reply should read once the first occurrence of `sentence` is `put` in its place (an emptied line goes). */
export function expectedReplacing(text: string, sentence: string, put: string): string[] | null {
  const target = squeeze(sentence);
  let done = false;
  const out = linesOf(text).map((line) => {
    const at = done ? -1 : line.indexOf(target);
    if (at < 0) return line;
    done = true;
    return squeeze(`${line.slice(0, at)}${put}${line.slice(at + target.length)}`);
  });
  return done ? out.filter(Boolean) : null;
}

/** What the reply should read once the first occurrence of `sentence` is gone. */
export const expectedWithout = (text: string, sentence: string) => expectedReplacing(text, sentence, ' ');

/** `sentence` in raw text whatever its spacing. */
export function exactSpan(raw: string, sentence: string): { start: number; end: number } | null {
  const words = squeeze(sentence)
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = new RegExp(words.join('[\\s\\u00a0]+')).exec(raw);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** `sentence` in raw text whatever its spacing, plus one space beside it (before, else after). */
export function spanIn(raw: string, sentence: string): { start: number; end: number } | null {
  const span = exactSpan(raw, sentence);
  if (!span) return null;
  let { start, end } = span;
  if (/[ \u00a0]/.test(raw[start - 1] ?? '')) start -= 1;
  else if (/[ \u00a0]/.test(raw[end] ?? '')) end += 1;
  return { start, end };
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Looks at once the editor re-rendered, and again later: a React editor undoes a foreign change only at its next
 * render.
 */
export async function outcome(read: () => string, before: string, expected: string[]): Promise<BoxReason | null> {
  await wait(50);
  if (same(linesOf(read()), expected)) {
    await wait(300);
    if (same(linesOf(read()), expected)) return null;
  }
  return same(linesOf(read()), linesOf(before)) ? 'box_refused_remove' : 'box_unexpected';
}

async function fromTextField(box: HTMLTextAreaElement | HTMLInputElement, sentence: string, expected: string[]) {
  const before = box.value;
  const span = spanIn(before, sentence)!;
  // A sentence alone on its line takes a line break with it (the one after, else the one before).
  const alone = (span.start === 0 || before[span.start - 1] === '\n') && (before[span.end] ?? '\n') === '\n';
  if (alone && before[span.end] === '\n') span.end += 1;
  else if (alone && span.start > 0) span.start -= 1;
  box.focus();
  if (box.matches(':focus')) {
    box.setSelectionRange(span.start, span.end);
    box.ownerDocument.execCommand('delete'); // the browser's own edit: a real `input` event React hears
  }
  if (box.value === before) {
    const win = box.ownerDocument.defaultView ?? window;
    const proto =
      box instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(
      box,
      before.slice(0, span.start) + before.slice(span.end),
    );
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
  }
  return outcome(() => box.value, before, expected);
}

/** The DOM range holding characters [start, end) of the editor's text nodes laid end to end. */
export function rangeOver(editor: HTMLElement, start: number, end: number): Range | null {
  const doc = editor.ownerDocument;
  const walker = doc.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const next = at + node.data.length;
    if (!started && start < next) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= next) {
      range.setEnd(node, end - at);
      return range;
    }
    at = next;
  }
  return null;
}

export function textNodesOf(editor: HTMLElement): string {
  const walker = editor.ownerDocument.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out += (node as Text).data;
  return out;
}

/** Selects `span` of the editor's text as the agent would: the range, or why it could not (then nothing changed). */
export async function selectSpan(
  editor: HTMLElement,
  span: { start: number; end: number } | null,
): Promise<Range | BoxReason> {
  const range = span && rangeOver(editor, span.start, span.end);
  if (!range) return 'box_not_found_text';
  const doc = editor.ownerDocument;
  editor.focus();
  doc.getSelection()?.removeAllRanges();
  doc.getSelection()?.addRange(range);
  await wait(0); // editors copy the DOM selection into their model on `selectionchange`
  if (!editor.contains(doc.getSelection()?.anchorNode ?? null)) return 'box_not_selected';
  return range;
}

async function fromEditable(editor: HTMLElement, sentence: string, expected: string[]) {
  const read = () => editor.innerText;
  const before = read();
  const range = await selectSpan(editor, spanIn(textNodesOf(editor), sentence));
  if (typeof range === 'string') return range;
  const doc = editor.ownerDocument;
  const taken = !editor.dispatchEvent(
    new InputEvent('beforeinput', {
      inputType: 'deleteContentBackward',
      targetRanges: [new StaticRange(range)],
      bubbles: true,
      cancelable: true,
      composed: true,
    }),
  );
  // No editor took the event: the browser's own deletion of the selection (it fires `input`).
  if (!taken && same(linesOf(read()), linesOf(before))) doc.execCommand('delete');
  return outcome(read, before, expected);
}

/**
 * Removes each of `sentences` (as inserted) from the reply `editor` (a textarea or a contenteditable
 * root, possibly in a same-origin frame). One not found as inserted is left to the agent; after a
 * deletion that did not give exactly the expected reply, nothing more is tried.
 */
export async function removeFrom(editor: Element | null, sentences: readonly string[]): Promise<RemoveResult> {
  const result: RemoveResult = { removed: [], left: [] };
  if (!editor) {
    result.left = sentences.map((sentence) => ({ sentence, reason: 'box_none' as const }));
    return result;
  }
  const win = editor.ownerDocument.defaultView ?? window;
  const field = editor instanceof win.HTMLTextAreaElement || editor instanceof win.HTMLInputElement ? editor : null;
  const rich = !field && editor instanceof win.HTMLElement && editor.isContentEditable ? editor : null;
  let stopped = false;
  for (const sentence of sentences) {
    const before = field ? field.value : rich ? rich.innerText : '';
    const expected = expectedWithout(before, sentence);
    const reason: BoxReason | null = stopped
      ? 'box_not_tried'
      : !field && !rich
        ? 'box_not_editable'
        : !expected
          ? 'box_gone_inserted'
          : field
            ? await fromTextField(field, sentence, expected)
            : await fromEditable(rich!, sentence, expected);
    if (reason === null) result.removed.push(sentence);
    else {
      result.left.push({ sentence, reason });
      if (reason === 'box_unexpected') stopped = true;
    }
  }
  return result;
}
