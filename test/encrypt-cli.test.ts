/**
 * `candor encrypt` on a data directory from before encryption (SQLite) and on a PostgreSQL database: interrupted with
 * kill -9 and run again, it finishes, verifies, and the store then answers exactly as it did in plain text; a
 * recording from before is sealed under its customer's key. A data directory whose file was encrypted with SQLCipher,
 * before Candor moved to AEGIS, is converted to AEGIS and answers as before.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { keysIn, openPostgresStore, openSqliteStore, type KeySettings } from '../server/store/index.js';
import { applyKey, DB_FILE, isPlainSqlite, LEGACY_CIPHER, openKeyed } from '../server/store/sqlite.js';
import type { Store } from '../server/store/types.js';
import { RecordedSession } from '../server/protocol/session.js';
import { fact, freshPgDatabase, META, PG_URL, rawDb, readFileKey } from '../server/store/test-backends.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

const FACTS = 3000;
const REC = 'rec-20260101-abcdef';
const recordingFile = (dir: string) => path.join(dir, 'recordings', `${REC}.json`);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
async function seed(store: Store) {
  await store.customers.upsert({ id: 'c-ada', displayName: 'Ada zqPlain', email: 'Ada.ZQ@example.org' }, META);
  await store.facts.upsertMany(
    'c-ada',
    Array.from({ length: FACTS }, (_, i) => fact(`f${i}`, { text: `zq order ${i}` })),
    META,
  );
  await store.consents.append(
    'c-ada',
    [
      {
        kind: 'granted',
        consent: {
          id: 'k1',
          purpose: 'essential.service.operations.support',
          categories: ['user.behavior'],
          status: 'granted',
          at: '2026-01-01T00:00:00.000Z',
          expiresAt: null,
          source: 'zq phone call',
        },
      },
    ],
    { ...META, by: 'customer', ticketId: 'zq-T-1' },
  );
  await store.audit.append([
    {
      kind: 'model.called',
      actor: 'agent:tok_1',
      customerId: 'c-ada',
      payload: {},
      sealed: { messages: [{ role: 'user', content: 'zq prompt' }] },
    },
  ]);
  await store.outcomes.record({
    actor: 'agent:tok_1',
    ticketId: 'T-1',
    customerId: 'c-ada',
    suggestionId: 's1',
    template: { id: 'x', version: 1 },
    engine: 'offline',
    action: 'edited',
    edit: { text: 'zq edited reply', distance: 4 },
    rating: null,
    reason: null,
  });
}

/** What the store answers about the customer. */
async function picture(store: Store) {
  const snapshot = (await store.customers.snapshot('c-ada'))!;
  return {
    // In the order of their ids: PostgreSQL returns rows in no set order, and an update moves them.
    snapshot: { ...snapshot, facts: snapshot.facts.sort((a, b) => a.id.localeCompare(b.id)) },
    byEmail: await store.customers.findByEmail('ada.zq@EXAMPLE.org'),
    history: await store.consents.history('c-ada'),
    audit: (await store.audit.list({ customerId: 'c-ada', kind: 'model.called' })).map((e) => e.seal?.value),
    outcomes: (await store.outcomes.list({})).map((o) => o.edit),
    verified: (await store.audit.verify()).ok,
  };
}

const withStore = async <T>(open: () => Promise<Store>, f: (s: Store) => Promise<T>) => {
  const s = await open();
  try {
    return await f(s);
  } finally {
    await s.close();
  }
};

const env = (over: Record<string, string>) => {
  const { CANDOR_ENCRYPTION: _off, DATABASE_URL: _db, ...rest } = process.env;
  return { ...rest, ...over };
};

/** Runs `candor encrypt`, killed with -9 at its first line of progress on facts. */
function interrupted(over: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/candor.js'), 'encrypt', '--batch', '100'], {
      env: env(over),
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      if (/facts: [1-9]/.test(err)) child.kill('SIGKILL');
    });
    child.once('exit', () => resolve(err));
  });
}

const run = async (over: Record<string, string>) => {
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/candor.js'), 'encrypt'], {
      env: env(over),
    });
    return { code: 0, ...r };
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
};

