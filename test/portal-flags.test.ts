/**
 * "This is wrong" on a fact in the portal, on a real server: the flag opens a rectification request (or joins the
 * customer's open one from a ticket, so it counts once), is audited, shows on the page with its date, and can be taken
 * back. A visitor cannot flag another customer's fact, cannot flood, and what they write is shown as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrivacyRequest } from '../server/protocol/requests.js';
import { openPortalSession } from './security/portal-session.js';
import { rawDb } from '../server/store/test-backends.js';
import { seedDana, seedEmil, startServer, type TestServer } from '../harness/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
  await seedEmil(s);
});
afterAll(() => s.close());

async function portal(customerId: string, email: string) {
  const cookie = await openPortalSession(await s.portalLink(customerId, email));
  const page = async () => (await fetch(`${s.url}/portal`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page())![1]!;
  const post = (path: string, fields: Record<string, string> = {}) =>
    fetch(`${s.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, ...fields }),
    });
  return { page, post };
}

const rectifications = async () =>
  ((await s.api('GET', '/privacy-requests', undefined, s.tokens.admin)).body.requests as PrivacyRequest[]).filter(
    (r) => r.kind === 'rectification',
  );
const audit = async (kind: string) =>
  (await s.api('GET', `/audit?kind=${kind}`, undefined, s.tokens.admin)).body.entries as {
    customerId: string;
    payload: Record<string, unknown>;
  }[];

describe('a fact flagged as wrong in the portal', () => {
  it('when Dana flags a fact, then one rectification request opens, audited, and the page shows the date', async () => {
    const dana = await portal('c_dana', 'dana@example.org');
    const note = '<script>alert(1)</script> wrong street';
    const res = await dana.post('/portal/facts/f1/flag', { wrong: note, shouldSay: 'Hauptstraße 5' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal?done=flagged');

    const [request] = await rectifications();
    expect(request).toMatchObject({ kind: 'rectification', customerId: 'c_dana', ticketId: null, status: 'open' });
    const [flagged] = await audit('fact.flagged');
    expect(flagged).toMatchObject({
      customerId: 'c_dana',
      payload: { factId: 'f1', requestId: request!.id, channel: 'portal' },
    });
    expect(JSON.stringify(flagged)).not.toContain('wrong street');
    expect((await s.store.factFlags.open('c_dana'))[0]?.note).toEqual({ wrong: note, shouldSay: 'Hauptstraße 5' });
    // In the file, the note is sealed under Dana's key like her facts.
    const db = rawDb(s.dir, { readonly: true });
    const stored = db.prepare("SELECT note FROM fact_flags WHERE fact_id = 'f1'").pluck().get() as string;
    db.close();
    expect(stored).not.toContain('wrong street');
    expect(stored).not.toContain('Hauptstra');

    const page = await dana.page();
    expect(page).toMatch(/You told us this is wrong on <time datetime="[^"]+">[^<]+<\/time>\./);
    expect(page).not.toContain('<script>alert(1)</script>');

    // A second fact joins the same open request; flagging the first again changes nothing.
    expect((await dana.post('/portal/facts/f2/flag')).status).toBe(303);
    expect((await dana.post('/portal/facts/f1/flag')).status).toBe(409);
    expect((await rectifications()).length).toBe(1);
    expect((await s.store.factFlags.open('c_dana')).map((f) => [f.factId, f.requestId])).toEqual([
      ['f1', request!.id],
      ['f2', request!.id],
    ]);
  });

  it('when Dana takes a flag back, then the page offers "This is wrong" again and the withdrawal is audited', async () => {
    const dana = await portal('c_dana', 'dana@example.org');
    const res = await dana.post('/portal/facts/f2/unflag');
    expect(res.headers.get('location')).toBe('/portal?done=unflagged');
    expect((await s.store.factFlags.open('c_dana')).map((f) => f.factId)).toEqual(['f1']);
    expect((await audit('fact.flag_withdrawn')).map((e) => e.payload.factId)).toEqual(['f2']);
    expect((await dana.post('/portal/facts/f2/unflag')).status).toBe(404);
    const item = /<li class="card fact[^"]*" data-fact="f2">[\s\S]*?<\/li>/.exec(await dana.page())![0];
    expect(item).toContain('<summary>This is wrong</summary>');
  });

  it("when Dana's session names Emil's fact, a missing fact or a long note, then it is refused and nothing changes", async () => {
    const dana = await portal('c_dana', 'dana@example.org');
    const before = (await audit('fact.flagged')).length;
    expect((await dana.post('/portal/facts/f_emil/flag', { wrong: 'x' })).status).toBe(404);
    expect((await dana.post('/portal/facts/f_none/flag')).status).toBe(404);
    expect((await dana.post('/portal/facts/f2/flag', { wrong: 'x'.repeat(501) })).status).toBe(400);
    expect((await audit('fact.flagged')).length).toBe(before);
    expect(await s.store.factFlags.open('c_emil')).toEqual([]);
  });

  it('when a customer flags and takes back over and over, then past 20 flags a day it is refused', async () => {
    const emil = await portal('c_emil', 'emil@example.org');
    const answers: number[] = [];
    for (let i = 0; i < 21; i++) {
      answers.push((await emil.post('/portal/facts/f_emil/flag')).status);
      await emil.post('/portal/facts/f_emil/unflag');
    }
    expect(answers.slice(0, 20).every((x) => x === 303)).toBe(true);
    expect(answers[20]).toBe(429);
    // Emil's flags all joined his one request.
    expect((await rectifications()).filter((r) => r.customerId === 'c_emil').length).toBe(1);
  });
});
