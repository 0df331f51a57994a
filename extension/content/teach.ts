/**
 * "Teach this page" (issue 17), the page's side: the agent points at the requester's e-mail, a
 * customer's message, one of the helpdesk's, an internal note and the reply box; Candor derives a
 * selector for each (an id, then data-* attributes, then aria/role/name, then classes, then a short
 * structural path) and tests the whole description on the page with the same reader the built-in
 * adapters use (`adapterFor`). Nothing here leaves the browser but selectors and counts; the
 * e-mail found is shown to the agent in the panel only.
 *
 * Zod stays out (this runs in the helpdesk's page): what it answers is parsed by the panel.
 */
import type { PageWords, TeachAnswer, TeachPick, TeachReport, TeachStep } from '../shared/teach-messages.js';
import { adapterFor, EMAIL, type Selectors } from './adapters/markup.js';

const css = (s: string) => CSS.escape(s);
/** An attribute value inside double quotes: only quotes and backslashes need escaping there. */
const quoted = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
/** Ids and values that look generated (`ember1234`, `x-5f3a9c`) change between page loads. */
const unstable = (v: string) => /\d{3,}|[0-9a-f]{6,}/i.test(v) || v.length > 60;
const PREFERRED_DATA = ['data-testid', 'data-test-id', 'data-cy', 'data-qa', 'data-test'];

function unique(doc: Document, selector: string, el: Element): boolean {
  try {
    const all = doc.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false;
  }
}

const dataAttributes = (el: Element) =>
  [...el.attributes]
    .filter((a) => a.name.startsWith('data-') && !a.name.startsWith('data-candor-teach'))
    .sort((a, b) => {
      const rank = (n: string) => (PREFERRED_DATA.includes(n) ? 0 : 1);
      return rank(a.name) - rank(b.name);
    });

/** Attribute tests for an element, most robust first: `[data-x="v"]` (or `[data-x]` when v looks generated). */
function attributeTests(el: Element): string[] {
  const tests: string[] = [];
  // A value with a digit is most likely one record's id (RT's data-transaction-id="35"): the name alone then.
  for (const a of dataAttributes(el))
    tests.push(a.value && !/\d/.test(a.value) && !unstable(a.value) ? `[${a.name}=${quoted(a.value)}]` : `[${a.name}]`);
  for (const name of ['aria-label', 'role', 'name', 'type'])
    if (el.getAttribute(name) && !unstable(el.getAttribute(name)!))
      tests.push(`[${name}=${quoted(el.getAttribute(name)!)}]`);
  return tests;
}

/** Classes that say where a row is or what state it is in (striping, hover, selection), not what it is. */
const STATE_CLASS = /^(?:odd|even|first|last|active|selected|hover|focus(?:ed)?|open|closed|hidden|visible|is-active)$/;
const stableClasses = (el: Element) =>
  [...el.classList].filter((c) => !unstable(c) && !STATE_CLASS.test(c) && !c.startsWith('candor-'));

/** One step of a structural path: the tag, and its place among same-tag siblings when it is not alone. */
function step(el: Element): string {
  const tag = el.localName;
  const parent = el.parentElement;
  if (!parent) return tag;
  const same = [...parent.children].filter((c) => c.localName === tag);
  return same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(el) + 1})` : tag;
}

/** The most robust selector that finds `el` and nothing else in the document. */
export function deriveSelector(el: Element): string {
  const doc = el.ownerDocument;
  const tag = el.localName;
  if (el.id && !unstable(el.id) && unique(doc, `#${css(el.id)}`, el)) return `#${css(el.id)}`;
  const tests = attributeTests(el);
  for (const t of tests) if (unique(doc, `${tag}${t}`, el)) return `${tag}${t}`;
  for (let i = 0; i < tests.length; i++)
    for (let j = i + 1; j < tests.length; j++)
      if (unique(doc, `${tag}${tests[i]}${tests[j]}`, el)) return `${tag}${tests[i]}${tests[j]}`;
  for (const c of stableClasses(el)) if (unique(doc, `${tag}.${css(c)}`, el)) return `${tag}.${css(c)}`;
  // Structure: a short path up to the nearest ancestor that has a selector of its own.
  const path: string[] = [step(el)];
  for (let up = el.parentElement; up && path.length <= 5; up = up.parentElement) {
    if (up === doc.body || up === doc.documentElement) {
      const s = `body > ${path.join(' > ')}`;
      if (unique(doc, s, el)) return s;
      break;
    }
    const anchor = anchorOf(up);
    if (anchor) {
      const s = `${anchor} > ${path.join(' > ')}`;
      if (unique(doc, s, el)) return s;
    }
    path.unshift(step(up));
  }
  return `body > ${pathFromBody(el)}`;
}

