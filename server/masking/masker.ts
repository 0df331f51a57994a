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
import { compileKnownNames } from './known-names.js';

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

/** Whitespace that `normalise` would change: anything but single spaces between words. */
const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;

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
      return UNTIDY_SPACE.test(value) ? value.toLowerCase().replace(/\s+/g, ' ').trim() : value.toLowerCase();
    default: // identifiers: cards, IBANs, SSNs, NINOs, national numbers
      return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  }
}

/** `<EMAIL_1>`, `<DE_TAX_ID_2>`: the type may itself contain underscores. */
const PLACEHOLDER = /( ?)<([A-Z]+(?:_[A-Z]+)*)_(\d+)>/g;

export function createMasker(known: { names: string[] }): Masker {
  const names = compileKnownNames(known.names);
  const byKey = new Map<EntityType, Map<string, string>>(); // type → normalised value → placeholder
  const values = new Map<string, string>(); // placeholder → the value first seen
  const issued: Placeholder[] = [];
  const counters = new Map<EntityType, number>();

  function placeholderFor(type: EntityType, value: string): string {
    let ofType = byKey.get(type);
    if (!ofType) {
      ofType = new Map();
      byKey.set(type, ofType);
    }
    const key = normalise(type, value);
    let p = ofType.get(key);
    if (!p) {
      const n = (counters.get(type) ?? 0) + 1;
      counters.set(type, n);
      p = `<${type}_${n}>`;
      ofType.set(key, p);
      values.set(p, value);
      issued.push({ placeholder: p, type, n });
    }
    return p;
  }

  function maskWithEntities(text: string) {
    const entities = detectWith(text, names);
    let masked = '';
    let at = 0;
    for (const e of entities) {
      masked += text.slice(at, e.start) + placeholderFor(e.type, text.slice(e.start, e.end));
      at = e.end;
    }
    return { masked: masked + text.slice(at), entities };
  }

  return {
    maskWithEntities,
    mask: (text) => maskWithEntities(text).masked,
    unmask(text) {
      const invented: string[] = [];
      const out = text.replace(
        PLACEHOLDER,
        (token: string, space: string, type: string, n: string, offset: number, whole: string) => {
          const placeholder = `<${type}_${n}>`;
          const value = values.get(placeholder);
          if (value !== undefined) return space + value;
          invented.push(placeholder);
          // Dropping "<X_9>" from "call <X_9> today" should not leave a double space.
          const next = whole[offset + token.length];
          return next === undefined || /[\s.,;:!?)]/.test(next) ? '' : space;
        },
      );
      return { text: out, invented };
    },
    placeholders: () => issued.map((p) => ({ ...p })),
  };
}
