/** Run-time settings in PostgreSQL: JSON values, each change audited in its transaction. */
import type { Store } from '../types.js';
import { appendAudit } from './audit.js';
import { one, run, tx, type Pool } from './db.js';

export function settingStore(pool: Pool): Store['settings'] {
  return {
    async get(key) {
      const row = await one<{ value_json: string }>(pool, 'SELECT value_json FROM settings WHERE key = ?', [key]);
      return row === undefined ? null : JSON.parse(row.value_json);
    },
    async set(key, value, { actor, channel }) {
      await tx(pool, async (c) => {
        await run(
          c,
          'INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
          [key, JSON.stringify(value), new Date().toISOString(), actor],
        );
        // A setting is the server's, never a customer's value: the entry may carry it.
        await appendAudit(c, [{ kind: 'settings.changed', actor, customerId: null, payload: { key, value, channel } }]);
      });
    },
  };
}
