/**
 * Who is asking, and whether they may. A bearer token (REST) or a portal session (the customer's
 * pages) establishes the principal; every route then names its action with `allow`, which asks the
 * permission table. A token in a URL is refused outright, because URLs end up in logs and history.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Store } from '../store/types.js';
import type { Action } from '../permissions/table.js';
import { authorize, type Caller } from '../permissions/authorize.js';
import { AppError } from '../errors.js';

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

/** Sets `req.caller` from the bearer token; `onFailure` hears of each refused token (the rate limit counts them). */
export function authenticate(store: Store, onFailure: (req: Request) => Promise<void> = async () => {}) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    if (['token', 'access_token', 'auth'].some((k) => k in (req.query as object))) {
      throw new AppError('token_in_url', 'send the token in the Authorization header, never in the URL', 400, [
        'query',
      ]);
    }
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const record = match ? await store.tokens.authenticate(match[1]!) : null;
    if (!record) {
      if (match) await onFailure(req); // a wrong token is a guess; a missing one is not
      throw new AppError(
        'unauthorized',
        match ? 'invalid or revoked token' : 'missing bearer token (Authorization: Bearer <token>)',
        401,
        ['headers', 'authorization'],
      );
    }
    req.caller = { kind: record.role, tokenId: record.id, actor: `${record.role}:${record.id}` };
    next();
  };
}

export type Allow = ((req: Request, res: Response, next: NextFunction) => void) & { action: Action };

/** The route's action, checked against the table; tagged so the permission test can find every route's action. */
export function allow(action: Action): Allow {
  const check = (req: Request, _res: Response, next: NextFunction) => {
    authorize(req.caller, action);
    next();
  };
  return Object.assign(check, { action });
}

export const caller = (req: Request): Caller => req.caller!;
