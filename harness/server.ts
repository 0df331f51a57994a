/** Starts a real Candor server on port 0 with a temporary SQLite file, and real clients for it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { parseConfig } from '../server/config.js';
import { createApp } from '../server/app.js';
import { createLogger } from '../server/log.js';
import { loadAssistSettings } from '../server/assist/settings.js';
import { configuredEngine, engineFor } from '../server/assist/engines.js';
import { keysIn, openSqliteStore } from '../server/store/index.js';
import { usePublished } from '../server/prompts/publish.js';
import { importArticleDir } from '../server/articles/changes.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../server/protocol/events.js';
import { Role } from '../server/protocol/domain.js';
import { portalLinkIn, startSmtp } from './smtp.js';

export type PanelClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `smtp: false` starts no mail server: with `CANDOR_DEMO: 'true'` mail then goes to the demo's
 * outbox (example addresses only), as after `npm start`. `log` receives every log line the server
 * writes, at debug level (silent without it).
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { smtp?: boolean; log?: (line: string) => void } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-test-'));
  // A real SMTP server on loopback receives what Candor mails (portal links), unless the test names another.
  const mail = env.CANDOR_SMTP_URL || options.smtp === false ? null : await startSmtp();
  const config = parseConfig({
    CANDOR_DATA_DIR: dir,
    CANDOR_DEMO: 'false',
    ...(mail ? { CANDOR_SMTP_URL: mail.url } : {}),
    ...env,
  });
  const store = await openSqliteStore(dir, { ...config, ...keysIn(dir) });
  const log = options.log ? createLogger('debug', options.log) : createLogger('silent');
  const name = configuredEngine(config);
  const settings = loadAssistSettings(config, config.CANDOR_PROMPTS_DIR, { model: name === 'openai' });
  const engine = engineFor(name, config, settings, log);
  await usePublished({ store, settings, model: name === 'openai' }, config.CANDOR_PROMPTS_DIR);
  const listen = async (port: number) => {
    const app = createApp({ store, settings, engine, config, log });
    await new Promise<void>((resolve) => app.httpServer.listen(port, '127.0.0.1', resolve));
    return app;
  };
  let { app, httpServer, io, mailer, notifyArticles } = await listen(0);
  // Articles only when a test names a folder: the others' suggestions stay as they were written against.
  if (env.CANDOR_ARTICLES_DIR)
    await importArticleDir(
      { store, notifyArticles },
      env.CANDOR_ARTICLES_DIR,
      { actor: 'system', channel: 'test' },
      true,
    );
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const tokens = {} as Record<Role, string>;
  for (const role of Role.options)
    tokens[role] = (await store.tokens.create(`test ${role}`, role, { actor: 'test', channel: 'test' })).token;

  const sockets: PanelClient[] = [];
  // A browser's keep-alive or half-open upgrade would hold close() open: drop every connection.
  const stop = async () => {
    const closed = new Promise<void>((resolve) => io.close(() => resolve()));
    httpServer.closeAllConnections();
    mailer.close();
    await closed;
  };
  return {
    url,
    dir,
    store,
    tokens,
    /** The express app and socket.io server as they run now (a restart makes new ones). */
    get app() {
      return app;
    },
    get io() {
      return io;
    },
    /** What Candor mailed, as the customer receives it. */
    mail: mail!,
    /**
     * Has a portal link mailed to the customer (by an agent, as the panel does) and answers the link
     * as it arrived in their mailbox.
     */
    async portalLink(customerId: string, email: string): Promise<string> {
      const arrived = mail!.next(email);
      const res = await this.api('POST', `/customers/${customerId}/portal-links`, {}, tokens.agent);
      if (res.status !== 201) throw new Error(`portal link: ${res.status} ${JSON.stringify(res.body)}`);
      return portalLinkIn(await arrived)!;
    },
    /** A REST call; `body` is sent as JSON unless it is a string (sent raw). */
    async api(
      method: string,
      route: string,
      body?: unknown,
      token: string | null = tokens.admin,
      headers: Record<string, string> = {},
    ) {
      const res = await fetch(`${url}/api/v1${route}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    /** A connected side-panel socket (resolves once connected, rejects on connect_error). */
    panel(token: string = tokens.agent, extra: { origin?: string } = {}): Promise<PanelClient> {
      const socket: PanelClient = connect(`${url}/panel`, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: extra.origin ? { origin: extra.origin } : {},
      });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    },
    /** Stops listening, dropping every socket, then serves again on the same port and store. */
    async restart(downMs = 0) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      ({ app, httpServer, io, mailer } = await listen(port));
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await stop();
      store.close();
      await mail?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startServer>>;

/** Emil, a second customer beside Dana: one street address, `f_emil`, and no consent. */
export async function seedEmil(s: TestServer) {
  await s.api('PUT', '/customers/c_emil', { displayName: 'Emil L.', email: 'emil@example.org' });
  await s.api('POST', '/customers/c_emil/facts', {
    facts: [
      {
        id: 'f_emil',
        category: 'user.contact.address.street',
        text: 'Lives at Storgatan 1',
        source: 'crm',
        collectedAt: '2026-01-01T00:00:00Z',
      },
    ],
  });
}

/** Dana: an order she allowed for support, and a street address she did not. */
export async function seedDana(s: TestServer) {
  await s.api('PUT', '/customers/c_dana', { displayName: 'Dana K.', email: 'dana@example.org' });
  await s.api('POST', '/customers/c_dana/facts', {
    facts: [
      {
        id: 'f1',
        category: 'user.behavior.purchase_history',
        text: 'Blender Pro 3000, order #1042, delivered 14 Nov 2026',
        value: { order: '1042' },
        source: 'orders',
        collectedAt: '2026-11-14T10:00:00Z',
      },
      {
        id: 'f2',
        category: 'user.contact.address.street',
        text: '12 Harbour Road, Portlow',
        value: { street: '12 Harbour Road' },
        source: 'crm',
        collectedAt: '2026-01-05T10:00:00Z',
      },
    ],
  });
  await s.api('POST', '/customers/c_dana/consents/import', {
    system: 'the test seed',
    consents: [
      {
        id: 'k1',
        purpose: 'essential.service.operations.support',
        categories: ['user.behavior.purchase_history'],
        status: 'granted',
        at: '2026-03-01T00:00:00Z',
        source: 'checkout',
      },
    ],
  });
}

/**
 * Gives Dana a purchase fact whose text is `text` (markup, in the rendering tests) and a consent
 * (`k_again`) that lets it reach the agent, so the page has to show it.
 */
export async function plantDanaPurchase(s: TestServer, text: string) {
  await s.api('POST', '/customers/c_dana/facts', {
    facts: [
      {
        id: 'f_xss',
        category: 'user.behavior.purchase_history',
        text,
        source: 'orders',
        collectedAt: '2026-11-18T10:00:00Z',
      },
    ],
  });
  await s.api('POST', '/customers/c_dana/consents', {
    consent: { id: 'k_again', purpose: 'essential', categories: ['user.behavior'], status: 'granted', source: 'chat' },
  });
}

export const danaTicket = {
  ticketId: 'T-1',
  customerId: 'c_dana',
  conversation: [{ role: 'customer' as const, text: 'Hi, my blender stopped working after a week.' }],
};
