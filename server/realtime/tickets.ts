/** `ticket:open` and `ticket:close`: a panel's tickets, the customers' rooms it sits in, and what it was shown. */
import { TicketRef, type AssistView } from '../protocol/assist.js';
import { TicketClose } from '../protocol/events.js';
import { AppError, parseInput } from '../errors.js';
import { openTicket, resolveCustomerId, type AssistDeps } from '../assist/service.js';
import { watch } from '../assist/watched.js';
import type { Recorder } from '../recorder/recorder.js';
import { actorOf, customerRoom, handle, shownKey, type PanelSocket } from './handle.js';
import { receiveFromTicket } from '../requests/register.js';
import type { DeadlineRule } from '../protocol/requests.js';

/**
 * Tickets one panel may hold open at once. The extension holds one and closes it when the agent moves on; a client
 * that only ever opened would make the server keep a view, a room and a recomputation on every change for each.
 */
export const OPEN_TICKETS_PER_PANEL = 50;

/** Every suggestion of a view is what this panel may report an outcome on. */
export function noteShown(socket: PanelSocket, customerId: string, view: AssistView) {
  for (const suggestion of view.suggestions)
    socket.data.shown.set(shownKey(view.ticketId, suggestion.id), {
      ticketId: view.ticketId,
      customerId,
      engine: view.engine,
      suggestion,
    });
}

function leaveIfUnused(socket: PanelSocket, customerId: string, closing: string) {
  socket.data.tickets.delete(closing);
  for (const [id, s] of socket.data.shown) if (s.ticketId === closing) socket.data.shown.delete(id);
  for (const [id, f] of socket.data.flags) if (f.ticketId === closing) socket.data.flags.delete(id);
  if (![...socket.data.tickets.values()].some((t) => t.customerId === customerId))
    void socket.leave(customerRoom(customerId));
}

export function registerTicketHandlers(
  socket: PanelSocket,
  deps: AssistDeps,
  recorder: Recorder,
  changesOf: (customerId: string) => number,
  requestRule: DeadlineRule,
) {
  socket.on(
    'ticket:open',
    handle(deps.log, socket, 'ticket:open', async (payload) => {
      const ref = parseInput(TicketRef, payload);
      const customerId = await resolveCustomerId(deps.store, ref);
      // Counted where the ticket is kept, with no await between: opens sent together must not all pass the count.
      if (!socket.data.tickets.has(ref.ticketId) && socket.data.tickets.size >= OPEN_TICKETS_PER_PANEL)
        throw new AppError(
          'too_many_tickets',
          `this panel already has ${OPEN_TICKETS_PER_PANEL} tickets open: close one (ticket:close) before opening another`,
          429,
          ['ticketId'],
        );
      const previous = socket.data.tickets.get(ref.ticketId);
      if (previous && previous.customerId !== customerId) {
        leaveIfUnused(socket, previous.customerId, ref.ticketId);
        recorder.closed(ref.ticketId, previous.customerId);
      }
      const ticket = {
        ticketId: ref.ticketId,
        customerId,
        conversation: ref.conversation,
        agentName: ref.agentName,
        language: ref.language,
      };
      socket.data.tickets.set(ref.ticketId, ticket);
      await socket.join(customerRoom(customerId));
      const seen = changesOf(customerId);
      const opened = await openTicket(deps, ticket, actorOf(socket));
      // The deadline runs from when the customer asked, whatever the agent does next.
      await receiveFromTicket(deps.store, requestRule, ticket, { actor: actorOf(socket), channel: 'panel' });
      // Recorded before a model is asked, so the recording keeps what it was sent.
      await recorder.ticket(ticket);
      const watched = await watch(deps, opened, ticket, actorOf(socket), {
        unchanged: () => changesOf(customerId) === seen,
        onSuggestion(suggestion) {
          socket.data.shown.set(shownKey(ref.ticketId, suggestion.id), {
            ticketId: ref.ticketId,
            customerId,
            engine: deps.engine.name,
            suggestion,
          });
          socket.emit('assist:suggestion', { ticketId: ref.ticketId, suggestion });
        },
      });
      const remember = (view: AssistView) => {
        // Unless the ticket was opened again meanwhile, this is now what the panel shows.
        if (socket.data.tickets.get(ref.ticketId)?.conversation === ticket.conversation)
          socket.data.tickets.set(ref.ticketId, { ...ticket, last: view });
        noteShown(socket, customerId, view);
        return view;
      };
      if (!watched.later) return remember(watched.now);
      void watched.later
        .then((view) => {
          socket.emit('assist:complete', remember(view));
          return recorder.ticket(ticket); // the model's exchange is in the audit log now
        })
        .catch((e: Error) => deps.log.error('model suggestions failed', { customerId, error: e.name }));
      return watched.now;
    }),
  );

  socket.on(
    'ticket:close',
    handle(deps.log, socket, 'ticket:close', async (payload) => {
      const { ticketId } = parseInput(TicketClose, payload);
      const ticket = socket.data.tickets.get(ticketId);
      if (ticket) {
        leaveIfUnused(socket, ticket.customerId, ticketId);
        recorder.closed(ticketId, ticket.customerId);
      }
      return null;
    }),
  );
}
