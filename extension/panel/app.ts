/**
 * The panel: follows the helpdesk tab, opens its ticket on the Candor server, shows what the
 * server sends (and pushes), and carries out the agent's choices. The agent always sends; Candor
 * only inserts. Where it runs (the extension's side panel, or the /demo preview) is its `host`.
 */
import { renderArticles } from './articles.js';
import type { z } from 'zod';
import type { AssistView, Suggestion, TicketRef } from '../../server/protocol/assist.js';
import type { Notice, SuggestionOutcome } from '../../server/protocol/events.js';
import { ModelCallView } from '../../server/protocol/api.js';
import type { Settings } from '../shared/settings.js';
import type { TicketSnapshot } from '../shared/messages.js';
import { connect, request, type ConnectionState, type PanelSocket } from './connection.js';
import type { PageState, PanelHost } from './host.js';
import {
  notesChosen,
  renderContext,
  renderSuggestions,
  type SuggestionActions,
  type SuggestionOptions,
  type SuggestionUi,
} from './render.js';
import { button, el } from '../../browser/dom.js';
import { clock, noticeWords, withNoteMarks, withNotes, withoutMarkers } from './summary.js';
import { emailChoices, lostSentence, needsManual, watchLost } from './lost.js';
import { mountConsentWarning } from './consent-warning.js';
import { showOffline } from './offline.js';
import { listenForShortcuts, markShortcuts, shortcutList } from './keys.js';
import { keepingFocus } from './focus.js';
import { mountCoach } from './coach.js';
import { plural, t } from '../shared/i18n.js';
import { renderRequests } from './requests.js';
import type { PrivacyRequest } from '../../server/protocol/requests.js';
import { Me, type Role } from '../../server/protocol/domain.js';

const $ = (id: string) => document.getElementById(id)!;

type TicketInput = z.input<typeof TicketRef>;

interface OpenTicket {
  ref: TicketInput;
  /** Changes when the ticket or its conversation changes: then it is opened again. */
  key: string;
  canInsert: boolean;
  label: string;
}

