/**
 * One conversation's reversible masking: each PII value becomes a placeholder `<TYPE_n>`, the
 * same value the same placeholder for the life of the masker, so a model can still tell "the
 * same e-mail again" from "another e-mail". `unmask` puts the values back locally and drops any
 * placeholder the masker did not issue: a model that invents `<EMAIL_7>` gets nothing filled in.
 *
 * Text that already contains placeholder-shaped tokens is not escaped: such a token typed by a
 * customer would be filled with this conversation's value of that number on the way back.
 */
import type { Entity, EntityType } from './types.js';
import { detectWith } from './detectors.js';
import { compileKnownNames, type KnownNames } from './known-names.js';
import { untidySpace } from './scan.js';

export interface Placeholder {
  placeholder: string;
  type: EntityType;
  n: number;
}

export interface Masker {
  mask(text: string): string;
  /** The masked text and the spans that were replaced (offsets into the input). */
  maskWithEntities(text: string): { masked: string; entities: Entity[] };
  unmask(text: string): { text: string; invented: string[] };
  /** Issued placeholders, in order of issue — never the values. */
  placeholders(): Placeholder[];
}

/** Trivial differences that do not make another value: case of e-mails and names, separators in numbers. */
export function normalise(type: EntityType, value: string): string {
  switch (type) {
    case 'PHONE':
      return value.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
    case 'EMAIL':
    case 'PERSON':
    case 'ADDRESS':
    case 'DOB':
    case 'IP':
      // Most values have tidy spaces already: testing is cheaper than replacing.
      return untidySpace(value) ? value.toLowerCase().replace(/\s+/g, ' ').trim() : value.toLowerCase();
    default: // identifiers: cards, IBANs, SSNs, NINOs, national numbers
      return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  }
}

/** `<EMAIL_1>`, `<DE_TAX_ID_2>`: the type may itself contain underscores. */
const PLACEHOLDER = /( ?)<([A-Z]+(?:_[A-Z]+)*)_(\d+)>/g;

/** One conversation's state: what was issued, and how to find the ticket's names. */
interface State {
  names: KnownNames;
  byKey: Map<EntityType, Map<string, string>>; // type → normalised value → placeholder
  values: Map<string, string>; // placeholder → the value first seen
  issued: Placeholder[];
}

function placeholderFor(s: State, type: EntityType, value: string): string {
  let ofType = s.byKey.get(type);
  if (!ofType) {
    ofType = new Map();
    s.byKey.set(type, ofType);
  }
  const key = normalise(type, value);
  let p = ofType.get(key);
  if (!p) {
    const n = ofType.size + 1; // one placeholder per distinct value of the type, numbered from 1
    p = `<${type}_${n}>`;
    ofType.set(key, p);
    s.values.set(p, value);
    s.issued.push({ placeholder: p, type, n });
  }
  return p;
}

function maskWithEntities(s: State, text: string): { masked: string; entities: Entity[] } {
  const entities = detectWith(text, s.names);
  let masked = '';
  let at = 0;
  for (const e of entities) {
    masked += text.slice(at, e.start) + placeholderFor(s, e.type, text.slice(e.start, e.end));
    at = e.end;
  }
  return { masked: masked + text.slice(at), entities };
}

function unmask(s: State, text: string): { text: string; invented: string[] } {
  const invented: string[] = [];
  const out = text.replace(
    PLACEHOLDER,
    (token: string, space: string, type: string, n: string, offset: number, whole: string) => {
      const placeholder = `<${type}_${n}>`;
      const value = s.values.get(placeholder);
      if (value !== undefined) return space + value;
      invented.push(placeholder);
      // Dropping "<X_9>" from "call <X_9> today" should not leave a double space.
      const next = whole[offset + token.length];
      return next === undefined || /[\s.,;:!?)]/.test(next) ? '' : space;
    },
  );
  return { text: out, invented };
}

/**
 * The work is in the module-level functions above: a masker is made per conversation, and where the build keeps names
 * (tsx, which runs the bench) each closure made per masker is also named at run time: 2% of the bench's masking time.
 */
export function createMasker(known: { names: string[] }): Masker {
  const s: State = {
    names: compileKnownNames(known.names),
    byKey: new Map(),
    values: new Map(),
    issued: [],
  };
  return {
    maskWithEntities(text) {
      return maskWithEntities(s, text);
    },
    mask(text) {
      return maskWithEntities(s, text).masked;
    },
    unmask(text) {
      return unmask(s, text);
    },
    placeholders() {
      return s.issued.map((p) => ({ ...p }));
    },
  };
}
