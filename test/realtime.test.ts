import { factIdsOf } from '../server/protocol/assist.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistUpdate } from '../server/protocol/events.js';
import type { AssistView } from '../server/protocol/assist.js';
import { portalLinkIn } from '../harness/smtp.js';
import { danaTicket, seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';
import { OPEN_TICKETS_PER_PANEL } from '../server/realtime/tickets.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
});
afterAll(() => s.close());

function open(panel: PanelClient, ticket: object): Promise<AssistView> {
  return new Promise((resolve, reject) =>
    panel.emit('ticket:open', ticket as never, (answer) =>
      answer.ok ? resolve(answer.data) : reject(new Error(answer.error.message)),
    ),
  );
}

const nextUpdate = (panel: PanelClient) =>
  new Promise<AssistUpdate>((resolve) => panel.once('assist:updated', resolve));

describe('side panels over socket.io', () => {
  it(
    'when a consent is withdrawn over REST, then the first push a watching ' +
      'panel receives, without asking, is the reduced view',
    async () => {
      const watcher = await s.panel();
      const view = await open(watcher, danaTicket);
      expect(view.context.shown.map((f) => f.factId)).toEqual(['f1']);
      expect(view.suggestions.some((x) => x.footnotes.some((f) => factIdsOf(f).includes('f1')))).toBe(true);

      // How fast it arrives is measured by the benchmark (fanout_p99_ms), not asserted here.
      const pushed = nextUpdate(watcher);
      const res = await s.api('POST', '/customers/c_dana/consents/k1/withdraw', { channel: 'chat' }, s.tokens.agent);
      expect(res.status).toBe(200);
      const update = await pushed;
      expect(update.notice).toMatchObject({
        kind: 'consent.withdrawn',
        text: 'Customer withdrew consent for purchase history',
      });
      expect(update.view.ticketId).toBe('T-1');
      expect(update.view.context.shown).toEqual([]);
      expect(update.view.context.withheld).toContainEqual({
        category: 'user.behavior.purchase_history',
        categoryName: 'purchase history',
        reason: 'withdrawn',
        count: 1,
      });
      expect(JSON.stringify(update.view)).not.toContain('Blender');
    },
  );

  it('when a panel watches another customer, then it is not told about this one', async () => {
    await s.api('PUT', '/customers/c_omar', { displayName: 'Omar' });
    const other = await s.panel();
    await open(other, { ticketId: 'T-O', customerId: 'c_omar' });
    let told = false;
    other.on('assist:updated', () => (told = true));
    const watcher = await s.panel();
    await open(watcher, danaTicket);
    const pushed = nextUpdate(watcher);
    await s.api('POST', '/customers/c_dana/opt-out', { channel: 'chat' }, s.tokens.agent);
    expect((await pushed).notice.kind).toBe('customer.opted_out');
    // The REST answer came after every push was sent; a round trip on the other panel's own
    // connection then brings in anything the server had sent it before answering.
    await open(other, { ticketId: 'T-O', customerId: 'c_omar' });
    expect(told).toBe(false);
    await s.api('POST', '/customers/c_dana/opt-in', {}, s.tokens.admin);
  });

  it('when a fact is erased, then the open panel is pushed a view without it', async () => {
    await s.api('POST', '/customers/c_dana/consents', {
      consent: { id: 'k3', purpose: 'essential', categories: ['user.behavior'], status: 'granted', source: 'portal' },
    });
    const watcher = await s.panel();
    const view = await open(watcher, { ...danaTicket, ticketId: 'T-E' });
    expect(view.context.shown.map((f) => f.factId)).toEqual(['f1']);
    const pushed = nextUpdate(watcher);
    await s.api('POST', '/customers/c_dana/facts/f1/erase', {}, s.tokens.admin);
    const update = await pushed;
    expect(update.notice.kind).toBe('fact.erased');
    expect(update.view.context.shown).toEqual([]);
    expect(update.view.context.withheld.some((w) => w.category === 'user.behavior.purchase_history')).toBe(false);
  });

  it('when the payload is invalid, then the ack names the field', async () => {
    const panel = await s.panel();
    const answer = await new Promise<unknown>((resolve) =>
      panel.emit('ticket:open', { ticketId: 7 } as never, resolve),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['ticketId'] } });
  });

  it('when a panel opens ticket after ticket without closing any, then past the limit it is refused until it closes one', async () => {
    const panel = await s.panel();
    for (let i = 0; i < OPEN_TICKETS_PER_PANEL; i++) await open(panel, { ...danaTicket, ticketId: `T-many-${i}` });
    // Opened again, a ticket it holds is no new one.
    await open(panel, { ...danaTicket, ticketId: 'T-many-0' });
    await expect(open(panel, { ...danaTicket, ticketId: 'T-one-too-many' })).rejects.toThrow(
      `this panel already has ${OPEN_TICKETS_PER_PANEL} tickets open`,
    );
    await new Promise((resolve) => panel.emit('ticket:close', { ticketId: 'T-many-7' }, resolve));
    expect((await open(panel, { ...danaTicket, ticketId: 'T-one-too-many' })).ticketId).toBe('T-one-too-many');
  });

  it('when a panel sends many opens at once, then no more than the limit are held open', async () => {
    const panel = await s.panel();
    const all = Array.from({ length: OPEN_TICKETS_PER_PANEL + 10 }, (_, i) =>
      open(panel, { ...danaTicket, ticketId: `T-burst-${i}` }).then(
        () => 'opened',
        () => 'refused',
      ),
    );
    const outcomes = await Promise.all(all);
    expect(outcomes.filter((o) => o === 'opened')).toHaveLength(OPEN_TICKETS_PER_PANEL);
  });

  it('when the token is missing or wrong, then the connection is refused', async () => {
    await expect(s.panel('')).rejects.toMatchObject({ message: 'unauthorized' });
    await expect(s.panel('cnd_wrong')).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });

  it('when a browser page from another origin connects, then it is refused for its origin', async () => {
    // The websocket upgrade is refused by the server, before socket.io (a good token does not help)...
    await expect(s.panel(s.tokens.agent, { origin: 'https://evil.example' })).rejects.toMatchObject({
      message: 'websocket error',
      description: { message: 'Unexpected server response: 400' },
    });
    // ...and the handshake says why: engine.io's "forbidden", with the refusal's reason.
    const handshake = await fetch(`${s.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(handshake.status).toBe(403);
    expect(await handshake.json()).toEqual({ code: 4, message: 'origin not allowed' });
    const same = await s.panel(s.tokens.agent, { origin: s.url });
    expect(same.connected).toBe(true);
  });

  it('when a token is revoked, then its open sockets are disconnected at once', async () => {
    const created = await s.api('POST', '/tokens', { name: 'short-lived', role: 'agent' }, s.tokens.admin);
    const panel = await s.panel(created.body.secret);
    const gone = new Promise<string>((resolve) => panel.once('disconnect', resolve));
    await s.api('POST', `/tokens/${created.body.token.id}/revoke`, {}, s.tokens.admin);
    expect(await gone).toBe('io server disconnect');
  });
});

describe('what the agent did with a suggestion', () => {
  const outcome = (panel: PanelClient, payload: object) =>
    new Promise<{ ok: boolean; error?: { code: string; path: (string | number)[] } }>((resolve) =>
      panel.emit('suggestion:outcome', payload as never, resolve as never),
    );

  it('when a panel reports an edit, then the lead sees it with its size and the PII in it masked', async () => {
    await s.api('PUT', '/customers/c_olu', { displayName: 'Olu Adeyemi', email: 'olu@example.org' });
    const panel = await s.panel();
    const view = await open(panel, {
      ticketId: 'T-OLU',
      customerId: 'c_olu',
      agentName: 'Sam Carter',
      conversation: [{ role: 'customer', text: 'Hello, where is my parcel?' }],
    });
    const suggestion = view.suggestions[0]!;

    const text = 'Hi Olu Adeyemi, Sam Carter here. I will write to olu@example.org once I know more.';
    expect(await outcome(panel, { ticketId: 'T-OLU', suggestionId: suggestion.id, action: 'edited', text })).toEqual({
      ok: true,
      data: null,
    });
    expect(
      await outcome(panel, {
        ticketId: 'T-OLU',
        suggestionId: suggestion.id,
        action: 'rated',
        rating: 'up',
        reason: 'Olu liked it',
      }),
    ).toEqual({ ok: true, data: null });

    const { status, body } = await s.api('GET', '/outcomes', undefined, s.tokens.lead);
    expect(status).toBe(200);
    const [rated, edited] = body.outcomes;
    expect(edited).toMatchObject({
      ticketId: 'T-OLU',
      customerId: 'c_olu',
      suggestionId: suggestion.id,
      template: suggestion.template,
      engine: 'offline',
      action: 'edited',
      actor: expect.stringMatching(/^agent:tok_/),
    });
    expect(edited.edit.text).toBe('Hi <PERSON_1>, <PERSON_2> here. I will write to <EMAIL_1> once I know more.');
    expect(edited.edit.distance).toBeGreaterThan(20);
    expect(rated).toMatchObject({ action: 'rated', rating: 'up', reason: '<PERSON_1> liked it', edit: null });
  });

  it('when the agent rates a suggestion again, then the same outcome is edited, not a second one kept', async () => {
    const panel = await s.panel();
    const view = await open(panel, {
      ticketId: 'T-OLU-2',
      customerId: 'c_olu',
      conversation: [{ role: 'customer', text: 'Hello, where is my parcel?' }],
    });
    const rate = (rating: 'up' | 'down', reason?: string) =>
      outcome(panel, {
        ticketId: 'T-OLU-2',
        suggestionId: view.suggestions[0]!.id,
        action: 'rated',
        rating,
        ...(reason ? { reason } : {}),
      });
    const ratings = async () =>
      ((await s.api('GET', '/outcomes', undefined, s.tokens.lead)).body.outcomes as Record<string, unknown>[]).filter(
        (o) => o.ticketId === 'T-OLU-2' && o.action === 'rated',
      );
    expect(await rate('up')).toEqual({ ok: true, data: null });
    expect(await ratings()).toMatchObject([{ rating: 'up', reason: null }]);
    expect(await rate('down', 'too long')).toEqual({ ok: true, data: null });
    expect(await ratings()).toMatchObject([{ rating: 'down', reason: 'too long' }]);
  });

  it('when a panel reports on a suggestion it was never shown, then it is refused and nothing is kept', async () => {
    const panel = await s.panel();
    const before = (await s.api('GET', '/outcomes', undefined, s.tokens.lead)).body.outcomes.length;
    expect(await outcome(panel, { ticketId: 'T-OLU', suggestionId: 'made-up', action: 'inserted' })).toMatchObject({
      ok: false,
      error: { code: 'suggestion_not_found' },
    });
    expect(await outcome(panel, { ticketId: 'T-OLU', suggestionId: 'x', action: 'edited' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', path: ['text'] },
    });
    expect((await s.api('GET', '/outcomes', undefined, s.tokens.lead)).body.outcomes.length).toBe(before);
  });

  it('when an agent asks for the outcomes, then it is refused; /me tells any token its role', async () => {
    expect((await s.api('GET', '/outcomes', undefined, s.tokens.agent)).status).toBe(403);
    expect((await s.api('GET', '/me', undefined, s.tokens.agent)).body).toEqual({
      tokenId: expect.stringMatching(/^tok_/),
      role: 'agent',
    });
  });
});

describe('a privacy-portal link from the panel', () => {
  const ask = (panel: PanelClient, ticketId: string) =>
    new Promise<{ ok: boolean; data?: { sentTo: string; url?: string }; error?: { code: string } }>((resolve) =>
      panel.emit('portal:link', { ticketId }, resolve as never),
    );

  it(
    'when the ticket is open in the panel, then a link is mailed to its ' +
      'customer and the agent learns only where; for any other ticket it is ' +
      'refused',
    async () => {
      const panel = await s.panel();
      expect(await ask(panel, 'T-portal')).toMatchObject({ ok: false, error: { code: 'ticket_not_open' } });
      await open(panel, { ...danaTicket, ticketId: 'T-portal' });
      const arrived = s.mail.next('dana@example.org');
      const answer = await ask(panel, 'T-portal');
      expect(answer).toEqual({ ok: true, data: { sentTo: 'd•••@example.org', expiresAt: expect.any(String) } });
      expect(portalLinkIn(await arrived)).toMatch(new RegExp(`^${s.url}/portal/l/`));
      const [entry] = (await s.api('GET', '/audit?kind=portal.link_created&limit=1', undefined, s.tokens.lead)).body
        .entries;
      expect(entry).toMatchObject({ customerId: 'c_dana', payload: { channel: 'panel' } });
    },
  );

  it('when a lead asks over the socket, then it is refused as over REST, and nothing is mailed', async () => {
    const lead = await s.panel(s.tokens.lead);
    await open(lead, { ...danaTicket, ticketId: 'T-lead' });
    const before = s.mail.received.length;
    expect(await ask(lead, 'T-lead')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await s.api('POST', '/customers/c_dana/portal-links', {}, s.tokens.lead)).status).toBe(403);
    // A link asked for after these, by an agent, is the next mail to arrive: none came before it.
    const agent = await s.panel();
    await open(agent, { ...danaTicket, ticketId: 'T-after' });
    const arrived = s.mail.next('dana@example.org');
    expect((await ask(agent, 'T-after')).ok).toBe(true);
    await arrived;
    expect(s.mail.received.length).toBe(before + 1);
  });
});

describe('a change that lands while a ticket is being opened', () => {
  it(
    'when a consent is withdrawn after the open read the customer but ' +
      'before it answered, then the answer already leaves the fact out',
    async () => {
      const t = await startServer();
      try {
        await seedDana(t);
        const panel = await t.panel();
        // The store is the server's own object: the withdrawal is made at the moment the open records what it shows.
        const recordShown = t.store.templates.recordShown.bind(t.store.templates);
        t.store.templates.recordShown = async (items, drafts, uses) => {
          t.store.templates.recordShown = recordShown;
          expect((await t.api('POST', '/customers/c_dana/consents/k1/withdraw', {}, t.tokens.agent)).status).toBe(200);
          return recordShown(items, drafts, uses);
        };
        const view = await open(panel, danaTicket);
        expect(t.store.templates.recordShown).toBe(recordShown);
        expect(view.context.shown).toEqual([]);
        expect(view.context.withheld).toContainEqual({
          category: 'user.behavior.purchase_history',
          categoryName: 'purchase history',
          reason: 'withdrawn',
          count: 1,
        });
        expect(JSON.stringify(view)).not.toContain('Blender');
      } finally {
        await t.close();
      }
    },
  );
});
