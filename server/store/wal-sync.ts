/**
 * Group commit for a WAL: a commit is durable once the `-wal` file is fdatasync'ed after it, and since the WAL is
 * appended in order, one flush covers every commit written before it began. So commits that land while a flush is
 * under way share the next single flush, and the flush itself runs in libuv's thread pool, off the event loop.
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface Flusher {
  /** After a commit: resolves once a flush that began after it has finished. */
  committed(): Promise<void>;
  /** What a read waits for: the flush every commit so far waits for, or null when none is outstanding. */
  outstanding(): Promise<void> | null;
}

/**
 * `sync` makes durable everything written before it was called. Flushes run one at a time. After a failed one
 * every later commit fails too: the kernel may have dropped the pages it could not write and marked them clean,
 * so a later flush that succeeds would prove nothing about them.
 */
export function groupFlusher(sync: () => Promise<void>): Flusher {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  let failed: { error: unknown } | null = null;
  let last: Promise<void> | null = null;

  const start = (): Promise<void> => {
    if (failed) return Promise.reject(failed.error);
    const p = sync().then(
      () => {
        if (running === p) running = null;
      },
      (error: unknown) => {
        failed ??= { error };
        if (running === p) running = null;
        throw error;
      },
    );
    running = p;
    return p;
  };
  const settle = <T>(p: Promise<T>) => p.then(noop, noop);

  return {
    committed() {
      // A commit made while a flush runs may have missed it: it waits for the next, which all such commits share.
      if (running && !next)
        next = settle(running).then(() => {
          next = null;
          return start();
        });
      const p = next ?? start();
      last = p;
      void settle(p).then(() => {
        if (last === p) last = null;
      });
      return p;
    },
    outstanding: () => (failed ? Promise.reject(failed.error) : last),
  };
}

const noop = () => {};

/** fdatasync of a database's `-wal` file, opened at the first flush (SQLite makes it at the first write). */
export function walSync(dbFile: string): { sync: () => Promise<void>; close: () => Promise<void> } {
  let handle: Promise<FileHandle> | null = null;
  return {
    sync: async () => {
      handle ??= open(`${dbFile}-wal`, 'r');
      await (await handle).datasync();
    },
    close: async () => {
      if (handle) await (await handle.catch(() => null))?.close();
      handle = null;
    },
  };
}
