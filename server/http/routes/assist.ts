/** A ticket's assist over REST: the same view a panel receives over the socket. */
import { Router } from 'express';
import { TicketRef } from '../../protocol/assist.js';
import { modelCallOf } from '../../audit/model-call.js';
import { assistFor, resolveCustomerId, stillPermitted, type AssistDeps } from '../../assist/service.js';
import { allow, caller } from '../../web/auth.js';
import { AppError, parseInput } from '../../errors.js';
import { z } from 'zod';

export function assistRoutes(deps: AssistDeps): Router {
  const r = Router();
  r.post('/assist', allow('assist.use'), async (req, res) => {
    const ref = parseInput(TicketRef, req.body);
    const customerId = await resolveCustomerId(deps.store, ref);
    const view = await assistFor(
      deps,
      {
        ticketId: ref.ticketId,
        customerId,
        conversation: ref.conversation,
        agentName: ref.agentName,
        language: ref.language,
      },
      caller(req).actor,
    );
    res.json(view);
  });
  // "What the AI saw": the masked prompt exactly as it was sent, while the facts in it may still be shown.
  r.get('/model-calls/:seq', allow('model_call.read'), async (req, res) => {
    const seq = parseInput(z.coerce.number().int().positive(), req.params.seq, ['params', 'seq']);
    const entry = await deps.store.audit.get(seq);
    if (entry?.kind !== 'model.called')
      throw new AppError('model_call_not_found', `no model call ${seq}`, 404, ['params', 'seq']);
    const call = modelCallOf(entry);
    if (!call)
      throw new AppError('erased', `the prompt of model call ${seq} was erased at the customer's request`, 410, [
        'params',
        'seq',
      ]);
    if (!entry.customerId || !(await stillPermitted(deps, entry.customerId, call.factIds))) {
      throw new AppError(
        'no_longer_shown',
        `model call ${seq} carried facts the customer's consents no longer permit to be shown`,
        410,
        ['params', 'seq'],
      );
    }
    res.json(call);
  });
  return r;
}
