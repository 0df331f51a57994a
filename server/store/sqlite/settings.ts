/** Run-time settings in the `settings` table (migration 3): JSON values, each change audited in its transaction. */
import type { Store } from '../types.js';
import { appendAudit } from './audit.js';
import type { Db } from './db.js';

export function settingStore(db: Db): Store['settings'] {
  const read = db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck();
  const upsert = db.prepare(
    'INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
  );
  const set = db.transaction((key: string, value: unknown, actor: string, channel: string) => {
    upsert.run(key, JSON.stringify(value), new Date().toISOString(), actor);
    // A setting is the server's, never a customer's value: the entry may carry it.
    appendAudit(db, [{ kind: 'settings.changed', actor, customerId: null, payload: { key, value, channel } }]);
  });
  return {
    async get(key) {
      const json = read.get(key) as string | undefined;
      return json === undefined ? null : JSON.parse(json);
    },
    async set(key, value, meta) {
      set(key, value, meta.actor, meta.channel);
    },
  };
}
