/**
 * Taught adapters: drafts agents submit and the versions admins approve, per site. Only selectors and
 * who/when are kept (never page content). Versions are only ever added: a site's live version is its
 * highest, and a rollback is a new version restoring an earlier one's selectors. Approvals and
 * rollbacks commit with their audit entries.
 */
import { notesUnexcluded, type TaughtDraftView, type TaughtVersionView } from '../protocol/taught.js';
import type { ChangeMeta, Store } from './types.js';
import { appendAudit } from './audit.js';
import type { Sql } from './sql.js';

interface DraftRow {
  id: number;
  site: string;
  name: string;
  selectors_json: string;
  no_internal_notes: number;
  taught_by: string;
  submitted_at: string;
  approved_as: number | null;
}

interface VersionRow extends Omit<DraftRow, 'id' | 'submitted_at' | 'approved_as'> {
  version: number;
  approved_by: string;
  approved_at: string;
  draft_id: number;
  rolled_back_from: number | null;
}

const draftOf = (r: DraftRow): TaughtDraftView => ({
  id: Number(r.id),
  site: r.site,
  name: r.name,
  selectors: JSON.parse(r.selectors_json),
  noInternalNotes: Number(r.no_internal_notes) === 1,
  taughtBy: r.taught_by,
  submittedAt: r.submitted_at,
  approvedAs: r.approved_as === null ? null : Number(r.approved_as),
});

const versionOf = (r: VersionRow): TaughtVersionView => ({
  site: r.site,
  version: Number(r.version),
  name: r.name,
  selectors: JSON.parse(r.selectors_json),
  noInternalNotes: Number(r.no_internal_notes) === 1,
  taughtBy: r.taught_by,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
  draftId: Number(r.draft_id),
  rolledBackFrom: r.rolled_back_from === null ? null : Number(r.rolled_back_from),
});

const DRAFT_COLUMNS = 'id, site, name, selectors_json, no_internal_notes, taught_by, submitted_at, approved_as';
const VERSION_COLUMNS =
  'site, version, name, selectors_json, no_internal_notes, taught_by, approved_by, approved_at, draft_id, ' +
  'rolled_back_from';
const LIVE =
  `SELECT ${VERSION_COLUMNS.split(', ')
    .map((c) => `v.${c}`)
    .join(', ')} FROM taught_adapter_versions v JOIN (SELECT site AS s, MAX(version) AS m ` +
  `FROM taught_adapter_versions GROUP BY site) live ON v.site = live.s AND v.version = live.m`;

/** Writes the site's next version inside `q`'s transaction; 'conflict' when another writer took its number. */
async function addVersion(
  q: Sql,
  v: Omit<VersionRow, 'version' | 'approved_at'>,
  kind: 'adapter.approved' | 'adapter.rolled_back',
): Promise<TaughtVersionView> {
  const current =
    (await q.one<{ version: number | null }>(
      'SELECT MAX(version) AS version FROM taught_adapter_versions WHERE site = ?',
      [v.site],
    ))!.version ?? 0;
  const version = Number(current) + 1;
  const row = (await q.one<VersionRow>(
    `INSERT INTO taught_adapter_versions (${VERSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ` +
      `RETURNING ${VERSION_COLUMNS}`,
    [
      v.site,
      version,
      v.name,
      v.selectors_json,
      v.no_internal_notes,
      v.taught_by,
      v.approved_by,
      new Date().toISOString(),
      v.draft_id,
      v.rolled_back_from,
    ],
  ))!;
  await appendAudit(q, [
    {
      kind,
      actor: v.approved_by,
      customerId: null,
      payload: { site: v.site, version, draftId: Number(v.draft_id), rolledBackFrom: v.rolled_back_from },
    },
  ]);
  return versionOf(row);
}

export function taughtStore(sql: Sql): Store['taught'] {
  const conflictSafe = async <T>(fn: () => Promise<T>): Promise<T | 'conflict'> => {
    try {
      return await fn();
    } catch (e) {
      if (sql.isUniqueViolation(e)) return 'conflict'; // another server approved for this site at the same moment
      throw e;
    }
  };
  return {
    submit: (d, meta) =>
      sql.tx(async (q) => {
        const row = (await q.one<DraftRow>(
          'INSERT INTO taught_adapter_drafts (site, name, ' +
            'selectors_json, no_internal_notes, taught_by, submitted_at) ' +
            `VALUES (?, ?, ?, ?, ?, ?) RETURNING ${DRAFT_COLUMNS}`,
          [
            d.site,
            d.name,
            JSON.stringify(d.selectors),
            d.noInternalNotes ? 1 : 0,
            meta.actor,
            new Date().toISOString(),
          ],
        ))!;
        await appendAudit(q, [
          {
            kind: 'adapter.submitted',
            actor: meta.actor,
            customerId: null,
            payload: { site: d.site, draftId: row.id },
          },
        ]);
        return draftOf(row);
      }),
    async drafts() {
      return (await sql.all<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM taught_adapter_drafts ORDER BY id DESC`)).map(
        draftOf,
      );
    },
    async versions(site) {
      const rows = await sql.all<VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM taught_adapter_versions ${site ? 'WHERE site = ? ' : ''}` +
          'ORDER BY site, version DESC',
        site ? [site] : [],
      );
      return rows.map(versionOf);
    },
    async live(site) {
      const rows = await sql.all<VersionRow>(
        `${LIVE}${site ? ' WHERE v.site = ?' : ''} ORDER BY v.site`,
        site ? [site] : [],
      );
      return rows.map(versionOf);
    },
    approve: (draftId, meta: ChangeMeta) =>
      conflictSafe(() =>
        sql.tx(async (q) => {
          const row = await q.one<DraftRow>(
            `SELECT ${DRAFT_COLUMNS} FROM taught_adapter_drafts WHERE id = ?${q.forUpdate}`,
            [draftId],
          );
          if (!row) return 'unknown' as const;
          const draft = draftOf(row);
          if (draft.approvedAs !== null) return 'already_approved' as const;
          const field = notesUnexcluded(draft);
          if (field) return { refused: field };
          const version = await addVersion(
            q,
            { ...row, approved_by: meta.actor, draft_id: row.id, rolled_back_from: null },
            'adapter.approved',
          );
          await q.run('UPDATE taught_adapter_drafts SET approved_as = ? WHERE id = ?', [version.version, draftId]);
          return version;
        }),
      ),
    rollback: (site, version, meta) =>
      conflictSafe(() =>
        sql.tx(async (q) => {
          const row = await q.one<VersionRow>(
            `SELECT ${VERSION_COLUMNS} FROM taught_adapter_versions WHERE site = ? AND version = ?`,
            [site, version],
          );
          if (!row) return null;
          return addVersion(
            q,
            { ...row, approved_by: meta.actor, rolled_back_from: Number(row.version) },
            'adapter.rolled_back',
          );
        }),
      ),
  };
}
