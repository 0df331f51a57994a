/**
 * Issue 15's reproductions, each tried as the actor who found it: a client choosing its own
 * timestamps, an agent reaching for the portal or asserting a special-category consent, a lead
 * over the socket, and the edges (non-JSON bodies, deep nesting, a spoofed Host, free text left
 * after erasure, file modes, guessing tokens, source maps). Each failed before the fix.
 */
import { existsSync, statSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistView } from '../../server/protocol/assist.js';
import { PERMISSIONS } from '../../server/permissions/table.js';
import { ADMIN_DIST } from '../../server/admin/routes.js';
import { danaTicket, seedDana, startServer, type PanelClient, type TestServer } from '../../harness/server.js';
import { portalLinkIn } from '../../harness/smtp.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
});
afterAll(() => s?.close());

const shownFacts = async (ticketId = 'T-1') =>
  ((await s.api('POST', '/assist', { ...danaTicket, ticketId }, s.tokens.agent)).body as AssistView).context.shown.map(
    (f) => f.factId,
  );
const open = (panel: PanelClient, ticket: object) =>
  new Promise<AssistView>((resolve, reject) =>
    panel.emit('ticket:open', ticket as never, (a) => (a.ok ? resolve(a.data) : reject(new Error(a.error.code)))),
  );

describe('1. time is the server’s', () => {
  it(
    'when a client dates a withdrawal in the future, then it is refused ' +
      'naming the field, and the consent stays as it was',
    async () => {
      const res = await s.api(
        'POST',
        '/customers/c_dana/consents/k1/withdraw',
        { at: '2099-01-01T00:00:00Z' },
        s.tokens.agent,
      );
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_input', path: ['at'] } } });
      expect(res.body.error.message).toContain("takes effect when it is recorded, at the server's clock");
      expect(await shownFacts()).toEqual(['f1']);
    },
  );

  it(
    'when a withdrawal dated in the future is already on record, then a ' +
      'new one takes effect now, not "already withdrawn"',
    async () => {
      // As an earlier version stored it: a client chose 2099.
      await s.store.consents.append(
        'c_dana',
        [{ kind: 'withdrawn', consentId: 'k1', at: '2099-01-01T00:00:00.000Z' }],
        {
          actor: 'agent:tok_old',
          channel: 'api',
          by: 'agent',
        },
      );
      expect(await shownFacts()).toEqual(['f1']);
      const res = await s.api('POST', '/customers/c_dana/consents/k1/withdraw', { channel: 'chat' }, s.tokens.agent);
      expect(res.status).toBe(200);
      expect(res.body.alreadyWithdrawn).toBeUndefined();
      expect(Date.parse(res.body.consent.withdrawnAt)).toBeLessThanOrEqual(Date.now());
      expect(await shownFacts()).toEqual([]);
      // Withdrawn now, it is already withdrawn the next time.
      expect(
        (await s.api('POST', '/customers/c_dana/consents/k1/withdraw', {}, s.tokens.agent)).body.alreadyWithdrawn,
      ).toBe(true);
    },
  );

  it(
    'when consents given earlier are brought over, then it takes an admin ' +
      'import that records itself, and none may be dated in the future',
    async () => {
      const k = {
        id: 'k_old',
        purpose: 'essential',
        categories: ['user.behavior'],
        status: 'granted',
        at: '2025-06-01T00:00:00Z',
        source: 'web shop',
      };
      expect(
        (
          await s.api(
            'POST',
            '/customers/c_dana/consents/import',
            { system: 'the old CRM', consents: [k] },
            s.tokens.agent,
          )
        ).status,
      ).toBe(403);
      const future = await s.api('POST', '/customers/c_dana/consents/import', {
        system: 'the old CRM',
        consents: [k, { ...k, id: 'k_next', at: '2099-01-01T00:00:00Z' }],
      });
      expect(future).toMatchObject({ status: 400, body: { error: { path: ['consents', 1, 'at'] } } });
      expect(
        (await s.api('POST', '/customers/c_dana/consents/import', { system: 'the old CRM', consents: [k] })).status,
      ).toBe(201);
      const { history } = (await s.api('GET', '/customers/c_dana/consents', undefined, s.tokens.lead)).body;
      expect(history.at(-1)).toMatchObject({
        consentId: 'k_old',
        at: '2025-06-01T00:00:00.000Z',
        evidence: { by: 'import', system: 'the old CRM' },
      });
    },
  );
});

