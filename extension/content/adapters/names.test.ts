/** The server names adapters on the lead's pages from `server/protocol/adapters.ts`; the adapters carry their own. */
import { describe, expect, it } from 'vitest';
import { ADAPTER_IDS, ADAPTER_NAMES } from '../../../server/protocol/adapters.js';
import { ADAPTERS } from './index.js';

describe('adapter names', () => {
  it('when the server names an adapter, then it uses the name the adapter itself shows in Options', () => {
    // A taught adapter is named by whoever taught it, per site; the server calls them all "team-taught".
    const { taught, ...builtIn } = ADAPTER_NAMES;
    expect(Object.fromEntries(ADAPTERS.map((a) => [a.id, a.name]))).toEqual(builtIn);
    expect(taught).toBe('team-taught');
    expect([...ADAPTERS.map((a) => a.id), 'taught'].sort()).toEqual([...ADAPTER_IDS].sort());
  });
});
