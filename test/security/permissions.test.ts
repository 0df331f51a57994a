/**
 * The permission matrix: every route the app answers and every socket event a panel can send,
 * tried as every principal, compared with the one table (`server/permissions/table.ts`). A route
 * or event the table does not name fails here. Calls carry bodies and ids that name nothing, so a
 * permitted call is answered 400 or 404 and changes nothing; a refused one is 401 or 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, PANEL_EVENTS, PERMISSIONS, permits, type Principal } from '../../server/permissions/table.js';
import { seedDana, startServer, type PanelClient, type TestServer } from '../../harness/server.js';
import { concrete, routesOf, type RouteInfo } from './routes.js';
import { openPortalSession, outboxLink } from './portal-session.js';

let s: TestServer;
let portalCookie: string;
const figures = { routes: 0, events: 0, cases: 0, failures: 0 };

beforeAll(async () => {
  // The lead's pages and the demo answer 503 until built (the global setup builds them); built, anyone may load them.
  // The demo without SMTP: its outbox route exists too, and the portal session comes through it.
  s = await startServer({ CANDOR_DEMO: 'true', CANDOR_AUTH_FAILURE_LIMIT: '100000' }, { smtp: false });
  await seedDana(s);
  portalCookie = await openPortalSession(await outboxLink(s, 'c_dana'));
});

afterAll(async () => {
  process.stdout.write(
    `permission matrix: ${figures.routes} routes and ${figures.events} ` +
      `socket events, ${figures.cases} cases tried, ${figures.failures} ` +
      `failures\n`,
  );
  await s?.close();
});

const HTTP_PRINCIPALS = [
  'anyone',
  'agent',
  'lead',
  'admin',
  'privacy',
  'portal',
] as const satisfies readonly Principal[];

function credentials(p: (typeof HTTP_PRINCIPALS)[number]): Record<string, string> {
  if (p === 'anyone') return {};
  if (p === 'portal') return { cookie: portalCookie };
  return { authorization: `Bearer ${s.tokens[p]}` };
}

/**
 * Whether a principal can present itself on a route at all: a bearer token counts only on the API,
 * the portal's cookie only on the portal's own pages; pages for anyone take anyone.
 */
function presents(route: RouteInfo, principal: Principal): boolean {
  if (permits('anyone', route.actions[0]!)) return true;
  return route.path.startsWith('/api/')
    ? ['agent', 'lead', 'admin', 'privacy'].includes(principal)
    : principal === 'portal';
}

