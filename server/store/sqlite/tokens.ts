/** Bearer tokens: random, shown once, stored only as a SHA-256 hash. */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../protocol/domain.js';
import type { Store } from '../types.js';
import { TOKEN_COLUMNS, hashToken, toToken, type TokenRow } from '../rows.js';
import { appendAudit } from './audit.js';
import type { Db } from './db.js';

export function tokenStore(db: Db): Store['tokens'] {
  const byHash = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ? AND revoked_at IS NULL`);
  const create = db.transaction((name: string, role: Role, actor: string) => {
    const id = `tok_${randomBytes(6).toString('hex')}`;
    const token = `cnd_${randomBytes(32).toString('base64url')}`;
    const createdAt = new Date().toISOString();
    db.prepare('INSERT INTO tokens (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)').run(id, name, role, hashToken(token), createdAt);
    appendAudit(db, [{ kind: 'token.created', actor, customerId: null, payload: { tokenId: id, role } }]);
    return { record: { id, name, role, createdAt, revokedAt: null }, token };
  });
  const revoke = db.transaction((id: string, actor: string) => {
    const changed = db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), id).changes;
    if (changed) appendAudit(db, [{ kind: 'token.revoked', actor, customerId: null, payload: { tokenId: id } }]);
    const row = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE id = ?`).get(id) as TokenRow | undefined;
    return row ? toToken(row) : null;
  });
  return {
    async create(name, role, meta) {
      return create(name, role, meta.actor);
    },
    async authenticate(token) {
      const row = byHash.get(hashToken(token)) as TokenRow | undefined;
      return row ? toToken(row) : null;
    },
    async revoke(id, meta) {
      return revoke(id, meta.actor);
    },
    async list() {
      return (db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at`).all() as TokenRow[]).map(toToken);
    },
  };
}
