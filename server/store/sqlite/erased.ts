/** What stays of an erased customer, and the refusal to store anything new about them. */
import { AppError } from '../../http/errors.js';
import type { Db } from './db.js';

/** An erased customer keeps its id (consent records and audit entries point at it) and this name. */
export const ERASED_NAME = 'Erased customer';

export function refuseErased(db: Db, customerId: string, path: (string | number)[]) {
  const erased = db.prepare('SELECT erased_at FROM customers WHERE id = ?').pluck().get(customerId) as string | null | undefined;
  // An erased customer stays erased: a sync job must not bring back what the customer had removed.
  if (erased) throw new AppError('customer_erased', `customer ${customerId} had their data erased on ${erased}; nothing new is stored about them`, 409, path);
}

