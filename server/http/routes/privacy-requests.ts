/**
 * `GET /privacy-requests` (by due date; `status`, `overdue`; each with the customer's name) and `POST /privacy-requests/:requestId/refusal`: the
 * register for leads, admins and the privacy officer. Nothing here fulfils a request: only the customer's act does.
 */
import { Router } from 'express';
import { PrivacyRequestQuery, RequestRefusal } from '../../protocol/requests.js';
import { Id } from '../../protocol/domain.js';
import { allow, caller } from '../../web/auth.js';
import { AppError, parseInput } from '../../errors.js';
import type { HttpDeps } from '../deps.js';

export function privacyRequestRoutes({ store }: HttpDeps): Router {
  const r = Router();
  r.get('/privacy-requests', allow('privacy_requests.read'), async (req, res) => {
    const q = parseInput(PrivacyRequestQuery, req.query, ['query']);
    const requests = await store.requests.list({ ...q, now: new Date().toISOString() });
    // Names, not keys, on the register's page; an erased customer's is "Erased customer".
    const names = new Map<string, string>();
    for (const id of new Set(requests.map((x) => x.customerId)))
      names.set(id, (await store.customers.get(id))?.displayName ?? id);
    res.json({ requests: requests.map((x) => ({ ...x, customerName: names.get(x.customerId)! })) });
  });
  r.post('/privacy-requests/:requestId/refusal', allow('privacy_requests.refuse'), async (req, res) => {
    const id = parseInput(Id, req.params.requestId, ['params', 'requestId']);
    const { reason } = parseInput(RequestRefusal, req.body);
    const meta = { actor: caller(req).actor, channel: 'api' };
    const refused = await store.requests.refuse(id, reason, new Date().toISOString(), meta);
    const where = ['params', 'requestId'];
    if (!refused) throw new AppError('request_not_found', 'there is no privacy request with this id', 404, where);
    if (refused === 'closed')
      throw new AppError(
        'request_closed',
        'this request is fulfilled or refused already; only an open one',
        409,
        where,
      );
    res.json(refused);
  });
  return r;
}
