/** What every panel event handler shares: the socket's types, names for its rooms, and the answer through the ack. */
import type { Server, Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, ServerToClientEvents, SocketData } from '../protocol/events.js';
import { AppError } from '../errors.js';
import { authorize } from '../permissions/authorize.js';
import { checkDepth } from '../protocol/depth.js';
import { PANEL_EVENTS } from '../permissions/table.js';
import type { Logger } from '../log.js';
import type { InterServerEvents } from './cluster.js';

export type PanelServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PanelSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const actorOf = (s: PanelSocket) => `${s.data.role}:${s.data.tokenId}`;
export const customerRoom = (id: string) => `customer:${id}`;
export const tokenRoom = (id: string) => `token:${id}`;
/** Suggestion ids hash their text, so two tickets can show the same id. */
export const shownKey = (ticketId: string, suggestionId: string) => `${ticketId}\u0000${suggestionId}`;

/**
 * Runs an event's handler once the permission table allows the socket's role its action, and
 * answers through the ack: `{ ok: true, data }` or `{ ok: false, error }`. The payload's depth is
 * bounded before any schema walks it.
 */
export function handle<E extends keyof typeof PANEL_EVENTS, T>(
  log: Logger,
  socket: PanelSocket,
  event: E,
  run: (payload: unknown) => Promise<T>,
) {
  return async (payload: unknown, ack: Ack<T>) => {
    if (typeof ack !== 'function') return; // every event takes an ack; without one nobody hears the answer
    try {
      authorize({ kind: socket.data.role, actor: actorOf(socket) }, PANEL_EVENTS[event]);
      checkDepth(payload);
      ack({ ok: true, data: await run(payload) });
    } catch (e) {
      if (e instanceof AppError) {
        if (e.status === 403)
          log.warn('refused', { code: e.code, event, caller: actorOf(socket), client: socket.handshake.address });
        return ack({ ok: false, error: e.toJSON() });
      }
      log.error('socket handler failed', {
        error: (e as Error).name,
        stack: (e as Error).stack?.split('\n').slice(0, 4).join(' | '),
      });
      ack({ ok: false, error: { code: 'internal', message: 'something went wrong on the server', path: [] } });
    }
  };
}
