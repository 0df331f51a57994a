/**
 * "Teach Candor this page" (issue 17), the panel's side: a step at a time, the agent points at the
 * requester's e-mail, a customer's message, one of their own, an internal note (or says the page
 * shows none) and the reply box. Each step can be picked by clicking in the page or by typing a
 * selector here, skipped when optional, and cancelled with Escape. The description is tested on the
 * page, kept for this site as a draft (used at once on this machine), and can be submitted for an
 * admin to approve for the whole team. Approved adapters are fetched from the server per site.
 */
import { button, el } from '../../browser/dom.js';
import {
  TaughtAdapterBody,
  TaughtDraftView,
  TaughtLiveList,
  type TaughtSelectors,
} from '../../server/protocol/taught.js';
import type { Settings } from '../shared/settings.js';
import {
  type PageWords,
  TAUGHT_KEY,
  type TaughtDraft,
  TaughtStorage,
  TeachAnswer,
  TeachReport,
  type TeachStep,
} from '../shared/teach-messages.js';
import { plural, t } from '../shared/i18n.js';

interface StepInfo {
  step: TeachStep;
  optional: boolean;
}

/** In order; each step's title and what to click are `teach_step_<step>` and `teach_explain_<step>`. */
const STEPS: StepInfo[] = [
  { step: 'requesterEmail', optional: false },
  { step: 'customerMessage', optional: false },
  { step: 'agentMessage', optional: true },
  { step: 'internalNote', optional: false },
  { step: 'editor', optional: false },
  { step: 'subject', optional: true },
];

const titleOf = (step: TeachStep) => t(`teach_step_${step}`);

/** What the page answered, in the agent's language. */
const pageWords = (w: PageWords) => t(w.key, ...w.subs.map((s) => (typeof s === 'string' ? s : t(s.key))));

export interface TeachDeps {
  tabId(): number | null;
  settings(): Settings | null;
}

const state = {
  step: -1, // -1: not teaching; STEPS.length: testing and saving
  given: {} as Record<string, string>,
  noInternalNotes: false,
  picking: false,
  status: '',
  picked: new Map<TeachStep, string>(),
  report: null as TeachReport | null,
  site: null as string | null,
  stored: {} as TaughtStorage,
};

async function loadStorage(): Promise<TaughtStorage> {
  const parsed = TaughtStorage.safeParse((await chrome.storage.local.get(TAUGHT_KEY))[TAUGHT_KEY] ?? {});
  return parsed.success ? parsed.data : {};
}

async function saveStorage(next: TaughtStorage): Promise<void> {
  if (JSON.stringify(next) === JSON.stringify(await loadStorage())) return;
  await chrome.storage.local.set({ [TAUGHT_KEY]: next });
}

async function siteOf(tabId: number | null): Promise<string | null> {
  if (tabId === null) return null;
  const url = (await chrome.tabs.get(tabId).catch(() => null))?.url;
  if (!url || !/^https?:/.test(url)) return null;
  return new URL(url).origin;
}

/**
 * Fetches the version an admin approved for the tab's site (if any) into storage, before the page is read, and drops
 * the agent's own draft once that draft is what was approved.
 */
export async function refreshTaught(tabId: number | null, settings: Settings | null): Promise<void> {
  const site = await siteOf(tabId);
  if (!site || !settings?.token) return;
  try {
    const url = new URL('/api/v1/taught-adapters', settings.serverUrl);
    url.searchParams.set('site', site);
    const res = await fetch(url, { headers: { authorization: `Bearer ${settings.token}` } });
    if (!res.ok) return;
    const [approved] = TaughtLiveList.parse(await res.json()).adapters;
    const stored = await loadStorage();
    const entry = { ...stored[site] };
    if (approved) entry.approved = approved;
    else delete entry.approved;
    if (approved && entry.draft?.submittedAs !== undefined && entry.draft.submittedAs === approved.draftId)
      delete entry.draft;
    const { [site]: _old, ...others } = stored;
    await saveStorage(entry.draft || entry.approved ? { ...others, [site]: entry } : others);
  } catch {
    // Offline or refused: the page is read with what is stored.
  }
}

async function send(tabId: number, message: unknown): Promise<unknown> {
  await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  return chrome.tabs.sendMessage(tabId, message);
}

