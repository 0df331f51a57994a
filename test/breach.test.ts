/**
 * A breach answered from the audit log, over a real server: two agents open tickets of several customers, one
 * agent's token is revoked, and the privacy officer's report lists exactly the customers and categories that token
 * was shown, with no value of any fact in the report or the drafts. Who may ask, and bad bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danaTicket, seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';
import type { BreachReport } from '../server/protocol/breach.js';

let s: TestServer;
let sam = { id: '', secret: '' };
let ola = { id: '', secret: '' };
let from = '';
const FACT_VALUES = ['Blender Pro 3000, order #1042, delivered 14 Nov 2026', '1042', '12 Harbour Road'];

const fact = (id: string, category: string, text: string) => ({
  id,
  category,
  text,
  value: { v: `${text} (value)` },
  source: 'crm',
  collectedAt: '2026-01-05T10:00:00Z',
});
const consent = (id: string, categories: string[]) => ({
  id,
  purpose: 'essential.service.operations.support',
  categories,
  status: 'granted',
  at: '2026-03-01T00:00:00Z',
  source: 'checkout',
});

/** A customer with facts and the consents that let some of them be shown. */
async function seed(id: string, name: string, facts: ReturnType<typeof fact>[], categories: string[]) {
  await s.api('PUT', `/customers/${id}`, { displayName: name });
  await s.api('POST', `/customers/${id}/facts`, { facts });
  if (categories.length)
    await s.api('POST', `/customers/${id}/consents/import`, { system: 'seed', consents: [consent('k1', categories)] });
  FACT_VALUES.push(...facts.flatMap((f) => [f.text, f.value.v]));
}

async function open(panel: PanelClient, customerId: string, ticketId: string) {
  const answer = await new Promise<{ ok: boolean }>((resolve) =>
    panel.emit('ticket:open', { ...danaTicket, ticketId, customerId } as never, resolve as never),
  );
  expect(answer.ok).toBe(true);
}

const report = (body: unknown, token = s.tokens.privacy) => s.api('POST', '/breach-reports', body, token);

beforeAll(async () => {
  s = await startServer();
  from = new Date(Date.now() - 1000).toISOString();
  await seedDana(s);
  await seed(
    'c_emil',
    'Emil R.',
    [
      fact('e1', 'user.contact.email', 'emil.private@example.net'),
      fact('e2', 'user.behavior.purchase_history', 'Espresso machine, order #2210'),
      fact('e3', 'user.health_and_medical', 'Asthma, uses an inhaler'),
    ],
    ['user.contact.email', 'user.behavior'],
  );
  await seed('c_fern', 'Fern O.', [fact('g1', 'user.behavior.purchase_history', 'Kettle, order #3301')], ['user']);
  await seed('c_gus', 'Gus P.', [fact('h1', 'user.behavior.purchase_history', 'Toaster, order #4401')], ['user']);
  await seed('c_hana', 'Hana Q.', [fact('i1', 'user.behavior.purchase_history', 'Mixer, order #5501')], []);
  for (const [who, name] of [
    ['sam', 'Sam'],
    ['ola', 'Ola'],
  ] as const) {
    const { body } = await s.api('POST', '/tokens', { name, role: 'agent' }, s.tokens.lead);
    if (who === 'sam') sam = { id: body.token.id, secret: body.secret };
    else ola = { id: body.token.id, secret: body.secret };
  }
  const samPanel = await s.panel(sam.secret);
  for (const c of ['c_dana', 'c_emil', 'c_gus', 'c_hana']) await open(samPanel, c, `T-${c}`);
  await open(samPanel, 'c_dana', 'T-again');
  const olaPanel = await s.panel(ola.secret);
  for (const c of ['c_fern', 'c_dana']) await open(olaPanel, c, `T-ola-${c}`);
  expect((await s.api('POST', '/customers/c_gus/erase', {})).status).toBe(200);
  expect((await s.api('POST', `/tokens/${sam.id}/revoke`, {}, s.tokens.lead)).status).toBe(200);
});

afterAll(async () => {
  await s?.close();
});

