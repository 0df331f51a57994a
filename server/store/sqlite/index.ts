/** The embedded store: one SQLite file. */
import path from 'node:path';
import type { Store } from '../types.js';
import { openDb } from './db.js';
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

export const DB_FILE = 'candor.db';

export function openSqliteStore(dataDir: string): Store {
  const db = openDb(path.join(dataDir, DB_FILE));
  return {
    customers: customerStore(db),
    facts: factStore(db),
    consents: consentStore(db),
    tokens: tokenStore(db),
    outcomes: outcomeStore(db),
    templates: templateStore(db),
    settings: settingStore(db),
    recordings: recordingStore(db),
    portal: portalStore(db),
    audit: auditStore(db),
    close: async () => void db.close(),
  };
}