/** A selector for an ancestor when one is unique without structure (id, data-*, aria, class). */
function anchorOf(el: Element): string | null {
  const doc = el.ownerDocument;
  if (el.id && !unstable(el.id) && unique(doc, `#${css(el.id)}`, el)) return `#${css(el.id)}`;
  for (const t of attributeTests(el)) if (unique(doc, `${el.localName}${t}`, el)) return `${el.localName}${t}`;
  for (const c of stableClasses(el))
    if (unique(doc, `${el.localName}.${css(c)}`, el)) return `${el.localName}.${css(c)}`;
  return null;
}

function pathFromBody(el: Element): string {
  const steps: string[] = [];
  for (let e: Element | null = el; e && e !== e.ownerDocument.body; e = e.parentElement) steps.unshift(step(e));
  return steps.join(' > ');
}

/** What items of a list share: a data-* attribute name, else a class, else just the tag. */
function shapeOf(item: Element): string {
  const siblings = [...(item.parentElement?.children ?? [])].filter(
    (c) => c !== item && c.localName === item.localName,
  );
  const tag = item.localName;
  for (const a of dataAttributes(item)) if (siblings.some((s) => s.hasAttribute(a.name))) return `${tag}[${a.name}]`;
  for (const c of stableClasses(item)) if (siblings.some((s) => s.classList.contains(c))) return `${tag}.${css(c)}`;
  return tag;
}

/**
 * The message block around a click: the nearest ancestor (or itself) with a sibling of the same shape, preferring one
 * whose shape names an attribute or class over a bare tag (a message's text and its author line are both `div`s).
 */
function messageItem(el: Element): Element | null {
  const candidates: Element[] = [];
  for (let e: Element | null = el; e && e !== e.ownerDocument.body; e = e.parentElement) {
    const parent = e.parentElement;
    if (!parent) break;
    const shape = shapeOf(e);
    if ([...parent.children].some((c) => c !== e && c.matches(shape))) candidates.push(e);
  }
  return (
    candidates.find((e) => shapeOf(e) !== e.localName) ??
    candidates.find((e) => ['li', 'article', 'tr'].includes(e.localName)) ??
    candidates[0] ??
    null
  );
}

/** A selector for `el` relative to `item`, which holds it: its data-*, class or tag path, found first in the item. */
function within(item: Element, el: Element): string {
  const candidates = [
    ...attributeTests(el).map((t) => `${el.localName}${t}`),
    ...stableClasses(el).map((c) => `${el.localName}.${css(c)}`),
    el.localName,
  ];
  for (const c of candidates) if (item.querySelector(c) === el) return c;
  const steps: string[] = [];
  for (let e: Element | null = el; e && e !== item; e = e.parentElement) steps.unshift(step(e));
  return `:scope > ${steps.join(' > ')}`;
}

/** What `mine` has that none of `others` has: a data-*, aria or role value, else a class. */
function markerOf(mine: Element, others: Element[]): string | null {
  const tests = [...attributeTests(mine), ...stableClasses(mine).map((c) => `.${css(c)}`)];
  return tests.find((t) => others.length > 0 && others.every((o) => !o.matches(t))) ?? null;
}

/** The picks of one teaching, kept while the page stays. */
const picked = new Map<TeachStep, Element>();

/** What the page says, by message key: the panel words it in the agent's language. */
const words = (key: PageWords['key'], ...subs: PageWords['subs']): PageWords => ({ key, subs });

function fail(key: PageWords['key'], ...subs: PageWords['subs']): TeachAnswer {
  return { ok: false, reason: words(key, ...subs) };
}

