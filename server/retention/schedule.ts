/**
 * Retention on the server's own schedule: a run at start, then one every interval. A run still going when the next is
 * due is not doubled; a run another server holds the lease for is skipped (it is doing the work).
 */
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { recordingsDirOf } from '../recorder/files.js';
import type { Store } from '../store/types.js';
import { retentionDays } from './periods.js';
import { runRetention, type RetentionDeps } from './run.js';

type RetentionConfig = Parameters<typeof retentionDays>[0] & Pick<Config, 'CANDOR_DATA_DIR' | 'CANDOR_GATE_DIR'>;

export const retentionDepsOf = (config: RetentionConfig, store: Store): RetentionDeps => ({
  store,
  days: retentionDays(config),
  recordingsDir: recordingsDirOf(config.CANDOR_DATA_DIR),
  gateDir: config.CANDOR_GATE_DIR,
});

export function scheduleRetention(deps: RetentionDeps, everyMs: number, log: Logger): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runRetention(deps, { actor: 'system', trigger: 'schedule' })
      .then((r) => {
        if (r.ran) log.info('retention applied', { ...r.removed, auditSeq: r.auditSeq });
        else log.debug('retention skipped: another server is running it');
      })
      .catch((e: Error) => log.error('retention failed', { error: e.message }))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
