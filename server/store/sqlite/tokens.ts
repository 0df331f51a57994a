/** Bearer tokens: random, shown once, stored only as a SHA-256 hash (they are high-entropy, so no slow hash is needed). */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../protocol/domain.js';
import type { Store, TokenRecord } from '../types.js';
import { appendAudit } from './audit.js';
import type { Db } from './db.js';

interface Row {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

const toRecord = (r: Row): TokenRecord => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at });
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function tokenStore(db: Db): Store['tokens'] {
  const byHash = db.prepare('SELECT id, name, role, created_at, revoked_at FROM tokens WHERE hash = ? AND revoked_at IS NULL');
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
    const row = db.prepare('SELECT id, name, role, created_at, revoked_at FROM tokens WHERE id = ?').get(id) as Row | undefined;
    return row ? toRecord(row) : null;
  });
  return {
    async create(name, role, meta) {
      return create(name, role, meta.actor);
    },
    async authenticate(token) {
      const row = byHash.get(hashToken(token)) as Row | undefined;
      return row ? toRecord(row) : null;
    },
    async revoke(id, meta) {
      return revoke(id, meta.actor);
    },
    async list() {
      return (db.prepare('SELECT id, name, role, created_at, revoked_at FROM tokens ORDER BY created_at').all() as Row[]).map(toRecord);
    },
  };
}
