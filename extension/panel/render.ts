/**
 * The panel's view of one ticket: the customer, the facts the agent may see (each with its
 * consent badge and why), what is withheld (counts and reasons only), and the suggestions with
 * their footnotes and actions. Builds DOM from state; it never keeps state of its own.
 */
import type { AssistView, ShownFact, Suggestion } from '../../server/protocol/assist.js';
import type { ModelCallView } from '../../server/protocol/api.js';
import { button, el } from '../../browser/dom.js';
import { segments, withheldSummary } from './summary.js';
import { formatTime } from '../../server/format/time.js';
import { countOf, withheldLine } from '../../server/format/words.js';
import { spokenLine } from '../../server/format/coach.js';
import { citesLine } from './articles.js';

/** What the agent has done with one suggestion in this panel. */
export interface SuggestionUi {
  expanded: Set<number>;
  editing: string | null;
  /** The agent's choice of customer notes for this reply; null: the lead's default. */
  notes: boolean | null;
  rating: { value: 'up' | 'down'; reason: string; sent: boolean } | null;
  status: string;
  aiSaw: { state: 'loading' } | { state: 'shown'; call: ModelCallView } | { state: 'failed'; message: string } | null;
}

export interface SuggestionActions {
  insert(s: Suggestion, text: string, edited: boolean): void;
  copy(s: Suggestion): void;
  dismiss(s: Suggestion): void;
  edit(s: Suggestion, text: string | null): void;
  rate(s: Suggestion, value: 'up' | 'down', reason: string, send: boolean): void;
  toggleFootnote(s: Suggestion, marker: number): void;
  showAiSaw(s: Suggestion): void;
  setNotes(s: Suggestion, on: boolean): void;
}

/** What the panel offers around each suggestion: Insert where the page has a reply box, and customer notes. */
export interface SuggestionOptions {
  canInsert: boolean;
  /** The lead's setting for customer notes (`off`: not offered). */
  notes: 'off' | 'ask' | 'on';
}

/** Whether this reply goes in with its customer notes: only a reply that uses facts has any. */
export const notesChosen = (s: Suggestion, ui: SuggestionUi, mode: SuggestionOptions['notes']) =>
  mode !== 'off' && s.footnotes.length > 0 && (ui.notes ?? mode === 'on');

function factItem(f: ShownFact, spoken: string | null) {
  return el('li', { className: 'fact', attrs: { 'data-fact-id': f.factId } }, [
    el('p', { className: 'fact-text', text: f.text }),
    el('p', { className: 'badge', attrs: { 'aria-label': 'Consent' } }, [
      el('span', {
        className: 'badge-purpose',
        text: f.consent.purposeName,
        attrs: { 'data-purpose': f.consent.purpose },
      }),
      el('span', { text: ` · given ${formatTime(f.consent.at, 'date')} · ${f.consent.source}` }),
    ]),
    el('p', { className: 'why', text: f.why }),
    spoken && el('p', { className: 'spoken', text: spoken }),
  ]);
}

/** The customer's privacy portal: a single-use link Candor mails to the customer; `status` says what happened last. */
export interface PortalLinkUi {
  status: string;
  send(): void;
}

/** On phone tickets: each fact as the agent says it, with where it came from ("Say it on a call", per ticket). */
export interface SpokenUi {
  on: boolean;
  toggle(): void;
}

