import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkpointer } from './checkpointer.js';
import { keyPragmas, openDb, type Db } from './sqlite.js';

let dir: string;
let file: string;
let db: Db;
const key = randomBytes(32);
/** What the worker opens the file with: the same key, checkpoints that fsync. */
const pragmas = [...keyPragmas(key), 'synchronous = FULL'];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'candor-ckpt-'));
  file = path.join(dir, 'c.db');
  db = openDb(file, { key, from: 'the test' });
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (x)');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (let i = 0; i < 100; i++) insert.run(randomBytes(2000));
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The database file grows when the WAL's pages are copied into it. */
async function copiedIn(before: number) {
  for (let i = 0; i < 400 && statSync(file).size <= before; i++) await new Promise((r) => setTimeout(r, 10));
  return statSync(file).size > before;
}

describe('checkpoints in a worker', () => {
  it('when a commit is counted, then soon after a worker with its own connection copies the WAL into the file', async () => {
    const before = statSync(file).size;
    const failed = vi.fn();
    const c = checkpointer(file, pragmas, failed, { everyMs: 20, commits: 1000 });
    c.committed();
    expect(await copiedIn(before)).toBe(true);
    await c.close();
    expect(failed).not.toHaveBeenCalled();
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(100);
  });

  it('when enough commits are counted, then the checkpoint does not wait for the timer', async () => {
    const before = statSync(file).size;
    const c = checkpointer(file, pragmas, () => {}, { everyMs: 60_000, commits: 3 });
    c.committed();
    c.committed();
    c.committed();
    expect(await copiedIn(before)).toBe(true);
    await c.close();
  });

  it('when the store closes, then the worker has closed its connection first: the last one removes the WAL', async () => {
    const c = checkpointer(file, pragmas, () => {}, { everyMs: 1, commits: 1000 });
    c.committed();
    await copiedIn(statSync(file).size);
    await c.close();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('when the worker cannot open the file (another key), then the caller is told, to checkpoint itself', async () => {
    const failed = vi.fn();
    const c = checkpointer(file, keyPragmas(randomBytes(32)), failed, { everyMs: 1, commits: 1000 });
    c.committed();
    for (let i = 0; i < 400 && !failed.mock.calls.length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(failed.mock.calls[0]?.[0]).toMatchObject({ code: 'SQLITE_NOTADB' });
    await c.close();
  });

  it('when a process with nothing else to do closes it, then the process waits for the worker and ends normally', async () => {
    // The worker does not keep a process alive while it idles; while it closes, it must (else: exit code 13).
    const script = `
      const { checkpointer } = await import(${JSON.stringify(path.join(import.meta.dirname, 'checkpointer.ts'))});
      const c = checkpointer(${JSON.stringify(file)}, ${JSON.stringify(pragmas)}, () => {}, { everyMs: 1, commits: 1000 });
      c.committed();
      await new Promise((r) => setTimeout(r, 20));
      await c.close();
      console.log('closed');`;
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    await expect(run).resolves.toMatchObject({ stdout: 'closed\n' });
  });

  it('when no checkpoint was ever wanted, then no worker was started and closing is immediate', async () => {
    const c = checkpointer(file, pragmas, () => {}, { everyMs: 1000, commits: 1000 });
    await c.close();
  });
});
