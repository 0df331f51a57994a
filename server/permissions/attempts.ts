/**
 * Failed sign-ins are counted per client address (a wrong bearer token, a changed, used or unknown
 * portal link); past the limit, that address gets 429 with Retry-After until the window ends, so
 * tokens and links cannot be guessed at speed. Counted in memory, per server.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';

const WINDOW_SECONDS = 15 * 60;

export interface AttemptLimit {
  /** Seconds until this key (a client address, an e-mail address) may try again; 0 while it may. */
  blockedFor(key: string): Promise<number>;
  count(key: string): Promise<void>;
}

/** At most `points` counted attempts per key in a quarter of an hour. */
export function attemptLimit(points: number): AttemptLimit {
  const limiter = new RateLimiterMemory({ points, duration: WINDOW_SECONDS });
  return {
    async blockedFor(key) {
      const r = await limiter.get(key);
      return r && r.consumedPoints >= points ? Math.max(1, Math.ceil(r.msBeforeNext / 1000)) : 0;
    },
    async count(key) {
      await limiter.penalty(key, 1);
    },
  };
}

export const tooManyFailures = (seconds: number) =>
  new AppError(
    'too_many_attempts',
    `too many attempts from here; try again in ${Math.ceil(seconds / 60)} minute(s)`,
    429,
    [],
    { retryAfter: seconds },
  );
