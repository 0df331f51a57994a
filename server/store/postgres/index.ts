/** The PostgreSQL store, chosen by `DATABASE_URL=postgres://…`: a pool, migrations at open, every store module. */
import type { Store } from '../types.js';
import { migrate, openPool } from './db.js';
import { auditStore } from './audit.js';
import { consentStore } from './consents.js';
import { customerStore } from './customers.js';
import { factStore } from './facts.js';
import { tokenStore } from './tokens.js';
import { outcomeStore } from './outcomes.js';
import { templateStore } from './templates.js';
import { settingStore } from './settings.js';
import { recordingStore } from './recordings.js';
import { portalStore } from './portal.js';

export async function openPostgresStore(url: string): Promise<Store> {
  const pool = openPool(url);
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return {
    customers: customerStore(pool),
    facts: factStore(pool),
    consents: consentStore(pool),
    tokens: tokenStore(pool),
    outcomes: outcomeStore(pool),
    templates: templateStore(pool),
    settings: settingStore(pool),
    recordings: recordingStore(pool),
    portal: portalStore(pool),
    audit: auditStore(pool),
    close: () => pool.end(),
  };
}
