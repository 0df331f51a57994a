/**
 * The panel's view of one ticket: the customer, the facts the agent may see (each with its
 * consent badge and why), what is withheld (counts and reasons only), and the suggestions with
 * their footnotes and actions. Builds DOM from state; it never keeps state of its own.
 */
import type { AssistView, ShownFact, Suggestion } from '../../server/protocol/assist.js';
import type { ModelCallView } from '../../server/protocol/api.js';
import { button, el } from '../../browser/dom.js';
import { segments, withheldLine, withheldSummary } from './summary.js';
import { formatTime } from '../../server/format/time.js';
import { spokenLine } from '../../server/format/coach.js';
import { citesLine } from './articles.js';
import { plural, t, uiLocale } from '../shared/i18n.js';

/** Times in the panel's language, whatever the browser's own. */
const viewer = { locale: uiLocale };
const languages = new Intl.DisplayNames([uiLocale], { type: 'language' });
/** The ticket's language named in the panel's ("Englisch"), not the server's words. */
const languageName = (locale: string) => languages.of(locale);

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
    el('p', { className: 'badge', attrs: { 'aria-label': t('fact_consent_label') } }, [
      el('span', {
        className: 'badge-purpose',
        text: f.consent.purposeName,
        attrs: { 'data-purpose': f.consent.purpose },
      }),
      el('span', { text: t('fact_given', formatTime(f.consent.at, 'date', viewer), f.consent.source) }),
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
      text: t(
        context.language.source === 'helpdesk' ? 'ctx_language_helpdesk' : 'ctx_language',
        languageName(context.language.locale) ?? context.language.name,
      ),
    }),
    el('p', { className: 'portal-link' }, [
      button(t('ctx_portal_button'), () => portal.send(), 'small', { title: t('ctx_portal_title') }),
      portal.status && el('span', { className: 'muted', text: ` ${portal.status}`, attrs: { role: 'status' } }),
    ]),
    context.shown.length > 0 &&
      el('p', { className: 'say-on-call' }, [
        toggle,
        el('label', { text: ` ${t('ctx_say_on_call')}`, attrs: { for: 'say-on-call' } }),
      ]),
    context.shown.length
      ? el(
          'ul',
          { className: 'facts', attrs: { 'aria-label': t('ctx_facts_label') } },
          context.shown.map((f) =>
            factItem(f, spoken.on ? spokenLine(f, context.purpose, context.language.locale) : null),
          ),
        )
      : el('p', { className: 'muted', text: t('ctx_no_facts') }),
    context.omitted > 0 && el('p', { className: 'muted', text: plural('ctx_omitted', context.omitted) }),
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
          'aria-label': t('sugg_footnote_label', String(seg.marker)),
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
    attrs: { rows: '5', 'aria-label': t('sugg_edit_label'), 'data-focus-key': `edit:${s.id}` },
  });
  area.value = text;
  area.addEventListener('input', () => act.edit(s, area.value));
  return el('div', { className: 'editing' }, [
    area,
    el('div', { className: 'actions' }, [
      button(t('sugg_insert_edited'), () => act.insert(s, area.value, true), 'primary'),
      button(t('sugg_cancel'), () => act.edit(s, null)),
    ]),
  ]);
}

/** One click on 👍/👎 records the rating; a reason may follow, and saving it edits the same rating. */
function rating(s: Suggestion, ui: SuggestionUi, act: SuggestionActions) {
  const r = ui.rating;
  const thumbs = (['up', 'down'] as const).map((value) => {
    const [label, name] =
      value === 'up' ? [t('sugg_good'), t('sugg_good_label')] : [t('sugg_poor'), t('sugg_poor_label')];
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
      placeholder: t('sugg_why'),
      'aria-label': t('sugg_reason_label'),
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
    button(t('sugg_save_reason'), () => act.rate(s, r.value, reason.value, true), 'small'),
  ]);
}

function aiSaw(s: Suggestion, ui: SuggestionUi, act: SuggestionActions) {
  if (s.modelCall === null) return null;
  const a = ui.aiSaw;
  if (!a) return button(t('sugg_ai_saw'), () => act.showAiSaw(s), 'link');
  if (a.state === 'loading') return el('p', { className: 'muted', text: t('sugg_ai_saw_loading') });
  if (a.state === 'failed') return el('p', { className: 'error', text: t('sugg_ai_saw_failed', a.message) });
  return el('div', { className: 'ai-saw' }, [
    el('p', {
      className: 'muted',
      text: t('sugg_ai_saw_sent', a.call.model, formatTime(a.call.at, 'dateTime', viewer)),
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
      text: t('sugg_notes_choice'),
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
            t('sugg_insert'),
            () => act.insert(s, s.text, false),
            'primary',
            canInsert ? {} : { disabled: '', title: t('sugg_no_reply_box') },
          ),
          button(t('sugg_copy'), () => act.copy(s)),
          button(t('sugg_edit'), () => act.edit(s, s.text)),
          button(t('sugg_dismiss'), () => act.dismiss(s)),
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
    el('h2', { text: t('sugg_title'), attrs: { id: 'suggestions-title' } }),
    view.note && el('p', { className: 'note', text: view.note }),
    ...visible.map((s) => renderSuggestion(s, uiOf(s), options, act, view)),
    view.pending && el('p', { className: 'muted', text: t('sugg_pending'), attrs: { role: 'status' } }),
    !view.pending && visible.length === 0 && el('p', { className: 'muted', text: t('sugg_none') }),
    el('p', { className: 'muted small', text: t('sugg_never_sends') }),
  ]);
}
