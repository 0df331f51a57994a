/**
 * Span-match scoring. A gold entity is found when a predicted span of a compatible type covers at
 * least half of it; a predicted span is correct when gold entities of a compatible type together cover
 * at least half of the prediction (one masked address over the street, unit and postcode that a set labels
 * apart is right, not wrong). Compatible means the same type, or a peer's type we could not
 * map ('OTHER'), which counts as any type: the value was redacted, if under another label.
 * Predictions lying on spans the corpus labels but we do not score (presidio's ORGANIZATION,
 * DATE_TIME, …) are neither right nor wrong: they are left out.
 */
import { ENTITY_TYPES, type EntityType } from '../server/masking/types.js';

export type PredictedType = EntityType | 'OTHER';
export interface Span<T extends string = string> {
  type: T;
  start: number;
  end: number;
}
export interface ScoredItem {
  gold: Span<EntityType>[];
  predicted: Span<PredictedType>[];
  /** Labelled spans of types outside the scored set. */
  ignore?: Span[];
}

export interface Counts {
  gold: number;
  found: number;
  predicted: number;
  correct: number;
}
export interface Rates {
  precision: number;
  recall: number;
  f2: number;
}
export type Report = Rates & Counts & { perType: Record<string, Counts & Rates> };

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const compatible = (p: PredictedType, g: EntityType) => p === g || p === 'OTHER';

export const goldFound = (g: Span<EntityType>, predicted: Span<PredictedType>[]) =>
  predicted.some((p) => compatible(p.type, g.type) && overlap(p, g) * 2 >= g.end - g.start);
export function predictionCorrect(p: Span<PredictedType>, gold: Span<EntityType>[]): boolean {
  const covered = gold.reduce((n, g) => n + (compatible(p.type, g.type) ? overlap(p, g) : 0), 0);
  return covered * 2 >= p.end - p.start;
}
/** A wrong prediction lying on a labelled span of a type we do not score is left out. */
export const onIgnored = (p: Span, ignore: Span[] = []) => ignore.some((s) => overlap(p, s) * 2 >= p.end - p.start);

export function rates(c: Counts): Rates {
  const precision = c.predicted === 0 ? 1 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 1 : c.found / c.gold;
  const f2 = precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
  return { precision, recall, f2 };
}

export function score(items: Iterable<ScoredItem>): Report {
  const per = new Map<string, Counts>();
  const row = (t: string) => {
    if (!per.has(t)) per.set(t, { gold: 0, found: 0, predicted: 0, correct: 0 });
    return per.get(t)!;
  };
  for (const it of items) {
    for (const g of it.gold) {
      const r = row(g.type);
      r.gold++;
      if (goldFound(g, it.predicted)) r.found++;
    }
    for (const p of it.predicted) {
      const correct = predictionCorrect(p, it.gold);
      if (!correct && onIgnored(p, it.ignore)) continue;
      const r = row(p.type);
      r.predicted++;
      if (correct) r.correct++;
    }
  }
  const total: Counts = { gold: 0, found: 0, predicted: 0, correct: 0 };
  const perType: Record<string, Counts & Rates> = {};
  for (const t of [...ENTITY_TYPES, 'OTHER']) {
    const c = per.get(t);
    if (!c) continue;
    perType[t] = { ...c, ...rates(c) };
    for (const k of ['gold', 'found', 'predicted', 'correct'] as const) total[k] += c[k];
  }
  return { ...total, ...rates(total), perType };
}
