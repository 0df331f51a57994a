/** The refusal to store anything new about an erased customer, inside the caller's transaction. */
import { customerErased } from '../erased.js';
import type { Db } from './db.js';

export function refuseErased(db: Db, customerId: string, path: (string | number)[]) {
  const erased = db.prepare('SELECT erased_at FROM customers WHERE id = ?').pluck().get(customerId) as string | null | undefined;
  if (erased) throw customerErased(customerId, erased, path);
}