describe('a breach report', () => {
  it("when an agent's token is revoked, then its report lists exactly the customers and categories seen", async () => {
    const { status, body } = await report({ tokenId: sam.id, from });
    expect(status).toBe(200);
    const r = body as BreachReport;
    expect(r.subject).toMatchObject({ actor: `agent:${sam.id}`, tokenId: sam.id, name: 'Sam' });
    expect(r.subject.revokedAt).not.toBeNull();
    const summary = r.customers.map((c) => ({
      id: c.customerId,
      name: c.displayName,
      erased: c.erased,
      categories: c.categories.map((k) => [k.category, k.categoryName, k.facts, k.shown]),
    }));
    expect(summary).toEqual([
      {
        id: 'c_dana',
        name: 'Dana K.',
        erased: false,
        categories: [['user.behavior.purchase_history', 'purchase history', 1, 2]],
      },
      {
        id: 'c_emil',
        name: 'Emil R.',
        erased: false,
        categories: [
          ['user.contact.email', 'e-mail address', 1, 1],
          ['user.behavior.purchase_history', 'purchase history', 1, 1],
        ],
      },
      { id: 'c_gus', name: null, erased: true, categories: [] },
    ]);
    expect(r.customers.find((c) => c.customerId === 'c_gus')).toMatchObject({ facts: 1, shown: 1 });
    for (const c of r.customers) expect(c.first <= c.last && c.first >= from && c.last <= r.window.until).toBe(true);
  });

  it('when the report is read whole, then no fact value, and no erased name, appears in it or its drafts', async () => {
    const text = JSON.stringify((await report({ tokenId: sam.id, from })).body);
    for (const v of [...FACT_VALUES, 'Gus P.', 'Fern O.', 'Hana Q.']) expect(text).not.toContain(v);
  });

  it('starts the 72-hour clock at the server and drafts one notice per customer still held', async () => {
    const before = Date.now();
    const r = (await report({ tokenId: sam.id, from })).body as BreachReport;
    const detected = Date.parse(r.detectedAt);
    expect(detected).toBeGreaterThanOrEqual(before - 5);
    expect(Date.parse(r.deadline) - detected).toBe(72 * 3600_000);
    expect(r.timeLeft).toMatch(/^(3 days|2 days and 23 hours) left$/);
    expect(r.noticeTemplate).toEqual({ id: 'privacy.breach-notice', version: 1 });
    expect(r.notices.map((n) => n.customerId)).toEqual(['c_dana', 'c_emil']);
    const emil = r.notices[1]!.text;
    expect(emil).toContain('Dear Emil R.,');
    expect(emil).toContain('your e-mail address and purchase history');
    expect(emil).toContain('Candor demo shop');
  });

  it('when asked by the actor the log records, then the answer is the same', async () => {
    const byToken = (await report({ tokenId: sam.id, from })).body as BreachReport;
    const byActor = (await report({ actor: `agent:${sam.id}`, from })).body as BreachReport;
    expect(byActor.customers).toEqual(byToken.customers);
  });

  it('is audited with counts only', async () => {
    const { body } = await report({ tokenId: ola.id, from }, s.tokens.admin);
    const { body: log } = await s.api('GET', '/audit?kind=breach.reported&limit=1', undefined, s.tokens.lead);
    const [entry] = log.entries;
    expect(entry.seq).toBe(body.auditSeq);
    expect(entry.payload).toMatchObject({ subject: `agent:${ola.id}`, customers: 2, erasedCustomers: 0, facts: 2 });
    expect(JSON.stringify(entry)).not.toMatch(/Dana|Fern|Kettle|Blender/);
  });
});

describe('who may ask for a breach report', () => {
  it('when an agent or a lead asks, then 403; the privacy officer and the admin get it', async () => {
    const body = { tokenId: sam.id, from };
    expect((await report(body, s.tokens.agent)).status).toBe(403);
    expect((await report(body, s.tokens.lead)).status).toBe(403);
    expect((await report(body, s.tokens.privacy)).status).toBe(200);
    expect((await report(body, s.tokens.admin)).status).toBe(200);
  });

  it("when the privacy officer's token tries agent and lead powers, then it is refused", async () => {
    expect((await s.api('GET', '/audit', undefined, s.tokens.privacy)).status).toBe(403);
    expect((await s.api('POST', '/assist', { ...danaTicket }, s.tokens.privacy)).status).toBe(403);
    await expect(s.panel(s.tokens.privacy)).rejects.toThrow(/forbidden/);
  });

  it('when the body is wrong, then 400 names the field', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    const cases: [unknown, string][] = [
      [{ from }, 'tokenId'],
      [{ tokenId: sam.id, actor: 'agent:x', from }, 'actor'],
      [{ tokenId: sam.id, from: 'yesterday' }, 'from'],
      [{ tokenId: sam.id, from, until: future }, 'until'],
      [{ tokenId: sam.id, from: future }, 'from'],
      [{ tokenId: sam.id, from, until: from }, 'from'],
      [{ tokenId: sam.id, from, customerId: 'c_dana' }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await report(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.path, JSON.stringify(body)).toEqual(field ? [field] : []);
    }
    const unknown = await report({ tokenId: 'tok_nobody', from });
    expect([unknown.status, unknown.body.error.path]).toEqual([404, ['tokenId']]);
  });
});
