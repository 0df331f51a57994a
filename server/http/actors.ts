/**
 * Who did something, as a lead reads it: the token's name and role ("Sam Carter, team lead") where
 * the record keeps `lead:tok_6dd534b9ae89`. Records keep the id (names can repeat and change); the
 * name is looked up when a page asks. Revoked tokens keep their names.
 */
import type { Store } from '../store/types.js';

const ROLES = { agent: 'agent', lead: 'team lead', admin: 'admin', privacy: 'privacy officer' } as const;

/** Actors that are not tokens. */
const OTHERS: Record<string, string> = {
  customer: 'the customer, in the portal',
  'portal-visitor': 'a visitor of the portal',
  system: 'Candor',
  cli: 'the command line',
};

export async function actorNames(store: Store): Promise<(actor: string) => string> {
  const tokens = new Map((await store.tokens.list()).map((t) => [`${t.role}:${t.id}`, `${t.name}, ${ROLES[t.role]}`]));
  return (actor) => tokens.get(actor) ?? OTHERS[actor] ?? actor;
}
