/** For the masking tests: what `detect` found, as [type, text] pairs that read well in assertions. */
import { detect } from './detectors.js';
import type { EntityType, Known } from './types.js';

export function found(text: string, known?: Known): [EntityType, string][] {
  return detect(text, known).map((e) => [e.type, text.slice(e.start, e.end)]);
}

export function foundOf(type: EntityType, text: string, known?: Known): string[] {
  return found(text, known)
    .filter(([t]) => t === type)
    .map(([, v]) => v);
}
