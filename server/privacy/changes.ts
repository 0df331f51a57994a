/**
 * The customer-side changes — consent granted or withdrawn, opt-out, GPC, erasure — made the same
 * way whoever asks: the REST API (an agent or the helpdesk on the customer's behalf) or the
 * customer in the privacy portal. Each one commits with its audit entry, then reaches every open
 * panel through the same push, so a change in the portal shows in a panel as fast as one over REST.
 *
 * Time is the server's (DESIGN.md): a grant, withdrawal, opt-out or erasure takes effect at this
 * server's clock; only an import of consents given earlier elsewhere carries dates of its own.
 */
import type { Consent, ConsentAuthority } from '../protocol/domain.js';
import type { GrantedConsent } from '../protocol/api.js';
import type { ConsentRecord, ConsentState } from '../consent/ledger.js';
import { isSpecial, type Taxonomy } from '../taxonomy/taxonomy.js';
import type { Notice } from '../protocol/events.js';
import type { ChangeMeta, CustomerErasure, Store } from '../store/types.js';
import { permits, whoMay, type Principal } from '../permissions/table.js';
import { AppError } from '../errors.js';
import { consentNotice, erasureNotice, flagNotice } from './notices.js';
import { deleteRecordings, scrubFacts } from '../recorder/erase.js';

export interface ChangeDeps {
  store: Store;
  taxonomy: Taxonomy;
  /** Recomputes and pushes the view of every open panel showing this customer (and tells the recorder). */
  notify(customerId: string, notice: Notice): Promise<void>;
  /** Ends the recorder's live sessions of an erased customer before their files are deleted. */
  forgetRecordings(customerId: string): Promise<void>;
  /** Folders holding recorded sessions on this server: the recordings and the gate suite. */
  recordingDirs: readonly string[];
  now?: () => number;
}

/** Who makes a change: the principal the permission table knows, and how the record names them. */
export interface Changer extends ChangeMeta {
  principal: Principal;
}

const AUTHORITY: Partial<Record<Principal, ConsentAuthority>> = {
  portal: 'customer',
  agent: 'agent',
  admin: 'admin',
  system: 'system',
};
export const nowOf = (deps: ChangeDeps) => new Date(deps.now?.() ?? Date.now()).toISOString();

/**
 * A grant (or a denial) that takes effect now. A grant that covers a special category needs the
 * customer's own act (DESIGN.md rule 4 means nothing if someone else can assert it); a grant an
 * agent relays names the ticket in which the customer gave it.
 */
export async function grantConsent(
  deps: ChangeDeps,
  customerId: string,
  grant: GrantedConsent,
  who: Changer,
): Promise<Consent> {
  const at = nowOf(deps);
  if (grant.status === 'granted') {
    const special = grant.categories.findIndex((c) => isSpecial(deps.taxonomy, c));
    if (special >= 0 && !permits(who.principal, 'consent.grant_special')) {
      throw new AppError(
        'needs_customer',
        `consent.categories.${special}: "${grant.categories[special]}" is a special category; ` +
          'only the customer can allow it, in the privacy portal (send them a portal link). ' +
          `It needs ${whoMay('consent.grant_special')}`,
        403,
        ['consent', 'categories', special],
      );
    }
    if (who.principal === 'agent' && !who.ticketId) {
      throw new AppError(
        'invalid_input',
        'ticketId: an agent records a grant the customer gave in a ticket; name that ticket',
        400,
        ['ticketId'],
      );
    }
  }
  if (grant.expiresAt && grant.expiresAt <= at)
    throw new AppError(
      'invalid_input',
      'consent.expiresAt: expected a time after now; a consent that has already ended allows nothing',
      400,
      ['consent', 'expiresAt'],
    );
  const consent: Consent = { ...grant, at };
  await deps.store.consents.append(customerId, [{ kind: 'granted', consent }], {
    ...who,
    by: AUTHORITY[who.principal] ?? 'system',
  });
  await deps.notify(
    customerId,
    consentNotice(
      deps.taxonomy,
      consent.status === 'granted' ? 'consent.granted' : 'consent.withdrawn',
      consent.categories,
      at,
    ),
  );
  return consent;
}

