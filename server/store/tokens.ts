/** Bearer tokens: random, shown once, stored only as a SHA-256 hash. */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../protocol/domain.js';
import type { Store, TokenRecord } from './types.js';
import { appendAudit } from './audit.js';
import type { Sql } from './sql.js';

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  team: string | null;
  created_at: string;
  revoked_at: string | null;
}
const COLUMNS = 'id, name, role, team, created_at, revoked_at';
const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  team: r.team,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});
/** Tokens are high-entropy, so a plain SHA-256 is enough (no slow hash). */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function tokenStore(sql: Sql): Store['tokens'] {
  return {
    create(name, role, meta, team = null) {
      return sql.tx(async (q) => {
        const id = `tok_${randomBytes(6).toString('hex')}`;
        const token = `cnd_${randomBytes(32).toString('base64url')}`;
        const createdAt = new Date().toISOString();
        await q.run('INSERT INTO tokens (id, name, role, team, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
          id,
          name,
          role,
          team,
          hashToken(token),
          createdAt,
        ]);
        await appendAudit(q, [
          { kind: 'token.created', actor: meta.actor, customerId: null, payload: { tokenId: id, role } },
        ]);
        return { record: { id, name, role, team, createdAt, revokedAt: null }, token };
      });
    },
    async authenticate(token) {
      const row = await sql.one<TokenRow>(`SELECT ${COLUMNS} FROM tokens WHERE hash = ? AND revoked_at IS NULL`, [
        hashToken(token),
      ]);
      return row ? toToken(row) : null;
    },
    revoke(id, meta) {
      return sql.tx(async (q) => {
        if (
          await q.run('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
            new Date().toISOString(),
            id,
          ])
        ) {
          await appendAudit(q, [
            { kind: 'token.revoked', actor: meta.actor, customerId: null, payload: { tokenId: id } },
          ]);
        }
        const row = await q.one<TokenRow>(`SELECT ${COLUMNS} FROM tokens WHERE id = ?`, [id]);
        return row ? toToken(row) : null;
      });
    },
    async list() {
      return (await sql.all<TokenRow>(`SELECT ${COLUMNS} FROM tokens ORDER BY created_at`)).map(toToken);
    },
  };
}
