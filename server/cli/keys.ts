/** `candor keys rotate`: a new master key, every data key re-wrapped by it, the old master retired; servers keep on. */
import { parseConfig } from '../config.js';
import { openKeyDir } from '../keys/key-dir.js';
import { rotateMaster } from '../keys/rotate.js';
import { openKeyStore } from '../store/keys.js';
import { UsageError, type Io } from './io.js';

export async function keysCommand(args: string[], io: Io): Promise<number> {
  if (args[0] !== 'rotate' || args.length > 1) throw new UsageError('expected "keys rotate"');
  const config = parseConfig();
  if (config.CANDOR_MASTER_KEY)
    throw new UsageError(
      'the master key is CANDOR_MASTER_KEY, not a file: rotation makes a new master file in CANDOR_KEY_DIR; ' +
        'unset CANDOR_MASTER_KEY on every server and give them the key directory first',
    );
  const dir = openKeyDir(config.CANDOR_KEY_DIR);
  const keys = await openKeyStore(config, dir);
  try {
    const r = await rotateMaster(keys, dir, (n) => io.err(`re-wrapped ${n.toLocaleString('en')} data keys`));
    io.out(
      `master key ${r.master} is current: ${r.rewrapped.toLocaleString('en')} data keys re-wrapped; ` +
        `retired ${r.retired.length ? r.retired.join(', ') : 'none'}`,
    );
    return 0;
  } finally {
    await keys.close();
  }
}
