/**
 * One session's pseudonym table, used in two passes over the same strings: `learn` finds every
 * PII value in the session, so that no fake can be one of them; `replace` swaps each for its fake.
 * The same real value gets the same fake everywhere in the session, and a value found anywhere is
 * replaced everywhere, even where the detectors alone would miss it ("1042" after "order #1042").
 * Detection is the masking module's (the ticket's names included) plus `hints.ts`; the fakes come
 * from `replacements.ts`.
 */
import { createMasker } from '../masking/index.js';
import { PARTICLES } from '../masking/detect-names.js';
import { literal } from '../masking/scan.js';
import { createFakes } from './fakes.js';
import { ADDRESS_SPLIT, NAME_SPLIT, createReplacements } from './replacements.js';
import { detectExtra, merge, type Kind, type Span } from './hints.js';

export interface Visit {
  /**
   * Free text: detected PII is replaced; with `fallback`, a text where nothing is detected is taken whole as that kind.
   */
  text(s: string, fallback?: Kind): string;
  /** A value that is one kind as a whole: a display name, `{ "order": "1042" }`. */
  whole(s: string, kind: Kind): string;
}

/** Words only, space-separated and padded, so "sam" is found in "Sam Ode" but not in "Sample Street". */
const words = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

function trimmed(s: string, kind: Kind): Span[] {
  const start = s.length - s.trimStart().length;
  const end = s.trimEnd().length;
  return end > start ? [{ kind, start, end }] : [];
}

export function createPseudonyms(opts: { seed: string; names: readonly string[] }): { learn: Visit; replace: Visit } {
  const masker = createMasker({ names: [...opts.names] });
  const found = new Map<string, Span[]>(); // what pass 1 found in each string, for pass 2
  const originals = new Map<string, Kind>(); // lower-case real value → its kind
  const bounded = new Set<string>();
  const fakeFor = createReplacements(
    createFakes(opts.seed, (candidate) => {
      const w = words(candidate);
      for (const o of bounded) if (w.includes(o)) return true;
      return false;
    }),
  );
  let everywhere: { re: RegExp; size: number } | null = null;

  function register(kind: Kind, value: string) {
    const parts = kind === 'PERSON' ? value.split(NAME_SPLIT) : kind === 'ADDRESS' ? value.split(ADDRESS_SPLIT) : [];
    for (const v of [
      value,
      ...parts.filter((p) => p.replace(/[^\p{L}\p{N}]/gu, '').length >= 2 && !PARTICLES.has(p.toLowerCase())),
    ]) {
      const lower = v.toLowerCase().trim();
      if (!originals.has(lower)) originals.set(lower, kind);
      if (words(v).trim()) bounded.add(words(v));
    }
  }

  function spans(mode: 'text' | 'whole', s: string, kind?: Kind): Span[] {
    const cacheKey = `${mode}\u0000${kind ?? ''}\u0000${s}`;
    let out = found.get(cacheKey);
    if (!out) {
      out = mode === 'whole' ? trimmed(s, kind!) : merge(masker.maskWithEntities(s).entities, detectExtra(s));
      if (out.length === 0 && kind) out = trimmed(s, kind);
      found.set(cacheKey, out);
      for (const sp of out) register(sp.kind, s.slice(sp.start, sp.end));
    }
    return out;
  }

  /** Occurrences of any learned value in the gaps between the detected spans. */
  function withLearned(s: string, detected: Span[]): Span[] {
    if (originals.size === 0) return detected;
    if (everywhere?.size !== originals.size) {
      const alternatives = [...originals.keys()]
        .filter((o) => o.length >= 3)
        .sort((a, b) => b.length - a.length)
        .map(literal);
      everywhere = {
        re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`, 'giu'),
        size: originals.size,
      };
    }
    const out = [...detected];
    for (const m of s.matchAll(everywhere.re)) {
      const kind = originals.get(m[0].toLowerCase());
      const end = m.index + m[0].length;
      // A name is a name when capitalised: "Will" the agent, not "I will".
      if (!kind || (kind === 'PERSON' && !/^\p{Lu}/u.test(m[0]))) continue;
      if (!detected.some((d) => d.start < end && m.index < d.end)) out.push({ kind, start: m.index, end });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  function rewrite(s: string, all: Span[]): string {
    let out = '';
    let at = 0;
    for (const sp of all) {
      out += s.slice(at, sp.start) + fakeFor(sp.kind, s.slice(sp.start, sp.end));
      at = sp.end;
    }
    return out + s.slice(at);
  }

  return {
    learn: {
      text(s, fallback) {
        spans('text', s, fallback);
        return s;
      },
      whole(s, kind) {
        spans('whole', s, kind);
        return s;
      },
    },
    replace: {
      text: (s, fallback) => rewrite(s, withLearned(s, spans('text', s, fallback))),
      whole: (s, kind) => rewrite(s, spans('whole', s, kind)),
    },
  };
}
