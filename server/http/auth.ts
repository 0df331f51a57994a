/**
 * Bearer-token auth for the REST API. Tokens are looked up by hash; a token in a URL is refused
 * outright, because URLs end up in logs and browser history.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../protocol/domain.js';
import type { Store } from '../store/types.js';
import { AppError } from './errors.js';

export interface Auth {
  tokenId: string;
  role: Role;
  /** How the audit log names this caller: `agent:tok_…`. */
  actor: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: Auth;
  }
}

export function authenticate(store: Store) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    if (['token', 'access_token', 'auth'].some((k) => k in (req.query as object))) {
      throw new AppError('token_in_url', 'send the token in the Authorization header, never in the URL', 400, ['query']);
    }
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('unauthorized', 'missing bearer token (Authorization: Bearer <token>)', 401, ['headers', 'authorization']);
    const record = await store.tokens.authenticate(match[1]!);
    if (!record) throw new AppError('unauthorized', 'invalid or revoked token', 401, ['headers', 'authorization']);
    req.auth = { tokenId: record.id, role: record.role, actor: `${record.role}:${record.id}` };
    next();
  };
}

export function requireRole(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.auth || !roles.includes(req.auth.role)) {
      throw new AppError('forbidden', `this needs a ${roles.join(' or ')} token`, 403, ['headers', 'authorization']);
    }
    next();
  };
}

export const auth = (req: Request): Auth => req.auth!;
