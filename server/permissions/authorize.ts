/** Asking the permission table, wherever a caller acts: a REST route, a socket event, a portal page. */
import { AppError } from '../errors.js';
import { permits, whoMay, type Action, type Principal } from './table.js';

export interface Caller {
  kind: Principal;
  /** How the audit log names this caller: `agent:tok_…`, `customer`. */
  actor: string;
  /** The bearer token's id, for a token holder. */
  tokenId?: string;
}

/** Throws 403 unless the caller may do `action`. */
export function authorize(caller: Caller | undefined, action: Action): Caller {
  const who = caller ?? { kind: 'anyone' as const, actor: 'anyone' };
  if (!permits(who.kind, action))
    throw new AppError('forbidden', `this needs ${whoMay(action)}`, 403, ['headers', 'authorization']);
  return who;
}
