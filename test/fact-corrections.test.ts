/**
 * An admin resolves the facts a customer flagged as wrong in the portal, on a real server: a correction reaches the
 * open panel at once (through the policy, as any fact change), a removal is the one erasure of a fact, a fact kept as
 * it is carries the reason for the customer; the request closes with its last flag, and the audit log holds ids only.
 * Only an admin may; a flag withdrawn or resolved before is a conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistView } from '../server/protocol/assist.js';
import type { AssistUpdate } from '../server/protocol/events.js';
import type { FactFlagView } from '../server/protocol/fact-flags.js';
import type { PrivacyRequest } from '../server/protocol/requests.js';
import { flagInPortal, portalPageOf } from './helpers/portal.js';
import { danaTicket, seedDana, seedEmil, startServer, type PanelClient, type TestServer } from '../harness/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
  await seedEmil(s);
});
afterAll(() => s.close());

const DANA = { id: 'c_dana', email: 'dana@example.org' };
const EMIL = { id: 'c_emil', email: 'emil@example.org' };

const flagsOf = async (status: 'open' | 'closed', customerId?: string): Promise<FactFlagView[]> =>
  ((await s.api('GET', `/fact-flags?status=${status}`)).body.flags as FactFlagView[]).filter(
    (f) => customerId === undefined || f.customerId === customerId,
  );
const resolve = (flagId: string, body: unknown, token = s.tokens.admin) =>
  s.api('POST', `/fact-flags/${flagId}/resolution`, body, token);
const requestOf = async (id: string) =>
  ((await s.api('GET', '/privacy-requests')).body.requests as (PrivacyRequest & { customerName: string })[]).find(
    (r) => r.id === id,
  )!;
const audit = async (kind: string) =>
  (await s.api('GET', `/audit?kind=${kind}`)).body.entries as {
    customerId: string;
    payload: Record<string, unknown>;
  }[];

async function openPanel(): Promise<{ panel: PanelClient; view: AssistView }> {
  const panel = await s.panel();
  const view = await new Promise<AssistView>((ok, fail) =>
    panel.emit('ticket:open', danaTicket, (r) => (r.ok ? ok(r.data as AssistView) : fail(new Error(r.error.message)))),
  );
  return { panel, view };
}
const nextUpdate = (panel: PanelClient, kind: string) =>
  new Promise<AssistUpdate>((ok) => {
    const on = (u: AssistUpdate) => {
      if (u.notice.kind !== kind) return;
      panel.off('assist:updated', on);
      ok(u);
    };
    panel.on('assist:updated', on);
  });

describe('an admin resolves facts the customer flagged as wrong', () => {
  it('when the admin corrects one and removes the other, then the panel shows the new text and the request is fulfilled', async () => {
    await flagInPortal(s, DANA, 'f1', { wrong: 'Not my order', shouldSay: 'Order #1043' });
    await flagInPortal(s, DANA, 'f2');
    const flags = await flagsOf('open');
    expect(flags.map((f) => [f.customerName, f.fact.id, f.fact.text, f.note])).toEqual([
      [
        'Dana K.',
        'f1',
        'Blender Pro 3000, order #1042, delivered 14 Nov 2026',
        { wrong: 'Not my order', shouldSay: 'Order #1043' },
      ],
      ['Dana K.', 'f2', '12 Harbour Road, Portlow', null],
    ]);
    const [f1, f2] = flags as [FactFlagView, FactFlagView];
    expect((await requestOf(f1.requestId)).customerName).toBe('Dana K.');

    const { panel, view } = await openPanel();
    expect(view.context.shown.map((f) => f.text)).toContain('Blender Pro 3000, order #1042, delivered 14 Nov 2026');
    const pushed = nextUpdate(panel, 'facts.changed');
    const fixed = 'Blender Pro 3000, order #1043, delivered 14 Nov 2026';
    const corrected = await resolve(f1.id, { resolution: 'corrected', text: fixed, value: { order: '1043' } });
    expect(corrected).toMatchObject({
      status: 200,
      body: { flag: { resolution: 'corrected', fact: { text: fixed } }, request: { status: 'open' } },
    });
    const update = await pushed;
    expect(update.notice.text).toBe("A fact (purchase history) was corrected at the customer's request");
    expect(update.view.context.shown.map((f) => f.text)).toContain(fixed);
    // The street address stays withheld: the policy still decides what the panel shows.
    expect(update.view.context.shown.map((f) => f.factId)).not.toContain('f2');

    const erased = nextUpdate(panel, 'fact.erased');
    const removed = await resolve(f2.id, { resolution: 'removed' });
    expect(removed.body).toMatchObject({
      flag: { resolution: 'removed', fact: { erased: true, text: '' } },
      request: { status: 'fulfilled' },
    });
    await erased;
    const request = await requestOf(f1.requestId);
    expect(request).toMatchObject({
      status: 'fulfilled',
      outcome: 'An admin corrected 1 fact and removed 1 fact the customer flagged as wrong.',
    });
    const facts = (await s.api('GET', '/customers/c_dana/facts')).body.facts as { id: string; text?: string }[];
    expect(facts.find((f) => f.id === 'f1')?.text).toBe(fixed);
    expect(facts.find((f) => f.id === 'f2')).toMatchObject({ erased: true });

    const entries = [
      ...(await audit('fact.corrected')),
      ...(await audit('fact.flag_resolved')),
      ...(await audit('fact.erased')),
      ...(await audit('privacy_request.fulfilled')),
    ];
    expect(entries.map((e) => e.payload.factId ?? e.payload.requestId).sort()).toEqual(
      ['f1', 'f1', 'f2', 'f2', f1.requestId].sort(),
    );
    const written = JSON.stringify(entries);
    for (const value of ['1043', '1042', 'Harbour', 'Not my order']) expect(written).not.toContain(value);
    expect(await flagsOf('open')).toEqual([]);

    // Dana's portal says what was done: on the corrected fact, and for the one removed.
    const page = await portalPageOf(s, DANA);
    const card = /<li class="card fact[^"]*" data-fact="f1">[\s\S]*?<\/li>/.exec(page)![0];
    expect(card).toMatch(/We corrected this on <time datetime="[^"]+">[^<]+<\/time>, as you asked\./);
    expect(card).toContain('<summary>This is wrong</summary>'); // and may flag it again
    expect(page).toMatch(/<ul class="removed"><li>On <time[^>]*>[^<]+<\/time> we removed an item \(street address\)/i);
  });

  it('when the admin keeps a fact as it is, then the request is refused and the reason is there for the portal', async () => {
    await flagInPortal(s, EMIL, 'f_emil', { shouldSay: 'Storgatan 2' });
    const [flag] = await flagsOf('open', 'c_emil');
    const kept = await resolve(flag!.id, { resolution: 'kept', reason: 'Our delivery records show Storgatan 1.' });
    expect(kept.body).toMatchObject({ flag: { resolution: 'kept' }, request: { status: 'refused' } });
    expect((await requestOf(flag!.requestId)).outcome).toBe(
      'An admin kept the fact the customer flagged as wrong as it was, with the reason told to the customer.',
    );
    expect(await s.store.factFlags.recent('c_emil')).toMatchObject([
      { factId: 'f_emil', resolution: 'kept', reason: 'Our delivery records show Storgatan 1.' },
    ]);
    const card = /data-fact="f_emil">[\s\S]*?<\/li>/.exec(await portalPageOf(s, EMIL))![0];
    expect(card).toMatch(/kept it as it was on <time[^>]*>[^<]+<\/time>: Our delivery records show Storgatan 1\./);
    const [entry] = (await audit('fact.flag_resolved')).filter((e) => e.customerId === 'c_emil');
    expect(entry).toMatchObject({ payload: { resolution: 'kept' } });
    expect(JSON.stringify(entry)).not.toContain('Storgatan');
  });

  it('when an agent or a lead tries, then 403; a flag withdrawn or resolved before is 409, an unknown one 404', async () => {
    const emil = await flagInPortal(s, EMIL, 'f_emil');
    const [open] = await flagsOf('open', 'c_emil');
    for (const token of [s.tokens.agent, s.tokens.lead]) {
      expect((await s.api('GET', '/fact-flags?status=open', undefined, token)).status).toBe(403);
      expect((await resolve(open!.id, { resolution: 'removed' }, token)).status).toBe(403);
    }
    expect((await emil.unflag()).status).toBe(303);
    const withdrawn = await resolve(open!.id, { resolution: 'removed' });
    expect(withdrawn).toMatchObject({
      status: 409,
      body: { error: { code: 'flag_closed', path: ['params', 'flagId'] } },
    });
    const [done] = await flagsOf('closed', 'c_emil');
    expect((await resolve(done!.id, { resolution: 'kept', reason: 'Again' })).status).toBe(409);
    expect((await resolve('flag_unknown', { resolution: 'removed' })).status).toBe(404);
    expect(
      await s.api('POST', '/fact-flags/flag_unknown/resolution', { resolution: 'kept', reason: '' }),
    ).toMatchObject({ status: 400, body: { error: { path: ['reason'] } } });
    expect(await resolve('flag_unknown', { resolution: 'corrected' })).toMatchObject({
      status: 400,
      body: { error: { path: ['text'] } },
    });
    expect((await s.api('GET', '/customers/c_emil/facts')).body.facts[0].text).toBe('Lives at Storgatan 1');
  });
});
