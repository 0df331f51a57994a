/**
 * The public presidio-research synthetic set (synth_dataset_v2.json: 1,500 sentences with
 * character spans for 17 Presidio entity types), mapped to ours. Types we do not detect are left
 * out of scoring; predictions lying on them are neither counted right nor wrong (see score.ts).
 *
 * The set is split by index parity: even sentences are the development half, the only one whose misses
 * may be read while improving the detectors (`npx tsx bench/presidio-misses.ts`); odd sentences are held
 * out, and figures are reported for both halves and the whole.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { EntityType } from '../server/masking/types.js';
import type { Span } from './score.js';

const ROOT = path.resolve(import.meta.dirname, '..');
export const PRESIDIO_PATH = path.resolve(ROOT, '../shared/data/presidio-research/synth_dataset_v2.json');

export const PRESIDIO_TO_OURS: Readonly<Record<string, EntityType>> = {
  PERSON: 'PERSON',
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  CREDIT_CARD: 'CARD',
  IBAN_CODE: 'IBAN',
  US_SSN: 'SSN',
  IP_ADDRESS: 'IP',
  STREET_ADDRESS: 'ADDRESS',
};

const Sample = z.object({
  full_text: z.string(),
  spans: z.array(
    z.object({ entity_type: z.string(), start_position: z.number().int(), end_position: z.number().int() }),
  ),
});

export type Half = 'dev' | 'held-out';
export const halfOf = (index: number): Half => (index % 2 === 0 ? 'dev' : 'held-out');

export interface PresidioItem {
  text: string;
  half: Half;
  gold: Span<EntityType>[];
  ignore: Span[];
}

export interface PresidioSet {
  items: PresidioItem[];
  /** Presidio types in the file that we do not score, with their counts. */
  unscored: Record<string, number>;
}

/** The mapped set, or a sentence saying why it could not be loaded. */
export function loadPresidio(file = PRESIDIO_PATH): PresidioSet | string {
  if (!existsSync(file)) return `presidio-research set not found at ${file}; skipped`;
  const parsed = z.array(Sample).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    return `presidio-research set at ${file} is not in the expected format: ${parsed.error.issues[0]?.message}`;
  const unscored: Record<string, number> = {};
  const items = parsed.data.map((s, index) => {
    const gold: Span<EntityType>[] = [];
    const ignore: Span[] = [];
    for (const sp of s.spans) {
      const span = { start: sp.start_position, end: sp.end_position };
      const ours = PRESIDIO_TO_OURS[sp.entity_type];
      if (ours) gold.push({ type: ours, ...span });
      else {
        ignore.push({ type: sp.entity_type, ...span });
        unscored[sp.entity_type] = (unscored[sp.entity_type] ?? 0) + 1;
      }
    }
    return { text: s.full_text, half: halfOf(index), gold, ignore };
  });
  return { items, unscored };
}
