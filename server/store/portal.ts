/** Privacy-portal links (spent once) and sessions (looked up by the hash of the cookie value). */
import type { Store } from './types.js';
import { appendAudit } from './audit.js';
import type { Sql } from './sql.js';

export function portalStore(sql: Sql): Store['portal'] {
  return {
    issueLink(link, meta) {
      return sql.tx(async (q) => {
        await q.run(
          'INSERT INTO portal_links (nonce, customer_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
          [link.nonce, link.customerId, meta.actor, new Date().toISOString(), link.expiresAt],
        );
        await appendAudit(q, [
          {
            kind: 'portal.link_created',
            actor: meta.actor,
            customerId: link.customerId,
            payload: { expiresAt: link.expiresAt, channel: meta.channel },
          },
        ]);
      });
    },
    async spendLink(nonce, at) {
      // One statement decides: of two servers spending the same link at once, only one gets the row back.
      const spent = await sql.one<{ customer_id: string }>(
        'UPDATE portal_links SET used_at = ? WHERE nonce = ? AND used_at IS NULL RETURNING customer_id',
        [at, nonce],
      );
      if (spent) return { customerId: spent.customer_id };
      return (await sql.one('SELECT 1 FROM portal_links WHERE nonce = ?', [nonce])) ? 'used' : 'unknown';
    },
    openSession(hash, s) {
      return sql.tx(async (q) => {
        await q.run(
          'INSERT INTO portal_sessions (hash, customer_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
          [hash, s.customerId, s.csrf, new Date().toISOString(), s.expiresAt],
        );
        await appendAudit(q, [
          { kind: 'portal.opened', actor: 'customer', customerId: s.customerId, payload: { expiresAt: s.expiresAt } },
        ]);
      });
    },
    async session(hash, now) {
      const row = await sql.one<{ customer_id: string; csrf: string; expires_at: string }>(
        'SELECT customer_id, csrf, expires_at FROM portal_sessions WHERE hash = ? AND expires_at > ?',
        [hash, now],
      );
      return row ? { customerId: row.customer_id, csrf: row.csrf, expiresAt: row.expires_at } : null;
    },
    async endSession(hash) {
      await sql.run('DELETE FROM portal_sessions WHERE hash = ?', [hash]);
    },
  };
}
