/**
 * The `/panel` namespace. A panel authenticates with its bearer token at connect, opens tickets,
 * and from then on is pushed a new view whenever the customer's consents, flags or facts change.
 * Middleware runs only at connect, so revocation and consent changes reach open sockets by push
 * or disconnect.
 */
import type { Server, Socket } from 'socket.io';
import { TicketRef, type AssistView } from '../protocol/assist.js';
import { distance } from 'fastest-levenshtein';
import { PANEL_NAMESPACE, PortalLinkRequest, SuggestionOutcome, TicketClose, type Ack, type ClientToServerEvents, type Notice, type ServerToClientEvents, type SocketData } from '../protocol/events.js';
import { AppError, parseInput } from '../errors.js';
import { authorize } from '../permissions/authorize.js';
import { checkDepth } from '../protocol/depth.js';
import { tooManyFailures, type AttemptLimit } from '../permissions/attempts.js';
import { PANEL_EVENTS } from '../permissions/table.js';
import { openTicket, refreshTicket, resolveCustomerId, type AssistDeps } from '../assist/service.js';
import { viewOf } from '../assist/assist.js';
import type { AuditDraft } from '../audit/chain.js';
import type { Suggestion } from '../protocol/assist.js';
import { createMasker } from '../masking/index.js';
import type { Recorder } from '../recorder/recorder.js';
import type { InterServerEvents } from './cluster.js';
import type { PortalLinkAnswer } from '../protocol/portal.js';

export type PanelServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type PanelSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const actorOf = (s: PanelSocket) => `${s.data.role}:${s.data.tokenId}`;
/** Suggestion ids hash their text, so two tickets can show the same id. */
const shownKey = (ticketId: string, suggestionId: string) => `${ticketId}\u0000${suggestionId}`;
const customerRoom = (id: string) => `customer:${id}`;
const tokenRoom = (id: string) => `token:${id}`;

/**
 * Runs an event's handler once the permission table allows the socket's role its action, and
 * answers through the ack: `{ ok: true, data }` or `{ ok: false, error }`. The payload's depth is
 * bounded before any schema walks it.
 */
function handle<E extends keyof typeof PANEL_EVENTS, T>(deps: AssistDeps, socket: PanelSocket, event: E, run: (payload: unknown) => Promise<T>) {
  return async (payload: unknown, ack: Ack<T>) => {
    if (typeof ack !== 'function') return; // every event takes an ack; without one nobody hears the answer
    try {
      authorize({ kind: socket.data.role, actor: actorOf(socket) }, PANEL_EVENTS[event]);
      checkDepth(payload);
      ack({ ok: true, data: await run(payload) });
    } catch (e) {
      if (e instanceof AppError) {
        if (e.status === 403) deps.log.warn('refused', { code: e.code, event, caller: actorOf(socket), client: socket.handshake.address });
        return ack({ ok: false, error: e.toJSON() });
      }
      deps.log.error('socket handler failed', { error: (e as Error).name, stack: (e as Error).stack?.split('\n').slice(0, 4).join(' | ') });
      ack({ ok: false, error: { code: 'internal', message: 'something went wrong on the server', path: [] } });
    }
  };
}

/** Mails a portal link to a customer's address on file, on behalf of `actor`; answers where it went. */
export type PortalLinks = (customerId: string, actor: string) => Promise<PortalLinkAnswer>;

