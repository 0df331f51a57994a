/**
 * `adapter:miss`: a panel says its helpdesk adapter did not find a field (requester, conversation,
 * reply box) on a ticket page. Counted per adapter, field and day at the server's clock; the
 * payload holds an adapter id and a field name and nothing else. Panels report once per page view;
 * the server bounds them anyway, per token, so a faulty or hostile panel cannot inflate the counts.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AdapterMiss } from '../protocol/adapters.js';
import { AppError, parseInput } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { handle, type PanelSocket } from './handle.js';

/** More than an agent views ticket pages: each view of a lost page reports at most three fields. */
export const MISS_REPORTS = { points: 60, seconds: 10 * 60 };

export function adapterMissHandlers(store: Store, log: Logger) {
  const limiter = new RateLimiterMemory({ points: MISS_REPORTS.points, duration: MISS_REPORTS.seconds });
  return (socket: PanelSocket) => {
    socket.on(
      'adapter:miss',
      handle(log, socket, 'adapter:miss', async (payload) => {
        const miss = parseInput(AdapterMiss, payload);
        try {
          await limiter.consume(socket.data.tokenId);
        } catch {
          throw new AppError(
            'too_many_reports',
            `at most ${MISS_REPORTS.points} adapter misses per ${MISS_REPORTS.seconds / 60} minutes from one token`,
            429,
          );
        }
        await store.adapterMisses.record(miss);
        log.info('adapter miss', { adapter: miss.adapter, field: miss.field });
        return null;
      }),
    );
  };
}
