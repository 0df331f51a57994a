/** The hash-chained audit log: every change, insertion, deletion or reordering is caught, with its seq. */
import { describe, expect, it } from 'vitest';
import { GENESIS, hashEntry, verifyChain, type AuditDraft, type AuditEntry } from './chain.js';

function chain(drafts: AuditDraft[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS;
  drafts.forEach((d, i) => {
    const e = { ...d, seq: i + 1, at: `2026-03-0${i + 1}T10:00:00.000Z` };
    const hash = hashEntry(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  });
  return out;
}
const head = (entries: AuditEntry[]) => (entries.length ? { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash } : null);

const ENTRIES = chain([
  { kind: 'customer.upserted', actor: 'system', customerId: 'c-1', payload: { created: true } },
  { kind: 'consent.granted', actor: 'customer', customerId: 'c-1', payload: { consentId: 'k-1', categories: ['user.behavior'] } },
  { kind: 'facts.ingested', actor: 'admin:tok_1', customerId: 'c-1', payload: { created: 2, updated: 0, factIds: ['f-1', 'f-2'] } },
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
    const r = verifyChain(ENTRIES.filter((e) => e.seq !== 2), HEAD);
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
    const longer = chain([...ENTRIES, { kind: 'token.created', actor: 'system', customerId: null, payload: { tokenId: 'tok_3' } }]);
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
