/** PII masking before any model call: detection, and reversible per-conversation placeholders. */
export { ENTITY_TYPES, type Entity, type EntityType, type Known } from './types.js';
export { detect } from './detectors.js';
export { createMasker, type Masker, type Placeholder } from './masker.js';
