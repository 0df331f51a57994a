/** The refusal to store anything new about an erased customer, inside the caller's transaction. */
import { customerErased } from '../erased.js';
import { one, type Sql } from './db.js';

export async function refuseErased(c: Sql, customerId: string, path: (string | number)[]) {
  const row = await one<{ erased_at: string | null }>(c, 'SELECT erased_at FROM customers WHERE id = ?', [customerId]);
  if (row?.erased_at) throw customerErased(customerId, row.erased_at, path);
}
