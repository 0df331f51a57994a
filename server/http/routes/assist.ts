/** A ticket's assist over REST: the same view a panel receives over the socket. */
import { Router } from 'express';
import { TicketRef } from '../../protocol/assist.js';
import { assistFor, resolveCustomerId, type AssistDeps } from '../../assist/service.js';
import { auth } from '../auth.js';
import { parseInput } from '../errors.js';

export function assistRoutes(deps: AssistDeps): Router {
  const r = Router();
  r.post('/assist', async (req, res) => {
    const ref = parseInput(TicketRef, req.body);
    const customerId = await resolveCustomerId(deps.store, ref);
    const view = await assistFor(deps, { ticketId: ref.ticketId, customerId, conversation: ref.conversation }, auth(req).actor);
    res.json(view);
  });
  return r;
}
