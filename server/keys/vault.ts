/**
 * The vault: seals and opens customers' values under each customer's own data key, unwrapped from the key store by
 * a master key and kept in memory once unwrapped. A key that is gone (the customer was erased) opens nothing: their
 * values, wherever a copy of the database went, read as null.
 */
import {
  VALUE_PREFIX,
  blindIndex,
  kidOf,
  newKey,
  newKid,
  openValue,
  valueSealer,
  unwrapKey,
  wrapKey,
  type DataKey,
} from './cipher.js';
import type { KeyStore, WrappedKey } from './keystore.js';

/** The blind index's key is kept wrapped in the key store like a customer's, under this owner; never destroyed. */
export const INDEX_OWNER = '\u0000index';

/**
 * Opened values of the customers read last, by key id: a panel's customer is read again at every change and every
 * ticket, and opening each of their values anew would cost more than the rest of a context view. Their key is in
 * memory anyway; an erasure drops both.
 */
const CACHED_OWNERS = 256;
const CACHED_VALUES = 4096;

export interface Masters {
  /** The master key with this id, or null when it is not (or no longer) here. */
  get(id: string): Buffer | null;
  /** The id of the master new keys are wrapped by, when the key store names none yet. */
  first(): string;
}

export interface Vault {
  readonly encrypting: boolean;
  /** Seals values of one customer: their data key is made at first use. */
  sealer(owner: string): Promise<(plain: string) => string>;
  /** Opens any of these stored values: plaintext (from before encryption) as it is; a destroyed key's value as null. */
  opener(
    stored: Iterable<string | null | undefined>,
    /** Keep what is opened in memory for the next read; false for large texts read once (a recording). */
    cache?: boolean,
  ): Promise<(stored: string) => string | null>;
  /** What a lookup by e-mail matches, never the address itself. */
  index(value: string): string;
  /** Destroys the owners' data keys, here and in the key store. */
  shred(owners: readonly string[]): Promise<void>;
  /** Drops an owner's key, and the values opened with it, from this server's memory (another server destroyed it). */
  forget(owner: string): void;
  /** Drops the values opened with an owner's key (one of their facts was erased). */
  uncache(owner: string): void;
  readonly keys: KeyStore | null;
  close(): Promise<void>;
}

