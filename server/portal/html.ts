/**
 * HTML for the portal's server-rendered pages. Every interpolated value is escaped unless it is
 * itself a fragment made by `html`, so a customer's data is always rendered as text.
 */
import { formatTime, type TimeStyle } from '../format/time.js';
import type { Key } from '../i18n/catalogue.js';
import type { Words } from '../i18n/translate.js';

export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(v: Value): string {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]!) : ''), ''));
}

/**
 * A time on a portal page: in the reader's locale (from Accept-Language) and in UTC, saying so, since a page
 * rendered on the server cannot know the reader's time zone; `datetime` holds the instant for machines.
 */
export const when = (iso: string, locale: string, style: TimeStyle = 'dateTime') =>
  html`<time datetime="${iso}">${formatTime(iso, style, { locale, timeZone: 'UTC' })}</time>`;

/**
 * A catalogue message in the reader's words as a fragment: its text escaped, each placeholder filled with a value
 * (a fragment stays markup, a number is written for the reader), the plural form chosen by `n`.
 */
export function say(w: Words, key: Key, params: Record<string, Value> = {}): Html {
  const n = typeof params.n === 'number' ? params.n : undefined;
  return html`${w.parts(key, n).map((p) => {
    if ('text' in p) return p.text;
    const v = params[p.name];
    return typeof v === 'number' ? v.toLocaleString(w.locale) : v;
  })}`;
}
