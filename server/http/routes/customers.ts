/** Customers and their opt-out / GPC flags. */
import { Router, type Request } from 'express';
import { Customer, Id } from '../../protocol/domain.js';
import { ChannelBody, CustomerBody, CustomerQuery, OptOutBody, RelayBody } from '../../protocol/api.js';
import { allow, caller } from '../../web/auth.js';
import { AppError, parseInput } from '../../errors.js';
import { eraseCustomer, recordFlag, type Changer } from '../../privacy/changes.js';
import type { HttpDeps } from '../deps.js';
import type { Store } from '../../store/types.js';

/** The id of the customer named by the route's `:customerId`, or a 404; their name and e-mail stay sealed. */
export async function requireCustomerId(store: Store, raw: unknown): Promise<string> {
  const id = parseInput(Id, raw, ['params', 'customerId']);
  if (!(await store.customers.exists(id)))
    throw new AppError('customer_not_found', `no customer with id "${id}"`, 404, ['params', 'customerId']);
  return id;
}

/** A change made through the API on the customer's behalf: the caller, the channel, the ticket. */
export const relayed = (
  req: Request,
  body: { channel?: string | undefined; ticketId?: string | undefined },
): Changer => ({
  principal: caller(req).kind,
  actor: caller(req).actor,
  channel: body.channel ?? 'api',
  ticketId: body.ticketId,
});

export function customerRoutes({ store, changes }: HttpDeps): Router {
  const r = Router();

  r.put('/customers/:customerId', allow('customer.write'), async (req, res) => {
    const body = parseInput(CustomerBody, req.body);
    const customer = parseInput(Customer, {
      id: parseInput(Id, req.params.customerId, ['params', 'customerId']),
      ...body,
    });
    // An address finds one customer (GET /customers?email=, portal links): another's is refused, not left to the
    // database's constraint.
    const holder = customer.email ? await store.customers.findByEmail(customer.email) : null;
    if (holder && holder.id !== customer.id)
      throw new AppError('email_taken', 'email: another customer has this e-mail address', 409, ['email']);
    const outcome = await store.customers.upsert(customer, { actor: caller(req).actor, channel: 'api' });
    res.status(outcome === 'created' ? 201 : 200).json({ customer });
  });

  r.get('/customers', allow('customer.find'), async (req, res) => {
    const { email } = parseInput(CustomerQuery, req.query, ['query']);
    const customer = await store.customers.findByEmail(email);
    if (!customer)
      throw new AppError('customer_not_found', 'no customer has this e-mail address', 404, ['query', 'email']);
    res.json({ customer });
  });

  r.get('/customers/:customerId', allow('customer.find'), async (req, res) => {
    const snap = await store.customers.snapshot(await requireCustomerId(store, req.params.customerId));
    if (!snap) throw new AppError('customer_not_found', 'the customer was removed', 404, ['params', 'customerId']);
    res.json({ customer: snap.customer, flags: snap.flags });
  });

  r.post('/customers/:customerId/opt-out', allow('customer.opt_out'), async (req, res) => {
    const body = parseInput(OptOutBody, req.body ?? {});
    const id = await requireCustomerId(store, req.params.customerId);
    res.json({ flags: await recordFlag(changes, id, body.signal === 'gpc' ? 'gpc' : 'opted_out', relayed(req, body)) });
  });

  r.post('/customers/:customerId/opt-in', allow('customer.opt_in'), async (req, res) => {
    const body = parseInput(RelayBody, req.body ?? {});
    const id = await requireCustomerId(store, req.params.customerId);
    res.json({ flags: await recordFlag(changes, id, 'opted_in', relayed(req, body)) });
  });

  // Erasure on the customer's behalf (a request by mail or phone); the customer can also erase in the portal.
  r.post('/customers/:customerId/erase', allow('customer.erase'), async (req, res) => {
    const body = parseInput(ChannelBody, req.body ?? {});
    const id = await requireCustomerId(store, req.params.customerId);
    const erasure = (await eraseCustomer(changes, id, { actor: caller(req).actor, channel: body.channel ?? 'api' }))!;
    res.json({
      customerId: id,
      erasedAt: erasure.erasedAt,
      factsErased: erasure.factIds.length,
      recordingsDeleted: erasure.files.length,
    });
  });

  return r;
}
