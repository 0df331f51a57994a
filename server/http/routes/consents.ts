/**
 * Consent changes. An agent may record one on the customer's behalf ("the customer said so in the
 * chat"): the record keeps the agent as actor and the channel. Nothing is ever updated in place.
 */
import { Router } from 'express';
import { GrantBody, WithdrawBody } from '../../protocol/api.js';
import { Id } from '../../protocol/domain.js';
import { checkConsentKeys } from '../../taxonomy/taxonomy.js';
import { auth, requireRole } from '../auth.js';
import { AppError, parseInput } from '../errors.js';
import { grantConsent, withdrawConsent } from '../../privacy/changes.js';
import type { HttpDeps } from '../deps.js';
import { requireCustomer } from './customers.js';

export function consentRoutes({ store, settings, changes }: HttpDeps): Router {
  const r = Router();

  r.post('/customers/:customerId/consents', requireRole('admin', 'agent'), async (req, res) => {
    const { consent, channel } = parseInput(GrantBody, req.body);
    checkConsentKeys(settings.taxonomy, consent, ['consent']);
    const id = (await requireCustomer(store, req.params.customerId)).id;
    await grantConsent(changes, id, consent, { actor: auth(req).actor, channel: channel ?? 'api' });
    res.status(201).json({ consent });
  });

  r.post('/customers/:customerId/consents/:consentId/withdraw', requireRole('admin', 'agent'), async (req, res) => {
    const body = parseInput(WithdrawBody, req.body ?? {});
    const id = (await requireCustomer(store, req.params.customerId)).id;
    const snap = await store.customers.snapshot(id);
    const consentId = parseInput(Id, req.params.consentId, ['params', 'consentId']);
    const current = snap!.consents.find((k) => k.id === consentId);
    if (!current) throw new AppError('consent_not_found', `no consent with id "${consentId}"`, 404, ['params', 'consentId']);
    if (current.withdrawnAt) return void res.json({ consent: current, alreadyWithdrawn: true });
    const at = body.at ?? new Date().toISOString();
    res.json({ consent: await withdrawConsent(changes, id, current, at, { actor: auth(req).actor, channel: body.channel ?? 'api' }) });
  });

  r.get('/customers/:customerId/consents', requireRole('admin', 'lead'), async (req, res) => {
    const id = (await requireCustomer(store, req.params.customerId)).id;
    const snap = await store.customers.snapshot(id);
    res.json({ consents: snap!.consents, history: await store.consents.history(id) });
  });

  return r;
}
