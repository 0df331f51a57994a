/**
 * A live update repaints the view; the agent's focus stays where it was. An element is found again
 * by its `data-focus-key`, or by the suggestion or fact it belongs to and its name; if it is gone,
 * focus goes to the suggestion that took its place, or the suggestions' heading, never the page top.
 * Focus outside the view is never touched, so a push does not take it away from the agent.
 */
const OWNERS = ['data-suggestion-id', 'data-fact-id'] as const;

interface Mark {
  key: string | null;
  owner: { attr: string; id: string; index: number } | null;
  tag: string;
  name: string;
}

const nameOf = (e: Element) => e.getAttribute('aria-label') ?? e.textContent ?? '';

function mark(active: HTMLElement, root: HTMLElement): Mark {
  let owner: Mark['owner'] = null;
  for (const attr of OWNERS) {
    const o = active.closest(`[${attr}]`);
    if (o && root.contains(o))
      owner = { attr, id: o.getAttribute(attr)!, index: [...root.querySelectorAll(`[${attr}]`)].indexOf(o) };
  }
  return { key: active.dataset.focusKey ?? null, owner, tag: active.localName, name: nameOf(active) };
}

function find(m: Mark, root: HTMLElement): HTMLElement | null {
  if (m.key) return root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(m.key)}"]`);
  if (!m.owner) return null;
  const owner = root.querySelector(`[${m.owner.attr}="${CSS.escape(m.owner.id)}"]`);
  if (owner) return [...owner.querySelectorAll<HTMLElement>(m.tag)].find((e) => nameOf(e) === m.name) ?? null;
  const instead = root.querySelectorAll(`[${m.owner.attr}]`)[m.owner.index];
  return (
    instead?.querySelector<HTMLElement>('button, input, textarea') ??
    root.querySelector<HTMLElement>('#suggestions-title, #context-title')
  );
}

export function keepingFocus(root: HTMLElement, paint: () => void) {
  const active = document.activeElement as HTMLElement | null;
  if (!active || !root.contains(active)) return paint();
  const m = mark(active, root);
  const field = active as HTMLInputElement;
  const selection = m.key && 'selectionStart' in field ? ([field.selectionStart, field.selectionEnd] as const) : null;
  paint();
  const again = find(m, root);
  if (!again) return;
  if (!again.hasAttribute('tabindex') && /^h\d$/.test(again.localName)) again.setAttribute('tabindex', '-1');
  again.focus({ preventScroll: true });
  if (selection && 'setSelectionRange' in again)
    (again as HTMLInputElement).setSelectionRange(selection[0] ?? null, selection[1] ?? null);
}
