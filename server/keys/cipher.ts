/**
 * The ciphertext of one value, and of one wrapped data key: AES-256-GCM (node:crypto), a fresh
 * 12-byte nonce each time, the tag checked on opening. A value is stored as text that names its
 * format and key, `cv1:<key id>:<base64url of nonce, ciphertext, tag>`, so a plaintext row left from
 * before encryption is told apart by the missing prefix, and a value names the key it needs.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { freshBytes } from './random.js';

export const VALUE_PREFIX = 'cv1:';
const NONCE = 12;
const TAG = 16;

export interface DataKey {
  /** Short and random: stored in every value sealed under the key. */
  kid: string;
  /** A KeyObject: a cipher made from one starts several times faster than from the bytes. */
  key: KeyObject;
}

export const newKid = () => randomBytes(8).toString('hex');
// A key's bytes are its own allocation, not a view of the pool the nonces come from.
export const newKey = () => createSecretKey(randomBytes(32));

function seal(key: KeyObject, plain: Buffer, aad: string): Buffer {
  const iv = freshBytes(NONCE);
  const c = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  return Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);
}

/** Throws when the key is wrong or the bytes were changed. */
function open(key: KeyObject, sealed: Buffer, aad: string): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE)).setAAD(Buffer.from(aad));
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  return Buffer.concat([d.update(sealed.subarray(NONCE, sealed.length - TAG)), d.final()]);
}

export const isSealedValue = (stored: string) => stored.startsWith(VALUE_PREFIX);

/** The key id a stored value names; null for plaintext. */
export function kidOf(stored: string): string | null {
  if (!isSealedValue(stored)) return null;
  const end = stored.indexOf(':', VALUE_PREFIX.length);
  return end < 0 ? null : stored.slice(VALUE_PREFIX.length, end);
}

/**
 * Seals values under one key, the prefix and its bytes (the additional data) made once: a cipher's setup is most of
 * the cost of sealing a short value, and ingest seals one a fact.
 */
export function valueSealer(k: DataKey): (plain: string) => string {
  const head = `${VALUE_PREFIX}${k.kid}:`;
  const aad = Buffer.from(head);
  return (plain) => {
    const iv = freshBytes(NONCE);
    const c = createCipheriv('aes-256-gcm', k.key, iv);
    c.setAAD(aad);
    const body = c.update(plain, 'utf8');
    return head + Buffer.concat([iv, body, c.final(), c.getAuthTag()]).toString('base64url');
  };
}

export function openValue(k: DataKey, stored: string): string {
  const head = `${VALUE_PREFIX}${k.kid}:`;
  if (!stored.startsWith(head)) throw new Error(`the value is not sealed under key ${k.kid}`);
  return open(k.key, Buffer.from(stored.slice(head.length), 'base64url'), head).toString('utf8');
}

/** A data key wrapped by a master key; the key id and the master's id are bound in, so a row cannot be swapped. */
export const wrapKey = (master: Buffer, masterId: string, k: DataKey) =>
  seal(createSecretKey(master), k.key.export(), `dk1:${masterId}:${k.kid}`);

export const unwrapKey = (master: Buffer, masterId: string, kid: string, wrapped: Buffer): DataKey => ({
  kid,
  key: createSecretKey(open(createSecretKey(master), wrapped, `dk1:${masterId}:${kid}`)),
});

/** A blind index: equal inputs give equal digests, and the digest says nothing without the index key. */
export const blindIndex = (indexKey: KeyObject, value: string) =>
  createHmac('sha256', indexKey).update(value).digest('hex');