export function attachPanels(io: PanelServer, deps: AssistDeps, recorder: Recorder, portalLink: PortalLinks, failures: AttemptLimit) {
  const nsp = io.of(PANEL_NAMESPACE);

  nsp.use(async (socket, next) => {
    const client = socket.handshake.address;
    const refuse = (body: { code: string; message: string } & Record<string, unknown>) => {
      deps.log.warn('refused', { code: body.code, event: 'connect', caller: null, client });
      next(Object.assign(new Error(body.code), { data: body }));
    };
    // Wrong tokens count against the client's address, as over REST: past the limit it is refused before any lookup.
    const blocked = await failures.blockedFor(client);
    if (blocked) return refuse(tooManyFailures(blocked).toJSON());
    const token: unknown = socket.handshake.auth?.token;
    const record = typeof token === 'string' ? await deps.store.tokens.authenticate(token).catch(() => null) : null;
    if (!record) {
      if (typeof token === 'string') await failures.count(client);
      return refuse({ code: 'unauthorized', message: typeof token === 'string' ? 'invalid or revoked token' : 'missing token (auth: { token })' });
    }
    socket.data = { tokenId: record.id, role: record.role, tickets: new Map(), shown: new Map() };
    void socket.join(tokenRoom(record.id));
    next();
  });

  nsp.on('connection', (socket) => {
    socket.on('ticket:open', handle(deps, socket, 'ticket:open', async (payload) => {
      const ref = parseInput(TicketRef, payload);
      const customerId = await resolveCustomerId(deps.store, ref);
      const previous = socket.data.tickets.get(ref.ticketId);
      if (previous && previous.customerId !== customerId) {
        leaveIfUnused(socket, previous.customerId, ref.ticketId);
        recorder.closed(ref.ticketId, previous.customerId);
      }
      const ticket = { ticketId: ref.ticketId, customerId, conversation: ref.conversation, agentName: ref.agentName };
      socket.data.tickets.set(ref.ticketId, ticket);
      await socket.join(customerRoom(customerId));
      // A change to the customer's data from here on (its push may reach the panel before this
      // answer does) means the view is checked against the data as it then stands before it is shown.
      const version = versions.get(customerId) ?? 0;
      const unchanged = () => (versions.get(customerId) ?? 0) === version;
      const current = async (view: AssistView) => {
        if (unchanged()) return view;
        const snap = await deps.store.customers.snapshot(customerId);
        if (!snap) throw new AppError('customer_not_found', 'the customer was removed', 404, ['customerId']);
        const fresh = await refreshTicket(deps, snap, ticket, view, actorOf(socket));
        await deps.store.audit.append(fresh.audit);
        return fresh.view;
      };
      const opened = await openTicket(deps, ticket, actorOf(socket));
      await recorder.ticket(ticket);
      const remember = (view: AssistView) => {
        // Unless the ticket was opened again meanwhile, this is now what the panel shows.
        if (socket.data.tickets.get(ref.ticketId)?.conversation === ticket.conversation) socket.data.tickets.set(ref.ticketId, { ...ticket, last: view });
        noteShown(socket, customerId, view);
        return view;
      };
      if (deps.engine.name === 'offline') return remember(await current(await opened.finish()));
      // A model takes seconds: answer with the context now and stream each guarded suggestion;
      // streaming stops if the customer's data changes, and the final view is checked again.
      void opened
        .finish((suggestion) => {
          if (!unchanged()) return;
          socket.data.shown.set(shownKey(ref.ticketId, suggestion.id), { ticketId: ref.ticketId, customerId, engine: deps.engine.name, suggestion });
          socket.emit('assist:suggestion', { ticketId: ref.ticketId, suggestion });
        })
        .then(current)
        .then((view) => {
          socket.emit('assist:complete', remember(view));
          return recorder.ticket(ticket); // the model's exchange is in the audit log now
        })
        .catch((e: Error) => deps.log.error('model suggestions failed', { customerId, error: e.name }));
      return viewOf(ref.ticketId, opened.ctx, { suggestions: [], rejected: [], engine: deps.engine.name, note: null }, true);
    }));

    // Only for a ticket open in this panel: an agent sends the link to the customer they are helping.
    socket.on('portal:link', handle(deps, socket, 'portal:link', async (payload) => {
      const { ticketId } = parseInput(PortalLinkRequest, payload);
      const ticket = socket.data.tickets.get(ticketId);
      if (!ticket) throw new AppError('ticket_not_open', 'a portal link is sent to the customer of a ticket open in this panel; open the ticket first', 404, ['ticketId']);
      return portalLink(ticket.customerId, actorOf(socket));
    }));

    socket.on('ticket:close', handle(deps, socket, 'ticket:close', async (payload) => {
      const { ticketId } = parseInput(TicketClose, payload);
      const ticket = socket.data.tickets.get(ticketId);
      if (ticket) {
        leaveIfUnused(socket, ticket.customerId, ticketId);
        recorder.closed(ticketId, ticket.customerId);
      }
      return null;
    }));

    socket.on('suggestion:outcome', handle(deps, socket, 'suggestion:outcome', async (payload) => {
      const outcome = parseInput(SuggestionOutcome, payload);
      const shown = socket.data.shown.get(shownKey(outcome.ticketId, outcome.suggestionId));
      if (!shown) {
        throw new AppError('suggestion_not_found', `no suggestion "${outcome.suggestionId}" was shown on ticket "${outcome.ticketId}" to this panel`, 404, ['suggestionId']);
      }
      await deps.store.outcomes.record({
        actor: actorOf(socket),
        ticketId: shown.ticketId,
        customerId: shown.customerId,
        suggestionId: shown.suggestion.id,
        template: shown.suggestion.template,
        engine: shown.engine,
        action: outcome.action,
        ...privateParts(socket, shown, outcome),
      });
      return null;
    }));
  });

  /** Edits and reasons are the agent's free text: the lead sees their wording with the PII masked. */
  function privateParts(socket: PanelSocket, shown: { ticketId: string; suggestion: Suggestion }, o: SuggestionOutcome) {
    const ticket = socket.data.tickets.get(shown.ticketId);
    const names = [ticket?.last?.context.customer.displayName, ticket?.agentName].filter((n): n is string => !!n);
    const masker = createMasker({ names });
    return {
      edit: o.action === 'edited' ? { text: masker.mask(o.text), distance: distance(shown.suggestion.text, o.text) } : null,
      rating: o.action === 'rated' ? o.rating : null,
      reason: o.action === 'rated' && o.reason ? masker.mask(o.reason) : null,
    };
  }

  function noteShown(socket: PanelSocket, customerId: string, view: AssistView) {
    for (const suggestion of view.suggestions) socket.data.shown.set(shownKey(view.ticketId, suggestion.id), { ticketId: view.ticketId, customerId, engine: view.engine, suggestion });
  }

  function leaveIfUnused(socket: PanelSocket, customerId: string, closing: string) {
    socket.data.tickets.delete(closing);
    for (const [id, s] of socket.data.shown) if (s.ticketId === closing) socket.data.shown.delete(id);
    if (![...socket.data.tickets.values()].some((t) => t.customerId === customerId)) void socket.leave(customerRoom(customerId));
  }

  // Changes to one customer are pushed in order: a later notice never overtakes an earlier one.
  const queues = new Map<string, Promise<void>>();
  /** How many changes each customer has had since start: a model answer begun before one is checked again. */
  const versions = new Map<string, number>();

  async function push(customerId: string, notice: Notice) {
    // This server's own panels only: with several servers each updates its own, told by the others (realtime/cluster.ts).
    const sockets = (await nsp.local.in(customerRoom(customerId)).fetchSockets()) as unknown as PanelSocket[];
    if (sockets.length === 0) return;
    const snap = await deps.store.customers.snapshot(customerId);
    if (!snap) return;
    const out: { socket: PanelSocket; view: AssistView }[] = [];
    const audit: AuditDraft[] = [];
    for (const socket of sockets) {
      for (const [ticketId, t] of socket.data.tickets) {
        if (t.customerId !== customerId) continue;
        const built = await refreshTicket(deps, snap, { ticketId, ...t }, t.last, actorOf(socket));
        socket.data.tickets.set(ticketId, { ...t, last: built.view });
        noteShown(socket, customerId, built.view);
        out.push({ socket, view: built.view });
        audit.push(...built.audit);
      }
    }
    await deps.store.audit.append(audit); // recorded before anyone sees it
    for (const { socket, view } of out) socket.emit('assist:updated', { view, notice });
  }

  return {
    notify(customerId: string, notice: Notice): Promise<void> {
      versions.set(customerId, (versions.get(customerId) ?? 0) + 1);
      const next = (queues.get(customerId) ?? Promise.resolve())
        .then(() => push(customerId, notice))
        .catch((e: Error) => {
          deps.log.error('push to panels failed', { customerId, error: e.name });
        })
        .then(() => recorder.changed(customerId)); // in the same order as the pushes; it never rejects
      queues.set(customerId, next);
      void next.finally(() => queues.get(customerId) === next && queues.delete(customerId));
      return next;
    },
    disconnectToken(tokenId: string) {
      nsp.in(tokenRoom(tokenId)).disconnectSockets(true);
    },
  };
}
