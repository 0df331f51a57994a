/** What stays of an erased customer, and the refusal to store anything new about them (both stores). */
import { AppError } from '../http/errors.js';

/** An erased customer keeps its id (consent records and audit entries point at it) and this name. */
export const ERASED_NAME = 'Erased customer';

// An erased customer stays erased: a sync job must not bring back what the customer had removed.
export const customerErased = (customerId: string, erasedAt: string, path: (string | number)[]) =>
  new AppError('customer_erased', `customer ${customerId} had their data erased on ${erasedAt}; nothing new is stored about them`, 409, path);
