/** `GET /coach/summary`: how often reply checks flagged, and how often agents followed them (counts only). */
import { Router } from 'express';
import { allow } from '../../web/auth.js';
import type { HttpDeps } from '../deps.js';

export function coachRoutes({ store }: HttpDeps): Router {
  const r = Router();
  r.get('/coach/summary', allow('coach.read'), async (_req, res) => {
    res.json(await store.coach.summary());
  });
  return r;
}
