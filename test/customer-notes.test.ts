/**
 * Customer notes over a real server and real socket.io: the lead's setting (who may read and change it), notes for a
 * suggestion shown on an open ticket with a pause link that works, and no notes once the customer's consents no
 * longer permit what the reply uses, or when the lead has turned them off.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistView } from '../server/protocol/assist.js';
import type { ClientToServerEvents } from '../server/protocol/events.js';
import { openPauseToken } from '../server/portal/pause-token.js';
import { danaTicket, seedDana, startServer, type PanelClient, type TestServer } from '../harness/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await seedDana(s);
});
afterAll(() => s.close());

type Answer<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

function ask<E extends keyof ClientToServerEvents>(panel: PanelClient, event: E, payload: unknown) {
  return new Promise<Answer<E>>((resolve) =>
    (panel.emit as (e: string, p: unknown, ack: (a: Answer<E>) => void) => void)(event, payload, resolve),
  );
}

describe('customer notes', () => {
  let panel: PanelClient;
  let view: AssistView;

  it('when nobody set it, then notes are offered unticked, any panel reads so, only a lead changes it', async () => {
    panel = await s.panel();
    expect(await ask(panel, 'notes:setting', {})).toEqual({ ok: true, data: { mode: 'ask' } });
    expect((await s.api('GET', '/settings/customer-notes', undefined, s.tokens.agent)).body).toEqual({ mode: 'ask' });
    const refused = await s.api('PUT', '/settings/customer-notes', { mode: 'off' }, s.tokens.agent);
    expect(refused.status).toBe(403);
    const bad = await s.api('PUT', '/settings/customer-notes', { mode: 'always' }, s.tokens.lead);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('mode');
  });

  it('when the agent asks for a shown suggestion, then each fact used has its note, and the pause works', async () => {
    const answer = await ask(panel, 'ticket:open', danaTicket);
    if (!answer.ok) throw new Error(answer.error.message);
    view = answer.data;
    const citing = view.suggestions.find((x) => x.footnotes.length > 0)!;
    const notes = await ask(panel, 'reply:notes', { ticketId: view.ticketId, suggestionId: citing.id });
    if (!notes.ok) throw new Error(notes.error.message);
    expect(notes.data.notes.map((n) => n.marker)).toEqual(citing.footnotes.map((f) => f.marker));
    expect(notes.data.notes[0]!.text).toMatch(/^From your purchase history, which you allowed us to use for "/);
    expect(notes.data.footer).toContain(`${s.url}/portal/start`);
    const token = /\/portal\/pause\/([\w-]+)$/.exec(notes.data.footer)![1]!;
    const secret = readFileSync(path.join(s.dir, 'portal.key'), 'utf8').trim();
    expect(openPauseToken(secret, token, Date.now())).toEqual({ ok: true, customerId: 'c_dana' });
    expect(JSON.stringify(notes.data)).not.toContain('Harbour Road');
  });

  it('when the suggestion was never shown to this panel, then no notes are written', async () => {
    const other = await s.panel();
    const citing = view.suggestions.find((x) => x.footnotes.length > 0)!;
    const notes = await ask(other, 'reply:notes', { ticketId: view.ticketId, suggestionId: citing.id });
    expect(notes).toMatchObject({ ok: false, error: { code: 'suggestion_not_found', path: ['suggestionId'] } });
  });

  it('when the consent behind the reply was withdrawn, then Candor writes no notes for it', async () => {
    const citing = view.suggestions.find((x) => x.footnotes.length > 0)!;
    const res = await s.api('POST', '/customers/c_dana/consents/k1/withdraw', { channel: 'chat' }, s.tokens.agent);
    expect(res.status).toBe(200);
    const notes = await ask(panel, 'reply:notes', { ticketId: view.ticketId, suggestionId: citing.id });
    expect(notes).toMatchObject({ ok: false, error: { code: 'notes_refused' } });
  });

  it('when the lead turns notes off, then the panel reads off and no notes are written', async () => {
    expect((await s.api('PUT', '/settings/customer-notes', { mode: 'off' }, s.tokens.lead)).status).toBe(200);
    expect(await ask(panel, 'notes:setting', {})).toEqual({ ok: true, data: { mode: 'off' } });
    const notes = await ask(panel, 'reply:notes', { ticketId: view.ticketId, suggestionId: view.suggestions[0]!.id });
    expect(notes).toMatchObject({ ok: false, error: { code: 'notes_off' } });
  });
});
