import { describe, expect, it } from 'vitest';
import { candorExtensionOrigin, extensionIdOf } from './origins.js';

describe('extension origin', () => {
  it('derives the id Chrome gives an unpacked extension with this key', () => {
    // Chrome loaded the built extension (test/extension.browser.test.ts) under this id.
    expect(candorExtensionOrigin()).toBe('chrome-extension://agdpmfpllhpblfimpjpmgbcnboaffcgl');
  });

  it('maps each hex digit of the hash to a letter a–p', () => {
    // sha256('') = e3b0c44298fc1c149afbf4c8996fb924…: e→o, 3→d, b→l, 0→a, …
    expect(extensionIdOf('')).toBe('odlameecjipmbmbejkplpemijjgpljce');
  });
});
