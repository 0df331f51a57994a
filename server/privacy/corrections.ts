/**
 * An admin resolves a fact the customer flagged as wrong: the store commits the fact's change, the flag's close and
 * the request's (store/fact-flag-resolve.ts); then open panels are pushed the change like any other, so the policy
 * decides again what they show, and a removed fact leaves the closed recordings as any erasure does.
 */
import type { FactFlagResolution } from '../protocol/fact-flags.js';
import { AppError } from '../errors.js';
import { correctionNotice } from './notices.js';
import { type ChangeDeps, factErased, nowOf } from './changes.js';
import type { ChangeMeta } from '../store/types.js';

const where = ['params', 'flagId'];

export async function resolveFactFlag(deps: ChangeDeps, flagId: string, r: FactFlagResolution, who: ChangeMeta) {
  const flag = await deps.store.factFlags.find(flagId);
  if (!flag) throw new AppError('flag_not_found', 'there is no flagged fact with this id', 404, where);
  const at = nowOf(deps);
  const done = await deps.store.factFlags.resolve(flag.customerId, flagId, r, at, who);
  if (done === 'not_found') throw new AppError('flag_not_found', 'there is no flagged fact with this id', 404, where);
  if (done === 'closed')
    throw new AppError('flag_closed', 'this flag was withdrawn or resolved already; only an open one', 409, where);
  if (done === 'fact_erased')
    throw new AppError('fact_erased', 'the flagged fact was erased since; remove or keep the flag instead', 409, [
      'resolution',
    ]);
  if (done.erased) await factErased(deps, flag.customerId, done.factId, done.erased.category, at);
  if (r.resolution === 'corrected')
    await deps.notify(flag.customerId, correctionNotice(deps.taxonomy, flag.fact.category, at));
  return { flag: (await deps.store.factFlags.find(flagId))!, request: done.request };
}