export function renderContext(view: AssistView, portal: PortalLinkUi, spoken: SpokenUi) {
  const { context } = view;
  const toggle = el('input', { attrs: { type: 'checkbox', id: 'say-on-call', 'data-focus-key': 'say-on-call' } });
  toggle.checked = spoken.on;
  toggle.addEventListener('change', () => spoken.toggle());
  const summary = withheldSummary(context.withheld);
  return el('section', { className: 'context', attrs: { 'aria-labelledby': 'context-title' } }, [
    el('h2', { text: context.customer.displayName, attrs: { id: 'context-title' } }),
    el('p', {
      className: 'ticket-language muted',
      text: `Ticket in ${context.language.name}${context.language.source === 'helpdesk' ? ' (from the helpdesk)' : ''}`,
    }),
    el('p', { className: 'portal-link' }, [
      button('E-mail the customer a privacy-portal link', () => portal.send(), 'small', {
        title:
          'Candor mails the customer, at the address on file, a link to see, ' +
          'download, change or erase what is held about them; you never see the ' +
          'link',
      }),
      portal.status && el('span', { className: 'muted', text: ` ${portal.status}`, attrs: { role: 'status' } }),
    ]),
    context.shown.length > 0 &&
      el('p', { className: 'say-on-call' }, [
        toggle,
        el('label', { text: ' Say it on a call', attrs: { for: 'say-on-call' } }),
      ]),
    context.shown.length
      ? el(
          'ul',
          { className: 'facts', attrs: { 'aria-label': 'Facts you can see' } },
          context.shown.map((f) => factItem(f, spoken.on ? spokenLine(f, context.purpose) : null)),
        )
      : el('p', { className: 'muted', text: 'No facts about this customer may be shown for support.' }),
    context.omitted > 0 &&
      el('p', {
        className: 'muted',
        text:
          `${countOf(context.omitted, { one: 'more permitted fact', other: 'more permitted facts' })} ` +
          'left out as less relevant to this conversation.',
      }),
    summary &&
      el('details', { className: 'withheld' }, [
        el('summary', { text: summary }),
        el(
          'ul',
          {},
          context.withheld.map((w) =>
            el('li', { text: withheldLine(w), attrs: { 'data-category': w.category, 'data-reason': w.reason } }),
          ),
        ),
      ]),
  ]);
}

function suggestionText(s: Suggestion, ui: SuggestionUi, act: SuggestionActions) {
  const p = el('p', { className: 'suggestion-text' });
  for (const seg of segments(s.text)) {
    if ('text' in seg) p.append(seg.text);
    else
      p.append(
        button(`[${seg.marker}]`, () => act.toggleFootnote(s, seg.marker), 'marker', {
          'aria-expanded': String(ui.expanded.has(seg.marker)),
          'aria-label': `Footnote ${seg.marker}`,
        }),
      );
  }
  return p;
}

function footnotes(s: Suggestion, ui: SuggestionUi) {
  const open = s.footnotes.filter((f) => ui.expanded.has(f.marker));
  if (!open.length) return null;
  return el(
    'ol',
    { className: 'footnotes' },
    open.map((f) => el('li', { attrs: { 'data-marker': String(f.marker) }, text: `[${f.marker}] ${f.explanation}` })),
  );
}

function editor(s: Suggestion, text: string, act: SuggestionActions) {
  const area = el('textarea', {
    className: 'edit',
    attrs: { rows: '5', 'aria-label': 'Edit the suggestion before inserting', 'data-focus-key': `edit:${s.id}` },
  });
  area.value = text;
  area.addEventListener('input', () => act.edit(s, area.value));
  return el('div', { className: 'editing' }, [
    area,
    el('div', { className: 'actions' }, [
      button('Insert edited', () => act.insert(s, area.value, true), 'primary'),
      button('Cancel', () => act.edit(s, null)),
    ]),
  ]);
}

/** One click on 👍/👎 records the rating; a reason may follow, and saving it edits the same rating. */
function rating(s: Suggestion, ui: SuggestionUi, act: SuggestionActions) {
  const r = ui.rating;
  const thumbs = (['up', 'down'] as const).map((value) => {
    const [label, name] = value === 'up' ? ['👍 Good', 'Good suggestion'] : ['👎 Poor', 'Poor suggestion'];
    const chosen = r?.value === value;
    return button(label, () => act.rate(s, value, r?.reason ?? '', true), chosen ? 'thumb chosen' : 'thumb', {
      'aria-label': name,
      'aria-pressed': String(chosen),
    });
  });
  if (!r) return el('span', { className: 'rating' }, thumbs);
  const reason = el('input', {
    attrs: {
      type: 'text',
      maxlength: '500',
      placeholder: 'Why? (optional)',
      'aria-label': 'Reason for your rating (optional)',
      'data-focus-key': `reason:${s.id}`,
    },
  });
  reason.value = r.reason;
  reason.addEventListener('input', () => act.rate(s, r.value, reason.value, false));
  reason.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') act.rate(s, r.value, reason.value, true);
  });
  return el('span', { className: 'rating' }, [
    ...thumbs,
    reason,
    button('Save reason', () => act.rate(s, r.value, reason.value, true), 'small'),
  ]);
}

