/** The panel's socket to the Candor server: typed events, reconnection, and what state it is in. */
import { io, type Socket } from 'socket.io-client';
import { t } from '../shared/i18n.js';
import { PANEL_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '../../server/protocol/events.js';

export type PanelSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; attempt: number; reason: string }
  | { kind: 'refused'; message: string };

/** `tokenHint` tells the agent what to do about a refused token, where this panel runs. */
export function connect(
  serverUrl: string,
  token: string,
  tokenHint: string,
  onState: (s: ConnectionState) => void,
): PanelSocket {
  const socket: PanelSocket = io(new URL(PANEL_NAMESPACE, serverUrl).href, {
    auth: { token },
    // WebSocket only: no long-polling fallback, so nothing depends on sticky sessions.
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  onState({ kind: 'connecting' });
  socket.on('connect', () => onState({ kind: 'connected' }));
  socket.on('disconnect', (reason) => {
    // A server-side disconnect (token revoked) is not retried by socket.io; say so rather than wait.
    if (reason === 'io server disconnect') onState({ kind: 'refused', message: t('conn_closed') });
    else onState({ kind: 'reconnecting', attempt: 0, reason: t('conn_lost') });
  });
  socket.io.on('reconnect_attempt', (attempt) =>
    onState({ kind: 'reconnecting', attempt, reason: t('conn_unreachable') }),
  );
  socket.on('connect_error', (err) => {
    const data = (err as Error & { data?: { code?: string; message?: string } }).data;
    if (data?.code === 'unauthorized')
      onState({ kind: 'refused', message: t('conn_token_refused', data.message ?? 'unauthorized', tokenHint) });
    else if (!socket.active) onState({ kind: 'refused', message: err.message });
    else onState({ kind: 'reconnecting', attempt: 0, reason: err.message });
  });
  return socket;
}

/** How long an event may wait for its ack before the panel says the server did not answer. */
const ACK_TIMEOUT_MS = 10_000;

type Events = ClientToServerEvents;
type AckAnswer<E extends keyof Events> = Parameters<Parameters<Events[E]>[1]>[0];
type AckData<E extends keyof Events> = Extract<AckAnswer<E>, { ok: true }>['data'];

/** Emits and waits for the ack: its data, or the server's error thrown (its message, and its `code` to act on). */
export async function request<E extends keyof Events>(
  socket: PanelSocket,
  event: E,
  payload: Parameters<Events[E]>[0],
): Promise<AckData<E>> {
  // socket.io's typings cannot follow a generic event name through `emitWithAck`; the shapes are the protocol's.
  const timed = socket.timeout(ACK_TIMEOUT_MS);
  const emit = timed.emitWithAck as unknown as (e: E, p: unknown) => Promise<AckAnswer<E>>;
  const answer = await emit.call(timed, event, payload).catch(() => {
    throw new Error(t('conn_no_answer'));
  });
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.data as AckData<E>;
}
