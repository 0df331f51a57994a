/**
 * Reply checks from agents in two teams, through the real API and panel socket: Billing's two agents each check
 * Dana's reply (one flag of every kind) and follow the undisclosed-fact flag; Returns' one agent checks it and
 * ignores the withheld-value flag. Answers the agents' tokens, so a test can look for them where they must not be.
 */
import { expect } from 'vitest';
import type { ReplyCheck } from '../../server/protocol/coach.js';
import { danaTicket, seedDana, type PanelClient, type TestServer } from '../../harness/server.js';

/** Names the sentence with Dana's order, her withheld street address and a full card number: one flag of each kind. */
export const REPLY =
  'Hi Dana,\nYour Blender Pro 3000 will be replaced. We will send it to 12 Harbour Road. ' +
  'The refund goes to 4242 4242 4242 4242.';

export const emit = <T>(panel: PanelClient, event: string, payload: unknown) =>
  new Promise<{ ok: boolean; data: T }>((resolve) =>
    (panel.emit as (...a: unknown[]) => void)(event, payload, resolve),
  );

async function checkAs(s: TestServer, token: string, follow: 'undisclosed_fact' | 'withheld_value', action: string) {
  const panel = await s.panel(token);
  expect((await emit(panel, 'ticket:open', danaTicket)).ok).toBe(true);
  const check = await emit<ReplyCheck>(panel, 'reply:check', { ticketId: danaTicket.ticketId, text: REPLY });
  expect(check.data.flags.map((f) => f.kind)).toEqual(['undisclosed_fact', 'withheld_value', 'raw_identifier']);
  const flag = check.data.flags.find((f) => f.kind === follow)!;
  expect((await emit(panel, 'reply:flag', { ticketId: danaTicket.ticketId, flagId: flag.id, action })).ok).toBe(true);
  panel.close();
}

export async function seedTeams(s: TestServer) {
  await seedDana(s);
  const agents: { name: string; team: string; token: string; id: string }[] = [];
  for (const [name, team] of [
    ['Ana Billing', 'Billing'],
    ['Ben Billing', 'Billing'],
    ['Cy Returns', '  Returns '],
  ] as const) {
    const res = await s.api('POST', '/tokens', { name, role: 'agent', team }, s.tokens.lead);
    expect(res.status).toBe(201);
    agents.push({ name, team: res.body.token.team, token: res.body.secret, id: res.body.token.id });
  }
  await checkAs(s, agents[0]!.token, 'undisclosed_fact', 'applied');
  await checkAs(s, agents[1]!.token, 'undisclosed_fact', 'applied');
  await checkAs(s, agents[2]!.token, 'withheld_value', 'ignored');
  return agents;
}