/** Consents given earlier in another system, kept with their own dates and recorded as an import from it. */
export async function importConsents(
  deps: ChangeDeps,
  customerId: string,
  system: string,
  consents: readonly Consent[],
  who: ChangeMeta,
): Promise<void> {
  const now = nowOf(deps);
  consents.forEach((k, i) => {
    if (k.at > now)
      throw new AppError(
        'invalid_input',
        `consents.${i}.at: expected a time no later than now; a consent counts from when it was given`,
        400,
        ['consents', i, 'at'],
      );
  });
  const records: ConsentRecord[] = consents.map((consent) => ({ kind: 'granted', consent }));
  await deps.store.consents.append(customerId, records, { ...who, by: 'import', system });
  await deps.notify(customerId, {
    kind: 'consent.granted',
    at: now,
    text: `${consents.length} consent${consents.length === 1 ? ' was' : 's were'} brought over from ${system}`,
  });
}

/** A withdrawal always takes effect now, whatever came before; one already in effect is answered as it is. */
export async function withdrawConsent(
  deps: ChangeDeps,
  customerId: string,
  current: ConsentState,
  who: Changer,
): Promise<ConsentState & { alreadyWithdrawn?: true }> {
  const at = nowOf(deps);
  if (current.withdrawnAt && current.withdrawnAt <= at) return { ...current, alreadyWithdrawn: true };
  await deps.store.consents.append(customerId, [{ kind: 'withdrawn', consentId: current.id, at }], {
    ...who,
    by: AUTHORITY[who.principal] ?? 'system',
  });
  await deps.notify(customerId, consentNotice(deps.taxonomy, 'consent.withdrawn', current.categories, at));
  return { ...current, withdrawnAt: at };
}

/** An opt-out or GPC signal takes effect now; an opt-in an agent relays names the ticket the customer asked in. */
export async function recordFlag(
  deps: ChangeDeps,
  customerId: string,
  kind: 'opted_out' | 'opted_in' | 'gpc',
  who: Changer,
) {
  if (kind === 'opted_in' && who.principal === 'agent' && !who.ticketId) {
    throw new AppError(
      'invalid_input',
      'ticketId: an agent records an opt-in the customer asked for in a ticket; name that ticket',
      400,
      ['ticketId'],
    );
  }
  const at = nowOf(deps);
  const flags = await deps.store.customers.recordFlag(customerId, kind, at, who);
  await deps.notify(customerId, flagNotice(`customer.${kind}`, at));
  return flags;
}

/**
 * A one-click pause: the opt-out above, unless the customer is opted out already (a link may be clicked again) or
 * erased (nothing is held to stop using). Null when nothing was recorded.
 */
export async function pausePersonalisation(deps: ChangeDeps, customerId: string, who: Changer) {
  const snap = await deps.store.customers.snapshot(customerId);
  if (!snap || snap.erasedAt || snap.flags.optedOut) return null;
  return recordFlag(deps, customerId, 'opted_out', who);
}

/** Null when there is no such fact. */
export async function eraseFact(deps: ChangeDeps, customerId: string, factId: string, who: ChangeMeta) {
  const at = nowOf(deps);
  const erased = await deps.store.facts.erase(customerId, factId, at, who);
  if (!erased) return null;
  return { ...erased, at, files: await factErased(deps, customerId, factId, erased.category, at) };
}

/**
 * Once a fact's erasure commits (asked for here, or an admin removing a fact the customer flagged): open panels drop
 * it, and the live recorder hears of it through the push; closed recordings are rewritten here. Answers those files.
 */
export async function factErased(deps: ChangeDeps, customerId: string, factId: string, category: string, at: string) {
  await deps.notify(customerId, erasureNotice(deps.taxonomy, category, at));
  const { recordings } = deps.store;
  return scrubFacts(deps.recordingDirs, await recordings.ofCustomer(customerId), [factId], recordings, customerId);
}

/**
 * Erases the customer: the store first (one transaction: facts, name, e-mail, outcome texts and
 * tickets, consents' free text, portal links and sessions, the audit log's sealed parts), then
 * their recorded sessions. Running it again finishes a run a crash cut short. Null when there is
 * no such customer.
 */
export async function eraseCustomer(
  deps: ChangeDeps,
  customerId: string,
  who: ChangeMeta,
): Promise<(CustomerErasure & { files: string[] }) | null> {
  const erasure = await deps.store.customers.erase(customerId, nowOf(deps), who);
  if (!erasure) return null;
  await deps.forgetRecordings(customerId);
  await deps.notify(customerId, {
    kind: 'customer.erased',
    at: erasure.erasedAt,
    text: "The customer's data was erased at their request",
  });
  const files = await deleteRecordings(deps.recordingDirs, erasure.recordings);
  return { ...erasure, files };
}