describe('candor encrypt', () => {
  it('when a plain SQLite data directory is converted, interrupted and run again, then it answers as before', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-encrypt-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const keys = keysIn(dir);
    const off: KeySettings = { ...keys, CANDOR_ENCRYPTION: 'off' };
    const before = await withStore(
      () => openSqliteStore(dir, off),
      async (s) => {
        await seed(s);
        return picture(s);
      },
    );
    expect(isPlainSqlite(path.join(dir, DB_FILE))).toBe(true);
    // A recording from before recordings were sealed: plain JSON, its owner known to the store.
    const recording = { ...readJson(path.join(ROOT, 'prompts/sessions/gpc-from-the-start.json')), id: REC };
    recording.turns[0].text = 'zq recorded jacket';
    mkdirSync(path.join(dir, 'recordings'));
    writeFileSync(recordingFile(dir), JSON.stringify(recording));
    await withStore(
      () => openSqliteStore(dir, off),
      (s) => s.recordings.own(REC, 'c-ada'),
    );
    const over = { CANDOR_DATA_DIR: dir, CANDOR_KEY_DIR: keys.CANDOR_KEY_DIR };

    const cut = await interrupted(over);
    expect(cut).toMatch(/candor\.db: encrypted with AEGIS-256/);
    expect(isPlainSqlite(path.join(dir, DB_FILE))).toBe(false);
    const counts = () =>
      rawDb(dir)
        .prepare("SELECT SUM(text LIKE 'cv1:%') AS sealed, SUM(text NOT LIKE 'cv1:%') AS plain FROM facts")
        .get() as { sealed: number; plain: number };
    const half = counts();
    expect(half.sealed).toBeGreaterThan(0);
    expect(half.plain).toBeGreaterThan(0); // it was cut short

    const again = await run(over);
    expect(again.stderr).toMatch(/candor\.db: already encrypted/);
    expect(again.stderr).toMatch(new RegExp(`facts: ${(FACTS - half.sealed).toLocaleString('en')} / `));
    expect(again.stdout).toMatch(/^verified: [\d,]+ values sealed, none left in plain text, every one opens/);
    expect(again.code).toBe(0);
    expect(counts()).toEqual({ sealed: FACTS, plain: 0 });
    expect(await withStore(() => openSqliteStore(dir, keys), picture)).toEqual(before);
    const bytes = Buffer.concat(
      [DB_FILE, `${DB_FILE}-wal`]
        .filter((f) => existsSync(path.join(dir, f)))
        .map((f) => readFileSync(path.join(dir, f))),
    );
    for (const v of ['zq order 1', 'Ada zqPlain', 'zq phone call', 'zq prompt', 'zq edited reply'])
      expect(bytes.includes(Buffer.from(v))).toBe(false);
    // The recording is sealed under Ada's key, and opens to what it was.
    expect(again.stderr).toMatch(/recordings: 1 sealed/);
    const sealed = readJson(recordingFile(dir)).sealed;
    expect(readFileSync(recordingFile(dir), 'utf8')).not.toContain('zq recorded');
    const opened = await withStore(
      () => openSqliteStore(dir, keys),
      (s) => s.recordings.open(sealed),
    );
    expect(JSON.parse(opened!)).toEqual(JSON.parse(JSON.stringify(RecordedSession.parse(recording))));
  }, 120_000);

  it('when a data directory encrypted with SQLCipher is converted, then the file is AEGIS and answers as before', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-encrypt-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const keys = keysIn(dir);
    const file = path.join(dir, DB_FILE);
    await withStore(() => openSqliteStore(dir, keys), seed);
    // The file as a Candor from before AEGIS left it: the same key, SQLCipher's pages.
    const legacy = openKeyed(file, readFileKey(dir)).db;
    legacy.pragma('journal_mode = DELETE');
    applyKey(legacy, readFileKey(dir), 'rekey', LEGACY_CIPHER);
    legacy.close();
    expect(openKeyed(file, readFileKey(dir)).cipher).toBe(LEGACY_CIPHER);
    const before = await withStore(() => openSqliteStore(dir, keys), picture);

    const over = { CANDOR_DATA_DIR: dir, CANDOR_KEY_DIR: keys.CANDOR_KEY_DIR };
    const converted = await run(over);
    expect(converted.stderr).toMatch(/candor\.db: converted from SQLCipher to AEGIS-256/);
    expect(converted.stdout).toMatch(/^verified: [\d,]+ values sealed, none left in plain text, every one opens/);
    expect(converted.code).toBe(0);
    const opened = openKeyed(file, readFileKey(dir));
    opened.db.close();
    expect(opened.cipher).toBe('aegis');
    expect(existsSync(`${file}.encrypting`)).toBe(false);
    expect(await withStore(() => openSqliteStore(dir, keys), picture)).toEqual(before);
    expect((await run(over)).stderr).toMatch(/candor\.db: already encrypted/);
  }, 60_000);

  (PG_URL ? it : it.skip)(
    'when a plain PostgreSQL database is converted, interrupted and run again, then it answers as before',
    async () => {
      const db = await freshPgDatabase(PG_URL!);
      cleanup.push(() => db.drop());
      const keyDir = mkdtempSync(path.join(tmpdir(), 'candor-encrypt-keys-'));
      cleanup.push(() => rmSync(keyDir, { recursive: true, force: true }));
      const keys = { CANDOR_KEY_DIR: keyDir };
      const before = await withStore(
        () => openPostgresStore(db.url, { ...keys, CANDOR_ENCRYPTION: 'off' }),
        async (s) => {
          await seed(s);
          return picture(s);
        },
      );
      const over = { DATABASE_URL: db.url, CANDOR_KEY_DIR: keyDir };
      await interrupted(over);
      const again = await run(over);
      expect(again.stdout).toMatch(/^verified: [\d,]+ values sealed, none left in plain text, every one opens/);
      expect(again.code).toBe(0);
      const after = await withStore(() => openPostgresStore(db.url, keys), picture);
      expect(after).toEqual(before);
    },
    120_000,
  );
});
