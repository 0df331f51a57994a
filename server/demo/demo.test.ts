import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysIn, openSqliteStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { checkCategory, checkConsentKeys, loadTaxonomy } from '../taxonomy/taxonomy.js';
import { decide } from '../policy/policy.js';
import { DEMO_CUSTOMERS, DEMO_TICKETS } from './data.js';
import { seedDemo } from './seed.js';
import { demoRouter } from './routes.js';
import { ROOT } from '../config.js';

describe('demo seed', () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'candor-demo-'));
    store = await openSqliteStore(dir, keysIn(dir));
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when seeded into a fresh store, then every customer, fact, consent record and flag is there', async () => {
    const expectedFacts = DEMO_CUSTOMERS.reduce((n, d) => n + d.facts.length, 0);
    expect(await seedDemo(store)).toEqual({ customers: 6, facts: expectedFacts });

    for (const demo of DEMO_CUSTOMERS) {
      const snap = await store.customers.snapshot(demo.customer.id);
      expect(snap?.customer).toEqual(demo.customer);
      expect(snap?.facts).toHaveLength(demo.facts.length);
      expect(await store.consents.history(demo.customer.id)).toHaveLength(demo.consents.length);
      expect(snap?.flags.optedOut).toBe(demo.flags?.some((f) => f.kind === 'opted_out') ?? false);
      expect(await store.customers.findByEmail(demo.customer.email!)).toEqual(demo.customer);
    }
  });

  it('when the demo is checked against the taxonomy, then every category and purpose is a known key', () => {
    const taxonomy = loadTaxonomy();
    for (const demo of DEMO_CUSTOMERS) {
      for (const [i, f] of demo.facts.entries())
        checkCategory(taxonomy, f.category, [demo.customer.id, 'facts', i, 'category']);
      demo.consents.forEach((r, i) => {
        if (r.kind === 'granted') checkConsentKeys(taxonomy, r.consent, [demo.customer.id, 'consents', i]);
      });
    }
  });

  it('when the policy reads the seeded demo, then every withheld reason appears for some customer', async () => {
    const taxonomy = loadTaxonomy();
    const rules = {
      purpose: 'essential.service.operations.support',
      specialRoots: taxonomy.specialRoots,
      neverShownRoots: taxonomy.neverShownRoots,
    };
    const reasons = new Set<string>();
    let shown = 0;
    for (const demo of DEMO_CUSTOMERS) {
      const snap = (await store.customers.snapshot(demo.customer.id))!;
      for (const d of decide({
        facts: snap.facts,
        consents: snap.consents,
        flags: snap.flags,
        rules,
        now: Date.parse('2026-11-20T12:00:00Z'),
      })) {
        if (d.permitted) shown += 1;
        else reasons.add(d.reason);
      }
    }
    expect(shown).toBeGreaterThan(0);
    expect([...reasons].sort()).toEqual([
      'expired',
      'needs_explicit_consent',
      'never_shown',
      'no_consent',
      'opted_out',
      'withdrawn',
    ]);
  });

  it('when the demo is read, then all its times are in 2026 before 20 November', () => {
    const times = [
      ...DEMO_CUSTOMERS.flatMap((d) => [
        ...d.facts.map((f) => f.collectedAt),
        ...d.consents.flatMap((r) =>
          r.kind === 'granted' ? [r.consent.at, r.consent.expiresAt ?? r.consent.at] : [r.at],
        ),
        ...(d.flags ?? []).map((f) => f.at),
      ]),
      ...DEMO_TICKETS.flatMap((t) => t.messages.map((m) => m.at)),
    ];
    for (const t of times) {
      expect(t).toMatch(/Z$/);
      expect(Date.parse(t)).toBeGreaterThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));
      expect(Date.parse(t)).toBeLessThan(Date.parse('2026-11-20T00:00:00Z'));
    }
  });
});

describe('demo tickets', () => {
  it('when a ticket names its requester, then a demo customer has that e-mail', () => {
    const emails = new Set(DEMO_CUSTOMERS.map((d) => d.customer.email));
    for (const t of DEMO_TICKETS) expect(emails, t.id).toContain(t.requesterEmail);
  });

  it('when tickets are listed, then their ids are unique', () => {
    expect(new Set(DEMO_TICKETS.map((t) => t.id)).size).toBe(DEMO_TICKETS.length);
  });
});

describe('demo router', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(demoRouter());
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('when /demo is requested, then the helpdesk page is served with a strict CSP and no inline script', async () => {
    const res = await fetch(`${base}/demo`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    const html = await res.text();
    expect(html).toContain('<textarea id="reply"');
    expect(html).toContain('src="/demo/assets/desk.js"');
    // Candor beside the desk is the extension's panel, in a frame only this origin may hold.
    expect(html).toMatch(/<iframe id="candor-panel"[^>]* src="\/demo\/panel\/"/);
    expect(csp).toContain("frame-ancestors 'none'");
    // Everything that runs or styles the page comes from a file, as the CSP demands.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
  });

  it('when an asset is requested, then it is served from the public folder or the build', async () => {
    const js = await fetch(`${base}/demo/assets/desk.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    const source = await js.text();
    expect(source).toContain('data-role');
    expect(source).toContain('candorTicketId');
    expect(source).not.toContain('innerHTML');
    expect((await fetch(`${base}/demo/assets/demo.css`)).headers.get('content-type')).toMatch(/text\/css/);
    expect((await fetch(`${base}/demo/assets/nope.js`)).status).toBe(404);
  });

  it('when the preview frame is requested, then it is the extension panel’s page, framed here only', async () => {
    const res = await fetch(`${base}/demo/panel/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync(path.join(ROOT, 'extension/panel/panel.html'), 'utf8'));
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self'");
    for (const file of ['panel.js', 'panel.css']) expect((await fetch(`${base}/demo/panel/${file}`)).status).toBe(200);
  });

  it('when the tickets are listed, then each has its summary and the time of its last message', async () => {
    const res = await fetch(`${base}/demo/api/tickets`);
    expect(res.status).toBe(200);
    const { tickets } = (await res.json()) as { tickets: Record<string, unknown>[] };
    expect(tickets).toHaveLength(DEMO_TICKETS.length);
    const first = tickets.find((t) => t.id === 'T-1001');
    const demo = DEMO_TICKETS.find((t) => t.id === 'T-1001')!;
    expect(first).toEqual({
      id: 'T-1001',
      subject: demo.subject,
      requesterName: demo.requesterName,
      requesterEmail: demo.requesterEmail,
      status: demo.status,
      lastMessageAt: demo.messages.at(-1)!.at,
    });
  });

  it('when one ticket is requested, then the whole ticket is answered', async () => {
    const res = await fetch(`${base}/demo/api/tickets/T-1002`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ticket: DEMO_TICKETS.find((t) => t.id === 'T-1002') });
  });

  it('when an unknown ticket is requested, then the answer is a 404 naming the id field', async () => {
    const res = await fetch(`${base}/demo/api/tickets/T-9999`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string; path: string[] } };
    expect(body.error.code).toBe('ticket_not_found');
    expect(body.error.path).toEqual(['id']);
    expect(typeof body.error.message).toBe('string');
  });
});