describe('2 and 3. an agent is not the customer', () => {
  it(
    'when an agent asks for a portal link, then the answer holds no link, ' +
      'and an agent token opens nothing in the portal',
    async () => {
      const arrived = s.mail.next('dana@example.org');
      const res = await s.api('POST', '/customers/c_dana/portal-links', {}, s.tokens.agent);
      expect(res.body).toEqual({ sentTo: 'd•••@example.org', expiresAt: expect.any(String) });
      expect(portalLinkIn(await arrived)).toBeTruthy();
      for (const route of ['/portal', '/portal/export']) {
        const page = await fetch(`${s.url}${route}`, { headers: { authorization: `Bearer ${s.tokens.agent}` } });
        expect(page.status).toBe(401);
        expect(await page.text()).not.toContain('Harbour');
      }
      const erase = await fetch(`${s.url}/portal/erase`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.tokens.agent}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'confirm=yes',
      });
      expect(erase.status).toBe(401);
      expect((await s.api('GET', '/customers/c_dana')).body.customer.displayName).toBe('Dana K.');
    },
  );

  it('when an agent erases a customer over the API, then it is refused and the customer is untouched', async () => {
    const res = await s.api('POST', '/customers/c_dana/erase', {}, s.tokens.agent);
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await s.api('GET', '/customers/c_dana')).body.customer.email).toBe('dana@example.org');
  });

  it(
    'when an agent records a backdated special-category consent, then the ' +
      'date is refused, the category is refused, and the next assist shows ' +
      'no health or card fact',
    async () => {
      await s.api('POST', '/customers/c_dana/facts', {
        facts: [
          {
            id: 'f_health',
            category: 'user.health_and_medical',
            text: 'Asthma, uses an inhaler',
            source: 'profile',
            collectedAt: '2026-01-01T00:00:00Z',
          },
          {
            id: 'f_card',
            category: 'user.financial.bank_account',
            text: 'Card ending 4242',
            source: 'billing',
            collectedAt: '2026-01-01T00:00:00Z',
          },
        ],
      });
      const consent = {
        id: 'k_sneak',
        purpose: 'essential',
        categories: ['user.health_and_medical', 'user.financial'],
        status: 'granted',
        source: 'chat',
      };
      const dated = await s.api(
        'POST',
        '/customers/c_dana/consents',
        { consent: { ...consent, at: '2020-01-01T00:00:00Z' }, ticketId: 'T-1' },
        s.tokens.agent,
      );
      expect(dated).toMatchObject({ status: 400, body: { error: { path: ['consent', 'at'] } } });
      const special = await s.api('POST', '/customers/c_dana/consents', { consent, ticketId: 'T-1' }, s.tokens.agent);
      expect(special).toMatchObject({
        status: 403,
        body: { error: { code: 'needs_customer', path: ['consent', 'categories', 0] } },
      });
      const view = (await s.api('POST', '/assist', { ...danaTicket, ticketId: 'T-sneak' }, s.tokens.agent))
        .body as AssistView;
      expect(JSON.stringify(view)).not.toMatch(/Asthma|4242/);
    },
  );

  it(
    'when an agent relays an ordinary grant, then it needs the ticket it ' +
      'was said in, takes effect now, and the customer can see who recorded ' +
      'it',
    async () => {
      const consent = {
        id: 'k_relay',
        purpose: 'essential',
        categories: ['user.contact'],
        status: 'granted',
        source: 'chat',
      };
      expect(await s.api('POST', '/customers/c_dana/consents', { consent }, s.tokens.agent)).toMatchObject({
        status: 400,
        body: { error: { path: ['ticketId'] } },
      });
      const before = Date.now();
      const res = await s.api(
        'POST',
        '/customers/c_dana/consents',
        { consent, ticketId: 'T-77', channel: 'chat' },
        s.tokens.agent,
      );
      expect(res.status).toBe(201);
      expect(Date.parse(res.body.consent.at)).toBeGreaterThanOrEqual(before - 1000);
      const { history } = (await s.api('GET', '/customers/c_dana/consents', undefined, s.tokens.lead)).body;
      expect(history.at(-1)).toMatchObject({
        consentId: 'k_relay',
        channel: 'chat',
        evidence: { by: 'agent', ticketId: 'T-77' },
      });
    },
  );
});

