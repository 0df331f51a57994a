/** `POST /breach-reports`: the privacy officer's (and the admin's) breach report, from the audit log. */
import { Router } from 'express';
import { BreachBody } from '../../protocol/breach.js';
import { allow, caller } from '../../web/auth.js';
import { parseInput } from '../../errors.js';
import { reportBreach } from '../../breach/report.js';
import type { HttpDeps } from '../deps.js';

export function breachRoutes({ store, settings, links }: HttpDeps): Router {
  const r = Router();
  r.post('/breach-reports', allow('breach.report'), async (req, res) => {
    const body = parseInput(BreachBody, req.body);
    const deps = {
      store,
      taxonomy: settings.taxonomy,
      phrasing: settings.phrasing,
      controllerName: links.controllerName,
    };
    res.json(await reportBreach(deps, body, caller(req).actor));
  });
  return r;
}
