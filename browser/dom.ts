/**
 * The one way Candor's pages (the side panel, the team lead's pages) make elements. Customer data,
 * model text and template text only ever become text nodes (`textContent`), never HTML: a fact
 * reading `<img src=x onerror=…>` is shown as those characters.
 */
type Child = Node | string | null | undefined | false;

export interface ElOptions {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  opts: ElOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (opts.className) node.className = opts.className;
  if (opts.text !== undefined) node.textContent = opts.text;
  for (const [k, v] of Object.entries(opts.attrs ?? {})) node.setAttribute(k, v);
  for (const [type, fn] of Object.entries(opts.on ?? {})) node.addEventListener(type, fn as EventListener);
  for (const c of children) if (c) node.append(c);
  return node;
}

export const button = (text: string, onClick: () => void, className = '', attrs: Record<string, string> = {}) =>
  el('button', { className, text, attrs: { type: 'button', ...attrs }, on: { click: onClick } });