/** Starts the panel in `host`; what it returns lets the host's own parts (Teach) see what the panel follows. */
export function startPanel(host: PanelHost) {
  const state = {
    settings: null as Settings | null,
    socket: null as PanelSocket | null,
    connection: { kind: 'connecting' } as ConnectionState,
    tabId: null as number | null,
    page: null as PageState | null,
    ticket: null as OpenTicket | null,
    view: null as AssistView | null,
    notices: [] as Notice[],
    error: '',
    ui: new Map<string, SuggestionUi>(),
    dismissed: new Set<string>(),
    portalStatus: '',
    /** The privacy requests the open ticket holds, for their card. */
    requests: [] as PrivacyRequest[],
    requestStatus: '',
    /** The token's role (`GET /me`), so the card offers only what the server allows it. */
    role: null as Role | null,
    /** The lead's setting for customer notes, read at each ticket opened. */
    notesMode: 'off' as SuggestionOptions['notes'],
    /** The ticket whose facts show how to say them on a call ("Say it on a call"); null: none. */
    spokenFor: null as string | null,
  };

  /** A helpdesk whose adapter lost a field: said, reported once per page view, and manual mode opened. */
  const lost = watchLost({
    settleMs: 3000,
    report: (miss) => (state.socket?.connected ? request(state.socket, 'adapter:miss', miss) : Promise.reject()),
    changed() {
      const snapshot = lost.confirmed();
      const manual = snapshot && needsManual(snapshot);
      $('manual-choices').replaceChildren(
        ...(manual ? [emailChoices(snapshot.pageEmails ?? [], $('manual-email') as HTMLInputElement)] : []),
      );
      if (manual) ($('manual-form').closest('details') as HTMLDetailsElement).open = true;
      render();
    },
  });
  /** What the agent inserted, checked against every view: a warning, and Remove from reply, when consent goes. */
  const inserted = mountConsentWarning(
    $('view').parentElement!.insertBefore(el('div', { attrs: { id: 'inserted-warning' } }), $('view')),
    () => state.tabId,
    host,
  );
  /** "Check my reply", below the suggestions. */
  const coach = mountCoach(
    $('view').parentElement!.insertBefore(el('div', { attrs: { id: 'coach' } }), $('view').nextSibling),
    {
      socket: () => state.socket,
      tabId: () => state.tabId,
      host,
    },
  );
  const NO_REQUESTER = t('open_no_requester');

  function uiOf(s: Suggestion): SuggestionUi {
    let ui = state.ui.get(s.id);
    if (!ui) {
      ui = { expanded: new Set(), editing: null, notes: null, rating: null, status: '', aiSaw: null };
      state.ui.set(s.id, ui);
    }
    return ui;
  }

  // ---- what the page shows ----------------------------------------------------------------------

  /** The page's signed-in agent if the adapter found one, else the name set in Options. */
  const agentNameFor = (snapshot: TicketSnapshot) => snapshot.agentName || state.settings?.agentName || undefined;

  function ticketOf(snapshot: TicketSnapshot): OpenTicket {
    const ref: TicketInput = {
      ticketId: `${snapshot.adapter}:${snapshot.ticketId}`,
      conversation: snapshot.conversation,
      ...(snapshot.requesterEmail ? { requesterEmail: snapshot.requesterEmail } : {}),
      ...(agentNameFor(snapshot) ? { agentName: agentNameFor(snapshot) } : {}),
    };
    return {
      ref,
      key: JSON.stringify(ref),
      canInsert: snapshot.canInsert,
      label: snapshot.subject ? `“${snapshot.subject}”` : `ticket ${snapshot.ticketId}`,
    };
  }

  async function showPage(page: PageState) {
    state.page = page;
    lost.see(page.kind === 'ticket' ? page.ticket : null);
    const manual = state.ticket?.ref.ticketId.startsWith('manual:') === true;
    if (page.kind === 'ticket') {
      // A lookup the agent made for a page Candor could not read stays while that page changes.
      if (manual && (!page.ticket.requesterEmail || needsManual(page.ticket))) return render();
      if (!page.ticket.requesterEmail) {
        state.error = NO_REQUESTER;
        await setTicket(null);
      } else await setTicket(ticketOf(page.ticket));
    } else if (state.ticket?.ref.ticketId.startsWith('manual:') !== true) await setTicket(null);
    render();
  }

  async function follow(tabId: number | null) {
    state.tabId = tabId;
    await host.beforeRead?.(tabId, state.settings);
    await showPage(tabId === null ? { kind: 'not-a-web-page' } : await host.readTab(tabId));
  }

  // ---- the ticket on the server -----------------------------------------------------------------

  async function setTicket(next: OpenTicket | null) {
    const previous = state.ticket;
    if (previous?.key === next?.key) {
      if (previous && next) previous.canInsert = next.canInsert;
      return;
    }
    state.ticket = next;
    if (previous && previous.ref.ticketId !== next?.ref.ticketId) {
      state.view = null;
      state.notices = [];
      state.portalStatus = '';
      state.requests = [];
      state.requestStatus = '';
      if (state.socket?.connected)
        void request(state.socket, 'ticket:close', { ticketId: previous.ref.ticketId }).catch(() => undefined);
    }
    await openOnServer();
  }

  function openError(ticket: OpenTicket, e: Error & { code?: string }): string {
    const email = ticket.ref.requesterEmail;
    if (e.code === 'customer_not_found' && email) {
      return t(ticket.ref.ticketId.startsWith('manual:') ? 'open_unknown_manual' : 'open_unknown_ticket', email);
    }
    return t('open_failed', e.message);
  }

  async function openOnServer() {
    const ticket = state.ticket;
    if (!ticket || !state.socket?.connected) return render();
    state.error = '';
    try {
      void request(state.socket, 'notes:setting', {})
        .then((setting) => {
          state.notesMode = setting.mode;
          render();
        })
        .catch(() => undefined); // notes stay as they were
      const view = await request(state.socket, 'ticket:open', ticket.ref);
      if (state.ticket === ticket) {
        state.view = view;
        void inserted.check(view);
        void loadRequests(view.ticketId);
      }
    } catch (e) {
      if (state.ticket === ticket) state.error = openError(ticket, e as Error & { code?: string });
    }
    render();
  }

  function attach(socket: PanelSocket) {
    const current = (ticketId: string) => state.ticket?.ref.ticketId === ticketId;
    socket.on('connect', () => {
      lost.flush();
      void openOnServer();
    });
    socket.on('assist:updated', ({ view, notice }) => {
      if (!current(view.ticketId)) return;
      state.view = view;
      void inserted.check(view, notice);
      state.notices = [notice, ...state.notices].slice(0, 5);
      render();
    });
    socket.on('assist:suggestion', ({ ticketId, suggestion }) => {
      if (!current(ticketId) || !state.view) return;
      state.view = { ...state.view, suggestions: [...state.view.suggestions, suggestion] };
      render();
    });
    socket.on('assist:complete', (view) => {
      if (!current(view.ticketId)) return;
      state.view = view;
      void inserted.check(view);
      render();
    });
  }

  async function start() {
    state.socket?.disconnect();
    state.socket = null;
    state.settings = await host.loadSettings();
    if (!state.settings.token) return render();
    state.socket = connect(state.settings.serverUrl, state.settings.token, host.tokenHint, (c) => {
      state.connection = c;
      render(); // not connected: the view is greyed and Insert is off
    });
    attach(state.socket);
    void loadRole(state.settings);
    render();
  }

  async function loadRole(settings: Settings) {
    const res = await fetch(new URL('/api/v1/me', settings.serverUrl), {
      headers: { authorization: `Bearer ${settings.token}` },
    }).catch(() => null);
    const me = res?.ok ? Me.safeParse(await res.json().catch(() => null)) : null;
    state.role = me?.success ? me.data.role : null;
    render();
  }

  // ---- the agent's choices ----------------------------------------------------------------------

  type Distribute<T> = T extends unknown ? Omit<T, 'ticketId' | 'suggestionId'> : never;

  async function report(s: Suggestion, outcome: Distribute<SuggestionOutcome>) {
    if (!state.socket || !state.view) return;
    const payload = { ...outcome, ticketId: state.view.ticketId, suggestionId: s.id } as SuggestionOutcome;
    await request(state.socket, 'suggestion:outcome', payload).catch((e: Error) => {
      uiOf(s).status += ` (not recorded: ${e.message})`;
    });
  }

  function setStatus(s: Suggestion, text: string) {
    uiOf(s).status = text;
    render();
  }

  /**
   * Has Candor e-mail the customer a link to their privacy page, at the address on file: the agent
   * learns where it went, never the link, so only the customer can open their page.
   */
  async function sendPortalLink() {
    if (!state.socket || !state.view) return;
    state.portalStatus = t('status_sending');
    render();
    try {
      const sent = await request(state.socket, 'portal:link', { ticketId: state.view.ticketId });
      const minutes = Math.max(1, Math.round((Date.parse(sent.expiresAt) - Date.now()) / 60_000));
      state.portalStatus = plural('portal_sent', minutes, sent.sentTo);
    } catch (e) {
      state.portalStatus = t('portal_failed', (e as Error).message);
    }
    render();
  }

  /** The ticket's privacy requests: registered when it opened, so asked for once its view is in. */
  async function loadRequests(ticketId: string) {
    if (!state.socket) return;
    const requests = await request(state.socket, 'ticket:requests', { ticketId }).catch(() => null);
    if (requests && state.view?.ticketId === ticketId) {
      state.requests = requests;
      render();
    }
  }

  /** The one step an agent takes on the customer's word: the opt-out asked for in this ticket, recorded now. */
  async function recordOptOut(r: PrivacyRequest) {
    if (!state.socket || !state.view) return;
    const ticketId = state.view.ticketId;
    state.requestStatus = t('optout_recording');
    render();
    try {
      await request(state.socket, 'request:opt-out', { ticketId, requestId: r.id });
      state.requestStatus = t('optout_recorded');
      await loadRequests(ticketId);
    } catch (e) {
      state.requestStatus = t('optout_failed', (e as Error).message);
    }
    render();
  }

  async function sendPortalLinkFromCard() {
    await sendPortalLink();
    state.requestStatus = state.portalStatus;
    render();
  }

  const actions: SuggestionActions = {
    async insert(s, text, edited) {
      if (state.tabId === null) return;
      let full = text;
      let asInserted = withoutMarkers;
      if (notesChosen(s, uiOf(s), state.notesMode) && state.socket && state.view) {
        try {
          const ref = { ticketId: state.view.ticketId, suggestionId: s.id };
          full = withNotes(text, await request(state.socket, 'reply:notes', ref));
          asInserted = withNoteMarks;
        } catch (e) {
          return setStatus(s, t('insert_notes_failed', (e as Error).message));
        }
      }
      const clean = withoutMarkers(text);
      const result = await host.insertInto(state.tabId, asInserted(full));
      if (!result.ok) return setStatus(s, t('insert_failed', t(result.reason)));
      uiOf(s).editing = null;
      if (state.view) inserted.record(state.view, s, full, asInserted);
      setStatus(s, t(asInserted === withNoteMarks ? 'inserted_with_notes' : 'inserted'));
      await report(
        s,
        edited && clean !== withoutMarkers(s.text) ? { action: 'edited', text: clean } : { action: 'inserted' },
      );
      render();
    },
    async copy(s) {
      try {
        await navigator.clipboard.writeText(withoutMarkers(s.text));
        setStatus(s, t('copied'));
        await report(s, { action: 'copied' });
      } catch (e) {
        setStatus(s, t('copy_failed', (e as Error).message));
      }
    },
    async dismiss(s) {
      state.dismissed.add(s.id);
      render();
      await report(s, { action: 'dismissed' });
    },
    edit(s, text) {
      const ui = uiOf(s);
      const rerender = (ui.editing === null) !== (text === null);
      ui.editing = text;
      if (rerender) render();
    },
    async rate(s, value, reason, send) {
      const ui = uiOf(s);
      const changed = ui.rating?.value !== value;
      ui.rating = { value, reason, sent: ui.rating?.sent ?? false };
      if (!send) return void (changed && render());
      ui.rating.sent = true;
      setStatus(s, t(reason.trim() ? 'rating_with_reason' : 'rating_recorded'));
      await report(s, { action: 'rated', rating: value, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    },
    toggleFootnote(s, marker) {
      const { expanded } = uiOf(s);
      if (!expanded.delete(marker)) expanded.add(marker);
      render();
    },
    setNotes(s, on) {
      uiOf(s).notes = on;
      render();
    },
    async showAiSaw(s) {
      const ui = uiOf(s);
      if (!state.settings || s.modelCall === null) return;
      ui.aiSaw = { state: 'loading' };
      render();
      try {
        const res = await fetch(new URL(`/api/v1/model-calls/${s.modelCall}`, state.settings.serverUrl), {
          headers: { authorization: `Bearer ${state.settings.token}` },
        });
        if (!res.ok)
          throw new Error(res.status === 410 ? t('sugg_ai_saw_gone') : t('server_answered', String(res.status)));
        ui.aiSaw = { state: 'shown', call: ModelCallView.parse(await res.json()) };
      } catch (e) {
        ui.aiSaw = { state: 'failed', message: (e as Error).message };
      }
      render();
    },
  };

  // ---- manual mode ------------------------------------------------------------------------------

  function manualTicket(form: HTMLFormElement): OpenTicket {
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const text = String(data.get('conversation') ?? '').trim();
    const ref: TicketInput = {
      ticketId: `manual:${email}`,
      requesterEmail: email,
      conversation: text ? [{ role: 'customer', text }] : [],
      ...(state.settings?.agentName ? { agentName: state.settings.agentName } : {}),
    };
    return { ref, key: JSON.stringify(ref), canInsert: false, label: t('page_manual_label', email) };
  }

  // ---- rendering --------------------------------------------------------------------------------

  function renderConnection() {
    const c = state.connection;
    const line = $('connection');
    line.dataset.state = c.kind;
    const server = state.settings?.serverUrl ?? '';
    line.textContent =
      c.kind === 'reconnecting'
        ? c.attempt
          ? t('conn_reconnecting_attempt', server, String(c.attempt), c.reason)
          : t('conn_reconnecting', server, c.reason)
        : c.kind === 'refused'
          ? t('conn_refused', c.message)
          : t(c.kind === 'connected' ? 'conn_connected' : 'conn_connecting', server);
  }

  function pageLine(): Node {
    const page = state.page;
    if (state.ticket) return document.createTextNode(t('page_ticket_label', state.ticket.label));
    if (!page || page.kind === 'not-a-web-page') return document.createTextNode(t('page_open_ticket'));
    if (page.kind === 'ticket') return document.createTextNode(t('page_ticket_here', page.ticket.ticketId));
    if (page.kind === 'no-ticket') return document.createTextNode(t('page_no_ticket'));
    const origin = page.origin;
    if (!origin) return document.createTextNode(t('page_no_access'));
    return el('span', {}, [
      `${t('page_no_access_origin', origin)} `,
      button(
        t('page_allow_site'),
        async () => {
          if (await host.requestAccess(origin)) await follow(state.tabId);
        },
        'small',
      ),
    ]);
  }

  function render() {
    renderConnection();
    inserted.follow(state.view?.ticketId ?? null);
    coach.follow(state.view && state.ticket?.canInsert ? state.view.ticketId : null);
    $('setup').hidden = !host.setup($('setup'), state.settings, () => void start());
    $('page-state').replaceChildren(pageLine());
    $('notices').replaceChildren(
      ...state.notices.map((n) =>
        el('li', {
          className: 'notice',
          attrs: { 'data-kind': n.kind },
          text: t('notice_at', noticeWords(n), clock(n.at)),
        }),
      ),
    );
    const lostPage = lost.confirmed();
    $('lost').hidden = !lostPage;
    $('lost').textContent = lostPage ? lostSentence(lostPage) : '';
    const error = $('error');
    error.hidden = !state.error || (state.error === NO_REQUESTER && !!lostPage);
    error.textContent = state.error;
    keepingFocus($('view'), () => {
      const view = state.view;
      if (!view) return void $('view').replaceChildren();
      const visible = view.suggestions.filter((s) => !state.dismissed.has(s.id));
      $('view').replaceChildren(
        renderRequests(state.requests, {
          status: state.requestStatus,
          sendPortalLink: () => void sendPortalLinkFromCard(),
          recordOptOut: (r) => void recordOptOut(r),
          role: state.role,
        }) ?? '',
        renderContext(
          view,
          { status: state.portalStatus, send: () => void sendPortalLink() },
          {
            on: state.spokenFor === view.ticketId,
            toggle() {
              state.spokenFor = state.spokenFor === view.ticketId ? null : view.ticketId;
              render();
            },
          },
        ),
        renderArticles(view, visible) ?? '',
        renderSuggestions(
          view,
          visible,
          uiOf,
          { canInsert: state.ticket?.canInsert ?? false, notes: state.notesMode },
          actions,
        ),
      );
      markShortcuts($('view'));
    });
    showOffline($('offline'), $('view'), state.connection);
  }

  const visibleSuggestions = () => state.view?.suggestions.filter((s) => !state.dismissed.has(s.id)) ?? [];

  // ---- wiring -----------------------------------------------------------------------------------

  $('shortcuts').append(shortcutList());
  listenForShortcuts(
    {
      visible: visibleSuggestions,
      toggleFootnotes(s) {
        const { expanded } = uiOf(s);
        const all = s.footnotes.map((f) => f.marker);
        const open = all.length > 0 && all.every((m) => expanded.has(m));
        for (const m of all) open ? expanded.delete(m) : expanded.add(m);
        render();
      },
      cancelEdit(s) {
        if (uiOf(s).editing === null) return false;
        actions.edit(s, null);
        return true;
      },
      dismiss: (s) => void actions.dismiss(s),
    },
    new AbortController().signal,
  );

  $('manual-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.error = '';
    void setTicket(manualTicket(e.target as HTMLFormElement));
  });

  void start().then(() =>
    host.watch({
      follow: (tabId) => void follow(tabId),
      ticketChanged(tabId, ticket) {
        if (tabId === state.tabId) void showPage(ticket ? { kind: 'ticket', ticket } : { kind: 'no-ticket' });
      },
      newPage(tabId) {
        if (tabId !== state.tabId) return;
        lost.newPage();
        void follow(tabId);
      },
      settingsChanged: () => void start(),
      adaptersChanged() {
        if (state.tabId !== null) void host.readTab(state.tabId).then(showPage);
      },
    }),
  );

  return { tabId: () => state.tabId, settings: () => state.settings };
}