describe('4. leads', () => {
  it('the table gives the privacy-critical actions to exactly these principals', () => {
    expect(PERMISSIONS['customer.erase']).toEqual(['admin', 'portal']);
    expect(PERMISSIONS['consent.grant_special']).toEqual(['portal']);
    expect(PERMISSIONS['consent.import']).toEqual(['admin', 'system']);
    expect(PERMISSIONS['portal.link']).toEqual(['agent', 'admin']);
    expect(PERMISSIONS['portal.view']).toEqual(['portal']);
    expect(PERMISSIONS['facts.read']).toEqual(['admin']);
    expect(PERMISSIONS['token.create_admin']).toEqual(['admin', 'system']);
    expect(PERMISSIONS['token.revoke_admin']).toEqual(['admin', 'system']);
  });

  it('when a lead asks for a portal link over the socket, then it is refused', async () => {
    const lead = await s.panel(s.tokens.lead);
    await open(lead, { ...danaTicket, ticketId: 'T-lead' });
    const answer = await new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve) =>
      lead.emit('portal:link', { ticketId: 'T-lead' }, resolve as never),
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'this needs an agent token or an admin token' },
    });
  });
});

describe('6. edges', () => {
  it('when a JSON route gets text/plain, then 415 and nothing is applied', async () => {
    const res = await s.api('POST', '/customers/c_dana/opt-out', '{"signal":"gpc"}', s.tokens.agent, {
      'content-type': 'text/plain',
    });
    expect(res).toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type', path: ['headers', 'content-type'] } },
    });
    expect((await s.api('GET', '/customers/c_dana')).body.flags).toEqual({ optedOut: false, gpc: false });
  });

  it('when a fact value is nested 3,000 deep, then 400 names where, over REST and over the socket', async () => {
    let value: unknown = 'x';
    for (let i = 0; i < 3000; i++) value = { a: value };
    const res = await s.api('POST', '/customers/c_dana/facts', {
      facts: [
        { id: 'f_deep', category: 'user.behavior', text: 't', value, source: 's', collectedAt: '2026-01-01T00:00:00Z' },
      ],
    });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'too_deep' } } });
    expect(res.body.error.path.slice(0, 4)).toEqual(['facts', 0, 'value', 'a']);
    const panel = await s.panel();
    const answer = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
      panel.emit(
        'ticket:open',
        { ticketId: 'T', customerId: 'c_dana', conversation: [value] } as never,
        resolve as never,
      ),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'too_deep' } });
  });

  it(
    'when a page from another origin names itself in Host (DNS rebinding), ' +
      'then its socket is refused; the server’s own origin is let in',
    async () => {
      const port = new URL(s.url).port;
      const attempt = (origin: string, host: string) =>
        new Promise<string>((resolve) => {
          const socket = connect(`${s.url}/panel`, {
            auth: { token: s.tokens.agent },
            transports: ['websocket'],
            reconnection: false,
            extraHeaders: { origin, host },
          });
          socket.once('connect', () => {
            socket.disconnect();
            resolve('connected');
          });
          socket.once('connect_error', () => resolve('refused'));
        });
      expect(await attempt(`http://evil.example:${port}`, `evil.example:${port}`)).toBe('refused');
      expect(await attempt(`http://127.0.0.1:${port}`, `127.0.0.1:${port}`)).toBe('connected');
    },
  );

  it(
    'when a request names another host and protocol, then the link mailed ' +
      'still points at the server’s configured address',
    async () => {
      const arrived = s.mail.next('dana@example.org');
      const res = await fetch(`${s.url}/api/v1/customers/c_dana/portal-links`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${s.tokens.agent}`,
          host: 'evil.example',
          'x-forwarded-proto': 'javascript',
          'x-forwarded-host': 'evil.example',
        },
      });
      expect(res.status).toBe(201);
      expect(portalLinkIn(await arrived)).toMatch(new RegExp(`^${s.url}/portal/l/`));
    },
  );

  it('when a channel is long or not a short name, then it is refused by the one rule', async () => {
    for (const channel of ['x'.repeat(50), 'Evil channel!', '']) {
      const res = await s.api('POST', '/customers/c_dana/portal-links', { channel }, s.tokens.agent);
      expect(res).toMatchObject({ status: 400, body: { error: { path: ['channel'] } } });
    }
  });

  it('the data directory is the owner’s alone: folder 0700, database, journal and keys 0600', async () => {
    expect(statSync(s.dir).mode & 0o777).toBe(0o700);
    for (const file of ['candor.db', 'candor.db-wal', 'portal.key'])
      expect([file, statSync(path.join(s.dir, file)).mode & 0o777]).toEqual([file, 0o600]);
  });

  it(
    'when a client keeps guessing tokens, then it gets 429 with ' +
      'Retry-After, over REST and the socket, even with a right token',
    async () => {
      const t = await startServer({ CANDOR_AUTH_FAILURE_LIMIT: '5' });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) statuses.push((await t.api('GET', '/me', undefined, `cnd_guess${i}`)).status);
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
        const blocked = await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${t.tokens.agent}` } });
        expect(blocked.status).toBe(429);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await blocked.json()).error.code).toBe('too_many_attempts');
        const socketError = await new Promise<{ code?: string }>((resolve) => {
          const socket = connect(`${t.url}/panel`, {
            auth: { token: t.tokens.agent },
            transports: ['websocket'],
            reconnection: false,
          });
          socket.once('connect_error', (e) => resolve((e as Error & { data?: { code: string } }).data ?? {}));
          socket.once('connect', () => resolve({ code: 'connected' }));
        });
        expect(socketError.code).toBe('too_many_attempts');
      } finally {
        await t.close();
      }
    },
  );

  it(
    'when a sign-in or an action is refused, then the log says which, by ' + 'whom and from where, and holds no token',
    async () => {
      const lines: string[] = [];
      const t = await startServer({}, { log: (l) => lines.push(l) });
      try {
        await t.api('GET', '/me', undefined, 'cnd_a-wrong-token-of-some-length');
        await t.api('GET', '/audit', undefined, t.tokens.agent);
        const refused = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'refused');
        expect(refused).toEqual([
          expect.objectContaining({
            level: 'warn',
            code: 'unauthorized',
            method: 'GET',
            caller: null,
            client: expect.any(String),
          }),
          expect.objectContaining({
            level: 'warn',
            code: 'forbidden',
            method: 'GET',
            caller: expect.stringMatching(/^agent:tok_/),
          }),
        ]);
        expect(lines.join('\n')).not.toContain('a-wrong-token');
        expect(lines.join('\n')).not.toContain(t.tokens.agent);
      } finally {
        await t.close();
      }
    },
  );

  it(
    'when anyone asks the portal for a link, then the answer is the same ' +
      'for a customer and a stranger, and past five a quarter hour it is 429',
    async () => {
      const t = await startServer();
      try {
        await t.api('PUT', '/customers/c_ana', { displayName: 'Ana', email: 'ana@example.org' });
        const ask = (email: string) =>
          fetch(`${t.url}/portal/start`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: `email=${encodeURIComponent(email)}`,
          });
        const arrived = t.mail.next('ana@example.org');
        const known = await ask('ana@example.org');
        const stranger = await ask('nobody@example.org');
        expect([known.status, stranger.status]).toEqual([200, 200]);
        expect(await known.text()).toBe(await stranger.text());
        expect(portalLinkIn(await arrived)).toMatch(/\/portal\/l\//);
        for (let i = 0; i < 3; i++) await ask(`other${i}@example.org`);
        const over = await ask('ana@example.org');
        expect(over.status).toBe(429);
        expect(over.headers.get('retry-after')).toBeTruthy();
      } finally {
        await t.close();
      }
    },
  );

  it('source maps are not served outside development, even when a build left one', async () => {
    const stray = path.join(ADMIN_DIST, 'stray.js.map');
    writeFileSync(stray, '{"sources":["secret.ts"]}');
    try {
      expect(existsSync(path.join(ADMIN_DIST, 'prompts.js.map'))).toBe(false);
      expect((await fetch(`${s.url}/admin/assets/stray.js.map`)).status).toBe(404);
      expect((await fetch(`${s.url}/admin/assets/prompts.js`)).status).toBe(200);
    } finally {
      rmSync(stray);
    }
  });
});

