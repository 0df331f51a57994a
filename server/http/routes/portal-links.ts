/**
 * `POST /customers/:customerId/portal-links`: mails a link to the customer's privacy portal to
 * their address on file. The answer says only where it went ("d•••@example.org"): whoever asks
 * never holds the link, so only the customer can open their page.
 */
import { Router } from 'express';
import { PortalLinkBody } from '../../protocol/portal.js';
import { mailPortalLink } from '../../portal/issue.js';
import { allow, caller } from '../../web/auth.js';
import { parseInput } from '../../errors.js';
import type { HttpDeps } from '../deps.js';
import { requireCustomerId } from './customers.js';

export function portalLinkRoutes({ store, links }: HttpDeps): Router {
  const r = Router();
  r.post('/customers/:customerId/portal-links', allow('portal.link'), async (req, res) => {
    const body = parseInput(PortalLinkBody, req.body ?? {});
    const id = await requireCustomerId(store, req.params.customerId);
    res.status(201).json(await mailPortalLink(links, id, { actor: caller(req).actor, channel: body.channel ?? 'api' }));
  });
  return r;
}
