/** Published template versions in PostgreSQL: rows are only ever added; the live version is the highest. */
import { TEMPLATE_COLUMNS } from '../rows.js';
import type { Store, TemplateVersionRecord } from '../types.js';
import { appendAudit } from './audit.js';
import { all, one, run, tx, type Pool } from './db.js';

export function templateStore(pool: Pool): Store['templates'] {
  return {
    async live() {
      return all<TemplateVersionRecord>(pool, `SELECT DISTINCT ON (template_id) ${TEMPLATE_COLUMNS} FROM template_versions ORDER BY template_id, version DESC`);
    },
    async history(templateId) {
      return all<TemplateVersionRecord>(pool, `SELECT ${TEMPLATE_COLUMNS} FROM template_versions WHERE template_id = ? ORDER BY version DESC`, [templateId]);
    },
    async get(templateId, version) {
      return (await one<TemplateVersionRecord>(pool, `SELECT ${TEMPLATE_COLUMNS} FROM template_versions WHERE template_id = ? AND version = ?`, [templateId, version])) ?? null;
    },
    async publish(v) {
      return tx(pool, async (c) => {
        // One publisher of a template at a time, across servers: the number is checked under this lock.
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`candor.template:${v.templateId}`]);
        const current = (await one<{ version: number | null }>(c, 'SELECT MAX(version) AS version FROM template_versions WHERE template_id = ?', [v.templateId]))!.version ?? 0;
        if (v.version !== current + 1) return null;
        const row = await one<TemplateVersionRecord>(
          c,
          `INSERT INTO template_versions (template_id, version, file, source, author, message, diff, rolled_back_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${TEMPLATE_COLUMNS}`,
          [v.templateId, v.version, v.file, v.source, v.author, v.message, v.diff, v.rolledBackFrom, new Date().toISOString()],
        );
        await appendAudit(c, [{ kind: 'template.published', actor: v.author, customerId: null, payload: { templateId: v.templateId, version: v.version, message: v.message, rolledBackFrom: v.rolledBackFrom } }]);
        return row!;
      });
    },
    async recordShown(items, drafts) {
      if (!items.length && !drafts.length) return [];
      return tx(pool, async (c) => {
        if (items.length) {
          await run(
            c,
            `INSERT INTO template_shows (template_id, version, shown) SELECT id, version, COUNT(*) FROM unnest(?::text[], ?::bigint[]) AS t(id, version) GROUP BY id, version
             ON CONFLICT (template_id, version) DO UPDATE SET shown = template_shows.shown + excluded.shown`,
            [items.map((i) => i.id), items.map((i) => i.version)],
          );
        }
        return drafts.length ? appendAudit(c, drafts) : [];
      });
    },
    async shown(templateId) {
      return all<{ version: number; shown: number }>(pool, 'SELECT version, shown FROM template_shows WHERE template_id = ? ORDER BY version', [templateId]);
    },
  };
}