describe('erasure leaves no free text', () => {
  it(
    'when a customer is erased, then fact and consent sources, relayed ' +
      'ticket ids, outcome tickets and portal sessions are gone',
    async () => {
      const t = await startServer();
      try {
        await seedDana(t);
        await t.api(
          'POST',
          '/customers/c_dana/consents',
          {
            consent: {
              id: 'k_chat',
              purpose: 'essential',
              categories: ['user.contact'],
              status: 'granted',
              source: 'said on the phone to Sam',
            },
            ticketId: 'T-secret-41',
            channel: 'chat',
          },
          t.tokens.agent,
        );
        const panel = await t.panel();
        const view = await open(panel, { ...danaTicket, ticketId: 'T-secret-42' });
        await new Promise((resolve) =>
          panel.emit(
            'suggestion:outcome',
            { ticketId: 'T-secret-42', suggestionId: view.suggestions[0]!.id, action: 'inserted' },
            resolve,
          ),
        );
        expect((await t.api('GET', '/outcomes', undefined, t.tokens.lead)).body.outcomes[0].ticketId).toBe(
          'T-secret-42',
        );
        expect((await t.api('POST', '/customers/c_dana/erase', {})).status).toBe(200);

        const facts = (await t.api('GET', '/customers/c_dana/facts')).body.facts as { source: string }[];
        expect(facts.map((f) => f.source)).toEqual(['', '']);
        const { history } = (await t.api('GET', '/customers/c_dana/consents', undefined, t.tokens.lead)).body;
        expect(JSON.stringify(history)).not.toMatch(/Sam|T-secret|checkout/);
        const audit = JSON.stringify(
          (await t.api('GET', '/audit?customerId=c_dana&limit=1000', undefined, t.tokens.lead)).body,
        );
        expect(audit).not.toContain('T-secret');
        expect((await t.api('GET', '/outcomes', undefined, t.tokens.lead)).body.outcomes[0].ticketId).toBe('');
        // Nothing about her is shown, sent to a model or recorded again.
        expect(await t.api('POST', '/assist', { ...danaTicket, ticketId: 'T-after' }, t.tokens.agent)).toMatchObject({
          status: 410,
          body: { error: { code: 'customer_erased' } },
        });
      } finally {
        await t.close();
      }
    },
  );
});
