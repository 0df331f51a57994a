/**
 * Small-cell suppression, so that no published figure points at a person.
 *
 * Each row is a series of cells (one per period) and its total, the sum of the cells. A tally is how many events a
 * cell counts and how many distinct customers they came from.
 *
 * 1. Primary: a cell or total with events from fewer than `k` customers (but more than none) is suppressed. A
 *    published figure is therefore 0 or at least `k` (events never outnumber their customers from below).
 * 2. Complementary: a row whose published cells and total would leave exactly one figure suppressed would give it
 *    away (total minus the others). Then its smallest other non-zero cell is suppressed too, or, when there is
 *    none, the total. A row thus has no suppressed figure, or at least two: one sum, two unknowns.
 *
 * Reports publish no column totals and no figure that is a sum of another table's rows, so a row is the only sum a
 * reader can subtract from within one answer.
 */
import type { Cell } from '../protocol/insights.js';

export interface Tally {
  count: number;
  people: number;
}

const small = (t: Tally, k: number) => t.count > 0 && t.people < k;
const shown = (t: Tally): Cell => ({ value: t.count });
const hidden: Cell = { value: null, suppressed: true };

export function suppressRow(row: { cells: readonly Tally[]; total: Tally }, k: number): { cells: Cell[]; total: Cell } {
  const hide = row.cells.map((t) => small(t, k));
  let hideTotal = small(row.total, k);
  // A total is never the only one: a total from fewer than k customers has a cell from fewer than k.
  if (!hideTotal && hide.filter(Boolean).length === 1) {
    const others = row.cells.map((t, i) => ({ t, i })).filter(({ t, i }) => !hide[i] && t.count > 0);
    const smallest = others.sort((a, b) => a.t.count - b.t.count)[0];
    if (smallest) hide[smallest.i] = true;
    else hideTotal = true;
  }
  return {
    cells: row.cells.map((t, i) => (hide[i] ? hidden : shown(t))),
    total: hideTotal ? hidden : shown(row.total),
  };
}
