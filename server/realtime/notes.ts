/** `notes:setting` and `reply:notes`: customer notes for a reply built on a suggestion this panel was shown. */
import { NotesSettingRequest, ReplyNotesRequest } from '../protocol/events.js';
import { AppError, parseInput } from '../errors.js';
import type { AssistDeps } from '../assist/service.js';
import { notesFor, notesSetting } from '../assist/notes.js';
import { handle, shownKey, type PanelSocket } from './handle.js';
import type { PanelLinks } from './portal-links.js';

export function registerNotesHandlers(socket: PanelSocket, deps: AssistDeps, links: PanelLinks) {
  socket.on(
    'notes:setting',
    handle(deps.log, socket, 'notes:setting', async (payload) => {
      parseInput(NotesSettingRequest, payload);
      return notesSetting(deps.store);
    }),
  );
  socket.on(
    'reply:notes',
    handle(deps.log, socket, 'reply:notes', async (payload) => {
      const { ticketId, suggestionId } = parseInput(ReplyNotesRequest, payload);
      const ticket = socket.data.tickets.get(ticketId);
      const shown = socket.data.shown.get(shownKey(ticketId, suggestionId));
      if (!ticket || !shown)
        throw new AppError(
          'suggestion_not_found',
          `no suggestion "${suggestionId}" was shown on ticket "${ticketId}" open in this panel`,
          404,
          ['suggestionId'],
        );
      const customerId = ticket.customerId;
      return notesFor(deps, { ticketId, ...ticket }, shown.suggestion, () => ({
        portal: links.portalStart(),
        pause: links.pause(customerId).url,
      }));
    }),
  );
}
