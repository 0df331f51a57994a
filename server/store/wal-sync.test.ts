import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupFlusher, walSync } from './wal-sync.js';

/** A sync the test finishes by hand: `calls[i]` is the i-th flush. */
function manualSync() {
  const calls: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const sync = () =>
    new Promise<void>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { calls, sync };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Which of the promises have settled, by name, in the order they did. */
function watch(ps: Record<string, Promise<void>>) {
  const order: string[] = [];
  for (const [name, p] of Object.entries(ps))
    p.then(
      () => order.push(name),
      () => order.push(`${name}!`),
    );
  return order;
}

describe('group commit', () => {
  it('when commits land while a flush runs, then they wait for the next one flush, which they share', async () => {
    const { calls, sync } = manualSync();
    const f = groupFlusher(sync);
    const a = f.committed();
    const [b, c, d] = [f.committed(), f.committed(), f.committed()];
    const order = watch({ a, b, c, d });
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    await tick();
    // The first flush may have begun before b, c and d were written: it does not answer for them.
    expect(order).toEqual(['a']);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve();
    await tick();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(calls).toHaveLength(2);
  });

  it('when no flush runs, then a commit starts one at once, and a read has nothing to wait for after it', async () => {
    const { calls, sync } = manualSync();
    const f = groupFlusher(sync);
    expect(f.outstanding()).toBeNull();
    const a = f.committed();
    expect(calls).toHaveLength(1);
    expect(f.outstanding()).toBe(a);
    calls[0]!.resolve();
    await a;
    await tick();
    expect(f.outstanding()).toBeNull();
  });

  it("when commits come in turn, then each resolves in order and a read waits for the last one's flush", async () => {
    const { calls, sync } = manualSync();
    const f = groupFlusher(sync);
    const a = f.committed();
    const b = f.committed();
    const read = f.outstanding()!;
    const order = watch({ a, read, b });
    calls[0]!.resolve();
    await tick();
    expect(order).toEqual(['a']);
    calls[1]!.resolve();
    await tick();
    expect(order).toEqual(['a', 'read', 'b']);
  });

  it('when fdatasync fails, then the commits waiting for it fail, and every later commit and read too', async () => {
    const { calls, sync } = manualSync();
    const f = groupFlusher(sync);
    const a = f.committed();
    const b = f.committed();
    const order = watch({ a, b });
    calls[0]!.reject(new Error('EIO'));
    await tick();
    await tick();
    expect(order).toEqual(['a!', 'b!']);
    await expect(b).rejects.toThrow('EIO');
    // The pages the kernel could not write may be marked clean: a later flush that succeeds would prove nothing.
    await expect(f.committed()).rejects.toThrow('EIO');
    await expect(f.outstanding()!).rejects.toThrow('EIO');
    expect(calls).toHaveLength(1);
  });
});

describe('walSync', () => {
  it("when asked to sync, then it fdatasyncs the database's -wal file, and closes it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-wal-'));
    try {
      const db = path.join(dir, 'x.db');
      const missing = walSync(db);
      await expect(missing.sync()).rejects.toMatchObject({ code: 'ENOENT' });
      await missing.close();
      writeFileSync(`${db}-wal`, 'frames');
      const wal = walSync(db);
      await wal.sync();
      await wal.sync();
      await wal.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
