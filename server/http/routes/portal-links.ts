/**
 * `POST /customers/:customerId/portal-links`: a link to the customer's privacy portal, for the
 * helpdesk or an agent to send them. It works once, for minutes; the portal's session, not this
 * token, decides what it shows.
 */
import { Router } from 'express';
import { PortalLinkBody } from '../../protocol/portal.js';
import { issuePortalLink, publicBase } from '../../portal/issue.js';
import { auth, requireRole } from '../auth.js';
import { parseInput } from '../errors.js';
import type { HttpDeps } from '../deps.js';
import { requireCustomer } from './customers.js';

export function portalLinkRoutes({ store, portal }: HttpDeps): Router {
  const r = Router();
  r.post('/customers/:customerId/portal-links', requireRole('admin', 'agent'), async (req, res) => {
    const body = parseInput(PortalLinkBody, req.body ?? {});
    const id = (await requireCustomer(store, req.params.customerId)).id;
    res.status(201).json(await issuePortalLink(store, { secret: portal.secret, customerId: id, minutes: portal.linkMinutes, base: publicBase(portal.publicUrl, `${req.protocol}://${req.get('host')}`), meta: { actor: auth(req).actor, channel: body.channel ?? 'api' } }));
  });
  return r;
}
