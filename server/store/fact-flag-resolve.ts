/**
 * An admin resolves a flagged fact: corrects it, removes it (the one erasure of a fact), or keeps it with a reason the
 * customer is told. The fact's change, the flag's close, their audit entries and, when it was the request's last open
 * flag, the request's close commit together. Audit payloads carry ids only; the reason is sealed under the customer's
 * key, so their erasure removes it.
 */
import type { FactFlagResolution, Resolution } from '../protocol/fact-flags.js';
import type { Vault } from '../keys/vault.js';
import { appendAudit } from './audit.js';
import { afterFactErased, eraseFactIn, existingOf, readFacts, writeFacts } from './facts.js';
import { closeRequest, requestById } from './requests.js';
import type { Sql } from './sql.js';
import type { ChangeMeta, FlagResolved, Store } from './types.js';

const factsWord = (n: number) => `${n} fact${n === 1 ? '' : 's'}`;
const asWas = (n: number) => (n === 1 ? 'as it was' : 'as they were');
const TOLD = 'with the reason told to the customer';

/** How the request ended, in words for the register (no values: the reasons stay with the flags). */
export function outcomeOf(n: Record<Resolution, number>): { status: 'fulfilled' | 'refused'; outcome: string } {
  if (n.corrected + n.removed === 0) {
    const which = n.kept === 1 ? 'the fact' : `the ${n.kept} facts`;
    return {
      status: 'refused',
      outcome: `An admin kept ${which} the customer flagged as wrong ${asWas(n.kept)}, ${TOLD}.`,
    };
  }
  const done = [
    n.corrected ? `corrected ${factsWord(n.corrected)}` : '',
    n.removed ? `removed ${factsWord(n.removed)}` : '',
  ].filter(Boolean);
  const kept = n.kept ? `, and kept ${n.kept} ${asWas(n.kept)}, ${TOLD}` : '';
  return { status: 'fulfilled', outcome: `An admin ${done.join(' and ')} the customer flagged as wrong${kept}.` };
}

/** Closes the flag's request once none of its flags is open, when it came from flags alone or the admin says so. */
async function settle(q: Sql, vault: Vault, requestId: string, close: boolean, at: string, meta: ChangeMeta) {
  const request = (await requestById(q, requestId, q.forUpdate))!;
  if (request.status !== 'open' || (request.ticketId !== null && !close)) return request;
  const flags = await q.all<{ resolution: Resolution | null; closed_at: string | null }>(
    'SELECT resolution, closed_at FROM fact_flags WHERE request_id = ? AND withdrawn_at IS NULL',
    [requestId],
  );
  if (flags.some((f) => f.closed_at === null)) return request;
  const n = { corrected: 0, removed: 0, kept: 0 };
  for (const f of flags) if (f.resolution) n[f.resolution] += 1;
  const { status, outcome } = outcomeOf(n);
  return closeRequest(q, vault, request, status, outcome, at, meta);
}

interface FlagRow {
  fact_id: string;
  request_id: string;
  withdrawn_at: string | null;
  closed_at: string | null;
}

export function resolveFlag(sql: Sql, vault: Vault): Store['factFlags']['resolve'] {
  return async (customerId, flagId, r: FactFlagResolution, at, meta) => {
    const seal = await vault.sealer(customerId);
    const done = await sql.tx(async (q): Promise<FlagResolved | 'not_found' | 'closed' | 'fact_erased'> => {
      const flag = await q.one<FlagRow>(
        `SELECT fact_id, request_id, withdrawn_at, closed_at FROM fact_flags WHERE id = ? AND customer_id = ?${q.forUpdate}`,
        [flagId, customerId],
      );
      if (!flag) return 'not_found';
      if (flag.withdrawn_at || flag.closed_at) return 'closed';
      const ids = { factId: flag.fact_id, flagId, requestId: flag.request_id };
      let erased: FlagResolved['erased'] = null;
      if (r.resolution === 'corrected') {
        const existing = await existingOf(q, customerId, [flag.fact_id]);
        const fact = (await readFacts(q, vault, customerId)).find((f) => f.id === flag.fact_id);
        if (!fact || fact.erased) return 'fact_erased';
        const value = r.value === undefined ? fact.value : r.value;
        // Collected now: the text and value are the admin's, on the customer's word.
        const corrected = { ...fact, text: r.text ?? fact.text, value, collectedAt: at };
        await writeFacts(q, vault, seal, customerId, [corrected], existing);
        const changed = [...(r.text === undefined ? [] : ['text']), ...(r.value === undefined ? [] : ['value'])];
        const payload = { ...ids, category: fact.category, changed, channel: meta.channel };
        await appendAudit(q, [{ kind: 'fact.corrected', actor: meta.actor, customerId, payload }]);
      }
      if (r.resolution === 'removed') erased = await eraseFactIn(q, vault, customerId, flag.fact_id, at, meta);
      const reason = r.resolution === 'kept' ? r.reason : null;
      await q.run('UPDATE fact_flags SET closed_at = ?, resolution = ?, reason = ? WHERE id = ?', [
        at,
        r.resolution,
        reason === null ? null : seal(reason),
        flagId,
      ]);
      await appendAudit(
        q,
        [
          {
            kind: 'fact.flag_resolved',
            actor: meta.actor,
            customerId,
            payload: { ...ids, resolution: r.resolution, channel: meta.channel },
            ...(reason === null ? {} : { sealed: { reason } }),
          },
        ],
        vault,
      );
      const request = await settle(q, vault, flag.request_id, r.closeRequest === true, at, meta);
      return { flagId, factId: flag.fact_id, resolution: r.resolution, request, erased };
    });
    if (typeof done === 'object' && done.erased) await afterFactErased(sql, vault, customerId);
    return done;
  };
}
