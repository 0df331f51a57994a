/**
 * Consent changes relayed on the customer's behalf ("the customer said so in ticket T-1"), and
 * consents brought over from another system. A grant or withdrawal takes effect at the server's
 * clock; who asserted it and the ticket are recorded. Nothing is ever updated in place.
 */
import { Router } from 'express';
import { GrantBody, ImportBody, WithdrawBody } from '../../protocol/api.js';
import { Id } from '../../protocol/domain.js';
import { checkConsentKeys } from '../../taxonomy/taxonomy.js';
import { allow, caller } from '../../web/auth.js';
import { AppError, parseInput } from '../../errors.js';
import { grantConsent, importConsents, withdrawConsent } from '../../privacy/changes.js';
import type { HttpDeps } from '../deps.js';
import { requireCustomerId, relayed } from './customers.js';

export function consentRoutes({ store, settings, changes }: HttpDeps): Router {
  const r = Router();

  r.post('/customers/:customerId/consents', allow('consent.grant'), async (req, res) => {
    const body = parseInput(GrantBody, req.body);
    checkConsentKeys(settings.taxonomy, body.consent, ['consent']);
    const id = await requireCustomerId(store, req.params.customerId);
    res.status(201).json({ consent: await grantConsent(changes, id, body.consent, relayed(req, body)) });
  });

  r.post('/customers/:customerId/consents/import', allow('consent.import'), async (req, res) => {
    const body = parseInput(ImportBody, req.body);
    for (const [i, k] of body.consents.entries()) checkConsentKeys(settings.taxonomy, k, ['consents', i]);
    const id = await requireCustomerId(store, req.params.customerId);
    await importConsents(changes, id, body.system, body.consents, { actor: caller(req).actor, channel: 'import' });
    res.status(201).json({ imported: body.consents.length });
  });

  r.post('/customers/:customerId/consents/:consentId/withdraw', allow('consent.withdraw'), async (req, res) => {
    const body = parseInput(WithdrawBody, req.body ?? {});
    const id = await requireCustomerId(store, req.params.customerId);
    const consentId = parseInput(Id, req.params.consentId, ['params', 'consentId']);
    const current = (await store.customers.snapshot(id))!.consents.find((k) => k.id === consentId);
    if (!current)
      throw new AppError('consent_not_found', `no consent with id "${consentId}"`, 404, ['params', 'consentId']);
    const { alreadyWithdrawn, ...consent } = await withdrawConsent(changes, id, current, relayed(req, body));
    res.json({ consent, ...(alreadyWithdrawn ? { alreadyWithdrawn } : {}) });
  });

  r.get('/customers/:customerId/consents', allow('consent.read'), async (req, res) => {
    const id = await requireCustomerId(store, req.params.customerId);
    const snap = await store.customers.snapshot(id);
    res.json({ consents: snap!.consents, history: await store.consents.history(id) });
  });

  return r;
}