export async function createVault(keys: KeyStore, masters: Masters): Promise<Vault> {
  const byKid = new Map<string, DataKey | null>();
  const opened = new Map<string, Map<string, string>>();
  const kidByOwner = new Map<string, string>();
  const making = new Map<string, Promise<DataKey>>();

  const unwrap = (w: WrappedKey): DataKey => {
    const master = masters.get(w.masterId);
    if (!master)
      throw new Error(
        `data key ${w.kid} is wrapped by master key ${w.masterId}, which is neither in CANDOR_KEY_DIR nor ` +
          'CANDOR_MASTER_KEY: restore the key directory from its backup',
      );
    return unwrapKey(master, w.masterId, w.kid, Buffer.from(w.wrapped, 'base64'));
  };
  const remember = (owner: string, k: DataKey) => {
    byKid.set(k.kid, k);
    kidByOwner.set(owner, k.kid);
    return k;
  };

  /** Read each time a key is made (rare), so a rotation under way is followed at once. */
  async function currentMaster(): Promise<string> {
    const named = await keys.currentMaster();
    if (named) return named;
    const id = masters.first();
    await keys.setCurrentMaster(id);
    return id;
  }

  async function make(owner: string): Promise<DataKey> {
    const found = await keys.ofOwner(owner);
    if (found) return remember(owner, unwrap(found));
    const masterId = await currentMaster();
    const master = masters.get(masterId);
    if (!master) throw new Error(`the current master key ${masterId} is not here: restore the key directory`);
    const k = { kid: newKid(), key: newKey() };
    const kept = await keys.add({
      owner,
      kid: k.kid,
      masterId,
      wrapped: wrapKey(master, masterId, k).toString('base64'),
    });
    return remember(owner, kept.kid === k.kid ? k : unwrap(kept));
  }

  function dataKey(owner: string): Promise<DataKey> {
    const kid = kidByOwner.get(owner);
    const cached = kid ? byKid.get(kid) : undefined;
    if (cached) return Promise.resolve(cached);
    let p = making.get(owner);
    if (!p) {
      p = make(owner).finally(() => making.delete(owner));
      making.set(owner, p);
    }
    return p;
  }

  const indexKey = (await dataKey(INDEX_OWNER)).key;
  const uncache = (owner: string) => {
    const kid = kidByOwner.get(owner);
    if (kid) opened.delete(kid);
  };
  const forget = (owner: string) => {
    uncache(owner);
    const kid = kidByOwner.get(owner);
    if (kid) byKid.set(kid, null);
    kidByOwner.delete(owner);
  };
  /** The opened values of one key, the oldest key's dropped past the bound. */
  const cacheOf = (kid: string) => {
    let values = opened.get(kid);
    if (!values) {
      values = new Map();
      opened.set(kid, values);
      if (opened.size > CACHED_OWNERS) opened.delete(opened.keys().next().value!);
    }
    return values;
  };
  /** The value opened, from the cache when it was opened before. */
  const cachedOpen = (k: DataKey, values: Map<string, string>, stored: string) => {
    let plain = values.get(stored);
    if (plain === undefined) {
      plain = openValue(k, stored);
      if (values.size >= CACHED_VALUES) values.clear();
      values.set(stored, plain);
    }
    return plain;
  };

  return {
    encrypting: true,
    keys,
    async sealer(owner) {
      return valueSealer(await dataKey(owner));
    },
    async opener(stored, cache = true) {
      const missing = new Set<string>();
      let seen = '';
      for (const s of stored) {
        if (!s || (seen && s.startsWith(seen))) continue;
        const kid = kidOf(s);
        if (kid === null) continue;
        seen = `${VALUE_PREFIX}${kid}:`;
        if (!byKid.has(kid)) missing.add(kid);
      }
      if (missing.size) {
        for (const w of await keys.byKids([...missing])) {
          remember(w.owner, unwrap(w));
          missing.delete(w.kid);
        }
        // Keys are only ever destroyed: a key id the store does not hold opens nothing, now or later.
        for (const kid of missing) byKid.set(kid, null);
      }
      // A customer's values all name one key: the last key's prefix is checked first, without cutting the id out.
      let head = '';
      let last: DataKey | null = null;
      let values: Map<string, string> | undefined;
      return (s) => {
        if (head && s.startsWith(head)) return cache ? cachedOpen(last!, values!, s) : openValue(last!, s);
        const kid = kidOf(s);
        if (kid === null) return s;
        const k = byKid.get(kid);
        if (k === undefined) throw new Error(`opener: key ${kid} was not among the values it was made for`);
        if (!k) return null;
        head = `${VALUE_PREFIX}${kid}:`;
        last = k;
        if (!cache) return openValue(k, s);
        values = cacheOf(kid);
        return cachedOpen(k, values, s);
      };
    },
    index: (value) => blindIndex(indexKey, value.toLowerCase()),
    async shred(owners) {
      await keys.destroy(owners);
      for (const o of owners) forget(o);
    },
    forget,
    uncache,
    close: () => keys.close(),
  };
}

/**
 * Encryption off (`CANDOR_ENCRYPTION=off`), for comparison only: values are stored as they are; a sealed value
 * cannot be opened without the key store and reads as null.
 */
export function plainVault(): Vault {
  return {
    encrypting: false,
    keys: null,
    sealer: async () => (plain) => plain,
    opener: async () => (s) => (kidOf(s) === null ? s : null),
    index: (value) => value.toLowerCase(),
    shred: async () => {},
    forget: () => {},
    uncache: () => {},
    close: async () => {},
  };
}
