/**
 * A portal link goes to the customer's e-mail address on file, never to whoever asked for it: an
 * agent (or anyone) who asks learns only where it was sent ("d•••@example.org"), so holding the
 * link is proof of holding the mailbox (DESIGN.md: the portal visitor is verified). The link is a
 * fresh nonce kept by the store (so it works once), signed, minutes long.
 */
import type { ChangeMeta, Store } from '../store/types.js';
import type { PortalLinkAnswer } from '../protocol/portal.js';
import { AppError } from '../errors.js';
import { maskAddress } from '../mail/addresses.js';
import type { Mailer } from '../mail/mailer.js';
import { newNonce, signLink } from './links.js';
import { formatDayAndTime } from '../dates.js';

export interface LinkDeps {
  store: Store;
  mailer: Mailer;
  secret: string;
  minutes: number;
  /** Where customers reach this server (configuration, never a request's Host). */
  base: () => string;
  controllerName: string;
  now?: () => number;
}

export async function mailPortalLink(deps: LinkDeps, customerId: string, meta: ChangeMeta): Promise<PortalLinkAnswer> {
  const customer = await deps.store.customers.get(customerId);
  if (!customer?.email) {
    throw new AppError(
      'no_email',
      'Candor has no e-mail address for this customer, so it cannot send ' +
        'them a link to their privacy page; add one (PUT ' +
        '/customers/:customerId) or ask them to write to the privacy contact',
      409,
      ['params', 'customerId'],
    );
  }
  const nonce = newNonce();
  const expiresAt = new Date((deps.now?.() ?? Date.now()) + deps.minutes * 60_000);
  const url = `${deps.base()}/portal/l/${signLink(deps.secret, { customerId, nonce, expiresAt })}`;
  await deps.store.portal.issueLink({ nonce, customerId, expiresAt: expiresAt.toISOString() }, meta);
  await deps.mailer.send({
    to: customer.email,
    customerId,
    subject: `Your privacy page at ${deps.controllerName}`,
    text: [
      `Hello ${customer.displayName},`,
      '',
      `Here is the link to your privacy page at ${deps.controllerName}, as ` +
        `asked for. There you can see what we hold about you, download it, ` +
        `change your consents or have it erased:`,
      '',
      url,
      '',
      `The link works once, until ${formatDayAndTime(expiresAt)}. ` +
        'If you did not ask for it, you can ignore this message.',
      '',
      deps.controllerName,
    ].join('\n'),
  });
  return { sentTo: maskAddress(customer.email), expiresAt: expiresAt.toISOString() };
}

/**
 * The customer asks for a link themselves, with their address. The answer is the same whether or
 * not Candor knows the address, so the form cannot tell anyone who is a customer.
 */
export async function requestPortalLink(deps: LinkDeps, email: string): Promise<void> {
  // An erased customer's address is gone with their data, so it finds no one.
  const customer = await deps.store.customers.findByEmail(email);
  if (customer) await mailPortalLink(deps, customer.id, { actor: 'portal-visitor', channel: 'portal' });
}
