/**
 * The reply coach per agent team over the real API: tokens made with a team (trimmed, 1 to 60 characters, refused
 * naming the field otherwise), replies checked from panels of agents in two teams, then the summary compared with
 * what was done. k is 2 here: Billing's two agents are shown, Returns' one agent is not, and no agent is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachReport, CoachTeam } from '../server/protocol/coach.js';
import { danaTicket, startServer, type TestServer } from '../harness/server.js';
import { emit, REPLY, seedTeams } from './helpers/coach-teams.js';

let s: TestServer;
let agents: Awaited<ReturnType<typeof seedTeams>>;
beforeAll(async () => {
  s = await startServer({ CANDOR_INSIGHTS_MIN_CELL: '2' }, { smtp: false });
  agents = await seedTeams(s);
});
afterAll(() => s.close());

const hidden = { value: null, suppressed: true };
const summary = async (query = '', token = s.tokens.lead) => s.api('GET', `/coach/summary${query}`, undefined, token);
const team = (r: CoachReport, label: string) => r.teams.find((t) => t.label === label) as CoachTeam;

describe('tokens with a team', () => {
  it('when a token is made with a team, then the listing shows it trimmed; tokens without one have none', async () => {
    expect(agents.map((a) => a.team)).toEqual(['Billing', 'Billing', 'Returns']);
    const { body } = await s.api('GET', '/tokens', undefined, s.tokens.lead);
    const byName = new Map(body.tokens.map((t: { name: string; team: string | null }) => [t.name, t.team]));
    expect(byName.get('Cy Returns')).toBe('Returns');
    expect(byName.get('test agent')).toBeNull();
  });

  it('when a team is blank, too long or not text, then the token is refused naming the field', async () => {
    for (const [team, words] of [
      ['   ', 'not blank'],
      ['x'.repeat(61), 'at most 60 characters'],
      [7, 'expected a team name'],
    ] as const) {
      const res = await s.api('POST', '/tokens', { name: 'Dee', role: 'agent', team }, s.tokens.lead);
      expect(res.status).toBe(400);
      expect(res.body.error.path).toEqual(['team']);
      expect(res.body.error.message).toMatch(new RegExp(`^team: .*${words}`));
    }
  });
});

describe('the reply coach per team', () => {
  it('when leads ask, then each team counts its checks and flags per kind, in words, from its agents', async () => {
    const res = await summary('?period=7d');
    expect(res.status).toBe(200);
    const r = res.body as CoachReport;
    expect(r).toMatchObject({ period: '7d', minCell: 2, until: new Date().toISOString().slice(0, 10) });
    expect(r.teams.map((t) => [t.team, t.label])).toEqual([
      ['Billing', 'Billing'],
      ['Returns', 'Returns'],
    ]);
    const billing = team(r, 'Billing');
    expect(billing.checks).toEqual({ value: 2 });
    expect(billing.kinds.map((k) => [k.label, k.flagged.value, k.followed.value, k.ignored.value])).toEqual([
      ['Uses customer data without saying where it came from', 2, 2, 0],
      ['Holds data the customer has not allowed', 2, 0, 0],
      ['Holds a full card or ID number', 2, 0, 0],
    ]);
    expect(billing.all).toEqual({ flagged: { value: 6 }, followed: { value: 2 }, ignored: { value: 0 } });
  });

  it('when a team has one agent, then none of its figures but the zeros is shown, nor any agent', async () => {
    const r = (await summary('?period=30d')).body as CoachReport;
    const returns = team(r, 'Returns');
    expect(returns.checks).toEqual(hidden);
    expect(returns.kinds.map((k) => k.flagged)).toEqual([hidden, hidden, hidden]);
    expect(returns.kinds.map((k) => k.followed)).toEqual([{ value: 0 }, { value: 0 }, { value: 0 }]);
    // The one ignored flag, and the total it would be worked out from.
    expect(returns.kinds.map((k) => k.ignored)).toEqual([{ value: 0 }, hidden, { value: 0 }]);
    expect(returns.all.ignored).toEqual(hidden);
    const text = JSON.stringify(r);
    for (const a of agents) {
      expect(text).not.toContain(a.name);
      expect(text).not.toContain(a.id);
    }
  });

  it('when an agent without a team checks a reply, then it is counted as "No team", last', async () => {
    const panel = await s.panel();
    await emit(panel, 'ticket:open', danaTicket);
    expect((await emit(panel, 'reply:check', { ticketId: danaTicket.ticketId, text: REPLY })).ok).toBe(true);
    const r = (await summary('?period=all')).body as CoachReport;
    expect(r.from).toBeNull();
    expect(r.teams.map((t) => [t.team, t.label])).toEqual([
      ['Billing', 'Billing'],
      ['Returns', 'Returns'],
      [null, 'No team'],
    ]);
    expect(team(r, 'No team').checks).toEqual(hidden);
  });

  it('when the period is unknown, then it is refused naming query.period; agents are refused', async () => {
    const bad = await summary('?period=1y');
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toEqual(['query', 'period']);
    expect((await summary('', s.tokens.agent)).status).toBe(403);
    expect((await summary('', s.tokens.privacy)).status).toBe(200);
    expect((await summary('', s.tokens.admin)).body.period).toBe('30d');
  });
});
