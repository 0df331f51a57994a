/**
 * The panel by keyboard alone (listed in extension/README.md and in the panel's "Keyboard
 * shortcuts"): Alt+1…9 inserts suggestion n, Alt+Shift+1…9 opens or closes its footnotes, and
 * Escape inside a suggestion cancels its edit, or else dismisses it.
 */
import type { Suggestion } from '../../server/protocol/assist.js';
import { type MessageKey, t } from '../shared/i18n.js';

export interface ShortcutActions {
  /** The suggestions on screen, in order. */
  visible(): Suggestion[];
  toggleFootnotes(s: Suggestion): void;
  /** True when the suggestion was being edited (and now is not). */
  cancelEdit(s: Suggestion): boolean;
  dismiss(s: Suggestion): void;
}

/** The keys as the agent's keyboard names them, and what they do. */
export const SHORTCUTS: readonly (readonly [keys: MessageKey, what: MessageKey])[] = [
  ['key_insert_keys', 'key_insert'],
  ['key_footnotes_keys', 'key_footnotes'],
  ['key_escape_keys', 'key_escape'],
];

const articleOf = (s: Suggestion) => document.querySelector<HTMLElement>(`[data-suggestion-id="${CSS.escape(s.id)}"]`);
const insertButton = (article: HTMLElement | null) =>
  [...(article?.querySelectorAll<HTMLButtonElement>('.actions > button.primary') ?? [])].find(
    (b) => b.textContent === t('sugg_insert'),
  ) ?? null;

export function listenForShortcuts(act: ShortcutActions, signal: AbortSignal) {
  document.addEventListener(
    'keydown',
    (e) => {
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (digit && e.altKey && !e.ctrlKey && !e.metaKey) {
        const s = act.visible()[Number(digit[1]) - 1];
        if (!s) return;
        e.preventDefault();
        if (e.shiftKey) return act.toggleFootnotes(s);
        const insert = insertButton(articleOf(s));
        if (insert && !insert.disabled) insert.click();
        return;
      }
      if (e.key !== 'Escape' || e.altKey || e.ctrlKey || e.metaKey) return;
      const id = (e.target as Element | null)?.closest?.('[data-suggestion-id]')?.getAttribute('data-suggestion-id');
      const list = act.visible();
      const at = list.findIndex((s) => s.id === id);
      if (at < 0) return;
      e.preventDefault();
      if (act.cancelEdit(list[at]!)) return;
      // Focus goes on to the next suggestion (or the one before), not to the top of the page.
      const next = list[at + 1] ?? list[at - 1];
      act.dismiss(list[at]!);
      const target = next ? articleOf(next)?.querySelector<HTMLElement>('button') : null;
      (target ?? document.getElementById('suggestions-title'))?.focus();
    },
    { signal },
  );
}

/** Each Insert button says its shortcut, to assistive technology and on screen. */
export function markShortcuts(root: HTMLElement) {
  const articles = root.querySelectorAll<HTMLElement>('.suggestion');
  articles.forEach((article, i) => {
    const insert = insertButton(article);
    if (!insert || i > 8) return;
    insert.setAttribute('aria-keyshortcuts', `Alt+${i + 1}`);
    const hint = document.createElement('kbd');
    hint.className = 'key';
    hint.setAttribute('aria-hidden', 'true');
    hint.textContent = `Alt+${i + 1}`;
    insert.after(hint);
  });
  root.querySelector('#suggestions-title')?.setAttribute('tabindex', '-1');
}

export function shortcutList() {
  const dl = document.createElement('dl');
  dl.className = 'shortcut-list';
  for (const [keys, what] of SHORTCUTS) {
    const dt = document.createElement('dt');
    const kbd = document.createElement('kbd');
    kbd.textContent = t(keys);
    dt.append(kbd);
    const dd = document.createElement('dd');
    dd.textContent = t(what);
    dl.append(dt, dd);
  }
  return dl;
}
