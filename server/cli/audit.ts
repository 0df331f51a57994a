/**
 * `candor audit verify`: checks the audit log's hash chain in the configured data directory; a log retention pruned
 * verifies from its newest checkpoint, and the line says from where.
 */
import { parseConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { formatDayAndTime } from '../dates.js';
import { UsageError, type Io } from './io.js';

export async function auditCommand(args: string[], io: Io): Promise<number> {
  if (args[0] !== 'verify' || args.length > 1) throw new UsageError('expected "audit verify"');
  const store = await openStore(parseConfig());
  try {
    const result = await store.audit.verify();
    if (result.ok) {
      const from = result.pruned
        ? ` from entry ${result.pruned.firstSeq} (entries up to ${formatDayAndTime(result.pruned.throughAt)} were ` +
          `removed by retention; checkpoint entry ${result.pruned.checkpointSeq} records their head)`
        : '';
      io.out(`audit chain verified: ${result.entries} entries${from}, head ${result.head.slice(0, 16)}…`);
      return 0;
    }
    io.out(`audit chain BROKEN at entry ${result.seq}: ${result.problem}`);
    return 1;
  } finally {
    await store.close();
  }
}
