/** Fact ingest (batched, one transaction) and erasure. */
import { Router } from 'express';
import { ChannelBody, FactsBody } from '../../protocol/api.js';
import { Id } from '../../protocol/domain.js';
import { checkCategory } from '../../taxonomy/taxonomy.js';
import { allow, caller } from '../../web/auth.js';
import { AppError, parseInput } from '../../errors.js';
import { factsNotice } from '../../privacy/notices.js';
import { eraseFact } from '../../privacy/changes.js';
import type { HttpDeps } from '../deps.js';
import { requireCustomerId } from './customers.js';

export function factRoutes({ store, settings, notify, changes }: HttpDeps): Router {
  const r = Router();

  r.post('/customers/:customerId/facts', allow('facts.write'), async (req, res) => {
    const { facts } = parseInput(FactsBody, req.body);
    for (const [i, f] of facts.entries()) checkCategory(settings.taxonomy, f.category, ['facts', i, 'category']);
    const seen = new Set<string>();
    facts.forEach((f, i) => {
      if (seen.has(f.id))
        throw new AppError('duplicate_id', `fact id "${f.id}" appears twice in this batch`, 400, ['facts', i, 'id']);
      seen.add(f.id);
    });
    const id = await requireCustomerId(store, req.params.customerId);
    const counts = await store.facts.upsertMany(id, facts, { actor: caller(req).actor, channel: 'api' });
    await notify(id, factsNotice(facts.length, new Date().toISOString()));
    res.status(counts.created > 0 ? 201 : 200).json(counts);
  });

  r.get('/customers/:customerId/facts', allow('facts.read'), async (req, res) => {
    const snap = await store.customers.snapshot(await requireCustomerId(store, req.params.customerId));
    res.json({
      facts: snap!.facts.map((f) =>
        f.erased ? { id: f.id, category: f.category, source: f.source, collectedAt: f.collectedAt, erased: true } : f,
      ),
    });
  });

  r.post('/customers/:customerId/facts/:factId/erase', allow('fact.erase'), async (req, res) => {
    const body = parseInput(ChannelBody, req.body ?? {});
    const id = await requireCustomerId(store, req.params.customerId);
    const factId = parseInput(Id, req.params.factId, ['params', 'factId']);
    const erased = await eraseFact(changes, id, factId, { actor: caller(req).actor, channel: body.channel ?? 'api' });
    if (!erased) throw new AppError('fact_not_found', `no fact with id "${factId}"`, 404, ['params', 'factId']);
    res.json({ factId, erased: true });
  });

  return r;
}
