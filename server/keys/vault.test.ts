/** The vault over a real key store (a SQLite file in a temporary key directory). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKeys } from '../store/keys.js';
import { isSealedValue, kidOf } from './cipher.js';
import type { Vault } from './vault.js';

let dir: string;
let vault: Vault;
const others: Vault[] = [];
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'candor-vault-'));
  vault = (await openKeys({ CANDOR_KEY_DIR: dir }, false)).vault;
});
afterEach(async () => {
  await vault.close();
  while (others.length) await others.pop()!.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the vault', () => {
  it('when a value is sealed, then it names its format and key, and opens to the value again', async () => {
    const sealed = (await vault.sealer('c-1'))('Blender Pro 3000');
    expect(sealed).toMatch(/^cv1:[0-9a-f]{16}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('Blender');
    expect((await vault.opener([sealed]))(sealed)).toBe('Blender Pro 3000');
    // Each customer a key of their own; plain text (from before encryption) opens as it is.
    const other = (await vault.sealer('c-2'))('x');
    expect(kidOf(other)).not.toBe(kidOf(sealed));
    expect((await vault.opener(['plain']))('plain')).toBe('plain');
  });

  it('when a sealed value is changed, then it does not open', async () => {
    const sealed = (await vault.sealer('c-1'))('Blender Pro 3000');
    const changed = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => vault.opener([changed]).then((open) => open(changed))).rejects.toThrow();
  });

  it('when a customer is shredded, then their values open as null here and on another server after forget', async () => {
    const other = (await openKeys({ CANDOR_KEY_DIR: dir }, false)).vault;
    others.push(other);
    const ada = (await vault.sealer('c-ada'))('Ada');
    const bob = (await vault.sealer('c-bob'))('Bob');
    expect((await other.opener([ada]))(ada)).toBe('Ada'); // the other server holds her key now
    await vault.shred(['c-ada']);
    expect((await vault.opener([ada, bob]))(ada)).toBeNull();
    expect((await other.opener([ada]))(ada)).toBe('Ada'); // until it hears of the erasure …
    other.forget('c-ada');
    expect((await other.opener([ada, bob]))(ada)).toBeNull(); // … and then never again
    expect((await other.opener([ada, bob]))(bob)).toBe('Bob');
    // A new key for the same customer (should anything be stored again) does not open the old values.
    const again = (await vault.sealer('c-ada'))('Ada again');
    expect(kidOf(again)).not.toBe(kidOf(ada));
    expect(isSealedValue(again)).toBe(true);
  });

  it('when the index is taken, then equal addresses match whatever their case, and say nothing of it', () => {
    expect(vault.index('Ada@Example.org')).toBe(vault.index('ada@example.org'));
    expect(vault.index('ada@example.org')).toMatch(/^[0-9a-f]{64}$/);
    expect(vault.index('ada@example.org')).not.toBe(vault.index('bob@example.org'));
  });
});
