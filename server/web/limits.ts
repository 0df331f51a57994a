/**
 * The attempt limits at the HTTP door: an address over its limit is answered 429 before any credential is looked at.
 */
import type { NextFunction, Request, Response } from 'express';
import { tooManyFailures, type AttemptLimit } from '../permissions/attempts.js';

export function refuseWhileBlocked(limit: AttemptLimit) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const seconds = await limit.blockedFor(req.ip ?? '');
    if (seconds) {
      res.set('Retry-After', String(seconds));
      throw tooManyFailures(seconds);
    }
    next();
  };
}
