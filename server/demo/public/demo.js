// Demo Desk: a fake helpdesk inbox plus a "Candor preview" panel.
// Every customer value and suggestion is rendered with textContent, never as HTML.
// biome-ignore lint/suspicious/noRedundantUseStrict: a classic script (a plain <script defer>), not a module
'use strict';

(() => {
  const TOKEN_KEY = 'candor.demo.token';
  // Times, counts and reasons in words through Candor's one formatting module (server/format/), which the
  // page loads before this script as /demo/assets/format.js: the same code the extension's panel runs.
  const { formatTime, formatRecent, countOf, REASON_WORDS, withheldLine } = window.CandorFormat;

  const $ = (id) => document.getElementById(id);
  const state = {
    tickets: [],
    ticket: null, // the open ticket, as the helpdesk API returned it
    sent: new Map(), // ticketId -> agent messages added on this page
    dismissed: new Map(), // ticketId -> Set of dismissed suggestion ids
    socket: null,
    openOnServer: null, // the ticket id Candor currently has open for this socket
    selection: 0, // guards against answers for a ticket that is no longer selected
    view: null, // the AssistView on screen, so streamed suggestions can be added to it
  };

  /** Creates an element; `text` is always set as text. */
  function el(tag, { className, text, attrs } = {}, children = []) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
    for (const child of children) if (child) node.append(child);
    return node;
  }

  /** `style` is 'date', or 'recent' (the time alone when it is today); '' for a missing time. */
  function format(style, iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return style === 'recent' ? formatRecent(date) : formatTime(date, style);
  }

  async function getJson(url) {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new Error(body?.error?.message ?? `the helpdesk answered ${res.status}`);
    return body;
  }

  // ---- The helpdesk ---------------------------------------------------------------------------

  function messagesOf(ticket) {
    return [...ticket.messages, ...(state.sent.get(ticket.id) ?? [])];
  }

  function renderInbox() {
    const list = $('ticket-list');
    list.replaceChildren(
      ...state.tickets.map((t) => {
        const button = el('button', { className: 'ticket-button', attrs: { type: 'button' } }, [
          el('span', { className: 'subject', text: t.subject }),
          el('span', {
            className: 'meta',
            text: `${t.requesterName} · ${t.status} · ${format('recent', t.lastMessageAt)}`,
          }),
        ]);
        if (state.ticket?.id === t.id) button.setAttribute('aria-current', 'true');
        button.addEventListener('click', () => openTicket(t.id));
        return el('li', {}, [button]);
      }),
    );
  }

  function renderTicket() {
    const t = state.ticket;
    const article = $('ticket');
    $('ticket-placeholder').hidden = Boolean(t);
    article.hidden = !t;
    if (!t) {
      article.removeAttribute('data-candor-ticket-id');
      article.removeAttribute('data-requester-email');
      return;
    }
    // What a browser-extension adapter reads to know which ticket and customer are on screen.
    article.dataset.candorTicketId = t.id;
    article.dataset.requesterEmail = t.requesterEmail;
    $('ticket-subject').textContent = `${t.subject} (${t.id})`;
    $('ticket-requester-name').textContent = t.requesterName;
    $('ticket-requester-email').textContent = `<${t.requesterEmail}>`;
    $('ticket-status').textContent = t.status;
    $('messages').replaceChildren(
      ...messagesOf(t).map((m) => {
        const who = m.role === 'customer' ? t.requesterName : 'You (agent)';
        return el('li', { attrs: { 'data-role': m.role } }, [
          el('p', { className: 'message-meta', text: `${who} · ${format('recent', m.at)}` }),
          el('p', { className: 'message-text', text: m.text }),
        ]);
      }),
    );
  }

  async function openTicket(id) {
    const selection = ++state.selection;
    try {
      const { ticket } = await getJson(`/demo/api/tickets/${encodeURIComponent(id)}`);
      if (selection !== state.selection) return;
      state.ticket = ticket;
      $('reply').value = '';
      renderInbox();
      renderTicket();
      clearCandor();
      requestAssist();
    } catch (err) {
      $('inbox-status').textContent = `Could not open ticket ${id}: ${err.message}`;
    }
  }

  async function loadInbox() {
    try {
      const { tickets } = await getJson('/demo/api/tickets');
      state.tickets = tickets;
      $('inbox-status').textContent = `${tickets.length} tickets`;
      renderInbox();
      if (tickets[0]) await openTicket(tickets[0].id);
    } catch (err) {
      $('inbox-status').textContent = `Could not load tickets: ${err.message}`;
    }
  }

  $('reply-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const t = state.ticket;
    const text = $('reply').value.trim();
    if (!t || !text) return;
    const sent = state.sent.get(t.id) ?? [];
    sent.push({ role: 'agent', text, at: new Date().toISOString() });
    state.sent.set(t.id, sent);
    $('reply').value = '';
    renderTicket();
    requestAssist(); // Candor re-reads the longer conversation
  });

  // ---- Candor preview -------------------------------------------------------------------------

  function setConnection(text, kind) {
    const line = $('connection-state');
    line.textContent = text;
    line.dataset.state = kind;
    $('disconnect').hidden = !state.socket;
  }

  function showError(text) {
    const box = $('candor-error');
    box.textContent = text;
    box.hidden = !text;
  }

  function clearCandor() {
    $('candor-view').replaceChildren();
    $('candor-notice').textContent = '';
    showError('');
  }

  function requestAssist() {
    const t = state.ticket;
    const socket = state.socket;
    if (!t || !socket?.connected) return;
    if (state.openOnServer && state.openOnServer !== t.id) {
      socket.emit('ticket:close', { ticketId: state.openOnServer }, () => {});
    }
    state.openOnServer = t.id;
    const selection = state.selection;
    $('candor-view').setAttribute('aria-busy', 'true');
    const payload = {
      ticketId: t.id,
      requesterEmail: t.requesterEmail,
      conversation: messagesOf(t).map(({ role, text, at }) => ({ role, text, at })),
    };
    socket.timeout(15000).emit('ticket:open', payload, (err, answer) => {
      if (selection !== state.selection) return;
      $('candor-view').removeAttribute('aria-busy');
      if (err) return showError('Candor did not answer in time. Try again in a moment.');
      if (!answer?.ok) {
        $('candor-view').replaceChildren();
        const message = answer?.error?.message ?? 'Candor could not open this ticket';
        return showError(`${message.charAt(0).toUpperCase()}${message.slice(1)} (${t.requesterEmail}).`);
      }
      showError('');
      renderView(answer.data);
    });
  }

  function withheldSummary(withheld) {
    const byReason = new Map();
    let total = 0;
    for (const w of withheld) {
      total += w.count;
      byReason.set(w.reason, (byReason.get(w.reason) ?? 0) + w.count);
    }
    if (total === 0) return 'No facts withheld.';
    const parts = [...byReason]
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${n} ${REASON_WORDS[reason] ?? 'withheld'}`);
    return `${countOf(total, { one: 'fact', other: 'facts' })} withheld: ${parts.join(', ')}`;
  }

  function renderFact(f) {
    const badge = `${f.consent.purposeName} · given ${format('date', f.consent.at)} · via ${f.consent.source}`;
    return el('li', { className: 'fact' }, [
      el('p', { className: 'fact-text', text: f.text }),
      el('span', {
        className: 'badge',
        text: badge,
        attrs: { 'data-consent-id': f.consent.id, 'data-purpose': f.consent.purpose },
      }),
      el('p', { className: 'why', text: f.why }),
    ]);
  }

  function renderWithheld(context) {
    const section = el('section', { attrs: { 'aria-labelledby': 'withheld-title' } }, [
      el('h4', { text: 'Withheld', attrs: { id: 'withheld-title' } }),
      el('p', { className: 'withheld', text: withheldSummary(context.withheld) }),
    ]);
    if (context.withheld.length > 0) {
      const list = el(
        'ul',
        { className: 'withheld-list' },
        context.withheld.map((w) =>
          el('li', { text: withheldLine(w), attrs: { 'data-category': w.category, 'data-reason': w.reason } }),
        ),
      );
      section.append(el('details', {}, [el('summary', { text: 'By category' }), list]));
    }
    if (context.omitted > 0) {
      section.append(
        el('p', {
          className: 'muted',
          text:
            `${countOf(context.omitted, { one: 'more permitted fact', other: 'more permitted facts' })} left out, ` +
            'as less relevant to this ticket.',
        }),
      );
    }
    return section;
  }

  // As the extension panel does (extension/panel/summary.ts): `[n]` markers are for the agent, not the customer.
  const withoutMarkers = (text) => text.replace(/ ?\[\d+\]/g, '');

  function insertIntoReply(text) {
    const reply = $('reply');
    reply.value = reply.value.trim() ? `${reply.value.replace(/\s+$/, '')}\n\n${text}` : text;
    reply.focus();
  }

  function renderSuggestion(s, ticketId) {
    const status = el('span', { className: 'action-status', attrs: { role: 'status' } });
    const insert = el('button', { className: 'small primary', text: 'Insert', attrs: { type: 'button' } });
    const copy = el('button', { className: 'small', text: 'Copy', attrs: { type: 'button' } });
    const dismiss = el('button', { className: 'small', text: 'Dismiss', attrs: { type: 'button' } });
    const item = el('li', { className: 'suggestion' }, [el('p', { className: 'suggestion-text', text: s.text })]);

    if (s.footnotes.length > 0) {
      const notes = el(
        'ol',
        { className: 'footnotes' },
        s.footnotes.map((f) => el('li', { text: `[${f.marker}] ${f.explanation}` })),
      );
      const label = `Where this comes from (${s.footnotes.length} ${s.footnotes.length === 1 ? 'source' : 'sources'})`;
      item.append(el('details', {}, [el('summary', { text: label }), notes]));
    } else {
      item.append(el('p', { className: 'muted', text: 'Uses no customer data.' }));
    }
    item.append(el('div', { className: 'suggestion-actions' }, [insert, copy, dismiss, status]));

    insert.addEventListener('click', () => insertIntoReply(withoutMarkers(s.text)));
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(withoutMarkers(s.text));
        status.textContent = 'Copied.';
      } catch {
        status.textContent = 'Could not copy; select the text and copy it by hand.';
      }
    });
    dismiss.addEventListener('click', () => {
      const set = state.dismissed.get(ticketId) ?? new Set();
      set.add(s.id);
      state.dismissed.set(ticketId, set);
      const next = item.nextElementSibling?.querySelector('button') ?? $('suggestions-title');
      item.remove();
      next?.focus();
    });
    return item;
  }

  function renderView(view) {
    state.view = view;
    const { context } = view;
    const dismissed = state.dismissed.get(view.ticketId) ?? new Set();
    const suggestions = view.suggestions.filter((s) => !dismissed.has(s.id));

    const header = el('section', { attrs: { 'aria-labelledby': 'candor-customer' } }, [
      el('h3', { text: context.customer.displayName, attrs: { id: 'candor-customer' } }),
      el('p', { className: 'muted', text: `Purpose: ${context.purposeName} · as of ${format('recent', context.at)}` }),
    ]);

    const shown = el('section', { attrs: { 'aria-labelledby': 'shown-title' } }, [
      el('h4', { text: 'What you may see', attrs: { id: 'shown-title' } }),
    ]);
    shown.append(
      context.shown.length > 0
        ? el('ul', {}, context.shown.map(renderFact))
        : el('p', { className: 'muted', text: 'No facts about this customer may be shown for this ticket.' }),
    );

    const suggestionSection = el('section', { attrs: { 'aria-labelledby': 'suggestions-title' } }, [
      el('h4', { text: 'Suggested replies', attrs: { id: 'suggestions-title', tabindex: '-1' } }),
      el('p', { className: 'muted', text: 'Nothing is sent for you: insert a reply, edit it, then send it yourself.' }),
    ]);
    if (view.note) suggestionSection.append(el('p', { className: 'notice', text: view.note }));
    suggestionSection.append(
      suggestions.length > 0
        ? el(
            'ol',
            {},
            suggestions.map((s) => renderSuggestion(s, view.ticketId)),
          )
        : el('p', { className: 'muted', text: view.pending ? '' : 'No suggestions.' }),
    );
    if (view.pending)
      suggestionSection.append(
        el('p', { className: 'muted', text: 'The model is writing suggestions…', attrs: { role: 'status' } }),
      );
    if (view.dropped > 0) {
      suggestionSection.append(
        el('p', {
          className: 'muted',
          text:
            `${view.dropped} ${view.dropped === 1 ? 'suggestion was' : 'suggestions were'} ` +
            "held back by Candor's guard.",
        }),
      );
    }

    $('candor-view').replaceChildren(header, shown, renderWithheld(context), suggestionSection);
  }

  function disconnect() {
    const socket = state.socket;
    state.socket = null;
    state.openOnServer = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    clearCandor();
    setConnection('Not connected.', 'idle');
  }

  function connect(token) {
    disconnect();
    if (typeof window.io !== 'function') {
      setConnection('The socket.io client could not be loaded from this server.', 'error');
      return;
    }
    const socket = window.io('/panel', { auth: { token } });
    state.socket = socket;
    setConnection('Connecting…', 'connecting');

    socket.on('connect', () => {
      state.openOnServer = null; // a new connection has nothing open yet
      setConnection('Connected to Candor.', 'connected');
      requestAssist();
    });
    socket.on('connect_error', (err) => {
      // A refused token is final; a network error is retried by socket.io.
      const retrying = socket.active ? ' Retrying…' : '';
      const detail = typeof err.data?.message === 'string' ? err.data.message : err.message;
      setConnection(`Could not connect: ${detail}.${retrying}`, 'error');
    });
    socket.on('disconnect', (reason) => {
      // Without a connection the panel would miss a withdrawal, so stale facts are hidden at once.
      clearCandor();
      state.openOnServer = null;
      const why =
        reason === 'io server disconnect' ? 'the server closed the connection (was the token revoked?)' : reason;
      setConnection(`Disconnected: ${why}.${socket.active ? ' Reconnecting…' : ''}`, 'error');
    });
    // A model streams its suggestions one by one, each already checked by Candor's guard.
    socket.on('assist:suggestion', (ready) => {
      if (!state.view || ready?.ticketId !== state.ticket?.id || state.view.ticketId !== ready.ticketId) return;
      renderView({ ...state.view, suggestions: [...state.view.suggestions, ready.suggestion] });
    });
    socket.on('assist:complete', (view) => {
      if (view?.ticketId === state.ticket?.id) renderView(view);
    });
    socket.on('assist:updated', (update) => {
      if (!update?.view || update.view.ticketId !== state.ticket?.id) return;
      renderView(update.view);
      const time = format('recent', update.notice?.at);
      $('candor-notice').textContent =
        `${time ? `${time} · ` : ''}${update.notice?.text ?? 'Candor updated this view.'}`;
    });
  }

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    $('token').value = saved;
    connect(saved); // same tab, same session: the agent already chose to connect
  }
  $('connect-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    connect(token);
  });
  $('disconnect').addEventListener('click', () => {
    disconnect();
    $('token').focus();
  });

  loadInbox();
})();
