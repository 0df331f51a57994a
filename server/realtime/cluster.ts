/**
 * Several Candor servers behind one address. socket.io's PostgreSQL adapter carries messages
 * between them over LISTEN/NOTIFY (no extra component): a change made through any server is
 * announced to the others, and each recomputes the views of the panels connected to it. Socket
 * management (disconnecting a revoked token's sockets) crosses servers through the adapter too.
 */
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { z } from 'zod';
import { Notice, PANEL_NAMESPACE } from '../protocol/events.js';
import type { Logger } from '../log.js';
import type { PanelServer } from './panel.js';

export type Adapter = ReturnType<typeof createAdapter>;

/** The adapter, on a small pool of its own (one connection listens; the others notify). */
export function postgresAdapter(url: string, log: Logger): { adapter: Adapter; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  pool.on('error', (e) => log.error('socket.io adapter connection failed', { error: e.name }));
  return {
    adapter: createAdapter(pool, { errorHandler: (e) => log.error('socket.io adapter error', { error: e.name }) }),
    close: () => pool.end(),
  };
}

/** What one server tells the others: this customer's data changed, with the panel's notice. */
export const CustomerChanged = z.tuple([z.string().min(1).max(128), Notice]);

/** What one server tells the others: the help centre changed, with the panels' notice. */
export const ArticlesChanged = z.tuple([Notice]);

export interface InterServerEvents {
  'customer:changed': (customerId: string, notice: Notice) => void;
  'articles:changed': (notice: Notice) => void;
}

/**
 * The push every change goes through: this server's panels, and with several servers (`clustered`)
 * an announcement the others act on for theirs. Announcements are parsed like any other input.
 */
export function clusterNotify(
  io: PanelServer,
  local: (customerId: string, notice: Notice) => Promise<void>,
  clustered: boolean,
  log: Logger,
) {
  const nsp = io.of(PANEL_NAMESPACE);
  nsp.on('customer:changed', (...args: unknown[]) => {
    const parsed = CustomerChanged.safeParse(args);
    if (parsed.success) void local(...parsed.data);
    else log.warn('ignored a malformed message from another server', { event: 'customer:changed' });
  });
  return async (customerId: string, notice: Notice) => {
    if (clustered) nsp.serverSideEmit('customer:changed', customerId, notice);
    await local(customerId, notice);
  };
}

/** The same for a change to the help centre, which concerns every open panel on every server. */
export function clusterNotifyAll(
  io: PanelServer,
  local: (notice: Notice) => Promise<void>,
  clustered: boolean,
  log: Logger,
) {
  const nsp = io.of(PANEL_NAMESPACE);
  nsp.on('articles:changed', (...args: unknown[]) => {
    const parsed = ArticlesChanged.safeParse(args);
    if (parsed.success) void local(...parsed.data);
    else log.warn('ignored a malformed message from another server', { event: 'articles:changed' });
  });
  return async (notice: Notice) => {
    if (clustered) nsp.serverSideEmit('articles:changed', notice);
    await local(notice);
  };
}
