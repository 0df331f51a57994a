/** Settings a lead changes at run time: JSON values, each change audited in its transaction. */
import type { Store } from './types.js';
import { appendAudit } from './audit.js';
import type { Sql } from './sql.js';

export function settingStore(sql: Sql): Store['settings'] {
  return {
    async get(key) {
      const row = await sql.one<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [key]);
      return row === undefined ? null : JSON.parse(row.value_json);
    },
    set(key, value, { actor, channel }) {
      return sql.tx(async (q) => {
        await q.run(
          `INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by`,
          [key, JSON.stringify(value), new Date().toISOString(), actor],
        );
        // A setting is the server's, never a customer's value: the entry may carry it.
        await appendAudit(q, [{ kind: 'settings.changed', actor, customerId: null, payload: { key, value, channel } }]);
      });
    },
  };
}