async function call(route: RouteInfo, principal: (typeof HTTP_PRINCIPALS)[number]): Promise<number> {
  const api = route.path.startsWith('/api/');
  const body = route.method === 'GET' ? undefined : api ? '{}' : '';
  const type = api ? 'application/json' : 'application/x-www-form-urlencoded';
  const res = await fetch(`${s.url}${concrete(route.path)}`, {
    method: route.method,
    redirect: 'manual',
    headers: { ...credentials(principal), ...(body !== undefined ? { 'content-type': type } : {}) },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

describe('the permission table', () => {
  it('names an action for every route the app answers, exactly one per route', () => {
    const routes = routesOf(s.app);
    expect(routes.length).toBeGreaterThan(50);
    const unnamed = routes.filter((r) => r.actions.length !== 1).map((r) => `${r.method} ${r.path}`);
    expect(unnamed).toEqual([]);
    for (const r of routes) expect(ACTIONS).toContain(r.actions[0]);
  });

  it(
    'when every route is called as every principal, then exactly those the ' + 'table allows get past the check',
    async () => {
      const routes = routesOf(s.app);
      figures.routes = routes.length;
      const wrong: string[] = [];
      for (const route of routes) {
        for (const principal of HTTP_PRINCIPALS) {
          const status = await call(route, principal);
          const allowed = permits(principal, route.actions[0]!) && presents(route, principal);
          const refused = status === 401 || status === 403;
          figures.cases += 1;
          if (allowed === refused || status >= 500)
            wrong.push(
              `${route.method} ${route.path} as ${principal}: ${status} (table: ${allowed ? 'allowed' : 'refused'})`,
            );
        }
      }
      figures.failures += wrong.length;
      expect(wrong).toEqual([]);
    },
  );

  it('registers exactly the socket events the table names, and each answers only the roles it allows', async () => {
    const panels: Record<'agent' | 'lead' | 'admin', PanelClient> = {
      agent: await s.panel(s.tokens.agent),
      lead: await s.panel(s.tokens.lead),
      admin: await s.panel(s.tokens.admin),
    };
    const serverSocket = [...s.io.of('/panel').sockets.values()][0]!;
    // 'error' is socket.io's own listener, not an event a client can send.
    expect(
      serverSocket
        .eventNames()
        .filter((e) => e !== 'error')
        .sort(),
    ).toEqual(Object.keys(PANEL_EVENTS).sort());
    figures.events = Object.keys(PANEL_EVENTS).length;
    const wrong: string[] = [];
    for (const [event, action] of Object.entries(PANEL_EVENTS)) {
      for (const [role, panel] of Object.entries(panels)) {
        const answer = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
          panel.emit(event as 'ticket:close', { ticketId: 'T-nobody' }, resolve as never),
        );
        const refused = !answer.ok && answer.error?.code === 'forbidden';
        figures.cases += 1;
        if (permits(role as Principal, action) === refused || answer.error?.code === 'internal')
          wrong.push(`${event} as ${role}: ${JSON.stringify(answer)}`);
      }
    }
    figures.failures += wrong.length;
    expect(wrong).toEqual([]);
  });

  it('gives every action to someone, and the portal visitor nothing that reads another customer', () => {
    for (const action of ACTIONS) expect(PERMISSIONS[action].length).toBeGreaterThan(0);
    const portalActions = ACTIONS.filter((a) => permits('portal', a));
    expect(portalActions.sort()).toEqual(
      [
        'consent.grant',
        'consent.grant_special',
        'consent.withdraw',
        'customer.erase',
        'customer.opt_in',
        'customer.opt_out',
        'customer.pause',
        'demo.outbox',
        'fact.erase',
        'fact.flag',
        'portal.view',
        'public.read',
      ].sort(),
    );
  });
});

describe('actions that depend on what is acted on', () => {
  it('when a lead revokes or creates an admin token, then it is refused; an admin may', async () => {
    const admin = (await s.api('POST', '/tokens', { name: 'second admin', role: 'admin' }, s.tokens.admin)).body.token
      .id as string;
    expect((await s.api('POST', '/tokens', { name: 'mine', role: 'admin' }, s.tokens.lead)).status).toBe(403);
    const refused = await s.api('POST', `/tokens/${admin}/revoke`, {}, s.tokens.lead);
    expect(refused).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', message: 'this needs an admin token' } },
    });
    expect(
      (await s.api('GET', '/tokens', undefined, s.tokens.admin)).body.tokens.find((t: { id: string }) => t.id === admin)
        .revokedAt,
    ).toBeNull();
    const agent = (await s.api('POST', '/tokens', { name: 'an agent', role: 'agent' }, s.tokens.lead)).body.token
      .id as string;
    expect((await s.api('POST', `/tokens/${agent}/revoke`, {}, s.tokens.lead)).status).toBe(200);
    expect((await s.api('POST', `/tokens/${admin}/revoke`, {}, s.tokens.admin)).status).toBe(200);
  });

  it(
    'when an agent or an admin grants a special category over the API, ' +
      'then it is refused and naming the field; the customer can in the ' +
      'portal',
    async () => {
      const special = {
        id: 'k_health',
        purpose: 'essential',
        categories: ['user.behavior', 'user.health_and_medical'],
        status: 'granted',
        source: 'chat',
      };
      for (const token of [s.tokens.agent, s.tokens.admin]) {
        const res = await s.api('POST', '/customers/c_dana/consents', { consent: special, ticketId: 'T-1' }, token);
        expect(res).toMatchObject({
          status: 403,
          body: { error: { code: 'needs_customer', path: ['consent', 'categories', 1] } },
        });
        expect(res.body.error.message).toContain('only the customer can allow it, in the privacy portal');
      }
      expect(
        (await s.api('GET', '/customers/c_dana/consents', undefined, s.tokens.admin)).body.consents.map(
          (k: { id: string }) => k.id,
        ),
      ).toEqual(['k1']);
    },
  );
});
