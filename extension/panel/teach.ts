/**
 * "Teach Candor this page" (issue 17), the panel's side: a step at a time, the agent points at the
 * requester's e-mail, a customer's message, one of their own, an internal note (or says the page
 * shows none) and the reply box. Each step can be picked by clicking in the page or by typing a
 * selector here, skipped when optional, and cancelled with Escape. The description is tested on the
 * page, kept for this site as a draft (used at once on this machine), and can be submitted for an
 * admin to approve for the whole team. Approved adapters are fetched from the server per site.
 */
import { button, el } from '../../browser/dom.js';
import { FIELD_WORDS, TaughtAdapterBody, TaughtDraftView, TaughtLiveList } from '../../server/protocol/taught.js';
import type { Settings } from '../shared/settings.js';
import {
  TAUGHT_KEY,
  type TaughtDraft,
  TaughtStorage,
  TeachAnswer,
  TeachReport,
  type TeachStep,
} from '../shared/teach-messages.js';

interface StepInfo {
  step: TeachStep;
  title: string;
  explain: string;
  optional: boolean;
}

const STEPS: StepInfo[] = [
  {
    step: 'requesterEmail',
    title: 'The requester’s e-mail',
    explain: 'Click where this ticket shows the customer’s e-mail address.',
    optional: false,
  },
  {
    step: 'customerMessage',
    title: 'A message from the customer',
    explain: 'Click the text of one message the customer wrote. Candor finds the other messages like it.',
    optional: false,
  },
  {
    step: 'agentMessage',
    title: 'A message from your side',
    explain: 'Click the text of one message your team wrote, so Candor can tell the customer’s messages apart.',
    optional: true,
  },
  {
    step: 'internalNote',
    title: 'An internal note',
    explain:
      'Click one internal note, so Candor leaves notes out of what it reads. If this helpdesk shows no internal ' +
      'notes on the ticket page, say so with the button below.',
    optional: false,
  },
  { step: 'editor', title: 'The reply box', explain: 'Click the box you type your reply in.', optional: false },
  { step: 'subject', title: 'The subject (optional)', explain: 'Click the ticket’s subject, or skip.', optional: true },
];

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
    Object.assign(state, { step: -1, given: {}, noInternalNotes: false, status: 'Teaching cancelled.', report: null });
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
    state.status = selector
      ? 'Looking for it…'
      : `Click ${info.title.toLowerCase().replace(' (optional)', '')} in the helpdesk page. Press Escape to cancel.`;
    render();
    const raw = await send(tabId, { type: 'candor:teach-pick', step: info.step, given: state.given, selector }).catch(
      (e: Error) => ({ ok: false, reason: e.message }),
    );
    state.picking = false;
    const answer = TeachAnswer.safeParse(raw);
    if (!answer.success) state.status = 'The page did not answer. Reload it and try again.';
    else if (!answer.data.ok)
      state.status = answer.data.reason === 'cancelled' ? 'Picking cancelled.' : answer.data.reason;
    else {
      for (const [k, v] of Object.entries(answer.data.pick)) if (v) state.given[k] = v;
      const picks = Object.entries(answer.data.pick).map(([k, v]) =>
        k === info.step ? `${v}` : `${FIELD_WORDS[k as keyof typeof FIELD_WORDS]}: ${v}`,
      );
      state.picked.set(info.step, `${picks.join('; ')}${shownWords(answer.data.shown)}`);
      return next();
    }
    render();
  };

  const test = async () => {
    const tabId = deps.tabId();
    if (tabId === null) return;
    const raw = await send(tabId, { type: 'candor:teach-test', given: state.given }).catch(() => null);
    const report = TeachReport.safeParse(raw);
    state.report = report.success ? report.data : { ok: false, problems: ['The page did not answer the test.'] };
  };

  const save = async (form: HTMLFormElement, submit: boolean) => {
    const site = state.site;
    const selectors = state.report?.selectors;
    if (!site || !selectors || !state.report?.ok) return;
    const name = String(new FormData(form).get('name') ?? '').trim() || new URL(site).host;
    const body = TaughtAdapterBody.safeParse({ site, name, selectors, noInternalNotes: state.noInternalNotes });
    if (!body.success) {
      state.status = `Not saved: ${body.error.issues[0]!.path.join('.')}: ${body.error.issues[0]!.message}`;
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
        state.status =
          `Saved on this computer, but not submitted: ` +
          `${res instanceof Error ? res.message : `the server answered ${res.status}`}.`;
      } else {
        draft.submittedAs = TaughtDraftView.parse(await res.json()).id;
        state.status =
          `Saved, and submitted for approval as draft ${draft.submittedAs}. Until an admin approves it, ` +
          'only this computer uses it.';
      }
    } else
      state.status = 'Saved for this site on this computer. Submit it when an admin should approve it for the team.';
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
    state.status = 'Your draft for this site is forgotten.';
    render();
  };

  function usingLine(): string {
    const site = state.site;
    if (!site) return 'Open a helpdesk page to teach Candor where things are on it.';
    const entry = state.stored[site];
    if (entry?.draft)
      return (
        `On ${site} Candor uses what you taught it (“${entry.draft.name}”), ` +
        (entry.draft.submittedAs ? 'submitted and waiting for approval.' : 'not submitted for approval yet.')
      );
    if (entry?.approved)
      return (
        `On ${site} Candor uses the taught adapter “${entry.approved.name}”, ` +
        `version ${entry.approved.version}, approved for your team.`
      );
    return `Candor has no taught adapter for ${site}.`;
  }

  function view(): Part[] {
    const status = el('p', { className: 'teach-status', text: state.status, attrs: { role: 'status' } });
    if (state.step < 0) {
      const draft = state.site ? state.stored[state.site]?.draft : undefined;
      return [
        el('p', { text: usingLine() }),
        el('div', { className: 'buttons' }, [
          state.site &&
            button('Start teaching', () => {
              Object.assign(state, { step: -1, given: {}, noInternalNotes: false, report: null, status: '' });
              state.picked.clear();
              void next();
            }),
          draft && button('Forget my draft', () => void forget()),
        ]),
        status,
      ];
    }
    const cancelButton = button('Cancel teaching (Escape)', cancel);
    if (state.step === STEPS.length) return [...reportView(), status, cancelButton];
    const info = STEPS[state.step]!;
    const typed = el('input', {
      attrs: { id: 'teach-selector', type: 'text', spellcheck: 'false', autocomplete: 'off', maxlength: '300' },
    });
    return [
      el('h3', { text: `Step ${state.step + 1} of ${STEPS.length}: ${info.title}`, attrs: { tabindex: '-1' } }),
      el('p', { text: info.explain }),
      el('div', { className: 'buttons' }, [
        button(state.picking ? 'Picking… (Escape cancels)' : 'Pick in the page', () => void pick(), 'primary'),
        info.optional && button('Skip this step', () => void next()),
        info.step === 'internalNote' &&
          button('This helpdesk shows no internal notes on the ticket page', () => {
            state.noInternalNotes = true;
            state.picked.set('internalNote', 'none on the ticket page (your word)');
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
          el('label', { text: 'Or type a CSS selector for it', attrs: { for: 'teach-selector' } }),
          typed,
          el('button', { text: 'Use this selector', attrs: { type: 'submit' } }),
        ],
      ),
      status,
      el('ol', { className: 'teach-picked' }, pickedItems()),
      el('div', { className: 'buttons' }, [state.step > 0 && button('Back', back), cancelButton]),
    ];
  }

  function pickedItems(): Node[] {
    return STEPS.filter((s) => state.picked.has(s.step)).map((s) =>
      el('li', { text: `${s.title}: ${state.picked.get(s.step)}` }),
    );
  }

  function reportView(): Part[] {
    const r = state.report;
    if (!r) return [el('p', { text: 'Testing on this page…' })];
    const found = r.found;
    const lines = found
      ? [
          `E-mail read: ${found.email || 'none'}`,
          `Messages from the customer: ${found.customerMessages}; from your side: ${found.otherMessages}`,
          state.noInternalNotes
            ? 'Internal notes: none on the ticket page, as you said'
            : `Internal notes left out: ${found.notesLeftOut}`,
          `Reply box: ${found.canInsert ? 'found' : 'not found'}`,
        ]
      : [];
    const form = el('form', { className: 'teach-save', on: { submit: (e) => e.preventDefault() } }, [
      el('label', { text: 'Name this helpdesk', attrs: { for: 'teach-name' } }),
      el('input', {
        attrs: { id: 'teach-name', name: 'name', type: 'text', maxlength: '100', value: new URL(state.site!).host },
      }),
    ]);
    form.append(
      el('div', { className: 'buttons' }, [
        button('Save for this site', () => void save(form, false), '', r.ok ? {} : { disabled: '' }),
        button('Save and submit for approval', () => void save(form, true), 'primary', r.ok ? {} : { disabled: '' }),
      ]),
    );
    return [
      el('h3', {
        text: r.ok ? 'Tested on this page: it works' : 'Tested on this page: not yet',
        attrs: { tabindex: '-1' },
      }),
      el(
        'ul',
        { className: 'teach-found' },
        lines.map((t) => el('li', { text: t })),
      ),
      r.problems.length > 0 &&
        el(
          'ul',
          { className: 'teach-problems' },
          r.problems.map((t) => el('li', { text: t })),
        ),
      el('ol', { className: 'teach-picked' }, pickedItems()),
      r.ok ? form : button('Back to the last step', back),
    ];
  }

  host.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    if (state.picking) {
      stop();
      state.status = 'Picking cancelled.';
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

const shownWords = (shown: string) => (shown ? ` (finds ${shown})` : '');