function aiSaw(s: Suggestion, ui: SuggestionUi, act: SuggestionActions) {
  if (s.modelCall === null) return null;
  const a = ui.aiSaw;
  if (!a) return button('What the AI saw', () => act.showAiSaw(s), 'link');
  if (a.state === 'loading') return el('p', { className: 'muted', text: 'Loading what the AI saw…' });
  if (a.state === 'failed')
    return el('p', { className: 'error', text: `Could not load what the AI saw: ${a.message}` });
  return el('div', { className: 'ai-saw' }, [
    el('p', {
      className: 'muted',
      text: `Sent to ${a.call.model} on ${formatTime(a.call.at)}, masked, exactly as below:`,
    }),
    ...a.call.messages.map((m) => el('div', {}, [el('h4', { text: m.role }), el('pre', { text: m.content })])),
  ]);
}

/** "Add notes for the customer": a tick box, for a reply that uses facts, where the lead offers notes. */
function notesChoice(s: Suggestion, ui: SuggestionUi, options: SuggestionOptions, act: SuggestionActions) {
  if (options.notes === 'off' || s.footnotes.length === 0) return null;
  const box = el('input', { attrs: { type: 'checkbox', id: `notes-${s.id}`, 'data-focus-key': `notes:${s.id}` } });
  box.checked = notesChosen(s, ui, options.notes);
  box.addEventListener('change', () => act.setNotes(s, box.checked));
  return el('p', { className: 'notes-choice' }, [
    box,
    el('label', {
      attrs: { for: `notes-${s.id}` },
      text: ' Add notes for the customer: where each fact came from, and how to see, change or pause its use',
    }),
  ]);
}

export function renderSuggestion(
  s: Suggestion,
  ui: SuggestionUi,
  options: SuggestionOptions,
  act: SuggestionActions,
  view?: AssistView,
) {
  const { canInsert } = options;
  return el('article', { className: 'suggestion', attrs: { 'data-suggestion-id': s.id } }, [
    suggestionText(s, ui, act),
    view && citesLine(s, view),
    footnotes(s, ui),
    notesChoice(s, ui, options, act),
    ui.editing !== null
      ? editor(s, ui.editing, act)
      : el('div', { className: 'actions' }, [
          button(
            'Insert',
            () => act.insert(s, s.text, false),
            'primary',
            canInsert ? {} : { disabled: '', title: 'No reply box found on this page: use Copy' },
          ),
          button('Copy', () => act.copy(s)),
          button('Edit before insert', () => act.edit(s, s.text)),
          button('Dismiss', () => act.dismiss(s)),
          rating(s, ui, act),
        ]),
    el('p', { className: 'status', text: ui.status, attrs: { role: 'status' } }),
    aiSaw(s, ui, act),
  ]);
}

export function renderSuggestions(
  view: AssistView,
  visible: Suggestion[],
  uiOf: (s: Suggestion) => SuggestionUi,
  options: SuggestionOptions,
  act: SuggestionActions,
) {
  return el('section', { className: 'suggestions', attrs: { 'aria-labelledby': 'suggestions-title' } }, [
    el('h2', { text: 'Suggested replies', attrs: { id: 'suggestions-title' } }),
    view.note && el('p', { className: 'note', text: view.note }),
    ...visible.map((s) => renderSuggestion(s, uiOf(s), options, act, view)),
    view.pending &&
      el('p', { className: 'muted', text: 'The model is writing suggestions…', attrs: { role: 'status' } }),
    !view.pending && visible.length === 0 && el('p', { className: 'muted', text: 'No suggestions for this ticket.' }),
    el('p', {
      className: 'muted small',
      text: 'Candor never sends anything: insert a reply, review it, then send it yourself.',
    }),
  ]);
}
