/**
 * Where the wrapped data keys live, apart from the data: a small SQLite file in the key directory, or a PostgreSQL
 * database of its own for several servers (store/keystore.ts writes both once). Keys are kept wrapped by a master key
 * and never leave it unwrapped.
 */
export interface WrappedKey {
  /** The customer the key belongs to (or a reserved id such as the blind index's). */
  owner: string;
  kid: string;
  /** Which master key wrapped it. */
  masterId: string;
  /** base64 of nonce, ciphertext and tag. */
  wrapped: string;
}

export interface KeyStore {
  ofOwner(owner: string): Promise<WrappedKey | null>;
  byKids(kids: readonly string[]): Promise<WrappedKey[]>;
  /** Keeps `k` unless its owner has a key already (another server was first); answers the owner's key. */
  add(k: WrappedKey): Promise<WrappedKey>;
  /** Destroys the owners' keys for good (zeroed pages, truncated WAL); answers how many there were. */
  destroy(owners: readonly string[]): Promise<number>;
  /** Of these owners, those who still have a key. */
  holding(owners: readonly string[]): Promise<string[]>;
  /** Up to `limit` keys wrapped by another master than `masterId`. */
  notWrappedBy(masterId: string, limit: number): Promise<WrappedKey[]>;
  /** Re-wraps a key, unless another rotation changed it first; answers whether it did. */
  rewrap(k: WrappedKey, fromMaster: string): Promise<boolean>;
  /** The master key new data keys are wrapped by (null before the first). */
  currentMaster(): Promise<string | null>;
  setCurrentMaster(masterId: string): Promise<void>;
  close(): Promise<void>;
}
