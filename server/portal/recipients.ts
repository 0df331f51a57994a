/**
 * Who a customer's data goes to: the organisation's register (`CANDOR_RECIPIENTS`) plus the model provider whenever a
 * model writes suggestions, and, for each model provider, the customer's tickets whose masked text it was sent, read
 * from the `model.called` entries of the audit log. Derived, never stored: erasure has nothing new to remove, and a
 * ticket's id goes with the entry's sealed part when that is erased.
 */
import type { AuditEntry } from '../audit/chain.js';
import type { Recipient as Registered, RecipientRole } from '../protocol/recipients.js';
import type { CustomerSnapshot, Store } from '../store/types.js';
import { categoryName, type Taxonomy } from '../taxonomy/taxonomy.js';

export interface Recipient {
  name: string;
  role: RecipientRole;
  purpose: string;
  /** Null when the register does not say: a model provider it does not list. */
  where: string | null;
  agreement: string | null;
  /** The host model prompts go to, when this recipient is a model provider. */
  modelHost: string | null;
}

/** One of the customer's tickets whose text (masked) went to a recipient. */
export interface SentTicket {
  /** Null when the entries' sealed parts were erased with a fact they carried: the ticket is no longer known. */
  ticketId: string | null;
  /** Each time it was sent, newest first. */
  at: string[];
  /** What went with the conversation, in words ("purchase history"): only facts agents could see are ever sent. */
  categories: string[];
}

export interface RecipientShown extends Recipient {
  /** Null for a recipient Candor sends nothing itself, so it keeps no record of what they receive. */
  sent: SentTicket[] | null;
}

const MODEL_PURPOSE =
  'Writes the replies our support agents are offered. It receives the text of your support conversation and the ' +
  'details agents may see, with your name, contact details and other personal details masked.';

/** Hosts whose owner is known by name; any other host is named as it is. */
const KNOWN_HOSTS: Record<string, string> = { 'api.openai.com': 'OpenAI' };

/** A model provider known only by the host it was sent to (null: a call recorded before hosts were). */
export function modelProvider(host: string | null): Recipient {
  return {
    name: host ? (KNOWN_HOSTS[host] ?? host) : 'A language-model service (which one was not recorded)',
    role: 'processor',
    purpose: MODEL_PURPOSE,
    where: null,
    agreement: null,
    modelHost: host,
  };
}

/**
 * The register as customers see it. `modelHost` is where the model engine sends prompts (none with the offline
 * engine, which sends nothing anywhere); a register entry naming that host, or the provider's name, stands for it.
 */
export function recipientRegister(registered: readonly Registered[], modelHost: string | undefined): Recipient[] {
  const listed = registered.map((r): Recipient => ({ ...r, modelHost: r.modelHost ?? null }));
  if (!modelHost) return listed;
  const provider = modelProvider(modelHost);
  const named = listed.find(
    (r) => r.modelHost === modelHost || (!r.modelHost && r.name.toLowerCase() === provider.name.toLowerCase()),
  );
  if (!named) return [...listed, provider];
  named.modelHost = modelHost;
  return listed;
}

function findOrAdd<T>(list: T[], found: (x: T) => boolean, made: () => T): T {
  let item = list.find(found);
  if (!item) {
    item = made();
    list.push(item);
  }
  return item;
}

/**
 * Each recipient with the tickets sent to it, from the customer's `model.called` entries (newest first). A call to a
 * host the register no longer names still went somewhere: its provider is listed too, known by its host.
 */
export function sentTo(
  register: readonly Recipient[],
  calls: readonly AuditEntry[],
  categoryOf: (factId: string) => string | undefined,
): RecipientShown[] {
  const out: RecipientShown[] = register.map((r) => ({ ...r, sent: r.modelHost ? [] : null }));
  for (const call of calls) {
    const host = typeof call.payload.endpoint === 'string' ? call.payload.endpoint : null;
    const to = findOrAdd(
      out,
      (r) => r.sent !== null && r.modelHost === host,
      () => ({ ...modelProvider(host), sent: [] }),
    );
    const sealed = call.seal?.value?.ticketId;
    const ticketId = typeof sealed === 'string' ? sealed : null;
    const ticket = findOrAdd(
      to.sent!,
      (t) => t.ticketId === ticketId,
      () => ({ ticketId, at: [], categories: [] }),
    );
    ticket.at.push(call.at);
    const factIds = Array.isArray(call.payload.factIds) ? (call.payload.factIds as string[]) : [];
    for (const name of factIds.map(categoryOf))
      if (name && !ticket.categories.includes(name)) ticket.categories.push(name);
  }
  return out;
}

/** The register with what was sent to each, for one customer: only their own entries are read. */
export async function recipientsFor(
  store: Store,
  register: readonly Recipient[],
  taxonomy: Taxonomy,
  snap: CustomerSnapshot,
): Promise<RecipientShown[]> {
  const calls = await store.audit.list({ customerId: snap.customer.id, kind: 'model.called', limit: 100_000 });
  const categories = new Map(snap.facts.map((f) => [f.id, categoryName(taxonomy, f.category)]));
  return sentTo(register, calls, (id) => categories.get(id));
}
