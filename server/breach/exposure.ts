/**
 * What a principal was given of customers' facts, read from the audit log: the facts each view showed it
 * (`context.viewed`, `suggestions.shown`) and each model call it made carried (`model.called`). The entries hold fact
 * ids only; categories come from the facts as stored now (erasure keeps a fact's category on its tombstone).
 */
import type { AuditEntry } from '../audit/chain.js';
import type { Store } from '../store/types.js';
import { categoryName, type Taxonomy } from '../taxonomy/taxonomy.js';
import type { BreachCategory, BreachCustomer } from '../protocol/breach.js';

const PAGE = 1000;

/** One entry that gave the principal facts of one customer. */
interface Occasion {
  seq: number;
  at: string;
  /** A view counts as shown, a model call as sent; suggestions only add the facts they used. */
  as: 'shown' | 'sentToModel' | 'suggested';
  factIds: string[];
}

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function occasionOf(e: AuditEntry): Occasion | null {
  const base = { seq: e.seq, at: e.at };
  if (e.kind === 'context.viewed') return { ...base, as: 'shown', factIds: ids(e.payload.shownFactIds) };
  if (e.kind === 'model.called') return { ...base, as: 'sentToModel', factIds: ids(e.payload.factIds) };
  if (e.kind === 'suggestions.shown') {
    const suggestions = Array.isArray(e.payload.suggestions) ? e.payload.suggestions : [];
    return { ...base, as: 'suggested', factIds: suggestions.flatMap((s) => ids((s as { factIds?: unknown }).factIds)) };
  }
  return null;
}

/** Every occasion of `actor` in the window that carried at least one fact, by customer (read in pages). */
async function occasionsByCustomer(store: Store, actor: string, since: string, until: string) {
  const found = new Map<string, Occasion[]>();
  for (let beforeSeq: number | undefined; ; ) {
    const page = await store.audit.list({ actor, since, until, beforeSeq, limit: PAGE });
    for (const e of page) {
      const o = e.customerId ? occasionOf(e) : null;
      if (!o?.factIds.length) continue;
      const list = found.get(e.customerId!);
      if (list) list.push(o);
      else found.set(e.customerId!, [o]);
    }
    if (page.length < PAGE) return found;
    beforeSeq = page.at(-1)!.seq;
  }
}

/** Facts, views, model calls and first and last times over a set of occasions. */
function tally(occasions: readonly Occasion[], keep: (factId: string) => boolean) {
  const facts = new Set<string>();
  let shown = 0;
  let sentToModel = 0;
  const times: string[] = [];
  for (const o of occasions) {
    const mine = o.factIds.filter(keep);
    if (!mine.length) continue;
    for (const f of mine) facts.add(f);
    if (o.as === 'shown') shown += 1;
    if (o.as === 'sentToModel') sentToModel += 1;
    times.push(o.at);
  }
  times.sort();
  return { facts: facts.size, shown, sentToModel, first: times[0]!, last: times.at(-1)! };
}

export async function exposureOf(
  store: Store,
  taxonomy: Taxonomy,
  window: { actor: string; from: string; until: string },
): Promise<BreachCustomer[]> {
  const byCustomer = await occasionsByCustomer(store, window.actor, window.from, window.until);
  const customers: BreachCustomer[] = [];
  for (const [customerId, occasions] of [...byCustomer].sort(([a], [b]) => a.localeCompare(b))) {
    const snap = await store.customers.snapshot(customerId);
    const all = tally(occasions, () => true);
    if (!snap || snap.erasedAt) {
      customers.push({ customerId, erased: true, displayName: null, ...all, categories: [] });
      continue;
    }
    const categoryOf = new Map(snap.facts.map((f) => [f.id, f.category]));
    const keys = new Set(occasions.flatMap((o) => o.factIds.map((f) => categoryOf.get(f) ?? null)));
    const categories: BreachCategory[] = [...keys]
      .map((category) => ({
        category,
        categoryName: category === null ? 'facts no longer on record' : categoryName(taxonomy, category),
        ...tally(occasions, (f) => (categoryOf.get(f) ?? null) === category),
      }))
      .sort((a, b) => a.categoryName.localeCompare(b.categoryName));
    customers.push({ customerId, erased: false, displayName: snap.customer.displayName, ...all, categories });
  }
  return customers;
}
