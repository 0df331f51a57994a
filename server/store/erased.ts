/** What stays of an erased customer, and the refusal to store anything new about them. */
import { AppError } from '../errors.js';
import type { Sql } from './sql.js';

/** An erased customer keeps its id (consent records and audit entries point at it) and this name. */
export const ERASED_NAME = 'Erased customer';
/** What stands where a consent's free-text source was. */
export const ERASED_SOURCE = '(erased)';

/**
 * Inside the caller's transaction: an erased customer stays erased; a sync job must not bring back what they had
 * removed.
 */
export async function refuseErased(q: Sql, customerId: string, path: (string | number)[]): Promise<void> {
  const row = await q.one<{ erased_at: string | null }>('SELECT erased_at FROM customers WHERE id = ?', [customerId]);
  if (row?.erased_at)
    throw new AppError(
      'customer_erased',
      `customer ${customerId} had their data erased on ${row.erased_at}; nothing new is stored about them`,
      409,
      path,
    );
}

/** A ticket id ties an audit entry to the helpdesk's copy of the conversation: sealed, so erasure can remove it. */
export const sealedTicket = (meta: { ticketId?: string | undefined }) =>
  meta.ticketId ? { sealed: { ticketId: meta.ticketId } } : {};