/** What a pick of `step` on `target` yields, in selectors and words. */
export function derive(step: TeachStep, target: Element, given: Partial<Selectors>): TeachAnswer {
  const doc = target.ownerDocument;
  if (step === 'requesterEmail') {
    const mailto = target.closest('a[href^="mailto:"]') ?? target;
    const href = mailto.getAttribute('href') ?? '';
    // A link to a user's page (RT's requestors) is read by its text, as markup.ts reads it.
    const text = /^mailto:/i.test(href) ? decodeURIComponent(href.slice(7)) : ((mailto as HTMLElement).innerText ?? '');
    const email = EMAIL.exec(text)?.[0];
    const attr = [...mailto.attributes].find((a) => a.name !== 'href' && EMAIL.test(a.value));
    if (!email && !attr) return fail('teach_p_no_email');
    picked.set(step, mailto);
    const selector = deriveSelector(mailto);
    return {
      ok: true,
      pick: { requesterEmail: email ? selector : `${selector}@${attr!.name}` },
      shown: email ?? EMAIL.exec(attr!.value)![0],
    };
  }
  if (step === 'subject') {
    picked.set(step, target);
    return { ok: true, pick: { subject: deriveSelector(target) }, shown: '' };
  }
  if (step === 'editor') {
    const editor =
      target.closest('textarea, input') ??
      [...ancestors(target)].reverse().find((e) => (e as HTMLElement).isContentEditable) ??
      null;
    if (!editor) return fail('teach_p_not_box');
    picked.set(step, editor);
    return { ok: true, pick: { editor: deriveSelector(editor) }, shown: '' };
  }
  if (step === 'customerMessage') {
    const item = messageItem(target);
    if (!item?.parentElement) return fail('teach_p_no_list');
    picked.set(step, item);
    const message = `${deriveSelector(item.parentElement)} > ${shapeOf(item)}`;
    const text = target === item ? (largestTextChild(item) ?? item) : target;
    if (text === item) return fail('teach_p_frame');
    const count = doc.querySelectorAll(message).length;
    return {
      ok: true,
      pick: { message, messageText: within(item, text) },
      shown: '',
      counted: { of: 'messages', count },
    };
  }
  // From the helpdesk's side or an internal note: the block must be one of the conversation's messages.
  const item = given.message ? target.closest(given.message) : null;
  const customer = picked.get('customerMessage');
  if (!given.message || !customer) return fail('teach_p_customer_first');
  if (step === 'agentMessage') {
    if (!item) return fail('teach_p_not_message');
    if (item === customer) return fail('teach_p_same_message');
    picked.set(step, item);
    const fromCustomer = markerOf(customer, [item]);
    if (!fromCustomer) return fail('teach_p_no_difference');
    return { ok: true, pick: { fromCustomer }, shown: '' };
  }
  // An internal note outside the conversation's messages is left out already; its frame still becomes a marker.
  const note = item ?? messageItem(target) ?? target;
  picked.set(step, note);
  const others = [...doc.querySelectorAll(given.message)].filter((m) => m !== note && m !== customer);
  const notConversation = item
    ? markerOf(note, [customer, ...(picked.get('agentMessage') ? [picked.get('agentMessage')!] : [])])
    : shapeOf(note);
  if (!notConversation) return fail('teach_p_note_same');
  const alsoNotes = others.filter((m) => m.matches(notConversation)).length;
  return { ok: true, pick: { notConversation }, shown: '', counted: { of: 'notes', count: alsoNotes + 1 } };
}

function* ancestors(el: Element): Generator<Element> {
  for (let e: Element | null = el; e; e = e.parentElement) yield e;
}

function largestTextChild(item: Element): Element | null {
  let best: Element | null = null;
  for (const c of item.querySelectorAll('*'))
    if (!best || ((c as HTMLElement).innerText?.length ?? 0) > ((best as HTMLElement).innerText?.length ?? 0))
      if (c.children.length === 0 || c.querySelector('p, br')) best = c;
  return best;
}

/** The lowest element holding every given one: the open ticket's container. */
function commonAncestor(els: Element[]): Element | null {
  if (!els.length) return null;
  let common: Element | null = els[0]!;
  while (common && !els.every((e) => common!.contains(e))) common = common.parentElement;
  return common;
}

const first = (doc: Document, spec: string) => {
  try {
    return doc.querySelector(spec.split(/@(?=[\w-]+$)/)[0]!);
  } catch {
    return null;
  }
};
const count = (doc: Document, spec: string) => {
  try {
    return doc.querySelectorAll(spec.split(/@(?=[\w-]+$)/)[0]!).length;
  } catch {
    return -1;
  }
};

/**
 * Completes the description (the ticket's container, the app) and tests it on this page: each picked
 * field found exactly once, at least one customer message, internal notes left out of what is read.
 */
