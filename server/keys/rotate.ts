/**
 * Master-key rotation without downtime: a new master key is made and named current in the key store (servers read
 * it each time they make a data key), every data key is re-wrapped by it, and only then are the old master keys
 * retired. Until then both are readable: a running server unwraps with whichever master a key names, and reads the
 * key directory again when it meets one it has not seen.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { unwrapKey, wrapKey } from './cipher.js';
import type { KeyDir } from './key-dir.js';
import type { KeyStore } from './keystore.js';

export interface Rotation {
  master: string;
  rewrapped: number;
  retired: string[];
}

/**
 * `settle`: how long a server that read the old master as current just before the switch has to finish wrapping its
 * new key with it; the sweep after it re-wraps that key too.
 */
export async function rotateMaster(
  keys: KeyStore,
  dir: KeyDir,
  onProgress: (rewrapped: number) => void,
  settle = 1000,
): Promise<Rotation> {
  const old = dir.masters();
  const master = dir.newMaster();
  const key = dir.masters().get(master)!;
  await keys.setCurrentMaster(master);
  await sleep(settle);
  let rewrapped = 0;
  for (;;) {
    const batch = await keys.notWrappedBy(master, 200);
    if (!batch.length) break;
    for (const w of batch) {
      const from = old.get(w.masterId) ?? dir.masters().get(w.masterId);
      if (!from)
        throw new Error(`data key ${w.kid} is wrapped by master key ${w.masterId}, which is not in ${dir.dir}`);
      const k = unwrapKey(from, w.masterId, w.kid, Buffer.from(w.wrapped, 'base64'));
      // Another rotation that changed it first wins; the next batch reads it again.
      await keys.rewrap({ ...w, masterId: master, wrapped: wrapKey(key, master, k).toString('base64') }, w.masterId);
      rewrapped += 1;
    }
    onProgress(rewrapped);
  }
  for (const id of old.keys()) dir.retireMaster(id);
  return { master, rewrapped, retired: [...old.keys()] };
}
