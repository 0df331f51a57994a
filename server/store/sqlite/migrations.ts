/** The schema, as an ordered list: a migration is never edited once released, only followed by another. */
export const MIGRATIONS: { name: string; sql: string }[] = [
  {
    name: 'initial schema',
    sql: `
      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        email TEXT UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE facts (
        customer_id TEXT NOT NULL REFERENCES customers(id),
        id TEXT NOT NULL,
        category TEXT NOT NULL,
        text TEXT,                 -- NULL once erased
        value_json TEXT,           -- NULL once erased
        source TEXT NOT NULL,
        collected_at TEXT NOT NULL,
        erased_at TEXT,
        PRIMARY KEY (customer_id, id),
        CHECK ((erased_at IS NULL) = (text IS NOT NULL))
      ) WITHOUT ROWID;
      CREATE TABLE consent_records (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        consent_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('granted', 'withdrawn')),
        consent_json TEXT,         -- the consent as granted or denied; NULL for a withdrawal
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        channel TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX consent_records_by_customer ON consent_records (customer_id, seq);
      CREATE TABLE flag_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        kind TEXT NOT NULL CHECK (kind IN ('opted_out', 'opted_in', 'gpc')),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        channel TEXT NOT NULL
      );
      CREATE INDEX flag_events_by_customer ON flag_events (customer_id, seq);
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
        hash TEXT NOT NULL UNIQUE,  -- sha256 of the token; the token itself is never stored
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        customer_id TEXT,
        payload_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_by_customer ON audit (customer_id, seq);
      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
      );
    `,
  },
  {
    name: 'suggestion outcomes',
    sql: `
      CREATE TABLE outcomes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        suggestion_id TEXT NOT NULL,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        engine TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('inserted', 'copied', 'edited', 'dismissed', 'rated')),
        edit_text TEXT,            -- masked
        edit_distance INTEGER,
        rating TEXT CHECK (rating IN ('up', 'down')),
        reason TEXT                -- masked
      );
      CREATE INDEX outcomes_by_template ON outcomes (template_id, template_version, seq);
    `,
  },
  {
    name: 'template versions, suggestions shown, settings',
    sql: `
      -- Published template versions: immutable rows; the live version of a template is its highest.
      CREATE TABLE template_versions (
        template_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        file TEXT NOT NULL,        -- where it lives under prompts/, for export and import
        source TEXT NOT NULL,      -- the whole file: front matter and body
        author TEXT NOT NULL,
        message TEXT NOT NULL,
        diff TEXT NOT NULL,        -- unified diff from the version before ('' for the first)
        rolled_back_from INTEGER,  -- set when this version restores an earlier one
        created_at TEXT NOT NULL,
        PRIMARY KEY (template_id, version)
      ) WITHOUT ROWID;
      -- How many suggestions each template version put in front of an agent.
      CREATE TABLE template_shows (
        template_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        shown INTEGER NOT NULL,
        PRIMARY KEY (template_id, version)
      ) WITHOUT ROWID;
      -- Server settings a lead changes at run time (e.g. recording); JSON values.
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    name: 'erasure that reaches the audit log, recording owners, privacy portal links and sessions',
    sql: `
      -- What may quote a customer is sealed apart from the chained payload: the chain covers
      -- seal_digest (sha256 of salt and value); erasure clears salt and value and keeps the digest.
      ALTER TABLE audit ADD COLUMN seal_digest TEXT;
      ALTER TABLE audit ADD COLUMN seal_salt TEXT;
      ALTER TABLE audit ADD COLUMN sealed_json TEXT;
      ALTER TABLE audit ADD COLUMN sealed_erased_at TEXT;
      ALTER TABLE customers ADD COLUMN erased_at TEXT;
      -- Whose session each recording file holds (files are pseudonymised and cannot say), so erasure finds them.
      CREATE TABLE recording_owners (
        recording_id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX recording_owners_by_customer ON recording_owners (customer_id);
      -- A portal link works once: its nonce is spent when it is exchanged for a session.
      CREATE TABLE portal_links (
        nonce TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      ) WITHOUT ROWID;
      CREATE TABLE portal_sessions (
        hash TEXT PRIMARY KEY,     -- sha256 of the cookie value; the value itself is never stored
        customer_id TEXT NOT NULL REFERENCES customers(id),
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];
