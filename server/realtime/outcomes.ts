/** `suggestion:outcome`: what the agent did with a suggestion this panel was shown, kept for the team lead. */
import { distance } from 'fastest-levenshtein';
import { SuggestionOutcome } from '../protocol/events.js';
import type { Suggestion } from '../protocol/assist.js';
import { AppError, parseInput } from '../errors.js';
import { createMasker } from '../masking/index.js';
import type { AssistDeps } from '../assist/service.js';
import { actorOf, handle, shownKey, type PanelSocket } from './handle.js';

/** Edits and reasons are the agent's free text: the lead sees their wording with the PII masked. */
function privateParts(socket: PanelSocket, shown: { ticketId: string; suggestion: Suggestion }, o: SuggestionOutcome) {
  const ticket = socket.data.tickets.get(shown.ticketId);
  const names = [ticket?.last?.context.customer.displayName, ticket?.agentName].filter((n): n is string => !!n);
  const masker = createMasker({ names });
  return {
    edit:
      o.action === 'edited' ? { text: masker.mask(o.text), distance: distance(shown.suggestion.text, o.text) } : null,
    rating: o.action === 'rated' ? o.rating : null,
    reason: o.action === 'rated' && o.reason ? masker.mask(o.reason) : null,
  };
}

export function registerOutcomeHandlers(socket: PanelSocket, deps: AssistDeps) {
  socket.on(
    'suggestion:outcome',
    handle(deps.log, socket, 'suggestion:outcome', async (payload) => {
      const outcome = parseInput(SuggestionOutcome, payload);
      const shown = socket.data.shown.get(shownKey(outcome.ticketId, outcome.suggestionId));
      if (!shown)
        throw new AppError(
          'suggestion_not_found',
          `no suggestion "${outcome.suggestionId}" was shown on ticket "${outcome.ticketId}" to this panel`,
          404,
          ['suggestionId'],
        );
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
    }),
  );
}
