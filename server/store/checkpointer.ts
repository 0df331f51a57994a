/**
 * SQLite's checkpoints, off the event loop: a checkpoint fsyncs the WAL and then the database file, so the store's
 * own connection runs with `wal_autocheckpoint = 0` and a worker thread with a connection of its own to the same
 * file (opened with the same key) copies the WAL into the file. It starts at the first checkpoint wanted (a store
 * opened for a moment never pays for a thread), never keeps the process alive, and ends when the store closes.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Plain JavaScript, evaluated: the worker runs the same whether the server is TypeScript under tsx or built. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
for (const p of workerData.pragmas) db.pragma(p);
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', (m) => {
  if (m === 'checkpoint') return void checkpoint.run();
  db.close();
  parentPort.close();
});
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

export interface Checkpointer {
  /** Counts a commit; a checkpoint follows `everyMs` after the first one since the last, or at once after `commits`. */
  committed(): void;
  close(): Promise<void>;
}

/**
 * `pragmas`: what opens the file (the key), then how the worker's checkpoints sync (a checkpoint must fsync the WAL
 * before it copies and the file after). `failed` is told if the worker cannot run: the caller checkpoints itself.
 */
export function checkpointer(
  file: string,
  pragmas: readonly string[],
  failed: (e: unknown) => void,
  o: { everyMs: number; commits: number } = { everyMs: 1000, commits: 1000 },
): Checkpointer {
  let worker: Worker | null = null;
  let exited: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let commits = 0;
  let broken = false;

  const checkpoint = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    commits = 0;
    if (broken) return;
    if (!worker) {
      worker = new Worker(WORKER, { eval: true, workerData: { driver, file, pragmas } });
      const w = worker;
      exited = new Promise((resolve) => w.once('exit', resolve));
      worker.unref();
      worker.on('error', (e) => {
        broken = true;
        failed(e);
      });
    }
    worker.postMessage('checkpoint');
  };

  return {
    committed() {
      commits += 1;
      if (commits >= o.commits) checkpoint();
      else if (!timer) timer = setTimeout(checkpoint, o.everyMs).unref();
    },
    async close() {
      if (timer) clearTimeout(timer);
      timer = null;
      broken = true;
      if (!worker) return;
      // Held until it has closed its connection: unreferenced, a process with nothing else to do would end first,
      // with the close still awaited (Node's exit code 13).
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
