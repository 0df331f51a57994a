/** Bearer tokens in PostgreSQL: random, shown once, stored only as a SHA-256 hash. */
import { randomBytes } from 'node:crypto';
import { TOKEN_COLUMNS, hashToken, toToken, type TokenRow } from '../rows.js';
import type { Store } from '../types.js';
import { appendAudit } from './audit.js';
import { all, one, run, tx, type Pool } from './db.js';

export function tokenStore(pool: Pool): Store['tokens'] {
  return {
    async create(name, role, meta) {
      return tx(pool, async (c) => {
        const id = `tok_${randomBytes(6).toString('hex')}`;
        const token = `cnd_${randomBytes(32).toString('base64url')}`;
        const createdAt = new Date().toISOString();
        await run(c, 'INSERT INTO tokens (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)', [id, name, role, hashToken(token), createdAt]);
        await appendAudit(c, [{ kind: 'token.created', actor: meta.actor, customerId: null, payload: { tokenId: id, role } }]);
        return { record: { id, name, role, createdAt, revokedAt: null }, token };
      });
    },
    async authenticate(token) {
      const row = await one<TokenRow>(pool, `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ? AND revoked_at IS NULL`, [hashToken(token)]);
      return row ? toToken(row) : null;
    },
    async revoke(id, meta) {
      return tx(pool, async (c) => {
        if (await run(c, 'UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [new Date().toISOString(), id])) {
          await appendAudit(c, [{ kind: 'token.revoked', actor: meta.actor, customerId: null, payload: { tokenId: id } }]);
        }
        const row = await one<TokenRow>(c, `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE id = ?`, [id]);
        return row ? toToken(row) : null;
      });
    },
    async list() {
      return (await all<TokenRow>(pool, `SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at`)).map(toToken);
    },
  };
}
