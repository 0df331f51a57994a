/** Published template versions: rows are only ever added; the live version of a template is its highest. */
import type { Store, TemplateVersionRecord } from './types.js';
import { appendAudit } from './audit.js';
import { insertUses } from './articles.js';
import type { Sql } from './sql.js';
import type { Vault } from '../keys/vault.js';

/** The columns under the record's own names: rows come out as `TemplateVersionRecord`s. */
const COLUMNS =
  `template_id AS "templateId", version, file, source, author, message, ` +
  `diff, rolled_back_from AS "rolledBackFrom", created_at AS "createdAt"`;

export function templateStore(sql: Sql, vault: Vault): Store['templates'] {
  return {
    live: () =>
      sql.all<TemplateVersionRecord>(
        `SELECT ${COLUMNS} FROM template_versions v JOIN (SELECT template_id, ` +
          `MAX(version) AS version FROM template_versions GROUP BY template_id) m ` +
          `USING (template_id, version) ORDER BY template_id`,
      ),
    history: (templateId) =>
      sql.all<TemplateVersionRecord>(
        `SELECT ${COLUMNS} FROM template_versions WHERE template_id = ? ORDER BY version DESC`,
        [templateId],
      ),
    async get(templateId, version) {
      return (
        (await sql.one<TemplateVersionRecord>(
          `SELECT ${COLUMNS} FROM template_versions WHERE template_id = ? AND version = ?`,
          [templateId, version],
        )) ?? null
      );
    },
    async publish(v) {
      try {
        return await sql.tx(async (q) => {
          const current =
            (await q.one<{ version: number | null }>(
              'SELECT MAX(version) AS version FROM template_versions WHERE template_id = ?',
              [v.templateId],
            ))!.version ?? 0;
          if (v.version !== current + 1) return null;
          const row = await q.one<TemplateVersionRecord>(
            `INSERT INTO template_versions (template_id, version, file, source, ` +
              `author, message, diff, rolled_back_from, created_at) VALUES (?, ?, ?, ` +
              `?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
            [
              v.templateId,
              v.version,
              v.file,
              v.source,
              v.author,
              v.message,
              v.diff,
              v.rolledBackFrom,
              new Date().toISOString(),
            ],
          );
          await appendAudit(q, [
            {
              kind: 'template.published',
              actor: v.author,
              customerId: null,
              payload: {
                templateId: v.templateId,
                version: v.version,
                message: v.message,
                rolledBackFrom: v.rolledBackFrom,
              },
            },
          ]);
          return row!;
        });
      } catch (e) {
        // Another server published this number between our read and our write: the key tells.
        if (sql.isUniqueViolation(e)) return null;
        throw e;
      }
    },
    async recordShown(items, drafts, uses = []) {
      if (!items.length && !drafts.length && !uses.length) return [];
      const counts = new Map<string, { id: string; version: number; shown: number }>();
      for (const i of items) {
        const key = `${i.id}\u0000${i.version}`;
        counts.set(key, { ...i, shown: (counts.get(key)?.shown ?? 0) + 1 });
      }
      return sql.tx(async (q) => {
        const rows = [...counts.values()].map((c) => [c.id, c.version, c.shown]);
        if (rows.length)
          await q.insertRows(
            'template_shows',
            ['template_id', 'version', 'shown'],
            rows,
            'ON CONFLICT (template_id, version) DO UPDATE SET shown = template_shows.shown + excluded.shown',
          );
        await insertUses(q, uses);
        return appendAudit(q, drafts, vault);
      });
    },
    shown: (templateId) =>
      sql.all<{ version: number; shown: number }>(
        'SELECT version, shown FROM template_shows WHERE template_id = ? ORDER BY version',
        [templateId],
      ),
  };
}
