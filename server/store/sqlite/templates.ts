/** Published template versions in SQLite: rows are only ever added; the live version is the highest. */
import type { AuditDraft } from '../../audit/chain.js';
import type { Store, TemplateVersionRecord } from '../types.js';
import { TEMPLATE_COLUMNS as COLUMNS } from '../rows.js';
import { appendAudit } from './audit.js';
import type { Db } from './db.js';

export function templateStore(db: Db): Store['templates'] {
  const live = db.prepare(`SELECT ${COLUMNS} FROM template_versions v JOIN (SELECT template_id, MAX(version) AS version FROM template_versions GROUP BY template_id) m USING (template_id, version) ORDER BY v.template_id`);
  const history = db.prepare(`SELECT ${COLUMNS} FROM template_versions WHERE template_id = ? ORDER BY version DESC`);
  const get = db.prepare(`SELECT ${COLUMNS} FROM template_versions WHERE template_id = ? AND version = ?`);
  const latest = db.prepare('SELECT MAX(version) AS version FROM template_versions WHERE template_id = ?');
  const insert = db.prepare(`INSERT INTO template_versions (template_id, version, file, source, author, message, diff, rolled_back_from, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`);
  const count = db.prepare('INSERT INTO template_shows (template_id, version, shown) VALUES (?, ?, 1) ON CONFLICT (template_id, version) DO UPDATE SET shown = shown + 1');
  const shown = db.prepare('SELECT version, shown FROM template_shows WHERE template_id = ? ORDER BY version');

  // The number is checked inside the transaction: two publishes of one template cannot both become version N.
  const publish = db.transaction((v: Omit<TemplateVersionRecord, 'createdAt'>): TemplateVersionRecord | null => {
    const current = (latest.get(v.templateId) as { version: number | null }).version ?? 0;
    if (v.version !== current + 1) return null;
    const row = insert.get(v.templateId, v.version, v.file, v.source, v.author, v.message, v.diff, v.rolledBackFrom, new Date().toISOString()) as TemplateVersionRecord;
    appendAudit(db, [{ kind: 'template.published', actor: v.author, customerId: null, payload: { templateId: v.templateId, version: v.version, message: v.message, rolledBackFrom: v.rolledBackFrom } }]);
    return row;
  });
  const recordShown = db.transaction((items: readonly { id: string; version: number }[], drafts: AuditDraft[]) => {
    for (const i of items) count.run(i.id, i.version);
    return drafts.length ? appendAudit(db, drafts) : [];
  });

  return {
    async live() {
      return live.all() as TemplateVersionRecord[];
    },
    async history(templateId) {
      return history.all(templateId) as TemplateVersionRecord[];
    },
    async get(templateId, version) {
      return (get.get(templateId, version) as TemplateVersionRecord | undefined) ?? null;
    },
    async publish(v) {
      return publish(v);
    },
    async recordShown(items, drafts) {
      return items.length || drafts.length ? recordShown(items, drafts) : [];
    },
    async shown(templateId) {
      return shown.all(templateId) as { version: number; shown: number }[];
    },
  };
}
