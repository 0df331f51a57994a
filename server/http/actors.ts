/**
 * Who did something, as a lead reads it, in the lead's language: the token's name and role ("Sam Carter, team
 * lead") where the record keeps `lead:tok_6dd534b9ae89`. Records keep the id (names can repeat and change); the
 * name is looked up when a page asks. Revoked tokens keep their names.
 */
import type { Store } from '../store/types.js';
import type { Key } from '../i18n/catalogue.js';
import { wordsFor, type Words } from '../i18n/translate.js';

/** Actors that are not tokens. */
const OTHERS: Record<string, Key> = {
  customer: 'admin.actor.customer',
  'portal-visitor': 'admin.actor.portalVisitor',
  system: 'admin.actor.system',
  cli: 'admin.actor.cli',
};

export async function actorNames(store: Store, { t }: Words = wordsFor('en')): Promise<(actor: string) => string> {
  const tokens = new Map(
    (await store.tokens.list()).map((k) => [
      `${k.role}:${k.id}`,
      t('admin.actor.token', { name: k.name, role: t(`admin.actor.${k.role}`) }),
    ]),
  );
  return (actor) => tokens.get(actor) ?? (OTHERS[actor] ? t(OTHERS[actor]) : actor);
}
