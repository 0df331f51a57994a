/**
 * Helpdesk adapter misses: one row per adapter, field and day (the server's, UTC), counting the
 * ticket pages on which panels reported the field missing. Nothing else is kept: no page content,
 * no reporter, no ticket. Not audited: it records no access to anyone's data.
 */
import { ADAPTER_NAMES, type AdapterHealth, type AdapterHealthRow } from '../protocol/adapters.js';
import type { Sql } from './sql.js';
import type { Store } from './types.js';

const DAY_MS = 86_400_000;
const dayOf = (t: Date) => t.toISOString().slice(0, 10);

interface HealthRow {
  adapter: AdapterHealthRow['adapter'];
  field: AdapterHealthRow['field'];
  last_at: string;
  today: number | string | null;
  week: number | string | null;
}

export function adapterMissStore(sql: Sql): Store['adapterMisses'] {
  return {
    async record({ adapter, field }, at = new Date()) {
      await sql.run(
        `INSERT INTO adapter_misses (adapter, field, day, misses, last_at) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT (adapter, field, day) DO UPDATE SET misses = adapter_misses.misses + 1,
           last_at = CASE WHEN excluded.last_at > adapter_misses.last_at THEN excluded.last_at
                          ELSE adapter_misses.last_at END`,
        [adapter, field, dayOf(at), at.toISOString()],
      );
    },
    async health(now = new Date()): Promise<AdapterHealth> {
      const today = dayOf(now);
      const weekStart = dayOf(new Date(now.getTime() - 6 * DAY_MS));
      const rows = await sql.all<HealthRow>(
        `SELECT adapter, field, MAX(last_at) AS last_at,
           SUM(CASE WHEN day = ? THEN misses ELSE 0 END) AS today,
           SUM(CASE WHEN day >= ? AND day <= ? THEN misses ELSE 0 END) AS week
         FROM adapter_misses GROUP BY adapter, field ORDER BY MAX(last_at) DESC, adapter, field`,
        [today, weekStart, today],
      );
      return {
        day: today,
        // PostgreSQL sums BIGINTs as NUMERIC, which its driver answers as text.
        misses: rows.map((r) => ({
          adapter: r.adapter,
          name: ADAPTER_NAMES[r.adapter] ?? r.adapter,
          field: r.field,
          lastMissingAt: r.last_at,
          today: Number(r.today ?? 0),
          last7Days: Number(r.week ?? 0),
        })),
      };
    },
  };
}
