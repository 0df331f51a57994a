/** `GET /adapters/health`: how the helpdesk adapters fare across the team (misses per adapter, field and day). */
import { Router } from 'express';
import { allow } from '../../web/auth.js';
import type { HttpDeps } from '../deps.js';

export function adapterRoutes({ store }: HttpDeps): Router {
  const r = Router();
  r.get('/adapters/health', allow('adapter.health_read'), async (_req, res) => {
    res.json(await store.adapterMisses.health());
  });
  return r;
}