export function mountTeach(host: HTMLElement, deps: TeachDeps): { refresh(): Promise<void> } {
  const render = () => host.replaceChildren(...view().filter((n): n is Node => n instanceof Node));

  const stop = () => {
    const tabId = deps.tabId();
    if (state.picking && tabId !== null) void send(tabId, { type: 'candor:teach-cancel' }).catch(() => undefined);
    state.picking = false;
  };

  const cancel = () => {
    stop();
    Object.assign(state, { step: -1, given: {}, noInternalNotes: false, status: t('teach_cancelled'), report: null });
    state.picked.clear();
    render();
    host.querySelector<HTMLButtonElement>('button')?.focus();
  };

  const next = async () => {
    state.step += 1;
    state.status = '';
    if (state.step === STEPS.length) await test();
    render();
    host.querySelector<HTMLElement>('h3')?.focus();
  };

  /** One step back: `next` moves on from the step before the current one. */
  const back = () => {
    state.step -= 2;
    state.report = null;
    void next();
  };

  const pick = async (selector?: string) => {
    const tabId = deps.tabId();
    const info = STEPS[state.step];
    if (tabId === null || !info) return;
    state.picking = !selector;
    state.status = selector ? t('teach_looking') : t('teach_click', titleOf(info.step));
    render();
    const raw = await send(tabId, { type: 'candor:teach-pick', step: info.step, given: state.given, selector }).catch(
      (e: Error) => ({ ok: false, reason: e.message }),
    );
    state.picking = false;
    const answer = TeachAnswer.safeParse(raw);
    if (!answer.success) state.status = t('teach_no_answer');
    else if (!answer.data.ok) state.status = pageWords(answer.data.reason);
    else {
      for (const [k, v] of Object.entries(answer.data.pick)) if (v) state.given[k] = v;
      const picks = Object.entries(answer.data.pick).map(([k, v]) =>
        k === info.step ? `${v}` : t('labelled', t(`teach_field_${k as keyof TaughtSelectors}`), `${v}`),
      );
      state.picked.set(info.step, `${picks.join('; ')}${shownWords(answer.data)}`);
      return next();
    }
    render();
  };

  const test = async () => {
    const tabId = deps.tabId();
    if (tabId === null) return;
    const raw = await send(tabId, { type: 'candor:teach-test', given: state.given }).catch(() => null);
    const report = TeachReport.safeParse(raw);
    state.report = report.success
      ? report.data
      : { ok: false, problems: [{ key: 'teach_p_no_test_answer', subs: [] }] };
  };

  const save = async (form: HTMLFormElement, submit: boolean) => {
    const site = state.site;
    const selectors = state.report?.selectors;
    if (!site || !selectors || !state.report?.ok) return;
    const name = String(new FormData(form).get('name') ?? '').trim() || new URL(site).host;
    const body = TaughtAdapterBody.safeParse({ site, name, selectors, noInternalNotes: state.noInternalNotes });
    if (!body.success) {
      state.status = t('teach_not_saved', `${body.error.issues[0]!.path.join('.')}: ${body.error.issues[0]!.message}`);
      return render();
    }
    const stored = await loadStorage();
    const draft: TaughtDraft = {
      name,
      selectors,
      noInternalNotes: state.noInternalNotes,
      savedAt: new Date().toISOString(),
    };
    if (submit) {
      const settings = deps.settings();
      if (!settings?.token) return;
      const res = await fetch(new URL('/api/v1/taught-adapters', settings.serverUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${settings.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body.data),
      }).catch((e: Error) => e);
      if (res instanceof Error || !res.ok) {
        state.status = t(
          'teach_not_submitted',
          res instanceof Error ? res.message : t('server_answered', String(res.status)),
        );
      } else {
        draft.submittedAs = TaughtDraftView.parse(await res.json()).id;
        state.status = t('teach_submitted', String(draft.submittedAs));
      }
    } else state.status = t('teach_saved_here');
    await saveStorage({ ...stored, [site]: { ...stored[site], draft } });
    state.stored = await loadStorage();
    state.step = -1;
    render();
  };

  const forget = async () => {
    const site = state.site;
    if (!site) return;
    const stored = await loadStorage();
    const { draft: _dropped, ...rest } = stored[site] ?? {};
    const { [site]: _old, ...others } = stored;
    await saveStorage(rest.approved ? { ...others, [site]: rest } : others);
    state.stored = await loadStorage();
    state.status = t('teach_forgotten');
    render();
  };

  function usingLine(): string {
    const site = state.site;
    if (!site) return t('teach_open_page');
    const entry = state.stored[site];
    if (entry?.draft)
      return t(entry.draft.submittedAs ? 'teach_using_submitted' : 'teach_using_draft', site, entry.draft.name);
    if (entry?.approved) return t('teach_using_approved', site, entry.approved.name, String(entry.approved.version));
    return t('teach_using_none', site);
  }

  function view(): Part[] {
    const status = el('p', { className: 'teach-status', text: state.status, attrs: { role: 'status' } });
    if (state.step < 0) {
      const draft = state.site ? state.stored[state.site]?.draft : undefined;
      return [
        el('p', { text: usingLine() }),
        el('div', { className: 'buttons' }, [
          state.site &&
            button(t('teach_start'), () => {
              Object.assign(state, { step: -1, given: {}, noInternalNotes: false, report: null, status: '' });
              state.picked.clear();
              void next();
            }),
          draft && button(t('teach_forget'), () => void forget()),
        ]),
        status,
      ];
    }
    const cancelButton = button(t('teach_cancel'), cancel);
    if (state.step === STEPS.length) return [...reportView(), status, cancelButton];
    const info = STEPS[state.step]!;
    const typed = el('input', {
      attrs: { id: 'teach-selector', type: 'text', spellcheck: 'false', autocomplete: 'off', maxlength: '300' },
    });
    return [
      el('h3', {
        text: t('teach_step', String(state.step + 1), String(STEPS.length), titleOf(info.step)),
        attrs: { tabindex: '-1' },
      }),
      el('p', { text: t(`teach_explain_${info.step}`) }),
      el('div', { className: 'buttons' }, [
        button(t(state.picking ? 'teach_picking' : 'teach_pick'), () => void pick(), 'primary'),
        info.optional && button(t('teach_skip'), () => void next()),
        info.step === 'internalNote' &&
          button(t('teach_no_notes'), () => {
            state.noInternalNotes = true;
            state.picked.set('internalNote', t('teach_no_notes_picked'));
            void next();
          }),
      ]),
      el(
        'form',
        {
          className: 'teach-typed',
          on: {
            submit: (e) => {
              e.preventDefault();
              if (typed.value.trim()) void pick(typed.value.trim());
            },
          },
        },
        [
          el('label', { text: t('teach_type_selector'), attrs: { for: 'teach-selector' } }),
          typed,
          el('button', { text: t('teach_use_selector'), attrs: { type: 'submit' } }),
        ],
      ),
      status,
      el('ol', { className: 'teach-picked' }, pickedItems()),
      el('div', { className: 'buttons' }, [state.step > 0 && button(t('teach_back'), back), cancelButton]),
    ];
  }

  function pickedItems(): Node[] {
    return STEPS.filter((s) => state.picked.has(s.step)).map((s) =>
      el('li', { text: t('labelled', titleOf(s.step), state.picked.get(s.step)!) }),
    );
  }

  function reportView(): Part[] {
    const r = state.report;
    if (!r) return [el('p', { text: t('teach_testing') })];
    const found = r.found;
    const lines = found
      ? [
          t('teach_email_read', found.email || t('teach_none')),
          t('teach_messages_read', String(found.customerMessages), String(found.otherMessages)),
          state.noInternalNotes ? t('teach_notes_as_said') : t('teach_notes_left_out', String(found.notesLeftOut)),
          t(found.canInsert ? 'teach_reply_box_found' : 'teach_reply_box_missing'),
        ]
      : [];
    const form = el('form', { className: 'teach-save', on: { submit: (e) => e.preventDefault() } }, [
      el('label', { text: t('teach_name'), attrs: { for: 'teach-name' } }),
      el('input', {
        attrs: { id: 'teach-name', name: 'name', type: 'text', maxlength: '100', value: new URL(state.site!).host },
      }),
    ]);
    form.append(
      el('div', { className: 'buttons' }, [
        button(t('teach_save'), () => void save(form, false), '', r.ok ? {} : { disabled: '' }),
        button(t('teach_save_submit'), () => void save(form, true), 'primary', r.ok ? {} : { disabled: '' }),
      ]),
    );
    return [
      el('h3', {
        text: t(r.ok ? 'teach_works' : 'teach_not_yet'),
        attrs: { tabindex: '-1' },
      }),
      el(
        'ul',
        { className: 'teach-found' },
        lines.map((line) => el('li', { text: line })),
      ),
      r.problems.length > 0 &&
        el(
          'ul',
          { className: 'teach-problems' },
          r.problems.map((p) => el('li', { text: pageWords(p) })),
        ),
      el('ol', { className: 'teach-picked' }, pickedItems()),
      r.ok ? form : button(t('teach_back_last'), back),
    ];
  }

  host.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    if (state.picking) {
      stop();
      state.status = t('teach_pick_cancelled');
      render();
    } else if (state.step >= 0) cancel();
  });

  return {
    async refresh() {
      const site = await siteOf(deps.tabId());
      if (site !== state.site && state.step >= 0) cancel();
      state.site = site;
      state.stored = await loadStorage();
      render();
    },
  };
}

/** What a view may hold: nodes, and nothing where a condition was false. */
type Part = Node | false | null | undefined | '';

/** " (finds 3 messages)", " (finds dana@example.org)", or nothing. */
function shownWords(answer: { shown: string; counted?: { of: 'messages' | 'notes'; count: number } | undefined }) {
  const what = answer.counted
    ? plural(answer.counted.of === 'messages' ? 'teach_messages' : 'teach_notes', answer.counted.count)
    : answer.shown;
  return what ? ` (${t('teach_finds', what)})` : '';
}