export async function testOnPage(doc: Document, given: Partial<Selectors>): Promise<TeachReport> {
  const problems: PageWords[] = [];
  const needed = ['requesterEmail', 'message', 'messageText', 'fromCustomer', 'editor'] as const;
  for (const k of needed) if (!given[k]) problems.push(words('teach_p_nothing_picked', { key: `teach_field_${k}` }));
  if (problems.length) return { ok: false, problems };
  const email = first(doc, given.requesterEmail!);
  const editor = first(doc, given.editor!);
  const messages = [...doc.querySelectorAll(given.message!)];
  for (const [k, n] of [
    ['requesterEmail', count(doc, given.requesterEmail!)],
    ['editor', count(doc, given.editor!)],
    ...(given.subject ? [['subject', count(doc, given.subject)] as const] : []),
  ] as const)
    if (n < 0) problems.push(words('teach_p_found_invalid', { key: `teach_field_${k}` }));
    else if (n !== 1) problems.push(words('teach_p_found_times', String(n), { key: `teach_field_${k}` }));
  const container = commonAncestor([email, editor, ...messages].filter((e): e is Element => !!e));
  const ticket =
    !container || container === doc.body || container === doc.documentElement ? 'body' : deriveSelector(container);
  const selectors: Selectors = { ...(given as Selectors), app: 'body', ticket };
  const read = await adapterFor({ id: 'taught', name: 'taught', hosts: [], idFromAddress: true, selectors }).read(doc);
  const customers = read?.conversation.filter((m) => m.role === 'customer').length ?? 0;
  if (!read?.requesterEmail) problems.push(words('teach_p_email_unread'));
  if (customers < 1) problems.push(words('teach_p_no_customer_message'));
  const notes = given.notConversation ? messages.filter((m) => m.matches(given.notConversation!)).length : 0;
  const readCount = read?.conversation.length ?? 0;
  if (given.notConversation && readCount > messages.length - notes) problems.push(words('teach_p_notes_in'));
  return {
    ok: problems.length === 0,
    problems,
    selectors,
    found: {
      email: read?.requesterEmail ?? '',
      customerMessages: customers,
      otherMessages: readCount - customers,
      notesLeftOut: notes,
      canInsert: !!read?.canInsert,
    },
  };
}

// ---- the picker: a highlight that follows the pointer, a click or Enter picks, Escape cancels ----

let active: AbortController | null = null;

export function cancelPick(): void {
  active?.abort();
}

/** Waits for the agent to pick an element (or type a selector in the panel); null when cancelled. */
export function pick(doc: Document, request: TeachPick): Promise<TeachAnswer> {
  cancelPick();
  if (request.selector) {
    let els: Element[] = [];
    try {
      els = [...doc.querySelectorAll(request.selector)];
    } catch {
      return Promise.resolve(fail('teach_p_bad_selector'));
    }
    if (els.length !== 1) return Promise.resolve(fail('teach_p_selector_count', String(els.length)));
    return Promise.resolve(derive(request.step, els[0]!, request.given));
  }
  const life = new AbortController();
  active = life;
  const box = doc.createElement('div');
  box.setAttribute('data-candor-teach', 'highlight');
  box.setAttribute('aria-hidden', 'true');
  Object.assign(box.style, {
    position: 'fixed',
    pointerEvents: 'none',
    outline: '3px solid #c2410c',
    background: 'rgba(194, 65, 12, 0.12)',
    zIndex: '2147483647',
  });
  doc.documentElement.append(box);
  const show = (el: Element) => {
    const r = el.getBoundingClientRect();
    Object.assign(box.style, {
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  };
  return new Promise((resolve) => {
    const finish = (answer: TeachAnswer) => {
      resolve(answer); // first: the abort below answers 'cancelled' to a promise already settled
      life.abort();
    };
    life.signal.addEventListener('abort', () => {
      box.remove();
      if (active === life) active = null;
      resolve(fail('teach_pick_cancelled'));
    });
    const opts = { capture: true, signal: life.signal };
    doc.addEventListener('mouseover', (e) => e.target instanceof Element && show(e.target), opts);
    doc.addEventListener('focusin', (e) => e.target instanceof Element && show(e.target), opts);
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup'])
      doc.addEventListener(
        type,
        (e) => {
          e.preventDefault();
          e.stopPropagation();
        },
        opts,
      );
    doc.addEventListener(
      'click',
      (e) => {
        e.preventDefault();
        e.stopPropagation();
        if (e.target instanceof Element) finish(derive(request.step, e.target, request.given));
      },
      opts,
    );
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          life.abort();
        } else if (e.key === 'Enter' && doc.activeElement && doc.activeElement !== doc.body) {
          e.preventDefault();
          e.stopPropagation();
          finish(derive(request.step, doc.activeElement, request.given));
        }
      },
      opts,
    );
  });
}
