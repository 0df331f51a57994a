/** E-mail addresses as Candor shows and trusts them. */

/**
 * Domains that can never receive real mail (RFC 2606, RFC 6761): the demo's customers live there,
 * so mail to them may land in the demo's outbox without reaching, or exposing, anyone real.
 */
const RESERVED = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/i;

export const isReservedAddress = (address: string) => RESERVED.test(address.slice(address.lastIndexOf('@') + 1));

/** "d•••@example.org": enough for an agent to tell the customer where to look, not the address itself. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, Math.min(1, at))}•••${address.slice(at)}`;
}
