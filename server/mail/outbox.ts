/**
 * The demo's outbox: mail Candor would have sent, kept as files in the data directory (owner-only)
 * and shown at /demo/outbox, so a newcomer can walk the customer's side of the demo after
 * `npm start` without a mail server. Only mail to reserved example addresses is ever kept here.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ownerOnlyDir } from '../files/private.js';

export const OutboxMessage = z.strictObject({
  id: z.string(),
  at: z.string(),
  to: z.string(),
  /** Whose data the message is about: erasure removes their messages. */
  customerId: z.string(),
  subject: z.string(),
  text: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export interface Outbox {
  put(message: Omit<OutboxMessage, 'id' | 'at'>): OutboxMessage;
  /** Newest first. */
  list(): OutboxMessage[];
  forget(customerId: string): void;
}

export function fileOutbox(dir: string): Outbox {
  const files = () => {
    ownerOnlyDir(dir);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .reverse();
  };
  const read = (f: string) => OutboxMessage.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  return {
    put(m) {
      ownerOnlyDir(dir);
      const at = new Date().toISOString();
      const message = { ...m, at, id: `${at.replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}` };
      writeFileSync(path.join(dir, `${message.id}.json`), JSON.stringify(message), { mode: 0o600, flag: 'wx' });
      return message;
    },
    list: () => files().map(read),
    forget(customerId) {
      for (const f of files()) if (read(f).customerId === customerId) rmSync(path.join(dir, f));
    },
  };
}
