/**
 * `GET /coach/summary?period=`: per agent team, how often reply checks flagged and how often agents followed or
 * ignored the flags, with small figures suppressed as the insights' are (server/insights/coach.ts). No agent is named.
 */
import { Router } from 'express';
import { CoachQuery } from '../../protocol/coach.js';
import { allow } from '../../web/auth.js';
import { parseInput } from '../../errors.js';
import { coachReport, periodStart } from '../../insights/coach.js';
import type { HttpDeps } from '../deps.js';

export function coachRoutes({ store, insights }: HttpDeps): Router {
  const r = Router();
  r.get('/coach/summary', allow('coach.read'), async (req, res) => {
    const { period } = parseInput(CoachQuery, req.query, ['query']);
    const now = new Date();
    const counts = await store.coach.counts(periodStart(period, now));
    res.set('Cache-Control', 'no-store').json(coachReport(counts, { period, now, minCell: insights.minCell }));
  });
  return r;
}
