import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { danaTicket, seedDana, startServer, type TestServer } from '../harness/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
});
afterAll(() => s.close());

/** Everything the store holds about Dana, to show a refused request changed nothing. */
async function state() {
  const facts = await s.api('GET', '/customers/c_dana/facts');
  const consents = await s.api('GET', '/customers/c_dana/consents');
  const audit = await s.api('GET', '/audit?limit=1000');
  return { facts: facts.body, consents: consents.body, auditEntries: audit.body.entries.length };
}

describe('the REST API', () => {
  it('answers /healthz without a token', async () => {
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("answers the browsers' /favicon.ico, and the pages' /favicon.svg, with the icon, without a token", async () => {
    for (const file of ['/favicon.ico', '/favicon.svg']) {
      const res = await fetch(`${s.url}${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toMatch(/^image\/svg\+xml/);
      expect(await res.text(), file).toMatch(/^<svg /);
    }
  });

  it(
    'when the assist is asked for a ticket, then it answers the context ' + 'and suggestions and no withheld value',
    async () => {
      const res = await s.api('POST', '/assist', danaTicket, s.tokens.agent);
      expect(res.status).toBe(200);
      expect(res.body.context.shown.map((f: { factId: string }) => f.factId)).toEqual(['f1']);
      expect(res.body.context.withheld).toEqual([
        { category: 'user.contact.address.street', categoryName: 'street address', reason: 'no_consent', count: 1 },
      ]);
      expect(res.body.suggestions[0].text).toContain('[1]');
      expect(res.body.suggestions[0].footnotes[0]).toMatchObject({ marker: 1, factIds: ['f1'], consentId: 'k1' });
      const raw = JSON.stringify(res.body);
      expect(raw).not.toContain('Harbour');
      expect(raw).not.toContain('Portlow');
    },
  );

  it('when a ticket names the requester by e-mail, then the customer is found by it', async () => {
    const res = await s.api(
      'POST',
      '/assist',
      { ticketId: 'T-2', requesterEmail: 'DANA@example.org', conversation: [] },
      s.tokens.agent,
    );
    expect(res.status).toBe(200);
    expect(res.body.context.customer.id).toBe('c_dana');
  });

  it('when the helpdesk names the language, then the context carries it; an unknown one is refused', async () => {
    const conversation = [{ role: 'customer', text: 'Meine Bestellung ist noch nicht angekommen, wo ist sie?' }];
    const detected = await s.api('POST', '/assist', { ...danaTicket, conversation }, s.tokens.agent);
    expect(detected.body.context.language).toEqual({ locale: 'de', name: 'German', source: 'detected' });
    const given = await s.api('POST', '/assist', { ...danaTicket, conversation, language: 'fr' }, s.tokens.agent);
    expect(given.body.context.language).toEqual({ locale: 'fr', name: 'French', source: 'helpdesk' });
    const refused = await s.api('POST', '/assist', { ...danaTicket, language: 'it' }, s.tokens.agent);
    expect(refused.status).toBe(400);
    expect(refused.body.error.path).toEqual(['language']);
  });

  it('when no customer matches, then the assist answers 404 naming the field', async () => {
    const res = await s.api(
      'POST',
      '/assist',
      { ticketId: 'T-3', requesterEmail: 'nobody@example.org' },
      s.tokens.agent,
    );
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'customer_not_found', path: ['requesterEmail'] });
    const byId = await s.api('POST', '/assist', { ticketId: 'T-3', customerId: 'c_nobody' }, s.tokens.agent);
    expect(byId.status).toBe(404);
    expect(byId.body.error).toMatchObject({
      code: 'customer_not_found',
      message: "no Candor customer matches this ticket's customerId",
      path: ['customerId'],
    });
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  it('when the body is malformed JSON, then 400 invalid_json', async () => {
    const before = await state();
    const res = await s.api('POST', '/customers/c_dana/facts', '{"facts": [', s.tokens.admin);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_json', path: ['body'] });
    expect(await state()).toEqual(before);
  });

  it('when a field has the wrong type, then 400 names the field and what was expected', async () => {
    const before = await state();
    const res = await s.api('POST', '/customers/c_dana/facts', {
      facts: [
        { id: 'f9', category: 'user.contact.email', text: 5, source: 'crm', collectedAt: '2026-01-01T00:00:00Z' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.path).toEqual(['facts', 0, 'text']);
    expect(res.body.error.message).toMatch(/facts\.0\.text: .*expected string/);
    expect(await state()).toEqual(before);
  });

  it('when a body has an unknown field, then 400 names it', async () => {
    const res = await s.api(
      'POST',
      '/customers/c_dana/consents/k1/withdraw',
      { channel: 'chat', reason: 'because' },
      s.tokens.agent,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('unknown field(s): reason');
  });

  it('when a category key is malformed, then 400 names the field', async () => {
    const res = await s.api('POST', '/customers/c_dana/facts', {
      facts: [{ id: 'f9', category: 'User.Contact', text: 'x', source: 'crm', collectedAt: '2026-01-01T00:00:00Z' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', path: ['facts', 0, 'category'] });
  });

  it('when a category key is unknown, then 400 says which known key was meant', async () => {
    const before = await state();
    const res = await s.api('POST', '/customers/c_dana/facts', {
      facts: [
        { id: 'f9', category: 'user.helth_and_medical', text: 'x', source: 'crm', collectedAt: '2026-01-01T00:00:00Z' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'unknown_key', path: ['facts', 0, 'category'] });
    expect(res.body.error.message).toContain('did you mean "user.health_and_medical"');
    expect(await state()).toEqual(before);
  });

  it('when a consent names an unknown purpose, then 400 and no consent is recorded', async () => {
    const before = await state();
    const res = await s.api(
      'POST',
      '/customers/c_dana/consents',
      {
        consent: {
          id: 'k9',
          purpose: 'essential.service.operations.suport',
          categories: ['user'],
          status: 'granted',
          source: 'chat',
        },
        ticketId: 'T-1',
      },
      s.tokens.agent,
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'unknown_key', path: ['consent', 'purpose'] });
    expect(res.body.error.message).toContain('did you mean "essential.service.operations.support"');
    expect(await state()).toEqual(before);
  });

  it('when a time has no zone, then 400 says what format is expected', async () => {
    const res = await s.api('POST', '/customers/c_dana/consents/import', {
      system: 'the old CRM',
      consents: [
        {
          id: 'k9',
          purpose: 'essential',
          categories: ['user'],
          status: 'granted',
          at: '2026-03-01 10:00',
          source: 'crm',
        },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.path).toEqual(['consents', 0, 'at']);
    expect(res.body.error.message).toContain('ISO 8601');
  });

  it('when the body is larger than the limit, then 413', async () => {
    const before = await state();
    const text = 'x'.repeat(1500);
    const facts = Array.from({ length: 800 }, (_, i) => ({
      id: `big${i}`,
      category: 'user.contact.email',
      text,
      source: 'crm',
      collectedAt: '2026-01-01T00:00:00Z',
    }));
    const res = await s.api('POST', '/customers/c_dana/facts', { facts });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await state()).toEqual(before);
  });

  it('when one fact in a batch is bad, then none of the batch is stored', async () => {
    const before = await state();
    const res = await s.api('POST', '/customers/c_dana/facts', {
      facts: [
        {
          id: 'ok1',
          category: 'user.contact.email',
          text: 'dana@example.org',
          source: 'crm',
          collectedAt: '2026-01-01T00:00:00Z',
        },
        { id: 'bad', category: 'user.nope', text: 'x', source: 'crm', collectedAt: '2026-01-01T00:00:00Z' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.path).toEqual(['facts', 1, 'category']);
    expect(await state()).toEqual(before);
  });
});

describe('tokens and roles', () => {
  it('when the token is missing, then 401 and the header is named', async () => {
    const res = await s.api('GET', '/customers/c_dana', undefined, null);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthorized', path: ['headers', 'authorization'] });
  });

  it('when the token is wrong, then 401', async () => {
    const res = await s.api('GET', '/customers/c_dana', undefined, 'cnd_not-a-real-token');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('invalid or revoked token');
  });

  it('when a token is put in the URL, then it is refused', async () => {
    const res = await s.api('GET', `/customers/c_dana?token=${s.tokens.agent}`, undefined, null);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('token_in_url');
  });

  it('when an agent ingests facts or reads raw facts, then 403', async () => {
    const before = await state();
    const ingest = await s.api(
      'POST',
      '/customers/c_dana/facts',
      {
        facts: [
          { id: 'f9', category: 'user.contact.email', text: 'x', source: 'crm', collectedAt: '2026-01-01T00:00:00Z' },
        ],
      },
      s.tokens.agent,
    );
    expect(ingest.status).toBe(403);
    expect((await s.api('GET', '/customers/c_dana/facts', undefined, s.tokens.agent)).status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('when an agent manages tokens or reads the audit log, then 403', async () => {
    expect((await s.api('POST', '/tokens', { name: 'x', role: 'agent' }, s.tokens.agent)).status).toBe(403);
    expect((await s.api('GET', '/audit', undefined, s.tokens.agent)).status).toBe(403);
  });

  it('when a lead creates tokens, then an agent token is allowed and an admin token is not', async () => {
    const agent = await s.api('POST', '/tokens', { name: 'new agent', role: 'agent' }, s.tokens.lead);
    expect(agent.status).toBe(201);
    expect(agent.body.secret).toMatch(/^cnd_/);
    expect((await s.api('POST', '/tokens', { name: 'x', role: 'admin' }, s.tokens.lead)).status).toBe(403);
    const list = await s.api('GET', '/tokens', undefined, s.tokens.lead);
    expect(JSON.stringify(list.body)).not.toContain(agent.body.secret);
  });

  it('when a token is revoked, then it no longer authenticates', async () => {
    const created = await s.api('POST', '/tokens', { name: 'temp', role: 'agent' }, s.tokens.admin);
    expect((await s.api('GET', '/customers/c_dana', undefined, created.body.secret)).status).toBe(200);
    expect((await s.api('POST', `/tokens/${created.body.token.id}/revoke`, {}, s.tokens.admin)).status).toBe(200);
    expect((await s.api('GET', '/customers/c_dana', undefined, created.body.secret)).status).toBe(401);
  });
});

describe('consent changes, opt-out and erasure', () => {
  it(
    'when an agent records a withdrawal from the chat, then the history ' +
      'keeps the grant and names the agent and channel',
    async () => {
      await s.api('POST', '/customers/c_dana/consents/import', {
        system: 'the test seed',
        consents: [
          {
            id: 'k2',
            purpose: 'essential',
            categories: ['user.contact'],
            status: 'granted',
            at: '2026-04-01T00:00:00Z',
            source: 'portal',
          },
        ],
      });
      const res = await s.api('POST', '/customers/c_dana/consents/k2/withdraw', { channel: 'chat' }, s.tokens.agent);
      expect(res.status).toBe(200);
      const { body } = await s.api('GET', '/customers/c_dana/consents', undefined, s.tokens.lead);
      const k2 = body.history.filter((h: { consentId: string }) => h.consentId === 'k2');
      expect(k2.map((h: { kind: string }) => h.kind)).toEqual(['granted', 'withdrawn']);
      expect(k2[1].actor).toMatch(/^agent:tok_/);
      expect(k2[1].channel).toBe('chat');
      expect(body.consents.find((k: { id: string }) => k.id === 'k2').withdrawnAt).toBeTruthy();
    },
  );

  it('when a customer id is unknown, then each customer route answers 404 naming it', async () => {
    const asks: [string, string][] = [
      ['GET', '/customers/c_nobody'],
      ['GET', '/customers/c_nobody/facts'],
      ['GET', '/customers/c_nobody/consents'],
      ['POST', '/customers/c_nobody/opt-out'],
      ['POST', '/customers/c_nobody/portal-links'],
    ];
    for (const [method, url] of asks) {
      const res = await s.api(method, url, method === 'POST' ? {} : undefined);
      expect(res.status, url).toBe(404);
      expect(res.body.error, url).toMatchObject({
        code: 'customer_not_found',
        message: 'no customer with id "c_nobody"',
        path: ['params', 'customerId'],
      });
    }
  });

  it('when a consent id is unknown, then 404', async () => {
    const res = await s.api('POST', '/customers/c_dana/consents/k404/withdraw', {}, s.tokens.agent);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('consent_not_found');
  });

  it('when a fact is erased, then its text, value and source are gone and a tombstone stays', async () => {
    await s.api('PUT', '/customers/c_erin', { displayName: 'Erin', email: 'erin@example.org' });
    await s.api('POST', '/customers/c_erin/facts', {
      facts: [
        {
          id: 'e1',
          category: 'user.behavior.purchase_history',
          text: 'Kestrel kettle, order #77',
          source: 'orders',
          collectedAt: '2026-02-01T00:00:00Z',
        },
      ],
    });
    await s.api('POST', '/customers/c_erin/consents/import', {
      system: 'the test seed',
      consents: [
        {
          id: 'ke',
          purpose: 'essential',
          categories: ['user.behavior'],
          status: 'granted',
          at: '2026-01-01T00:00:00Z',
          source: 'signup',
        },
      ],
    });
    const erased = await s.api('POST', '/customers/c_erin/facts/e1/erase', { channel: 'email' }, s.tokens.agent);
    expect(erased.status).toBe(200);
    const { body } = await s.api('GET', '/customers/c_erin/facts');
    expect(body.facts).toEqual([
      {
        id: 'e1',
        category: 'user.behavior.purchase_history',
        source: '',
        collectedAt: '2026-02-01T00:00:00.000Z',
        erased: true,
      },
    ]);
    const view = await s.api(
      'POST',
      '/assist',
      { ticketId: 'T-9', customerId: 'c_erin', conversation: [{ role: 'customer', text: 'my kettle order' }] },
      s.tokens.agent,
    );
    expect(JSON.stringify(view.body)).not.toContain('Kestrel');
    const again = await s.api('POST', '/customers/c_erin/facts', {
      facts: [
        {
          id: 'e1',
          category: 'user.behavior.purchase_history',
          text: 'Kestrel kettle',
          source: 'orders',
          collectedAt: '2026-02-01T00:00:00Z',
        },
      ],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('fact_erased');
  });

  it('when a customer opts out or sends GPC, then nothing is shown', async () => {
    await s.api('PUT', '/customers/c_gil', { displayName: 'Gil' });
    await s.api('POST', '/customers/c_gil/facts', {
      facts: [
        {
          id: 'g1',
          category: 'user.behavior.purchase_history',
          text: 'Trail shoes, order #5',
          source: 'orders',
          collectedAt: '2026-02-01T00:00:00Z',
        },
      ],
    });
    await s.api('POST', '/customers/c_gil/consents/import', {
      system: 'the test seed',
      consents: [
        {
          id: 'kg',
          purpose: 'essential',
          categories: ['user'],
          status: 'granted',
          at: '2026-01-01T00:00:00Z',
          source: 'signup',
        },
      ],
    });
    const res = await s.api('POST', '/customers/c_gil/opt-out', { signal: 'gpc', channel: 'portal' }, s.tokens.agent);
    expect(res.body.flags).toEqual({ optedOut: false, gpc: true });
    const view = await s.api('POST', '/assist', { ticketId: 'T-10', customerId: 'c_gil' }, s.tokens.agent);
    expect(view.body.context.shown).toEqual([]);
    expect(view.body.context.withheld).toEqual([
      { category: 'user.behavior.purchase_history', categoryName: 'purchase history', reason: 'opted_out', count: 1 },
    ]);
  });

  it('after all of this, the audit chain verifies and holds no customer values', async () => {
    const verify = await s.api('GET', '/audit/verify', undefined, s.tokens.lead);
    expect(verify.body.ok).toBe(true);
    const audit = await s.api('GET', '/audit?limit=1000', undefined, s.tokens.lead);
    const raw = JSON.stringify(audit.body);
    for (const value of ['Blender', 'Harbour', 'Kestrel', 'Trail shoes']) expect(raw).not.toContain(value);
    expect(
      audit.body.entries.some(
        (e: { kind: string; payload: { consentIds?: string[] } }) =>
          e.kind === 'context.viewed' && e.payload.consentIds?.includes('k1'),
      ),
    ).toBe(true);
  });
});

describe('an organisation taxonomy extension', () => {
  it('when a key is declared below a known one, then facts may use it and it inherits being special', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-tax-'));
    const file = path.join(dir, 'taxonomy.json');
    writeFileSync(
      file,
      JSON.stringify({
        categories: [
          { key: 'user.behavior.purchase_history.returns', parent: 'user.behavior.purchase_history' },
          { key: 'user.health_and_medical.allergies', parent: 'user.health_and_medical' },
        ],
      }),
    );
    const t = await startServer({ CANDOR_TAXONOMY: file });
    try {
      await t.api('PUT', '/customers/c_h', { displayName: 'Hana' });
      const ok = await t.api('POST', '/customers/c_h/facts', {
        facts: [
          {
            id: 'h1',
            category: 'user.behavior.purchase_history.returns',
            text: 'Returned a toaster',
            source: 'orders',
            collectedAt: '2026-02-01T00:00:00Z',
          },
          {
            id: 'h2',
            category: 'user.health_and_medical.allergies',
            text: 'Allergic to peanuts',
            source: 'profile',
            collectedAt: '2026-02-01T00:00:00Z',
          },
        ],
      });
      expect(ok.status).toBe(201);
      await t.api('POST', '/customers/c_h/consents/import', {
        system: 'the test seed',
        consents: [
          {
            id: 'k',
            purpose: 'essential',
            categories: ['user'],
            status: 'granted',
            at: '2026-01-01T00:00:00Z',
            source: 'signup',
          },
        ],
      });
      const view = await t.api('POST', '/assist', { ticketId: 'T', customerId: 'c_h' }, t.tokens.agent);
      expect(view.body.context.shown.map((f: { factId: string }) => f.factId)).toEqual(['h1']);
      expect(view.body.context.withheld).toEqual([
        {
          category: 'user.health_and_medical.allergies',
          categoryName: 'allergies',
          reason: 'needs_explicit_consent',
          count: 1,
        },
      ]);
    } finally {
      await t.close();
    }
  });
});
