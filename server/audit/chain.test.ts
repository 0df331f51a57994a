/** The hash-chained audit log: every change, insertion, deletion or reordering is caught, with its seq. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENESIS,
  checkpointDraft,
  hashEntry,
  newSeal,
  verifyChain,
  type AuditDraft,
  type AuditEntry,
  type Seal,
} from './chain.js';

function chain(drafts: AuditDraft[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS;
  drafts.forEach(({ sealed, ...d }, i) => {
    const e = { ...d, seal: sealed ? newSeal(sealed) : null, seq: i + 1, at: `2026-03-0${i + 1}T10:00:00.000Z` };
    const hash = hashEntry(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  });
  return out;
}
const head = (entries: AuditEntry[]) =>
  entries.length ? { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash } : null;

const ENTRIES = chain([
  { kind: 'customer.upserted', actor: 'system', customerId: 'c-1', payload: { created: true } },
  {
    kind: 'consent.granted',
    actor: 'customer',
    customerId: 'c-1',
    payload: { consentId: 'k-1', categories: ['user.behavior'] },
  },
  {
    kind: 'facts.ingested',
    actor: 'admin:tok_1',
    customerId: 'c-1',
    payload: { created: 2, updated: 0, factIds: ['f-1', 'f-2'] },
  },
  { kind: 'context.viewed', actor: 'agent:tok_2', customerId: 'c-1', payload: { shown: 1, withheld: 1 } },
]);
const HEAD = head(ENTRIES)!;

describe('verifyChain', () => {
  it('when entries are built with hashEntry and the head matches, then the chain verifies', () => {
    expect(verifyChain(ENTRIES, HEAD)).toEqual({ ok: true, entries: 4, head: HEAD.hash });
  });

  it('when the log is empty and there is no head, then it verifies', () => {
    expect(verifyChain([], null)).toEqual({ ok: true, entries: 0, head: GENESIS });
  });

  it('when payload keys are in another order, then the hash is the same (canonical JSON)', () => {
    const e = ENTRIES[2]!;
    const reordered = { ...e, payload: { factIds: ['f-1', 'f-2'], updated: 0, created: 2 } };
    expect(hashEntry(e.prevHash, reordered)).toBe(e.hash);
  });

  it('when an entry payload is changed, then verification fails at that seq saying it was changed', () => {
    const tampered = ENTRIES.map((e) => (e.seq === 3 ? { ...e, payload: { ...e.payload, created: 3 } } : e));
    const r = verifyChain(tampered, HEAD);
    expect(r).toMatchObject({ ok: false, seq: 3 });
    expect(r.ok === false && r.problem).toMatch(/entry 3 was changed/);
  });

  it('when an entry actor is changed, then verification fails at that seq', () => {
    const tampered = ENTRIES.map((e) => (e.seq === 2 ? { ...e, actor: 'system' } : e));
    expect(verifyChain(tampered, HEAD)).toMatchObject({ ok: false, seq: 2 });
  });

  it('when an entry is changed and its hash recomputed, then the next entry no longer links to it', () => {
    const tampered = ENTRIES.map((e) => ({ ...e }));
    tampered[1]!.payload = { consentId: 'k-other' };
    tampered[1]!.hash = hashEntry(tampered[1]!.prevHash, tampered[1]!);
    const r = verifyChain(tampered, HEAD);
    expect(r).toMatchObject({ ok: false, seq: 3 });
    expect(r.ok === false && r.problem).toMatch(/entry 3 does not link/);
  });

  it('when a middle entry is deleted, then verification fails at the missing seq', () => {
    const r = verifyChain(
      ENTRIES.filter((e) => e.seq !== 2),
      HEAD,
    );
    expect(r).toMatchObject({ ok: false, seq: 2 });
    expect(r.ok === false && r.problem).toMatch(/entry 2 is missing \(next is 3\)/);
  });

  it('when the last entry is deleted but the head still records it, then verification fails naming both ends', () => {
    const r = verifyChain(ENTRIES.slice(0, 3), HEAD);
    expect(r).toMatchObject({ ok: false, seq: 4 });
    expect(r.ok === false && r.problem).toMatch(/ends at entry 3 but its head records entry 4/);
  });

  it('when every entry is deleted but the head remains, then verification fails', () => {
    expect(verifyChain([], HEAD)).toMatchObject({ ok: false, seq: 4 });
  });

  it('when an entry is appended without moving the head, then verification fails', () => {
    const longer = chain([
      ...ENTRIES,
      { kind: 'token.created', actor: 'system', customerId: null, payload: { tokenId: 'tok_3' } },
    ]);
    expect(verifyChain(longer, HEAD)).toMatchObject({ ok: false });
  });

  it('when two entries are swapped, then verification fails at the first out-of-place seq', () => {
    const swapped = [ENTRIES[0]!, ENTRIES[2]!, ENTRIES[1]!, ENTRIES[3]!];
    const r = verifyChain(swapped, HEAD);
    expect(r).toMatchObject({ ok: false, seq: 2 });
    expect(r.ok === false && r.problem).toMatch(/entry 2 is missing \(next is 3\)/);
  });

  it('when two entries swap their seq numbers too, then the chain link breaks at seq 2', () => {
    const swapped = [ENTRIES[0]!, { ...ENTRIES[2]!, seq: 2 }, { ...ENTRIES[1]!, seq: 3 }, ENTRIES[3]!];
    const r = verifyChain(swapped, HEAD);
    expect(r).toMatchObject({ ok: false, seq: 2 });
    expect(r.ok === false && r.problem).toMatch(/entry 2 does not link/);
  });

  it('when the head hash is wrong, then verification fails', () => {
    expect(verifyChain(ENTRIES, { seq: 4, hash: 'f'.repeat(64) })).toMatchObject({ ok: false, seq: 4 });
  });
});

describe('sealed parts: erasable without breaking the chain', () => {
  const PROMPT = { messages: [{ role: 'user', content: 'I can see you ordered Blender Pro 3000' }] };
  const SEALED = chain([
    { kind: 'customer.upserted', actor: 'system', customerId: 'c-1', payload: { created: true } },
    { kind: 'model.called', actor: 'agent:tok_2', customerId: 'c-1', payload: { factIds: ['f-1'] }, sealed: PROMPT },
    {
      kind: 'model.called',
      actor: 'agent:tok_2',
      customerId: 'c-2',
      payload: { factIds: ['f-9'] },
      sealed: { messages: [{ role: 'user', content: 'Kettle' }] },
    },
    { kind: 'context.viewed', actor: 'agent:tok_2', customerId: 'c-1', payload: { shownFactIds: ['f-1'] } },
  ]);
  const SEALED_HEAD = head(SEALED)!;
  const erase = (s: Seal): Seal => ({ ...s, salt: null, value: null, erasedAt: '2026-03-09T10:00:00.000Z' });
  const withSeal = (seq: number, f: (s: Seal) => Seal) =>
    SEALED.map((e) => (e.seq === seq ? { ...e, seal: f(e.seal!) } : e));

  it('when a sealed part is present and untouched, then the chain verifies', () => {
    expect(verifyChain(SEALED, SEALED_HEAD)).toMatchObject({ ok: true, entries: 4 });
  });

  it('when a sealed part is changed, then verification names the entry (the digest no longer matches)', () => {
    const r = verifyChain(
      withSeal(2, (s) => ({ ...s, value: { messages: [] } })),
      SEALED_HEAD,
    );
    expect(r).toMatchObject({ ok: false, seq: 2 });
    expect(r.ok === false && r.problem).toMatch(/sealed part of entry 2 was changed/);
  });

  it('when the digest itself is changed, then the entry hash no longer matches', () => {
    expect(
      verifyChain(
        withSeal(2, (s) => ({ ...s, digest: 'a'.repeat(64) })),
        SEALED_HEAD,
      ),
    ).toMatchObject({ ok: false, seq: 2 });
  });

  it('when the value is removed but the salt kept (not a proper tombstone), then verification fails', () => {
    expect(
      verifyChain(
        withSeal(2, (s) => ({ ...s, value: null, erasedAt: '2026-03-09T10:00:00.000Z' })),
        SEALED_HEAD,
      ),
    ).toMatchObject({ ok: false, seq: 2 });
  });

  it('for any set of erased seals, the chain still verifies and no erased value or salt is left', () => {
    fc.assert(
      fc.property(fc.subarray([2, 3]), (erased) => {
        const entries = SEALED.map((e) => (erased.includes(e.seq) ? { ...e, seal: erase(e.seal!) } : e));
        expect(verifyChain(entries, SEALED_HEAD)).toMatchObject({ ok: true, entries: 4 });
        for (const seq of erased) expect(JSON.stringify(entries[seq - 1])).not.toMatch(/Blender|Kettle|"salt":"/);
      }),
    );
  });

  it(
    'when two entries seal the same value, then their digests differ ' +
      '(salted: a digest does not reveal a repeated value)',
    () => {
      const [a, b] = chain([
        { kind: 'model.called', actor: 'system', customerId: 'c-1', payload: {}, sealed: PROMPT },
        { kind: 'model.called', actor: 'system', customerId: 'c-1', payload: {}, sealed: PROMPT },
      ]);
      expect(a!.seal!.digest).not.toBe(b!.seal!.digest);
    },
  );
});

describe('a pruned prefix: the checkpoint entry carries the head it replaces', () => {
  /** `drafts` appended after `entries`, as the store appends them. */
  function extend(entries: AuditEntry[], drafts: AuditDraft[]): AuditEntry[] {
    const out = [...entries];
    for (const d of drafts) {
      const last = out.at(-1);
      const e = {
        ...d,
        seal: null,
        seq: (last?.seq ?? 0) + 1,
        at: `2026-04-01T10:00:${String(out.length).padStart(2, '0')}Z`,
      };
      out.push({ ...e, prevHash: last?.hash ?? GENESIS, hash: hashEntry(last?.hash ?? GENESIS, e) });
    }
    return out;
  }
  const viewed = (n: number): AuditDraft => ({
    kind: 'context.viewed',
    actor: 'agent:tok_2',
    customerId: `c-${n}`,
    payload: { shownFactIds: [`f-${n}`] },
  });
  /** What a retention run does: a checkpoint for entries 1..k is appended, then they are deleted. */
  const prune = (entries: AuditEntry[], k: number) => {
    const through = entries.find((e) => e.seq === k)!;
    const kept = entries.filter((e) => e.seq > k);
    return extend(entries, [checkpointDraft(through, entries.length - kept.length)]).filter((e) => e.seq > k);
  };
  const LOG = extend(
    [],
    Array.from({ length: 10 }, (_, i) => viewed(i + 1)),
  );
  const PRUNED = prune(LOG, 6); // entries 7..10, then the checkpoint at 11

  it('when entries 1..k are removed behind a checkpoint, then the rest verifies and says where it starts', () => {
    expect(verifyChain(PRUNED, head(PRUNED))).toEqual({
      ok: true,
      entries: 5,
      head: PRUNED.at(-1)!.hash,
      pruned: { firstSeq: 7, checkpointSeq: 11, throughAt: LOG[5]!.at },
    });
  });

  it('when a prune is under way (the checkpoint written, only some entries deleted yet), then it verifies', () => {
    const all = extend(LOG, [checkpointDraft(LOG[5]!, 6)]);
    for (const from of [1, 3, 6, 7]) {
      const rest = all.filter((e) => e.seq >= from);
      expect(verifyChain(rest, head(rest))).toMatchObject({ ok: true, entries: rest.length });
    }
  });

  it('when a later prune removes the earlier checkpoint, then the newest checkpoint covers everything before it', () => {
    const longer = extend(PRUNED, [viewed(12), viewed(13)]);
    const twice = prune(longer, 12); // removes 7..12, the first checkpoint (11) with them
    expect(twice.map((e) => e.seq)).toEqual([13, 14]);
    expect(verifyChain(twice, head(twice))).toMatchObject({ ok: true, entries: 2, pruned: { checkpointSeq: 14 } });
  });

  it('when a later prune keeps the earlier checkpoint, then both stay in the chain and it verifies', () => {
    const twice = prune(extend(PRUNED, [viewed(12)]), 8);
    expect(verifyChain(twice, head(twice))).toMatchObject({ ok: true, pruned: { firstSeq: 9, checkpointSeq: 13 } });
  });

  it('attack: when the oldest entries are deleted without a checkpoint, then verification fails', () => {
    const rest = LOG.filter((e) => e.seq > 3);
    const r = verifyChain(rest, head(rest));
    expect(r).toMatchObject({ ok: false, seq: 1 });
    expect(r.ok === false && r.problem).toMatch(/entries 1 to 3 are missing and no checkpoint records their removal/);
  });

  it('attack: when more is deleted than the checkpoint records, then verification fails naming the gap', () => {
    const rest = PRUNED.filter((e) => e.seq > 8);
    const r = verifyChain(rest, head(rest));
    expect(r).toMatchObject({ ok: false, seq: 7 });
    expect(r.ok === false && r.problem).toMatch(/entries 7 to 8 are missing: the newest checkpoint \(entry 11\)/);
  });

  it('attack: when a middle block is deleted after a prune, then verification fails at the gap', () => {
    const rest = PRUNED.filter((e) => e.seq !== 8 && e.seq !== 9);
    expect(verifyChain(rest, head(rest))).toMatchObject({ ok: false, seq: 8 });
  });

  it('attack: when a middle block is deleted and the rest renumbered and rehashed, then the head no longer matches', () => {
    const forged = extend(
      LOG.slice(0, 4),
      LOG.slice(7).map(({ kind, actor, customerId, payload }) => ({ kind, actor, customerId, payload })),
    );
    expect(verifyChain(forged, head(LOG))).toMatchObject({ ok: false });
  });

  it('attack: when a checkpoint is changed to cover more, then its own hash no longer matches', () => {
    const cover = { throughSeq: 8, throughHash: LOG[7]!.hash, throughAt: LOG[7]!.at, removed: 8 };
    const forged = PRUNED.filter((e) => e.seq > 8).map((e) => (e.seq === 11 ? { ...e, payload: cover } : e));
    const r = verifyChain(forged, head(PRUNED));
    expect(r).toMatchObject({ ok: false, seq: 11 });
    expect(r.ok === false && r.problem).toMatch(/entry 11 was changed after it was written/);
  });

  it('attack: when a fake checkpoint is inserted in the middle to hide deleted entries, then the chain breaks', () => {
    // Entries 7..8 deleted, a checkpoint for 1..8 slipped in where they were, hashed to link to nothing before it.
    const fake = { ...checkpointDraft(LOG[7]!, 8), seal: null, seq: 9, at: LOG[8]!.at };
    const forgedEntry = { ...fake, prevHash: LOG[7]!.hash, hash: hashEntry(LOG[7]!.hash, fake) };
    const forged = [forgedEntry, ...PRUNED.filter((e) => e.seq > 9)];
    const r = verifyChain(forged, head(PRUNED));
    expect(r).toMatchObject({ ok: false, seq: 7 });
    expect(r.ok === false && r.problem).toMatch(/entries 7 to 8 are missing/);
  });

  it('attack: when a fake checkpoint is appended at the end but the head is left alone, then verification fails', () => {
    const forged = prune(LOG, 8); // as if 1..8 went: but the head the store keeps is still the real one
    const r = verifyChain(forged, head(LOG));
    expect(r).toMatchObject({ ok: false });
    expect(r.ok === false && r.problem).toMatch(/its head records entry 10/);
  });

  it('attack: when the checkpoint records another hash than the entry it replaced, then the first entry does not link', () => {
    const wrong = extend(LOG, [checkpointDraft({ ...LOG[5]!, hash: 'e'.repeat(64) }, 6)]).filter((e) => e.seq > 6);
    const r = verifyChain(wrong, head(wrong));
    expect(r).toMatchObject({ ok: false, seq: 7 });
    expect(r.ok === false && r.problem).toMatch(
      /entry 7 does not link to the head the checkpoint \(entry 11\) recorded/,
    );
  });

  it('attack: when the newest checkpoint is deleted along with the entries, then the older log start is refused', () => {
    const rest = PRUNED.filter((e) => e.seq !== 11);
    expect(verifyChain(rest, head(rest)).ok).toBe(false);
  });

  it('attack: when a prune under way has the recorded entry swapped for another, then it is caught', () => {
    const all = extend(LOG, [checkpointDraft(LOG[5]!, 6)]);
    const forged = all
      .filter((e) => e.seq >= 4)
      .map((e) => (e.seq === 6 ? { ...e, payload: { shownFactIds: ['f-x'] } } : e));
    expect(verifyChain(forged, head(all))).toMatchObject({ ok: false, seq: 6 });
  });

  it('when an entry of another kind carries checkpoint-like fields, then it vouches for nothing', () => {
    const lookalike = extend(LOG, [{ ...checkpointDraft(LOG[5]!, 6), kind: 'settings.changed' }]).filter(
      (e) => e.seq > 6,
    );
    expect(verifyChain(lookalike, head(lookalike))).toMatchObject({ ok: false, seq: 1 });
  });
});
