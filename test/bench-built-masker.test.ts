/**
 * bench/built-masker.ts: the benchmarks time the masker as `npm start` builds it, so that build must mask exactly as
 * the source the rest of the suite tests.
 */
import { describe, expect, it } from 'vitest';
import { builtMasker } from '../bench/built-masker.js';
import { generateCorpus } from '../bench/corpus.js';
import { createMasker } from '../server/masking/masker.js';

describe('builtMasker', () => {
  it('loads a build of the masker that masks the generated corpus as the source does', async () => {
    const built = await builtMasker();
    expect(built).not.toBe(createMasker); // another module: the build, not this checkout's source
    const turns = generateCorpus({ conversations: 120 });
    let conversation = '';
    let [ours, theirs] = [createMasker({ names: [] }), built({ names: [] })];
    let masked = 0;
    for (const turn of turns) {
      if (turn.conversation !== conversation) {
        conversation = turn.conversation;
        [ours, theirs] = [createMasker({ names: turn.known.names }), built({ names: turn.known.names })];
      }
      const expected = ours.maskWithEntities(turn.text);
      expect(theirs.maskWithEntities(turn.text)).toEqual(expected);
      if (expected.entities.length) masked++;
    }
    expect(masked).toBeGreaterThan(500);
  }, 60_000);
});
