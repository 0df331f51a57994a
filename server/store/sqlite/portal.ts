/** Privacy-portal links (spent once) and sessions (looked up by the hash of the cookie value). */
import type { Store } from '../types.js';
import { appendAudit } from './audit.js';
import type { Db } from './db.js';

export function portalStore(db: Db): Store['portal'] {
  const issue = db.transaction((nonce: string, customerId: string, expiresAt: string, actor: string, channel: string) => {
    db.prepare('INSERT INTO portal_links (nonce, customer_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(nonce, customerId, actor, new Date().toISOString(), expiresAt);
    appendAudit(db, [{ kind: 'portal.link_created', actor, customerId, payload: { expiresAt, channel } }]);
  });
  const spend = db.transaction((nonce: string, at: string) => {
    const row = db.prepare('SELECT customer_id, used_at FROM portal_links WHERE nonce = ?').get(nonce) as { customer_id: string; used_at: string | null } | undefined;
    if (!row) return 'unknown' as const;
    if (row.used_at) return 'used' as const;
    db.prepare('UPDATE portal_links SET used_at = ? WHERE nonce = ?').run(at, nonce);
    return { customerId: row.customer_id };
  });
  const open = db.transaction((hash: string, customerId: string, csrf: string, expiresAt: string) => {
    db.prepare('INSERT INTO portal_sessions (hash, customer_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(hash, customerId, csrf, new Date().toISOString(), expiresAt);
    appendAudit(db, [{ kind: 'portal.opened', actor: 'customer', customerId, payload: { expiresAt } }]);
  });
  return {
    async issueLink(link, meta) {
      issue(link.nonce, link.customerId, link.expiresAt, meta.actor, meta.channel);
    },
    async spendLink(nonce, at) {
      return spend(nonce, at);
    },
    async openSession(hash, s) {
      open(hash, s.customerId, s.csrf, s.expiresAt);
    },
    async session(hash, now) {
      const row = db.prepare('SELECT customer_id, csrf, expires_at FROM portal_sessions WHERE hash = ? AND expires_at > ?').get(hash, now) as
        | { customer_id: string; csrf: string; expires_at: string }
        | undefined;
      return row ? { customerId: row.customer_id, csrf: row.csrf, expiresAt: row.expires_at } : null;
    },
    async endSession(hash) {
      db.prepare('DELETE FROM portal_sessions WHERE hash = ?').run(hash);
    },
  };
}
