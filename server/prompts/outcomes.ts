/** How each version of a template did with agents: the lead's answer to "did my change help?". */
import type { OutcomeRecord } from '../store/types.js';

export interface VersionOutcomes {
  templateId: string;
  version: number;
  shown: number;
  inserted: number;
  edited: number;
  /** Mean characters changed by an edit; null without edits. */
  editSize: number | null;
  copied: number;
  dismissed: number;
  up: number;
  down: number;
  /** The agents' reasons for their ratings, PII masked. */
  reasons: string[];
}

export function summarise(
  templateId: string,
  outcomes: readonly OutcomeRecord[],
  shown: readonly { version: number; shown: number }[],
): VersionOutcomes[] {
  const versions = new Map<number, VersionOutcomes>();
  const row = (version: number) => {
    let r = versions.get(version);
    if (!r) {
      r = {
        templateId,
        version,
        shown: 0,
        inserted: 0,
        edited: 0,
        editSize: null,
        copied: 0,
        dismissed: 0,
        up: 0,
        down: 0,
        reasons: [],
      };
      versions.set(version, r);
    }
    return r;
  };
  for (const s of shown) row(s.version).shown = s.shown;
  const edits = new Map<number, number[]>();
  for (const o of outcomes) {
    const r = row(o.template.version);
    if (o.action === 'inserted') r.inserted += 1;
    if (o.action === 'copied') r.copied += 1;
    if (o.action === 'dismissed') r.dismissed += 1;
    if (o.action === 'edited') edits.set(r.version, [...(edits.get(r.version) ?? []), o.edit?.distance ?? 0]);
    if (o.rating === 'up') r.up += 1;
    if (o.rating === 'down') r.down += 1;
    if (o.reason) r.reasons.push(o.reason);
  }
  for (const [version, sizes] of edits)
    Object.assign(row(version), { edited: sizes.length, editSize: sizes.reduce((a, b) => a + b, 0) / sizes.length });
  return [...versions.values()].sort((a, b) => b.version - a.version);
}
