/**
 * `GET /fact-flags` (open ones, or those resolved; by request) and `POST /fact-flags/:flagId/resolution`: an admin
 * sees the facts customers flagged as wrong, with their values, and corrects, removes or keeps each.
 */
import { Router } from 'express';
import { FactFlagQuery, FactFlagResolution, type FactFlagItem, type FactFlagView } from '../../protocol/fact-flags.js';
import { categoryName } from '../../taxonomy/taxonomy.js';
import { Id } from '../../protocol/domain.js';
import { allow, caller } from '../../web/auth.js';
import { parseInput } from '../../errors.js';
import { resolveFactFlag } from '../../privacy/corrections.js';
import type { HttpDeps } from '../deps.js';

export function factFlagRoutes({ store, changes, settings }: HttpDeps): Router {
  const r = Router();
  const named = (f: FactFlagView): FactFlagItem => ({
    ...f,
    categoryName: f.fact.category ? categoryName(settings.taxonomy, f.fact.category) : '',
  });
  r.get('/fact-flags', allow('fact_flags.read'), async (req, res) => {
    const flags = await store.factFlags.list(parseInput(FactFlagQuery, req.query, ['query']));
    res.json({ flags: flags.map(named) });
  });
  r.post('/fact-flags/:flagId/resolution', allow('fact_flags.resolve'), async (req, res) => {
    const id = parseInput(Id, req.params.flagId, ['params', 'flagId']);
    const body = parseInput(FactFlagResolution, req.body);
    const { flag, request } = await resolveFactFlag(changes, id, body, { actor: caller(req).actor, channel: 'api' });
    res.json({ flag: named(flag), request });
  });
  return r;
}
