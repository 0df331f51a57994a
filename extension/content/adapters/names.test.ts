/** The server names adapters on the lead's pages from `server/protocol/adapters.ts`; the adapters carry their own. */
import { describe, expect, it } from 'vitest';
import { ADAPTER_IDS, ADAPTER_NAMES } from '../../../server/protocol/adapters.js';
import { ADAPTERS } from './index.js';

describe('adapter names', () => {
  it('when the server names an adapter, then it uses the name the adapter itself shows in Options', () => {
    expect(Object.fromEntries(ADAPTERS.map((a) => [a.id, a.name]))).toEqual(ADAPTER_NAMES);
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...ADAPTER_IDS].sort());
  });
});
